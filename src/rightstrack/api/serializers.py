"""What the API answers: States, reviews, recommendations, stakeholders, assessments (read side)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rightstrack.assessments.models import Assessment, Stakeholder
from rightstrack.core.iri import Level, Outcome
from rightstrack.recommendations.models import Recommendation, Review, State
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
    recommending_states: serializers.SlugRelatedField[State] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code"
    )
    terms = serializers.SerializerMethodField()

    class Meta:
        model = Recommendation
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
