from django.urls import path, register_converter

from rightstrack.evidence import views
from rightstrack.portal.urls import IdConverter

register_converter(IdConverter, "eid")

app_name = "evidence"

urlpatterns = [
    path("<eid:pk>/confirm/", views.decide, {"action": "confirm"}, name="confirm"),
    path("<eid:pk>/reject/", views.decide, {"action": "reject"}, name="reject"),
    path("recommendation/<eid:pk>/draft-assessment/", views.draft, name="draft-assessment"),
]
