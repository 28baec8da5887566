"""Evidence (issue 18): the review's documents and their paragraphs; the links an editor decides.

Documents and paragraphs are public (imported UN and stakeholder documents, never a submission
waiting for moderation). Links: visitors see the confirmed ones only, editors every decision; an
editor confirms or rejects a link through ``evidence.decisions.decide`` — the function the site's
buttons call, which writes the link's history row and recomputes its suggested levels.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from rightstrack.api.filters import EvidenceDocumentFilter, EvidenceLinkFilter
from rightstrack.api.permissions import EditorsWrite
from rightstrack.api.recommendation_evidence import ERRORS
from rightstrack.api.serializers import (
    EvidenceDocumentSerializer,
    EvidenceLinkSerializer,
    EvidenceParagraphSerializer,
)
from rightstrack.api.views import JSON_ONLY
from rightstrack.evidence.decisions import decide
from rightstrack.evidence.models import Decision, EvidenceDocument, EvidenceLink
from rightstrack.portal import permissions

_DECISION_ERRORS = {**ERRORS, 404: OpenApiResponse(description="No such evidence link.")}


@extend_schema_view(
    list=extend_schema(summary="Evidence documents, with their number of paragraphs"),
    retrieve=extend_schema(summary="An evidence document"),
)
class EvidenceDocumentViewSet(viewsets.ReadOnlyModelViewSet[EvidenceDocument]):
    renderer_classes = JSON_ONLY
    lookup_value_regex = r"\d{1,18}"  # past 18 digits: not an id
    serializer_class = EvidenceDocumentSerializer
    filterset_class = EvidenceDocumentFilter

    def get_queryset(self) -> QuerySet[EvidenceDocument]:
        return (
            EvidenceDocument.objects.filter(source__submission=False)
            .annotate(paragraphs_count=Count("paragraphs"))
            .order_by("state", "session", "symbol", "id")
        )

    @extend_schema(
        summary="A document's numbered paragraphs, in order, with their headings and sources",
        responses={200: EvidenceParagraphSerializer(many=True)},
        filters=False,
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def paragraphs(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        paginator = self.paginator  # the API's PageNumberPagination, as every list
        assert paginator is not None
        page = paginator.paginate_queryset(document.paragraphs.order_by("id"), request, view=self)
        found = EvidenceParagraphSerializer(page, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(found.data)


@extend_schema_view(
    list=extend_schema(summary="Evidence links (visitors: confirmed ones; editors: any decision)"),
    retrieve=extend_schema(
        summary="An evidence link", responses={200: EvidenceLinkSerializer, 404: _DECISION_ERRORS[404]}
    ),
)
class EvidenceLinkViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[EvidenceLink],
):
    renderer_classes = JSON_ONLY
    lookup_value_regex = r"\d{1,18}"  # past 18 digits: not an id
    serializer_class = EvidenceLinkSerializer
    filterset_class = EvidenceLinkFilter
    permission_classes = [EditorsWrite]

    def get_queryset(self) -> QuerySet[EvidenceLink]:
        links = EvidenceLink.objects.select_related(
            "recommendation", "paragraph__document", "decided_by"
        ).order_by("recommendation_id", "rank", "id")
        if not permissions.is_editor(self.request.user):
            links = links.filter(decision=Decision.CONFIRMED)
        return links

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "editor": permissions.is_editor(self.request.user)}

    def _decide(self, decision: str) -> Response:
        link = self.get_object()
        decide(link, decision, self.request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=link.pk)).data)

    @extend_schema(
        summary="Confirm a link (editors): its quote is shown to everybody",
        request=None,
        responses={200: EvidenceLinkSerializer, **_DECISION_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str) -> Response:
        return self._decide(Decision.CONFIRMED)

    @extend_schema(
        summary="Reject a link (editors): shown to no one and never suggested again",
        request=None,
        responses={200: EvidenceLinkSerializer, **_DECISION_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        return self._decide(Decision.REJECTED)
