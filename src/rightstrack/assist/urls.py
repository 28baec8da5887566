from django.urls import path, register_converter

from rightstrack.assist import views
from rightstrack.portal.urls import IdConverter

register_converter(IdConverter, "sid")

app_name = "assist"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("group/", views.group, name="group"),
    path("decide/", views.decide_many, name="decide_many"),
    path("<sid:pk>/accept/", views.decide, {"action": "accept"}, name="accept"),
    path("<sid:pk>/reject/", views.decide, {"action": "reject"}, name="reject"),
]
