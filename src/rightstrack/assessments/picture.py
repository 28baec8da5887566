"""A review's implementation picture: every recommendation's IRI, from published assessments only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch

from rightstrack.assessments.models import Assessment, PublishedLevel
from rightstrack.core.iri import IriResult, Level, Outcome, count_outcomes, recommendation_iri
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Review


@dataclass(frozen=True)
class RecommendationPicture:
    recommendation: Recommendation
    ref: str
    iri: IriResult
    assessments: list[Assessment]
    issues: list[str]
    recommending_states: list[str]


@dataclass(frozen=True)
class ReviewPicture:
    review: Review
    rows: list[RecommendationPicture]

    @property
    def counts(self) -> dict[str, int]:
        return count_outcomes(row.iri for row in self.rows)


def claim_level(assessment: Assessment) -> Level | None:
    """The assessment's claim on the IRI scale, if it states one."""
    grade = assessment.grade
    return Level(grade.code) if grade is not None and grade.scheme.code == "iri" else None


#: Which numbering names a recommendation on pages and in sheets, first found first.
REF_PRIORITY = ("upr-info-mia", "ohchr-paragraph", "ccpr-co-paragraph", "upr-info-db")


def preferred_ref(recommendation: Recommendation) -> tuple[str, str]:
    """(scheme, value) of the reference that names ``recommendation``."""
    refs = sorted(
        recommendation.refs.all(),
        key=lambda r: (REF_PRIORITY.index(r.scheme) if r.scheme in REF_PRIORITY else len(REF_PRIORITY), r.pk),
    )
    return (
        (refs[0].scheme, refs[0].value + refs[0].part) if refs else ("rightstrack-id", str(recommendation.pk))
    )


def display_ref(recommendation: Recommendation) -> str:
    return preferred_ref(recommendation)[1]


def review_picture(review: Review, with_assessments: bool = True) -> ReviewPicture:
    """Every recommendation of ``review`` with its IRI.

    With ``with_assessments`` the IRI is computed from the published assessments (and each row carries
    them); without, it is read from ``Recommendation.level``, which the assessments app keeps equal to
    that computation — enough for pages that show levels only.
    """
    recommendations = (
        Recommendation.objects.filter(review=review)
        .prefetch_related(
            "refs",
            "recommending_states",
            Prefetch(
                "recommendationterm_set",
                queryset=RecommendationTerm.objects.select_related("term__vocabulary").order_by(
                    "term__label"
                ),
            ),
        )
        .order_by("sort_key", "id")
    )
    assessments: dict[int, list[Assessment]] = defaultdict(list)
    published: dict[int, PublishedLevel] = {}
    if with_assessments:
        for assessment in Assessment.public_objects.filter(recommendation__review=review).select_related(
            "stakeholder", "grade__scheme", "document"
        ):
            assessments[assessment.recommendation_id].append(assessment)
        for published_level in (
            PublishedLevel.objects.filter(recommendation__review=review, index="iri")
            .select_related("grade", "document")
            .order_by("document__published_on", "id")
        ):
            published[published_level.recommendation_id] = published_level  # the latest document wins
    rows = []
    for recommendation in recommendations:
        own = assessments.get(recommendation.pk, [])
        level = published.get(recommendation.pk)
        if with_assessments:
            iri = recommendation_iri(
                [claim_level(a) for a in own],
                published=Level(level.grade.code) if level and level.grade else None,
                published_undetermined=bool(level and level.undetermined),
            )
        else:
            iri = IriResult(Outcome(recommendation.level), recommendation.level_score, 0, "stored")
        rows.append(
            RecommendationPicture(
                recommendation=recommendation,
                ref=display_ref(recommendation),
                iri=iri,
                assessments=own,
                issues=[tag.term.label for tag in recommendation.recommendationterm_set.all()],
                recommending_states=[state.code for state in recommendation.recommending_states.all()],
            )
        )
    return ReviewPicture(review, rows)
