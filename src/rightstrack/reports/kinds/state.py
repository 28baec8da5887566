"""``state``: everything known about a State. JSON is the open-data export (``state_export``, the
same as ``rightstrack export``); the workbook has a summary sheet, one sheet per review, one per
mechanism (every published assessment with its grade) and one per action plan."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from rightstrack.actionplans.models import ActionPlan
from rightstrack.assessments.export import state_export
from rightstrack.assessments.models import Assessment
from rightstrack.assessments.picture import display_ref
from rightstrack.core.charts import LEVEL_ORDER
from rightstrack.reports.base import Request
from rightstrack.reports.document import Report, Table
from rightstrack.reports.kinds.common import level_label, response_label, state_label

FORMATS = ("xlsx", "json")
OPTIONS = ("date",)


def write(request: Request, fmt: str) -> tuple[bytes, str]:
    data = state_export(request.state)
    if fmt == "json":
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode(), f"{request.state.code}-state"
    from rightstrack.reports.writers.xlsx import write_xlsx

    report = workbook(request, data)
    return write_xlsx(report), report.filename_stem


def workbook(request: Request, data: dict[str, Any]) -> Report:
    state = request.state
    report = Report(
        kind="state",
        state=state.code,
        language=request.language,
        date=request.stated_date(),
        title=_("%(state)s: every recommendation, assessment and action plan")
        % {"state": state_label(state)},
        subtitle=_("Reviews, implementation levels, assessments by mechanism, action plans"),
    )
    report.add(
        Table.of(
            [
                _("Mechanism"),
                _("Cycle"),
                _("Session"),
                _("Year"),
                _("Symbols"),
                _("Recommendations"),
                *(level_label(level) for level in LEVEL_ORDER),
            ],
            [
                [
                    r["mechanism"],
                    r["cycle"],
                    r["session"],
                    r["year"],
                    ", ".join(r["symbols"]),
                    len(r["recommendations"]),
                    *(r["counts"].get(level, 0) for level in LEVEL_ORDER),
                ]
                for r in data["reviews"]
            ],
            sheet=_("Summary"),
        )
    )
    for review in data["reviews"]:
        cycle = f" {review['cycle']}" if review["cycle"] else ""
        name = f"{review['mechanism']}{cycle} ({review['year'] or '–'})"
        report.add(
            Table.of(
                [
                    _("References"),
                    _("Recommendation"),
                    _("Recommending State"),
                    _("Response"),
                    _("Action category"),
                    _("Issues"),
                    _("Implementation (IRI)"),
                    _("Score"),
                    _("Assessments"),
                ],
                [
                    [
                        "; ".join(f"{k}: {v}" for k, v in item["refs"].items()),
                        item["text"],
                        ", ".join(item["recommending_states"]),
                        response_label(item["response"], item["wg_stage"], item["position_qualifier"]),
                        item["action_category"],
                        "; ".join(label for labels in item["terms"].values() for label in labels),
                        level_label(item["level"]),
                        item["score"],
                        len(item["assessments"]),
                    ]
                    for item in review["recommendations"]
                ],
                sheet=name,
            )
        )
    _mechanisms(report, request)
    _plans(report, request)
    return report


def _mechanisms(report: Report, request: Request) -> None:
    assessments = (
        Assessment.public_objects.filter(recommendation__review__state=request.state)
        .select_related("recommendation__review__mechanism", "stakeholder", "grade__scheme", "document")
        .prefetch_related("recommendation__refs")
        .order_by("recommendation__review__mechanism__code", "recommendation__review__cycle", "pk")
    )
    by_mechanism: dict[str, list[list[object]]] = {}
    for a in assessments:
        review = a.recommendation.review
        by_mechanism.setdefault(review.mechanism.code, []).append(
            [
                review.cycle,
                display_ref(a.recommendation),
                a.stakeholder.name,
                a.sub_item,
                a.grade.scheme.code if a.grade else None,
                a.grade.code if a.grade else None,
                a.assessed_on.isoformat() if a.assessed_on else None,
                a.document.name if a.document else None,
                a.shown_text,
            ]
        )
    for code, rows in by_mechanism.items():
        report.add(
            Table.of(
                [
                    _("Cycle"),
                    _("Paragraph"),
                    _("Stakeholder"),
                    _("Sub-recommendation"),
                    _("Scheme"),
                    _("Grade"),
                    _("Date"),
                    _("Source"),
                    _("Text"),
                ],
                rows,
                sheet=_("%(mechanism)s assessments") % {"mechanism": code},
            )
        )


def _plans(report: Report, request: Request) -> None:
    for plan in ActionPlan.objects.filter(state=request.state).order_by("pk"):
        measures = plan.measures.prefetch_related("agencies", "recommendations__refs").order_by(
            "sort_key", "pk"
        )
        report.add(
            Table.of(
                [
                    _("No."),
                    _("Theme"),
                    _("Measure"),
                    _("Completion form"),
                    _("Deadline"),
                    _("Status"),
                    _("Responsible agencies"),
                    _("Recommendations"),
                ],
                [
                    [
                        m.number,
                        m.theme,
                        m.text,
                        m.completion_form,
                        m.deadline_text,
                        m.status,
                        ", ".join(a.acronym or a.name for a in m.agencies.all()),
                        ", ".join(display_ref(r) for r in m.recommendations.all()),
                    ]
                    for m in measures
                ],
                sheet=_("Plan %(n)s") % {"n": plan.pk} + f" {plan.title}",
            )
        )
