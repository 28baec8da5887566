"""Query-string filters of the API lists.

The recommendation list takes exactly the parameters of the site's list (``web.listing.Filters``);
reviews, assessments and the evidence use django-filter.
"""

from __future__ import annotations

from dataclasses import fields

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter

from rightstrack.assessments.models import Assessment, Status
from rightstrack.core.evidence import COMPILATION, GENERIC, NATIONAL_REPORT, STAKEHOLDERS_SUMMARY
from rightstrack.core.iri import Outcome
from rightstrack.core.states import resolve_state
from rightstrack.evidence.models import Decision, EvidenceDocument, EvidenceLink
from rightstrack.recommendations.models import Review
from rightstrack.web.listing import MODES, SORTS, Filters

_DESCRIPTIONS = {
    "state": "The reviewed State: ISO alpha-3 code or UN name.",
    "mechanism": "Mechanism code, e.g. UPR or CCPR.",
    "cycle": "Review cycle number.",
    "response": (
        "The State's final position: supported, noted, supported/noted; pending (will be examined); "
        "supported-open (supported, not (yet) fully implemented); conflict (documents disagree). "
        "The older words accepted, rejected, will examine are read as supported, noted, pending."
    ),
    "term": "A term of any vocabulary (label or code), e.g. Death penalty.",
    "action_category": "Action category 1–5.",
    "level": "IRI outcome of the published assessments.",
    "recommending_state": "A recommending State: ISO alpha-3 code or UN name.",
    "q": "Words that must all appear in the text (mode keyword), or what to look for (semantic, hybrid).",
    "mode": (
        "hybrid (the default): words and meaning fused, best first; keyword: full-text search; "
        "semantic: by meaning, in any language."
    ),
    "sort": "Order of the results (relevance: best match first, for semantic and hybrid search).",
}
_ENUMS: dict[str, list[str]] = {
    "level": [outcome.value for outcome in Outcome],
    "sort": list(SORTS),
    "mode": list(MODES),
}

#: The query parameters of ``GET /api/recommendations/``: one per field of the site's ``Filters``.
RECOMMENDATION_PARAMETERS = [
    OpenApiParameter(
        field.name,
        str,
        OpenApiParameter.QUERY,
        description=_DESCRIPTIONS[field.name],
        enum=_ENUMS.get(field.name),
    )
    for field in fields(Filters)
]


MAX_ID = 2**63 - 1
EVIDENCE_KINDS = [NATIONAL_REPORT, COMPILATION, STAKEHOLDERS_SUMMARY, GENERIC]


class ReviewFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter is untyped
    state = django_filters.CharFilter(method="by_state", help_text=_DESCRIPTIONS["state"])
    mechanism = django_filters.CharFilter(
        field_name="mechanism__code", lookup_expr="iexact", help_text=_DESCRIPTIONS["mechanism"]
    )
    cycle = django_filters.NumberFilter(
        field_name="cycle", help_text=_DESCRIPTIONS["cycle"], min_value=0, max_value=999
    )

    class Meta:
        model = Review
        fields = ["state", "mechanism", "cycle"]

    def by_state(self, queryset: QuerySet[Review], name: str, value: str) -> QuerySet[Review]:
        return queryset.filter(state_id=resolve_state(value) or "---")


#: The query parameters of ``GET /api/assessments/``.
ASSESSMENT_PARAMETERS = [
    OpenApiParameter("recommendation", int, OpenApiParameter.QUERY, description="A recommendation's id."),
    OpenApiParameter("stakeholder", int, OpenApiParameter.QUERY, description="A stakeholder's id."),
    OpenApiParameter("status", str, OpenApiParameter.QUERY, enum=list(Status.values)),
]


class AssessmentFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter is untyped
    # bounded: a number past the database's integer range is a bad request, not a server error
    recommendation = django_filters.NumberFilter(
        field_name="recommendation_id", min_value=1, max_value=MAX_ID
    )
    stakeholder = django_filters.NumberFilter(field_name="stakeholder_id", min_value=1, max_value=MAX_ID)
    status = django_filters.ChoiceFilter(choices=Status.choices)

    class Meta:
        model = Assessment
        fields = ["recommendation", "stakeholder", "status"]


class EvidenceDocumentFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter is untyped
    state = django_filters.CharFilter(method="by_state", help_text=_DESCRIPTIONS["state"])
    kind = django_filters.ChoiceFilter(
        choices=[(kind, kind) for kind in EVIDENCE_KINDS],
        help_text="national-report, compilation (UN information), stakeholders-summary, or evidence "
        "(any other document).",
    )
    session = django_filters.NumberFilter(
        field_name="session", min_value=0, max_value=999, help_text="The UPR Working Group session."
    )

    class Meta:
        model = EvidenceDocument
        fields = ["state", "kind", "session"]

    def by_state(
        self, queryset: QuerySet[EvidenceDocument], name: str, value: str
    ) -> QuerySet[EvidenceDocument]:
        return queryset.filter(state=resolve_state(value) or "---")


class EvidenceLinkFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter is untyped
    recommendation = django_filters.NumberFilter(
        field_name="recommendation_id", min_value=1, max_value=MAX_ID, help_text="A recommendation's id."
    )
    document = django_filters.NumberFilter(
        field_name="paragraph__document_id",
        min_value=1,
        max_value=MAX_ID,
        help_text="An evidence document's id.",
    )
    state = django_filters.CharFilter(method="by_state", help_text=_DESCRIPTIONS["state"])
    decision = django_filters.ChoiceFilter(
        choices=Decision.choices, help_text="Visitors see confirmed links only; editors any decision."
    )

    class Meta:
        model = EvidenceLink
        fields = ["recommendation", "document", "state", "decision"]

    def by_state(self, queryset: QuerySet[EvidenceLink], name: str, value: str) -> QuerySet[EvidenceLink]:
        return queryset.filter(recommendation__review__state_id=resolve_state(value) or "---")
