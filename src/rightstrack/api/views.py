"""Public, read-only endpoints: States, reviews, recommendations, stakeholders (published work only).

A recommendation's evidence, and an editor's draft from it, are in ``recommendation_evidence``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view, permission_classes, renderer_classes
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from rightstrack.api import filters
from rightstrack.api.permissions import EditorsWrite
from rightstrack.api.recommendation_evidence import RecommendationEvidence
from rightstrack.api.serializers import (
    RecommendationDetailSerializer,
    RecommendationSerializer,
    ReviewDetailSerializer,
    ReviewSerializer,
    StakeholderSerializer,
    StateDetailSerializer,
    StateSerializer,
)
from rightstrack.assessments.models import Assessment, Stakeholder, Status
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Review, State
from rightstrack.web.listing import Filters, filtered

#: JSON only: no browsable API (its pages would need scripts the site's CSP refuses).
JSON_ONLY: list[type[BaseRenderer]] = [JSONRenderer]


def _reviews() -> QuerySet[Review]:
    return Review.objects.select_related("state", "mechanism").annotate(
        recommendations_count=Count("recommendations")
    )


@extend_schema_view(
    list=extend_schema(summary="States that have reviews"),
    retrieve=extend_schema(summary="A State and its reviews"),
)
class StateViewSet(viewsets.ReadOnlyModelViewSet[State]):
    renderer_classes = JSON_ONLY
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{3}"
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[State]:
        if self.action == "list":
            return (
                State.objects.annotate(reviews_count=Count("reviews"))
                .filter(reviews_count__gt=0)
                .order_by("name")
            )
        return State.objects.prefetch_related(
            Prefetch("reviews", queryset=_reviews().order_by("mechanism__code", "cycle", "id"))
        )

    def get_serializer_class(self) -> type[serializers.BaseSerializer[State]]:
        return StateSerializer if self.action == "list" else StateDetailSerializer

    def get_object(self) -> State:
        self.kwargs[self.lookup_field] = str(self.kwargs[self.lookup_field]).upper()
        return super().get_object()


@extend_schema_view(
    list=extend_schema(summary="Reviews, filtered by state, mechanism and cycle"),
    retrieve=extend_schema(summary="A review, with its number of recommendations per IRI outcome"),
)
class ReviewViewSet(viewsets.ReadOnlyModelViewSet[Review]):
    renderer_classes = JSON_ONLY
    lookup_value_regex = r"\d{1,18}"  # past 18 digits: not an id
    filterset_class = filters.ReviewFilter

    def get_queryset(self) -> QuerySet[Review]:
        return _reviews().order_by("state__name", "mechanism__code", "cycle", "id")

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Review]]:
        return ReviewSerializer if self.action == "list" else ReviewDetailSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Recommendations, filtered as on the site's list",
        parameters=filters.RECOMMENDATION_PARAMETERS,
    ),
    retrieve=extend_schema(summary="A recommendation with its published assessments"),
)
class RecommendationViewSet(RecommendationEvidence, viewsets.ReadOnlyModelViewSet[Recommendation]):
    renderer_classes = JSON_ONLY
    lookup_value_regex = r"\d{1,18}"  # past 18 digits: not an id
    filter_backends: list[Any] = []  # the site's Filters do the filtering
    permission_classes = [EditorsWrite]  # reads for everybody; drafting from the evidence: editors

    def get_queryset(self) -> QuerySet[Recommendation]:
        if self.action == "list":
            return filtered(Filters.from_query(self.request.query_params)).prefetch_related(
                "refs",
                Prefetch(
                    "recommendationterm_set",
                    queryset=RecommendationTerm.objects.select_related("term__vocabulary").order_by(
                        "term__vocabulary__code", "term__label"
                    ),
                ),
            )
        published = Assessment.public_objects.select_related("stakeholder", "grade__scheme")
        return Recommendation.objects.select_related("review__state", "review__mechanism").prefetch_related(
            "refs",
            Prefetch(
                "recommendationterm_set",
                queryset=RecommendationTerm.objects.select_related("term__vocabulary").order_by(
                    "term__vocabulary__code", "term__label"
                ),
            ),
            Prefetch("assessments", queryset=published, to_attr="published_assessments"),
        )

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Recommendation]]:
        return RecommendationSerializer if self.action == "list" else RecommendationDetailSerializer


@extend_schema_view(
    list=extend_schema(summary="Stakeholders, with their number of published assessments"),
    retrieve=extend_schema(summary="A stakeholder"),
)
class StakeholderViewSet(viewsets.ReadOnlyModelViewSet[Stakeholder]):
    renderer_classes = JSON_ONLY
    lookup_value_regex = r"\d{1,18}"  # past 18 digits: not an id
    serializer_class = StakeholderSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Stakeholder]:
        return Stakeholder.objects.annotate(
            published_count=Count("assessments", filter=Q(assessments__status=Status.PUBLISHED))
        ).order_by("name")


@extend_schema(
    summary="What the API holds and where, and its documentation", responses={200: OpenApiTypes.OBJECT}
)
@api_view(["GET"])
@renderer_classes(JSON_ONLY)
@permission_classes([AllowAny])
def root(request: Request) -> Response:
    """``/api/``: what the API holds and where, and where its documentation is."""

    def url(name: str) -> str:
        return request.build_absolute_uri(reverse(name))

    return Response(
        {
            "states": url("api-state-list"),
            "reviews": url("api-review-list"),
            "recommendations": url("api-recommendation-list"),
            "stakeholders": url("api-stakeholder-list"),
            "assessments": url("api-assessment-list"),
            "evidence_documents": url("api-evidence-document-list"),
            "evidence_links": url("api-evidence-link-list"),
            "token": url("api-token"),
            "schema": url("api-schema"),
            "docs": url("api-docs"),
        }
    )
