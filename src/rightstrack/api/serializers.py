"""What the API answers: States, reviews, recommendations, stakeholders, assessments, evidence."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rightstrack.analysis.search import terms
from rightstrack.api.filters import EVIDENCE_KINDS
from rightstrack.assessments.models import Assessment, Stakeholder
from rightstrack.core.evidence import SOURCE_KINDS
from rightstrack.core.iri import Level, Outcome
from rightstrack.evidence.decisions import quote_of
from rightstrack.evidence.models import (
    Decision,
    EvidenceDocument,
    EvidenceLink,
    EvidenceParagraph,
    SuggestedLevel,
)
from rightstrack.recommendations.models import Recommendation, Review, State
from rightstrack.recommendations.states import attach as attach_states
from rightstrack.recommendations.states import in_order as states_in_order
from rightstrack.web.review_table import PARAGRAPH_SCHEMES

#: Fields of an assessment shown to editors only.
EDITOR_FIELDS = ("original_text", "public_text")

_OUTCOME_COUNTS = {
    "type": "object",
    "description": "Number of recommendations per IRI outcome.",
    "properties": {outcome.value: {"type": "integer"} for outcome in Outcome},
    "required": [outcome.value for outcome in Outcome],
}
_TERMS = {
    "type": "object",
    "description": "Term labels grouped by vocabulary code; labels a document used that the vocabulary "
    'does not hold are kept under "<code>-unmatched" (e.g. "uhri-themes-unmatched").',
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
_REFS = {
    "type": "object",
    "description": "The recommendation's number in each source's numbering.",
    "additionalProperties": {"type": "string"},
}


class ReviewSerializer(serializers.ModelSerializer[Review]):
    state_name = serializers.CharField(source="state.name", read_only=True)
    mechanism = serializers.CharField(source="mechanism.code", read_only=True)
    recommendations = serializers.IntegerField(source="recommendations_count", read_only=True)

    class Meta:
        model = Review
        fields = [
            "id",
            "state",
            "state_name",
            "mechanism",
            "cycle",
            "session",
            "year",
            "started_on",
            "adopted_on",
            "symbols",
            "recommendations",
        ]


class ReviewDetailSerializer(ReviewSerializer):
    counts = serializers.SerializerMethodField()

    class Meta(ReviewSerializer.Meta):
        fields = [*ReviewSerializer.Meta.fields, "counts"]

    @extend_schema_field(_OUTCOME_COUNTS)
    def get_counts(self, review: Review) -> dict[str, int]:
        counts = dict(
            review.recommendations.order_by()
            .values_list("level")
            .annotate(n=Count("id"))
            .values_list("level", "n")
        )
        return {outcome.value: counts.get(outcome.value, 0) for outcome in Outcome}


class StateSerializer(serializers.ModelSerializer[State]):
    reviews = serializers.IntegerField(source="reviews_count", read_only=True)

    class Meta:
        model = State
        fields = ["code", "name", "regional_group", "reviews"]


class StateDetailSerializer(serializers.ModelSerializer[State]):
    reviews = ReviewSerializer(many=True, read_only=True)

    class Meta:
        model = State
        fields = ["code", "name", "variants", "regional_group", "organisations", "reviews"]


class StakeholderSerializer(serializers.ModelSerializer[Stakeholder]):
    assessments = serializers.IntegerField(
        source="published_count", read_only=True, help_text="Published assessments."
    )

    class Meta:
        model = Stakeholder
        fields = ["id", "name", "acronym", "kind", "state", "assessments"]


class StakeholderBriefSerializer(serializers.ModelSerializer[Stakeholder]):
    class Meta:
        model = Stakeholder
        fields = ["id", "name", "acronym"]


class AssessmentSerializer(serializers.Serializer[Assessment]):
    """An assessment as its reader may see it: ``original_text`` and ``public_text`` for editors only."""

    id = serializers.IntegerField()
    recommendation = serializers.IntegerField(source="recommendation_id")
    stakeholder = StakeholderBriefSerializer()
    level = serializers.CharField(
        source="grade.code", allow_null=True, help_text="The claimed grade's code, e.g. fully."
    )
    scheme = serializers.CharField(source="grade.scheme.code", allow_null=True, help_text="e.g. iri.")
    level_basis = serializers.CharField()
    text = serializers.CharField(source="shown_text", help_text="The public text, else the original.")
    source = serializers.CharField(source="source_note")  # type: ignore[assignment]  # a field, not Field.source
    assessed_on = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=Assessment._meta.get_field("status").choices or [])
    version = serializers.IntegerField(help_text="Send it back with a change: detects concurrent edits.")
    updated_at = serializers.DateTimeField()
    original_text = serializers.CharField(required=False, help_text="Editors only.")
    public_text = serializers.CharField(required=False, help_text="Editors only.")

    def to_representation(self, instance: Assessment) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if not self.context.get("editor", False):
            for name in EDITOR_FIELDS:
                data.pop(name, None)
        return data


class _Recommendations(serializers.ListSerializer[Recommendation]):
    """A page of recommendations, their recommending States read in one query (in their order)."""

    def to_representation(self, data: Any) -> list[Any]:
        page = list(data.all() if hasattr(data, "all") else data)
        attach_states(page)
        return super().to_representation(page)


class RecommendationSerializer(serializers.ModelSerializer[Recommendation]):
    """A recommendation as lists give it: its numbers, paragraph, recommending States and issues too."""

    state = serializers.CharField(source="review.state_id", read_only=True)
    mechanism = serializers.CharField(source="review.mechanism.code", read_only=True)
    cycle = serializers.IntegerField(source="review.cycle", read_only=True, allow_null=True)
    year = serializers.IntegerField(source="review.year", read_only=True, allow_null=True)
    score = serializers.FloatField(source="level_score", read_only=True, allow_null=True)
    refs = serializers.SerializerMethodField()
    paragraph = serializers.SerializerMethodField(
        help_text="The paragraph of the review's own report (UPR 97.12, a committee's 24), if known."
    )
    recommending_states = serializers.SerializerMethodField(
        help_text="The recommending States' ISO codes, in the order the document names them."
    )
    terms = serializers.SerializerMethodField()

    class Meta:
        model = Recommendation
        list_serializer_class = _Recommendations
        fields = [
            "id",
            "review",
            "state",
            "mechanism",
            "cycle",
            "year",
            "refs",
            "paragraph",
            "text",
            "recommending_states",
            "response",
            "wg_stage",
            "position_qualifier",
            "position_conflict",
            "action_category",
            "terms",
            "level",
            "score",
        ]

    @extend_schema_field(_REFS)
    def get_refs(self, recommendation: Recommendation) -> dict[str, str]:
        return {ref.scheme: ref.value for ref in recommendation.refs.all()}

    @extend_schema_field(OpenApiTypes.STR)
    def get_paragraph(self, recommendation: Recommendation) -> str | None:
        refs = {ref.scheme: ref.value + ref.part for ref in recommendation.refs.all()}
        return next((refs[scheme] for scheme in PARAGRAPH_SCHEMES if scheme in refs), None)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_recommending_states(self, recommendation: Recommendation) -> list[str]:
        return [state.code for state in states_in_order(recommendation)]

    @extend_schema_field(_TERMS)
    def get_terms(self, recommendation: Recommendation) -> dict[str, list[str]]:
        terms: dict[str, list[str]] = {}
        for tag in recommendation.recommendationterm_set.all():
            terms.setdefault(tag.term.exported_under, []).append(tag.term.label)
        return terms


class RecommendationDetailSerializer(RecommendationSerializer):
    review = ReviewSerializer(read_only=True)
    assessments = serializers.SerializerMethodField(help_text="Published assessments only.")

    class Meta(RecommendationSerializer.Meta):
        fields = [
            "id",
            "review",
            "refs",
            "paragraph",
            "text",
            "recommending_states",
            "response",
            "wg_stage",
            "position_qualifier",
            "position_conflict",
            "action_category",
            "group",
            "theme_heading",
            "terms",
            "level",
            "score",
            "assessments",
        ]

    @extend_schema_field(AssessmentSerializer(many=True))
    def get_assessments(self, recommendation: Recommendation) -> list[dict[str, Any]]:
        published: list[Assessment] = getattr(recommendation, "published_assessments", [])
        return [AssessmentSerializer(a, context={"editor": False}).data for a in published]


# Write side ---------------------------------------------------------------------------------

_GRADES = [level.value for level in Level]


class _Strict(serializers.Serializer[Assessment]):
    """Refuses fields it does not know (``status``, ``original_text``...) instead of ignoring them."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(self.initial_data) - set(self.fields) - {"csrfmiddlewaretoken"})
        if unknown:
            raise serializers.ValidationError({name: ["Not a field you can send here."] for name in unknown})
        return attrs


class AssessmentCreateSerializer(_Strict):
    """A contributor's new assessment: always a draft of their own organisation."""

    recommendation = serializers.PrimaryKeyRelatedField(queryset=Recommendation.objects.all())
    stakeholder = serializers.PrimaryKeyRelatedField(
        queryset=Stakeholder.objects.all(),
        required=False,
        help_text="Your organisation (the default); naming any other is refused.",
    )
    grade = serializers.ChoiceField(
        choices=_GRADES, allow_null=True, required=False, help_text="IRI level; null: no information."
    )
    text = serializers.CharField(allow_blank=True, required=False, help_text="Your comment.")
    source = serializers.CharField(  # type: ignore[assignment]  # a field, not Field.source
        max_length=500, allow_blank=True, required=False, help_text="Link or document you rely on."
    )


class AssessmentChangeSerializer(_Strict):
    """A change: ``version`` as last read, and only the fields to change."""

    version = serializers.IntegerField(min_value=1, help_text="Required: the version you last read.")
    grade = serializers.ChoiceField(choices=_GRADES, allow_null=True, required=False)
    text = serializers.CharField(allow_blank=True, required=False, help_text="The contributor's words.")
    source = serializers.CharField(  # type: ignore[assignment]  # a field, not Field.source
        max_length=500, allow_blank=True, required=False
    )
    public_text = serializers.CharField(
        allow_blank=True, required=False, help_text="Editors: the text published instead of the original."
    )


class ConflictSerializer(serializers.Serializer[Assessment]):
    """Someone saved the assessment since ``version``: the current state, to merge and retry."""

    detail = serializers.CharField()
    current = AssessmentSerializer()
    yours = serializers.DictField(help_text="The changes you sent.")


class TokenSerializer(serializers.Serializer[Any]):
    token = serializers.CharField()


class CredentialsSerializer(serializers.Serializer[Any]):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


# Evidence (issue 18) ------------------------------------------------------------------------

_SOURCE_KIND = "Who speaks: " + ", ".join(kind for kind in SOURCE_KINDS if kind) + ", or empty."
_DOCUMENT_KIND = "One of " + ", ".join(EVIDENCE_KINDS) + " (evidence: any other document)."
_SOURCES = {
    "type": "array",
    "description": "Who the paragraph names as its sources, with their kind.",
    "items": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "kind": {"type": "string", "description": _SOURCE_KIND},
            "acronym": {"type": "string"},
        },
    },
}
_CITED = {
    "type": "array",
    "description": "The recommendations the document says it follows up here (their paragraphs).",
    "items": {"type": "string"},
}
_QUOTES = {
    "type": "array",
    "description": "The sentences the suggestion rests on.",
    "items": {
        "type": "object",
        "properties": {
            "paragraph": {"type": "integer", "description": "The evidence paragraph's id."},
            "document": {"type": "string", "description": "Its document's symbol (else title)."},
            "number": {"type": "string", "description": "The paragraph's number in its document."},
            "quote": {"type": "string"},
            "level": {"type": "string"},
            "confidence": {"type": "number"},
        },
    },
}
_HISTORY = {
    "type": "array",
    "description": "Editors only: every decision on the link (at, by, from, to).",
    "items": {
        "type": "object",
        "properties": {name: {"type": "string"} for name in ("at", "by", "from", "to")},
    },
}


class EvidenceDocumentSerializer(serializers.ModelSerializer[EvidenceDocument]):
    paragraphs = serializers.IntegerField(
        source="paragraphs_count", read_only=True, help_text="Its number of numbered paragraphs."
    )
    kind = serializers.CharField(read_only=True, help_text=_DOCUMENT_KIND)

    class Meta:
        model = EvidenceDocument
        fields = ["id", "symbol", "title", "kind", "state", "session", "published_on", "paragraphs"]


class EvidenceDocumentBriefSerializer(serializers.ModelSerializer[EvidenceDocument]):
    kind = serializers.CharField(read_only=True, help_text=_DOCUMENT_KIND)

    class Meta:
        model = EvidenceDocument
        fields = ["id", "symbol", "title", "kind"]


class EvidenceParagraphSerializer(serializers.ModelSerializer[EvidenceParagraph]):
    sources = serializers.SerializerMethodField()
    cited = serializers.SerializerMethodField()

    class Meta:
        model = EvidenceParagraph
        fields = ["id", "number", "heading", "text", "sources", "cited"]

    @extend_schema_field(_SOURCES)
    def get_sources(self, paragraph: EvidenceParagraph) -> list[dict[str, str]]:
        return [
            {name: str(source.get(name, "")) for name in ("name", "kind", "acronym")}
            for source in paragraph.sources
        ]

    @extend_schema_field(_CITED)
    def get_cited(self, paragraph: EvidenceParagraph) -> list[str]:
        return [str(cited) for cited in paragraph.cited]


class EvidenceLinkSerializer(serializers.Serializer[EvidenceLink]):
    """A paragraph linked to a recommendation: its quote, where it stands, who speaks, and the decision."""

    id = serializers.IntegerField()
    recommendation = serializers.IntegerField(source="recommendation_id")
    decision = serializers.ChoiceField(choices=Decision.choices)
    quote = serializers.SerializerMethodField(
        help_text="The paragraph's sentence closest to the recommendation's words."
    )
    document = EvidenceDocumentBriefSerializer(source="paragraph.document")
    paragraph = EvidenceParagraphSerializer()
    score = serializers.FloatField(help_text="The linker's score (not on a fixed scale).")
    rank = serializers.IntegerField(help_text="The linker's rank among the recommendation's paragraphs.")
    reason = serializers.CharField(help_text="Why the linker found it: what a person can check.")
    decided_by = serializers.CharField(source="decided_by.get_username", allow_null=True, default=None)
    decided_at = serializers.DateTimeField(allow_null=True)
    history = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_quote(self, link: EvidenceLink) -> str:
        shown: dict[int, str] = self.context.get("quotes", {})  # as the page chose them
        if link.pk in shown:
            return shown[link.pk]
        return quote_of(link.paragraph.reading_text, set(terms(link.recommendation.text)))

    @extend_schema_field(_HISTORY)
    def get_history(self, link: EvidenceLink) -> list[dict[str, Any]]:
        return list(link.history)

    def to_representation(self, instance: EvidenceLink) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if not self.context.get("editor", False):
            data.pop("history", None)
        return data


class SuggestedLevelSerializer(serializers.ModelSerializer[SuggestedLevel]):
    """A level read by machine from one source kind's evidence: a suggestion, never an assessment."""

    kind = serializers.CharField(read_only=True, help_text=_SOURCE_KIND)
    basis = serializers.CharField(
        read_only=True,
        help_text="confirmed: read from confirmed links; pending: from the linker's (editors only).",
    )
    suggested = serializers.SerializerMethodField(help_text="Always true: read by machine.")
    quotes = serializers.SerializerMethodField()

    class Meta:
        model = SuggestedLevel
        fields = ["kind", "level", "suggested", "confidence", "basis", "reason", "quotes", "computed_at"]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_suggested(self, suggestion: SuggestedLevel) -> bool:
        return True

    @extend_schema_field(_QUOTES)
    def get_quotes(self, suggestion: SuggestedLevel) -> list[dict[str, Any]]:
        return list(suggestion.quotes)


class RecommendationEvidenceSerializer(serializers.Serializer[Any]):
    """A recommendation's evidence as its page shows it to the caller."""

    recommendation = serializers.IntegerField()
    links = EvidenceLinkSerializer(many=True, help_text="Confirmed first, then (editors) pending, by rank.")
    suggested_levels = SuggestedLevelSerializer(
        many=True, help_text="Per source kind; pending-based ones for editors only."
    )


class DraftFromEvidenceSerializer(_Strict):
    """An editor's draft from the recommendation's confirmed evidence, under any grading scheme."""

    stakeholder = serializers.PrimaryKeyRelatedField(
        queryset=Stakeholder.objects.all(), help_text="Whose assessment it is (a stakeholder's id)."
    )
    scheme = serializers.CharField(max_length=32, help_text="The grading scheme's code, e.g. iri or hrc.")
    grade = serializers.CharField(max_length=16, help_text="A grade of that scheme, e.g. partially or B.")
