"""A review's implementation picture: every recommendation's level, from published assessments only.

The level is the IRI (UPR Info's index) or, for a recommendation graded under another scheme (a
treaty body's A–E), the level of its grades (``core.grading.recommendation_level``, INDEXES.md).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch

from rightstrack.assessments.models import Assessment, PublishedLevel
from rightstrack.core.grading import GradeClaim, recommendation_level
from rightstrack.core.iri import IriResult, Level, Outcome, count_outcomes
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Review
from rightstrack.recommendations.states import attach as attach_states
from rightstrack.recommendations.states import in_order as states_in_order


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


def grade_claim(assessment: Assessment) -> GradeClaim | None:
    """The assessment's grade under a scheme other than the IRI's (a committee's B), if it gives one."""
    grade = assessment.grade
    if grade is None or grade.scheme.code == "iri":
        return None
    when = assessment.assessed_on or (assessment.document.published_on if assessment.document else None)
    return GradeClaim(assessment.stakeholder_id, when, grade.score, assessment.sub_item)


def assessments_level(assessments: list[Assessment], published: PublishedLevel | None = None) -> IriResult:
    """The level of a recommendation from its published assessments and the latest published level."""
    return recommendation_level(
        [claim_level(a) for a in assessments],
        [claim for a in assessments if (claim := grade_claim(a)) is not None],
        published=Level(published.grade.code) if published is not None and published.grade else None,
        published_undetermined=bool(published is not None and published.undetermined),
    )


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
    in_order = list(recommendations)
    attach_states(in_order)
    for recommendation in in_order:
        own = assessments.get(recommendation.pk, [])
        level = published.get(recommendation.pk)
        if with_assessments:
            iri = assessments_level(own, level)
        else:
            iri = IriResult(Outcome(recommendation.level), recommendation.level_score, 0, "stored")
        rows.append(
            RecommendationPicture(
                recommendation=recommendation,
                ref=display_ref(recommendation),
                iri=iri,
                assessments=own,
                issues=[tag.term.label for tag in recommendation.recommendationterm_set.all()],
                recommending_states=[state.code for state in states_in_order(recommendation)],
            )
        )
    return ReviewPicture(review, rows)
