"""A review's IRI computed from claims, extracted from the stakeholders' words where none was stated.

Claims a stakeholder stated (``level_basis`` "stated…") are used as given; for every other published
assessment the claim is read from its original text by ``analysis.claims.extract_claim`` (UPR Info's
rule: neither fully nor not implemented counts as partially unless obvious). Every recommendation
whose level rests on an extracted claim is marked ``suggested``: this is a machine reading, shown
beside — never instead of — the published picture.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rightstrack.analysis.claims import Claim, SuggestedIri, extract_claim, iri_from_claims
from rightstrack.assessments.models import Assessment
from rightstrack.assessments.picture import display_ref
from rightstrack.core.iri import count_outcomes
from rightstrack.core.records import AssessmentRecord, Place, RecommendationRecord, StakeholderRecord
from rightstrack.recommendations.models import Recommendation, Review


@dataclass(frozen=True)
class SuggestedRow:
    recommendation: Recommendation
    ref: str
    result: SuggestedIri

    @property
    def agrees(self) -> bool:
        """Whether the suggested outcome equals the level the site shows (from published work)."""
        return str(self.result.result.outcome.value) == self.recommendation.level


@dataclass(frozen=True)
class SuggestedPicture:
    review: Review
    rows: list[SuggestedRow]

    @property
    def counts(self) -> dict[str, int]:
        return count_outcomes(row.result.result for row in self.rows)

    @property
    def suggested(self) -> int:
        return sum(1 for row in self.rows if row.result.suggested)

    def agreement(self) -> tuple[int, int]:
        """(agreeing, compared): recommendations with a published graded level and a suggested one."""
        graded = {"not implemented", "partially implemented", "fully implemented"}
        compared = [row for row in self.rows if row.recommendation.level in graded]
        return sum(1 for row in compared if row.agrees), len(compared)


def _record(assessment: Assessment, ref: str) -> AssessmentRecord:
    grade = assessment.grade
    return AssessmentRecord(
        recommendation_ref=ref,
        stakeholder=StakeholderRecord(assessment.stakeholder.name, assessment.stakeholder.acronym),
        text=assessment.original_text,
        place=Place(),
        level=grade.code if grade is not None else None,
        level_basis=assessment.level_basis,
        scheme=grade.scheme.code if grade is not None else "iri",
        sub_item=assessment.sub_item,
    )


def suggested_picture(review: Review) -> SuggestedPicture:
    """Every recommendation of ``review`` with its IRI from stated or extracted claims."""
    recommendations = list(
        Recommendation.objects.filter(review=review).prefetch_related("refs").order_by("sort_key", "id")
    )
    refs = {rec.pk: display_ref(rec) for rec in recommendations}
    assessments = Assessment.public_objects.filter(recommendation__review=review).select_related(
        "stakeholder", "grade__scheme"
    )
    records = [_record(a, refs[a.recommendation_id]) for a in assessments if a.recommendation_id in refs]
    results = iri_from_claims(
        records,
        [RecommendationRecord(refs[rec.pk], "", rec.text, Place()) for rec in recommendations],
    )
    return SuggestedPicture(
        review, [SuggestedRow(rec, refs[rec.pk], results[refs[rec.pk]]) for rec in recommendations]
    )


def claims_of(assessments: Iterable[Assessment]) -> dict[int, Claim]:
    """The claim read from each assessment's words (for assessments stating no level)."""
    return {
        a.pk: extract_claim(a.original_text)
        for a in assessments
        if not (a.grade is not None and a.level_basis.startswith("stated"))
    }
