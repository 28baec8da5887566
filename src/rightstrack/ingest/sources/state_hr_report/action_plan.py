"""The Human Rights Priority Action Plan (Annex II): sections and measures.

The table's header reads ``No p/p | Event name | Completion form | Timeline | Responsible performers``,
then a row ``1 | 2 | 3 | 4 | 5``. A section row holds one bold cell ``1. Improving mechanisms ...``; a
measure row five cells ``1.1. | text | form | deadline | agencies``; a row split by a page break
continues on a line whose first cell is empty. Section numbers run 1, 2, 3... and measure numbers
1.1, 1.2, 2.1...: a skip, a measure outside its section, a short row or fewer sections than the
decree's areas of work reject the document (a truncated or disordered plan).

>>> measure_number("1.1."), measure_number("12.3"), measure_number("1"), section_heading("3. Women")
((1, 1), (12, 3), None, (3, 'Women'))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import MeasureRecord, Place, Problem

from .agencies import AgencyRegister, split_agencies
from .dates import deadline_end
from .tables import Row, find_header, join_continuations, table_rows
from .text import Outline

SECTION = "Human Rights Priority Action Plan"
PLAN_HEADER = ("completion form", "responsible")
COLUMNS = 5
_MEASURE = re.compile(r"^(?P<section>\d+)\.(?P<item>\d+)\.?$")
_SECTION = re.compile(r"^(?P<number>\d+)\.\s+(?P<title>\S.*)$")
_COLUMN_NUMBERS = ("1", "2", "3", "4", "5")
_AREAS = re.compile(r"following areas of work:?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-•]\s+\S")


def measure_number(cell: str) -> tuple[int, int] | None:
    match = _MEASURE.match(cell.strip())
    return (int(match.group("section")), int(match.group("item"))) if match else None


def section_heading(cell: str) -> tuple[int, str] | None:
    match = _SECTION.match(cell.strip())
    return (int(match.group("number")), match.group("title").strip()) if match else None


@dataclass
class Plan:
    """The measures read, the register of agencies they name and the section titles."""

    measures: list[MeasureRecord] = field(default_factory=list)
    register: AgencyRegister = field(default_factory=AgencyRegister)
    sections: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_plan(lines: Sequence[str], outline: Outline) -> Plan:
    """Every measure of the plan, or :class:`DocumentRejected` when the plan cannot be read whole."""
    header = find_header(lines, *PLAN_HEADER)
    if header is None:
        raise DocumentRejected(
            "no Human Rights Priority Action Plan table (columns 'Completion form' ... 'Responsible "
            "performers'): the text is truncated or is not this report",
            Place(line=len(lines), section=SECTION),
        )
    rows, end = table_rows(lines, header)
    rows = join_continuations(rows, lambda row: not row.cell(0))
    plan = Plan()
    for row in rows:
        if row.filled == _COLUMN_NUMBERS:
            continue
        _read_row(row, plan)
    if not plan.measures:
        raise DocumentRejected("the action plan lists no measures", Place(line=header + 1, section=SECTION))
    _check_last_section(plan, Place(line=end, section=SECTION))
    _check_areas(lines, plan, Place(line=end, section=SECTION))
    return plan


def _read_row(row: Row, plan: Plan) -> None:
    place = Place(line=row.number, section=SECTION)
    number = measure_number(row.cell(0))
    heading = section_heading(row.cell(0)) if len(row.filled) == 1 else None
    if heading is not None:
        expected = len(plan.sections) + 1
        if heading[0] != expected:
            raise DocumentRejected(
                f"action plan section numbers skip: expected section {expected}, found {heading[0]}", place
            )
        _check_last_section(plan, place)
        plan.sections.append(heading[1])
        return
    if number is None:
        raise DocumentRejected(
            f"action plan row is neither a section heading nor a measure: {row.cell(0)[:60]!r}", place
        )
    _check_number(number, plan, place)
    if len(row.filled) < COLUMNS:
        raise DocumentRejected(
            f"measure {number[0]}.{number[1]} has {len(row.filled)} of {COLUMNS} columns filled "
            "(truncated row?)",
            place,
        )
    agencies = []
    for text in split_agencies(row.cell(4)):
        agency = plan.register.get(text, place)
        if agency in agencies:
            plan.problems.append(
                Problem(place, f"{agency.name} is named twice for measure {number[0]}.{number[1]}")
            )
        else:
            agencies.append(agency)
    plan.measures.append(
        MeasureRecord(
            number=f"{number[0]}.{number[1]}",
            text=row.cell(1),
            place=place,
            completion_form=row.cell(2),
            deadline_text=row.cell(3),
            deadline=deadline_end(row.cell(3)),
            agencies=agencies,
            theme=plan.sections[-1],
        )
    )


def _check_number(number: tuple[int, int], plan: Plan, place: Place) -> None:
    if not plan.sections:
        raise DocumentRejected(f"measure {number[0]}.{number[1]} comes before any section heading", place)
    section = len(plan.sections)
    last = plan.measures[-1].number if plan.measures else ""
    item = int(last.split(".")[1]) + 1 if last.startswith(f"{section}.") else 1
    if number != (section, item):
        raise DocumentRejected(
            f"action plan measure numbers skip: expected {section}.{item}, found {number[0]}.{number[1]}",
            place,
        )


def _check_last_section(plan: Plan, place: Place) -> None:
    if plan.sections and not any(m.number.startswith(f"{len(plan.sections)}.") for m in plan.measures):
        raise DocumentRejected(f"action plan section {len(plan.sections)} has no measures", place)


def _check_areas(lines: Sequence[str], plan: Plan, place: Place) -> None:
    """The decree lists the plan's areas of work: the plan must have as many sections."""
    start = next((index for index, raw in enumerate(lines) if _AREAS.search(raw)), None)
    if start is None:
        plan.problems.append(Problem(place, "the decree's list of areas of work was not found: not checked"))
        return
    areas = 0
    for raw in lines[start + 1 :]:
        if _BULLET.match(raw):
            areas += 1
        elif raw.strip() and areas:
            break
    if len(plan.sections) < areas:
        raise DocumentRejected(
            f"the action plan has {len(plan.sections)} sections where the decree (line {start + 1}) lists "
            f"{areas} areas of work: the plan is truncated",
            place,
        )
    if len(plan.sections) > areas:
        plan.problems.append(
            Problem(
                place, f"the action plan has {len(plan.sections)} sections; the decree lists {areas} areas"
            )
        )
