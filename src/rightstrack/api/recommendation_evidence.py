"""A recommendation's evidence (issue 18) under ``/api/recommendations/{id}/``: read it, draft from it.

What a reader sees is what the recommendation's page shows them (``evidence.decisions.shown_links``,
``evidence.suggesting.shown_suggestions``): confirmed links and the suggested levels resting on them
to everybody; the linker's pending links and the levels read from them to editors as well; rejected
links to no one. A draft is made by ``evidence.drafting.draft_from_evidence`` — the function the
site's form and ``rightstrack draft-assessment`` call — and is public only once published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from rightstrack.api.serializers import (
    AssessmentSerializer,
    DraftFromEvidenceSerializer,
    EvidenceLinkSerializer,
    RecommendationEvidenceSerializer,
    SuggestedLevelSerializer,
)
from rightstrack.assessments.models import Assessment
from rightstrack.assessments.workflow import NotAllowed
from rightstrack.evidence.decisions import shown_links
from rightstrack.evidence.drafting import DraftRefused, draft_from_evidence
from rightstrack.evidence.suggesting import shown_suggestions
from rightstrack.portal import permissions
from rightstrack.recommendations.models import Recommendation

if TYPE_CHECKING:
    from rest_framework.viewsets import GenericViewSet

    _Base = GenericViewSet[Recommendation]
else:
    _Base = object

ERRORS = {
    401: OpenApiResponse(description="Not signed in: send `Authorization: Token <key>`."),
    403: OpenApiResponse(description="Not an editor."),
    404: OpenApiResponse(description="No such recommendation."),
}


class RecommendationEvidence(_Base):
    """The evidence actions of the recommendations' viewset."""

    @extend_schema(
        summary="A recommendation's evidence: quotes with their documents and sources, and the levels "
        "they suggest per source kind (editors: the machine's pending ones too)",
        responses={200: RecommendationEvidenceSerializer, 404: ERRORS[404]},
    )
    @action(detail=True, methods=["get"])
    def evidence(self, request: Request, pk: str) -> Response:
        recommendation = self.get_object()
        editor = permissions.is_editor(request.user)
        shown = shown_links(recommendation, editor)
        quotes = {item.link.pk: item.quote for item in shown}
        context = {**self.get_serializer_context(), "editor": editor, "quotes": quotes}
        return Response(
            {
                "recommendation": recommendation.pk,
                "links": [EvidenceLinkSerializer(item.link, context=context).data for item in shown],
                "suggested_levels": SuggestedLevelSerializer(
                    shown_suggestions(recommendation, editor), many=True, context=context
                ).data,
            }
        )

    @extend_schema(
        summary="Draft an assessment from the recommendation's confirmed evidence (editors)",
        description="The confirmed quotes, with their documents, paragraphs and sources, become the "
        "assessment's words; its grade is any grading scheme's (`scheme` iri, hrc...). It is a draft: "
        "public only once its organisation submits it and an editor publishes it. A refusal names the "
        "field at fault (`recommendation` when nothing is confirmed yet, `stakeholder` when it already "
        "assessed the recommendation).",
        request=DraftFromEvidenceSerializer,
        responses={
            201: AssessmentSerializer,
            400: OpenApiResponse(description="Invalid data: the field and the reason."),
            **ERRORS,
        },
    )
    @action(detail=True, methods=["post"], url_path="draft-assessment", url_name="draft-assessment")
    def draft_assessment(self, request: Request, pk: str) -> Response:
        recommendation = self.get_object()
        incoming = DraftFromEvidenceSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data: dict[str, Any] = incoming.validated_data
        try:
            made = draft_from_evidence(
                recommendation, data["stakeholder"], data["scheme"], data["grade"], request.user
            )
        except NotAllowed as refused:
            raise PermissionDenied(refused.reason) from None
        except DraftRefused as refused:
            raise ValidationError({refused.field: [refused.reason]}) from None
        made = Assessment.private_objects.select_related("stakeholder", "grade__scheme").get(pk=made.pk)
        answer = AssessmentSerializer(made, context={**self.get_serializer_context(), "editor": True})
        return Response(answer.data, status=status.HTTP_201_CREATED)
