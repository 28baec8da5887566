"""Everything known about a State, as open data (JSON, CSV, XLSX)."""

from __future__ import annotations

from typing import Any

from rightstrack.assessments.models import Assessment
from rightstrack.assessments.picture import RecommendationPicture, claim_level, review_picture
from rightstrack.core.followup import DECISION_KINDS, address, limb_of
from rightstrack.core.mechanisms import TREATY_BODY
from rightstrack.outputs.spreadsheets import TextWorkbook, csv_text, workbook_bytes
from rightstrack.recommendations.models import Recommendation, Review, State
from rightstrack.treaties.models import FollowUpDecision

CSV_COLUMNS = [
    "state",
    "mechanism",
    "cycle",
    "session",
    "year",
    "refs",
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
    "assessments",
]


def paragraph_of(recommendation: Recommendation) -> str | None:
    """A treaty body's paragraph number of the recommendation (its ``<committee>-co-paragraph`` ref)."""
    for ref in recommendation.refs.all():
        if ref.scheme.endswith("-co-paragraph"):
            return ref.value + ref.part
    return None


def grade_json(assessment: Assessment, paragraph: str | None = None) -> dict[str, Any] | None:
    """The grade as the stakeholder gave it, under its own scheme (a committee's B, an NGO's A2), with
    the limbs it covers (``24 (a) and (b)``) and the report it came from; None when it gives none."""
    grade = assessment.grade
    if grade is None:
        return None
    document = assessment.document
    return {
        "scheme": grade.scheme.code,
        "scheme_name": grade.scheme.name,
        "code": grade.code,
        "meaning": grade.label,
        "score": float(grade.score) if grade.score is not None else None,
        "limb": limb_of(assessment.sub_item) or None,
        "address": address(paragraph, assessment.sub_item) if paragraph else None,
        "report": (document.symbol or document.name) if document else None,
    }


def decision_json(decision: FollowUpDecision) -> dict[str, Any]:
    """A treaty body's decision on a review's follow-up, as one of its reports states it."""
    return {
        "report": decision.report_symbol,
        "date": decision.decided_on.isoformat() if decision.decided_on else None,
        "kind": decision.kind,
        "meaning": DECISION_KINDS[decision.kind],
        "text": decision.text,
        "next_report_due": decision.next_report_due.isoformat() if decision.next_report_due else None,
        "next_report_due_as_written": decision.next_report_due_text or None,
    }


def treaty_body_paragraphs(review: Review) -> list[dict[str, Any]]:
    """Each paragraph of a treaty body's review: its number, follow-up deadline, level, and every grade
    as given (published assessments only)."""
    grades: dict[int, list[Assessment]] = {}
    for assessment in (
        Assessment.public_objects.filter(recommendation__review=review, grade__isnull=False)
        .select_related("grade__scheme", "document")
        .order_by("document__published_on", "id")
    ):
        grades.setdefault(assessment.recommendation_id, []).append(assessment)
    found = []
    for recommendation in review.recommendations.prefetch_related("refs").order_by("sort_key", "id"):
        paragraph = paragraph_of(recommendation)
        found.append(
            {
                "id": recommendation.pk,
                "paragraph": paragraph,
                "follow_up_due": (
                    recommendation.follow_up_due.isoformat() if recommendation.follow_up_due else None
                ),
                "level": recommendation.level,
                "score": float(recommendation.level_score)
                if recommendation.level_score is not None
                else None,
                "grades": [grade_json(a, paragraph) for a in grades.get(recommendation.pk, [])],
            }
        )
    return found


def _recommendation_json(row: RecommendationPicture) -> dict[str, Any]:
    recommendation = row.recommendation
    terms: dict[str, list[str]] = {}
    for tag in recommendation.recommendationterm_set.all():
        terms.setdefault(tag.term.exported_under, []).append(tag.term.label)
    paragraph = paragraph_of(recommendation)
    return {
        "refs": {ref.scheme: ref.value for ref in recommendation.refs.all()},
        "paragraph": paragraph,
        "follow_up_due": recommendation.follow_up_due.isoformat() if recommendation.follow_up_due else None,
        "text": recommendation.text,
        "recommending_states": row.recommending_states,
        "response": recommendation.response,
        "wg_stage": recommendation.wg_stage,
        "position_qualifier": recommendation.position_qualifier,
        "position_conflict": recommendation.position_conflict,
        "action_category": recommendation.action_category,
        "terms": terms,
        "level": row.iri.outcome.value,
        "score": float(row.iri.score) if row.iri.score is not None else None,
        "assessments": [
            {
                "stakeholder": assessment.stakeholder.acronym or assessment.stakeholder.name,
                "stakeholder_name": assessment.stakeholder.name,
                "level": level.value if (level := claim_level(assessment)) else None,
                "grade": grade_json(assessment, paragraph),
                "text": assessment.shown_text,
            }
            for assessment in row.assessments
        ],
    }


def state_export(state: State) -> dict[str, Any]:
    reviews = []
    for review in (
        Review.objects.filter(state=state).select_related("mechanism").order_by("year", "cycle", "id")
    ):
        picture = review_picture(review)
        entry: dict[str, Any] = {
            "mechanism": review.mechanism.code,
            "cycle": review.cycle,
            "session": review.session,
            "year": review.year,
            "symbols": review.symbols,
            "counts": picture.counts,
            "recommendations": [_recommendation_json(row) for row in picture.rows],
        }
        if review.mechanism.kind == TREATY_BODY:
            entry["follow_up_decisions"] = [
                decision_json(d) for d in review.follow_up_decisions.order_by("decided_on", "id")
            ]
        reviews.append(entry)
    return {"state": state.code, "name": state.name, "reviews": reviews}


def _flat_rows(data: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for review in data["reviews"]:
        for item in review["recommendations"]:
            rows.append(
                [
                    data["state"],
                    review["mechanism"],
                    review["cycle"],
                    review["session"],
                    review["year"],
                    "; ".join(f"{scheme}:{value}" for scheme, value in item["refs"].items()),
                    item["text"],
                    "; ".join(item["recommending_states"]),
                    item["response"],
                    item["wg_stage"],
                    item["position_qualifier"],
                    item["position_conflict"],
                    item["action_category"],
                    "; ".join(
                        f"{code}:{label}" for code, labels in item["terms"].items() for label in labels
                    ),
                    item["level"],
                    item["score"],
                    len(item["assessments"]),
                ]
            )
    return rows


def state_csv(data: dict[str, Any], bom: bool = False) -> str:
    """The State's recommendations as CSV (``bom``: a file for people, which Excel opens as UTF-8)."""
    return csv_text(CSV_COLUMNS, _flat_rows(data), bom=bom)


def state_xlsx(data: dict[str, Any]) -> bytes:
    workbook = TextWorkbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Recommendations"
    sheet.append(CSV_COLUMNS)
    for row in _flat_rows(data):
        sheet.append(row)
    assessments = workbook.create_sheet("Assessments")
    assessments.append(
        ["state", "mechanism", "cycle", "refs", "stakeholder", "stakeholder_name", "level", "text"]
    )
    for review in data["reviews"]:
        for item in review["recommendations"]:
            refs = "; ".join(f"{scheme}:{value}" for scheme, value in item["refs"].items())
            for assessment in item["assessments"]:
                assessments.append(
                    [
                        data["state"],
                        review["mechanism"],
                        review["cycle"],
                        refs,
                        assessment["stakeholder"],
                        assessment["stakeholder_name"],
                        assessment["level"],
                        assessment["text"],
                    ]
                )
    return workbook_bytes(workbook)
