from django.urls import path, register_converter

from rightstrack.evidence import queue, views
from rightstrack.portal.urls import IdConverter

register_converter(IdConverter, "eid")

app_name = "evidence"

urlpatterns = [
    path("queue/", queue.reviews, name="queue_reviews"),
    path("queue/<eid:review_id>/", queue.queue, name="queue"),
    path("<eid:pk>/confirm/", views.decide, {"action": "confirm"}, name="confirm"),
    path("<eid:pk>/reject/", views.decide, {"action": "reject"}, name="reject"),
    path("recommendation/<eid:pk>/draft-assessment/", views.draft, name="draft-assessment"),
]
