"""Everything known about a State, as open data (JSON, CSV, XLSX)."""

from __future__ import annotations

from typing import Any

from rightstrack.assessments.picture import RecommendationPicture, claim_level, review_picture
from rightstrack.outputs.spreadsheets import TextWorkbook, csv_text, workbook_bytes
from rightstrack.recommendations.models import Review, State

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


def _recommendation_json(row: RecommendationPicture) -> dict[str, Any]:
    recommendation = row.recommendation
    terms: dict[str, list[str]] = {}
    for tag in recommendation.recommendationterm_set.all():
        terms.setdefault(tag.term.exported_under, []).append(tag.term.label)
    return {
        "refs": {ref.scheme: ref.value for ref in recommendation.refs.all()},
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
        reviews.append(
            {
                "mechanism": review.mechanism.code,
                "cycle": review.cycle,
                "session": review.session,
                "year": review.year,
                "symbols": review.symbols,
                "counts": picture.counts,
                "recommendations": [_recommendation_json(row) for row in picture.rows],
            }
        )
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


def state_csv(data: dict[str, Any]) -> str:
    return csv_text(CSV_COLUMNS, _flat_rows(data))


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
