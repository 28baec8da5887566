"""``actionplan``: a national action plan followed up on a date (seed 002's Priority Action Plan): every
measure with its recommendations, agencies, deadline, status and whether it is overdue (its deadline is
before that date and it is neither done nor dropped); summaries per theme and per agency. The workbook
(XLSX) has the measures, per-theme and per-agency sheets.

Deadlines are judged on the day the report is made, or on the date the reader gives (``as_of``, or the
report's ``date``) — never on the plan document's own date, which would show a years-old picture."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from rightstrack.actionplans.models import ActionPlan, Measure
from rightstrack.assessments.picture import display_ref
from rightstrack.reports.base import Request
from rightstrack.reports.document import Block, Heading, Report, Table, Text
from rightstrack.reports.errors import ReportError
from rightstrack.reports.kinds.common import long_date, state_label

FORMATS = ("html", "pdf", "docx", "xlsx")
OPTIONS = ("plan", "date", "as_of")
CLOSED = (Measure.Status.DONE, Measure.Status.DROPPED)


def is_overdue(measure: Measure, on: datetime.date) -> bool:
    return measure.deadline is not None and measure.deadline < on and measure.status not in CLOSED


def judged_on(request: Request) -> datetime.date:
    """The date deadlines are judged on: ``as_of``, else the report's ``date``, else today."""
    return request.date("as_of") or request.date("date") or datetime.date.today()


def build(request: Request) -> Report:
    state = request.state
    plans = ActionPlan.objects.filter(state=state).select_related("document").order_by("pk")
    wanted = request.text("plan")
    if wanted:
        plans = plans.filter(pk=int(wanted)) if wanted.isdigit() else plans.filter(title__icontains=wanted)
    plan = plans.first()
    if plan is None:
        raise ReportError(
            f"no action plan of {state.code}{f' matches {wanted!r}' if wanted else ' has been imported'}"
        )
    on = judged_on(request)
    measures = list(
        plan.measures.prefetch_related(
            "agencies", "recommendations__refs", "recommendations__review__mechanism"
        ).order_by("sort_key", "pk")
    )
    overdue = [m for m in measures if is_overdue(m, on)]
    done = [m for m in measures if m.status == Measure.Status.DONE]
    blocks: list[Block] = [
        Heading(_("Summary"), 2),
        Text(
            _("%(n)s measures: %(done)s done, %(overdue)s overdue on %(date)s.")
            % {"n": len(measures), "done": len(done), "overdue": len(overdue), "date": long_date(on)},
            "lead",
        ),
        Table.of(
            [_("Status"), _("Measures")],
            [
                [_(str(label)), sum(m.status == value for m in measures)]
                for value, label in Measure.Status.choices
            ],
            row_headers=True,
            widths=(60, 40),
        ),
        Heading(_("Per theme"), 2),
        _summary(_("Theme"), _by_theme(measures), on, "Per theme"),
        Heading(_("Per agency"), 2),
        _summary(_("Agency"), _by_agency(measures), on, "Per agency"),
        Heading(_("Measures"), 2, page_break=True),
    ]
    columns = [
        _("No."),
        _("Measure"),
        _("Completion form"),
        _("Deadline"),
        _("Status"),
        _("Overdue"),
        _("Responsible agencies"),
        _("Recommendations"),
    ]
    for theme, members in _by_theme(measures).items():
        blocks.append(Heading(theme, 3))
        blocks.append(
            Table.of(
                columns, [_row(m, on) for m in members], widths=(5, 34, 11, 10, 8, 8, 12, 12), name="measures"
            )
        )
    blocks.append(
        Table.of(
            [_("Theme"), *columns], [[m.theme, *_row(m, on)] for m in measures], sheet="Measures", shown=False
        )
    )
    return Report(
        kind="actionplan",
        state=state.code,
        language=request.language,
        date=on,
        title=_("%(state)s: action plan follow-up") % {"state": state_label(state)},
        subtitle=_("%(plan)s — the measures on %(date)s: deadlines, responsible agencies, recommendations")
        % {"plan": plan.title, "date": long_date(on)},
        slug=f"plan{plan.pk}",
        blocks=blocks,
        landscape=True,
    )


def _row(measure: Measure, on: datetime.date) -> list[object]:
    recommendations = [
        f"{r.review.mechanism.code} {r.review.cycle or ''}: {display_ref(r)}".replace(" :", ":")
        for r in measure.recommendations.all()
    ]
    return [
        measure.number,
        measure.text,
        measure.completion_form,
        measure.deadline_text or (measure.deadline.isoformat() if measure.deadline else "–"),
        _(str(Measure.Status(measure.status).label)),
        _("overdue") if is_overdue(measure, on) else "",
        ", ".join(a.acronym or a.name for a in measure.agencies.all()),
        "\n".join(recommendations) or "–",
    ]


def _by_theme(measures: list[Measure]) -> dict[str, list[Measure]]:
    themes: dict[str, list[Measure]] = defaultdict(list)
    for measure in measures:
        themes[measure.theme or _("Other")].append(measure)
    return dict(themes)


def _by_agency(measures: list[Measure]) -> dict[str, list[Measure]]:
    agencies: dict[str, list[Measure]] = defaultdict(list)
    for measure in measures:
        for agency in measure.agencies.all():
            agencies[str(agency)].append(measure)
    return dict(sorted(agencies.items(), key=lambda item: (-len(item[1]), item[0])))


def _summary(label: str, groups: dict[str, list[Measure]], on: datetime.date, sheet: str) -> Table:
    rows = []
    for name, members in groups.items():
        open_deadlines = [m.deadline for m in members if m.deadline and m.status not in CLOSED]
        rows.append(
            [
                name,
                len(members),
                sum(m.status == Measure.Status.DONE for m in members),
                sum(is_overdue(m, on) for m in members),
                min(open_deadlines).isoformat() if open_deadlines else "–",
            ]
        )
    return Table.of(
        [label, _("Measures"), _("Done"), _("Overdue"), _("Next deadline")],
        rows,
        sheet=sheet,
        row_headers=True,
        widths=(52, 12, 12, 12, 12),
    )
