"""The JSON shapes of public pages (the same data the HTML shows; published records only)."""

from __future__ import annotations

from typing import Any

from rightstrack.assessments.export import grade_json, paragraph_of
from rightstrack.assessments.models import Assessment, Stakeholder
from rightstrack.assessments.picture import RecommendationPicture, ReviewPicture, claim_level
from rightstrack.documents.models import PositionStatement
from rightstrack.recommendations.models import Recommendation, Review


def review_json(review: Review) -> dict[str, Any]:
    return {
        "state": review.state_id,
        "state_name": review.state.name,
        "mechanism": review.mechanism.code,
        "cycle": review.cycle,
        "session": review.session,
        "year": review.year,
        "symbols": review.symbols,
    }


def position_json(
    recommendation: Recommendation, statements: list[PositionStatement] | None = None
) -> dict[str, Any]:
    """The State's answer: final position (``None`` while pending), Working Group stage, qualifier,
    whether documents disagree, and (on a recommendation's own page) what each document says."""
    data: dict[str, Any] = {
        "final": recommendation.response or None,
        "label": recommendation.position_label,
        "wg_stage": recommendation.wg_stage or None,
        "qualifier": recommendation.position_qualifier or None,
        "conflict": recommendation.position_conflict,
    }
    if recommendation.text_conflict:
        data["other_wordings"] = recommendation.text_variants
    if statements is not None:
        data["statements"] = [
            {
                "document": s.document.name,
                "symbol": s.document.symbol,
                "says": s.words,
                "kind": s.kind or "repeat",
                "final": s.position or None,
                "wg_stage": s.stage or None,
                "place": s.place,
            }
            for s in statements
        ]
    return data


def assessment_json(assessment: Assessment, paragraph: str | None = None) -> dict[str, Any]:
    level = claim_level(assessment)
    return {
        "stakeholder": assessment.stakeholder.acronym or assessment.stakeholder.name,
        "stakeholder_name": assessment.stakeholder.name,
        "level": level.value if level else None,
        # the grade as the stakeholder gave it, under its own scheme (a committee's B, an NGO's A2...)
        "grade": grade_json(assessment, paragraph),
        "level_basis": assessment.level_basis,
        "text": assessment.shown_text,
        "date": assessment.assessed_on.isoformat() if assessment.assessed_on else None,
        "source": assessment.document.name if assessment.document else None,
        # what the stakeholder cited (a web address or a document's name), as they gave it
        "cited_source": assessment.source_note or None,
        "cited_source_link": assessment.source_link or None,
    }


def row_json(row: RecommendationPicture) -> dict[str, Any]:
    return {
        "ref": row.ref,
        "id": row.recommendation.pk,
        "text": row.recommendation.text,
        "recommending_states": row.recommending_states,
        "response": row.recommendation.response,
        "position": position_json(row.recommendation),
        "action_category": row.recommendation.action_category,
        "issues": row.issues,
        "group": row.recommendation.group,
        "level": row.iri.outcome.value,
        "score": float(row.iri.score) if row.iri.score is not None else None,
        "basis": row.iri.basis,
        "assessments": [
            assessment_json(assessment, paragraph_of(row.recommendation)) for assessment in row.assessments
        ],
    }


def picture_json(picture: ReviewPicture, rows: list[RecommendationPicture] | None = None) -> dict[str, Any]:
    return {
        **review_json(picture.review),
        "counts": picture.counts,
        "recommendations": [row_json(row) for row in (picture.rows if rows is None else rows)],
    }


def stakeholder_json(stakeholder: Stakeholder) -> dict[str, Any]:
    return {
        "id": stakeholder.pk,
        "name": stakeholder.name,
        "acronym": stakeholder.acronym,
        "kind": stakeholder.kind,
    }
