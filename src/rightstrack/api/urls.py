"""The REST API under ``/api/``: public reads, token-authenticated writes, the schema and its page."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from rightstrack.api import assessments, docs, evidence, token, views

router = SimpleRouter()
router.register("states", views.StateViewSet, basename="api-state")
router.register("reviews", views.ReviewViewSet, basename="api-review")
router.register("recommendations", views.RecommendationViewSet, basename="api-recommendation")
router.register("stakeholders", views.StakeholderViewSet, basename="api-stakeholder")
router.register("assessments", assessments.AssessmentViewSet, basename="api-assessment")
router.register("evidence-documents", evidence.EvidenceDocumentViewSet, basename="api-evidence-document")
router.register("evidence-links", evidence.EvidenceLinkViewSet, basename="api-evidence-link")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", docs.docs, name="api-docs"),
    path("token/", token.ObtainTokenView.as_view(), name="api-token"),
    path("", views.root, name="api-root"),
    path("", include(router.urls)),
]
