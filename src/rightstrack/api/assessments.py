"""Assessments through the API: read what you may see; contributors write drafts; editors publish.

Every write goes through ``save()`` or the portal services, so the history signals record it with
the actor (token-authenticated requests are attributed here: the history middleware sees only
session users).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from rightstrack.api.filters import ASSESSMENT_PARAMETERS, AssessmentFilter
from rightstrack.api.permissions import AssessmentAccess, allowed_fields
from rightstrack.api.serializers import (
    AssessmentChangeSerializer,
    AssessmentCreateSerializer,
    AssessmentSerializer,
    ConflictSerializer,
)
from rightstrack.api.views import JSON_ONLY
from rightstrack.assessments.history import acting_as
from rightstrack.assessments.models import Assessment, Grade, Status
from rightstrack.assessments.workflow import Move, NotAllowed, ReasonMissing, Refused, perform
from rightstrack.portal import permissions
from rightstrack.portal.services import apply_changes

#: API field → model field.
_MODEL_FIELDS = {"text": "original_text", "source": "source_note", "public_text": "public_text"}
_STATED = "stated by the contributor"

_ERRORS = {
    401: OpenApiResponse(description="Not signed in: send `Authorization: Token <key>`."),
    403: OpenApiResponse(description="Not allowed for your role or organisation."),
    404: OpenApiResponse(description="No such assessment, or not visible to you."),
}
_INVALID = {400: OpenApiResponse(description="Invalid data.")}


class ReturnSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(
        required=False, allow_blank=True, help_text="Why it goes back (required): the contributor reads it."
    )


def _iri_grade(code: str | None) -> Grade | None:
    return Grade.objects.get(scheme__code="iri", code=code) if code else None


@extend_schema_view(
    list=extend_schema(
        summary="Assessments you may see (anonymous: published only)",
        parameters=ASSESSMENT_PARAMETERS,
    ),
    retrieve=extend_schema(summary="An assessment", responses={200: AssessmentSerializer, 404: _ERRORS[404]}),
)
class AssessmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[Assessment],
):
    serializer_class = AssessmentSerializer
    renderer_classes = JSON_ONLY
    lookup_value_regex = r"\d{1,18}"  # past 18 digits: not an id
    permission_classes = [AssessmentAccess]
    # Filtered in get_queryset: drf-spectacular's django-filter support needs a default manager.
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Assessment]:
        visible = (
            permissions.visible_assessments(self.request.user)
            .select_related("stakeholder", "grade__scheme")
            .order_by("recommendation_id", "stakeholder__name", "id")
        )
        if self.action != "list":
            return visible
        wanted = AssessmentFilter(self.request.query_params, queryset=visible)
        if not wanted.is_valid():
            raise ValidationError(wanted.errors)
        result: QuerySet[Assessment] = wanted.qs
        return result

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "editor": permissions.is_editor(self.request.user)}

    def _answer(self, assessment: Assessment, code: int = status.HTTP_200_OK) -> Response:
        assessment = self.get_queryset().get(pk=assessment.pk)
        return Response(self.get_serializer(assessment).data, status=code)

    @extend_schema(
        summary="Create a draft of your organisation (contributors)",
        request=AssessmentCreateSerializer,
        responses={201: AssessmentSerializer, **_INVALID, **_ERRORS},
    )
    def create(self, request: Request) -> Response:
        incoming = AssessmentCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        organisation = permissions.organisation_of(request.user)
        assert organisation is not None  # AssessmentAccess: can_contribute
        if data.get("stakeholder", organisation) != organisation:
            raise PermissionDenied("You enter assessments for your own organisation only.")
        existing = Assessment.private_objects.filter(
            recommendation=data["recommendation"], stakeholder=organisation, document=None
        ).first()
        if existing is not None:
            raise ValidationError(
                {"recommendation": [f"Your organisation already assessed it (assessment {existing.pk})."]}
            )
        grade = _iri_grade(data.get("grade"))
        with acting_as(request.user.get_username(), user_id=request.user.pk):
            assessment = Assessment.private_objects.create(
                recommendation=data["recommendation"],
                stakeholder=organisation,
                grade=grade,
                level_basis=_STATED if grade else "",
                original_text=data.get("text", ""),
                source_note=data.get("source", ""),
                assessed_on=timezone.localdate(),
                status=Status.DRAFT,
            )
        return self._answer(assessment, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Change an assessment (send the version you read)",
        description="Contributors change `grade`, `text` and `source` of their organisation's "
        "unpublished work; editors change `public_text`. `version` is required: when somebody saved "
        "the assessment since, the answer is 409 with the current values.",
        request=AssessmentChangeSerializer,
        responses={200: AssessmentSerializer, 409: ConflictSerializer, **_INVALID, **_ERRORS},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        assessment = self.get_object()
        incoming = AssessmentChangeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        version = data.pop("version")
        if not data:
            raise ValidationError({"non_field_errors": ["Nothing to change: send the fields to change."]})
        refused = set(data) - allowed_fields(request.user, assessment)
        if refused:
            raise PermissionDenied(f"You may not change: {', '.join(sorted(refused))}.")
        changes: dict[str, Any] = {
            _MODEL_FIELDS[name]: value for name, value in data.items() if name != "grade"
        }
        if "grade" in data:
            changes["grade"] = _iri_grade(data["grade"])
            changes["level_basis"] = _STATED if changes["grade"] else ""
        conflict = apply_changes(assessment, changes, version, request.user)
        if conflict is not None:
            current = self.get_serializer(conflict.current).data
            body = {
                "detail": "Somebody changed this assessment since you read it: merge and send again.",
                "current": current,
                "yours": data,
            }
            return Response(body, status=status.HTTP_409_CONFLICT)
        return self._answer(assessment)

    def _move(self, request: Request, move: Move, reason: str = "") -> Response:
        assessment = self.get_object()
        try:
            perform(request.user, move, assessment, reason)
        except NotAllowed as refused:
            raise PermissionDenied(refused.reason) from None
        except ReasonMissing as refused:
            raise ValidationError({"reason": [refused.reason]}) from None
        except Refused as refused:
            return Response({"detail": refused.reason}, status=status.HTTP_409_CONFLICT)
        return self._answer(assessment)

    @extend_schema(
        summary="Submit a draft for moderation (contributors of its organisation)",
        request=None,
        responses={200: AssessmentSerializer, 409: OpenApiResponse(description="Not a draft."), **_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        return self._move(request, Move.SUBMIT)

    @extend_schema(
        summary="Publish a submitted assessment (editors)",
        request=None,
        responses={
            200: AssessmentSerializer,
            409: OpenApiResponse(description="Not submitted: a draft or already published."),
            **_ERRORS,
        },
    )
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str) -> Response:
        return self._move(request, Move.PUBLISH)

    @extend_schema(
        summary="Return a submitted assessment to its organisation as a draft, with a reason (editors)",
        request=ReturnSerializer,
        responses={
            200: AssessmentSerializer,
            409: OpenApiResponse(description="Not submitted."),
            **_INVALID,
            **_ERRORS,
        },
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_to_draft(self, request: Request, pk: str) -> Response:
        incoming = ReturnSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        return self._move(request, Move.RETURN, incoming.validated_data.get("reason", ""))
