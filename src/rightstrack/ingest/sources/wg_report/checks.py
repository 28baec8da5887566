"""Whole-document checks: a report is read whole or rejected; lesser oddities become problems.

A truncated text either lacks the conclusions section or stops inside it (no closing paragraph,
no annex: :func:`~.sections.find_section`). Text whose lines are out of order (shuffled, pages
interleaved) breaks the numbering: many numbers fit no count. Real reports have a few slips
(a number printed wrong, one lost); more than :data:`MAX_SLIPS` (and more than
:data:`MAX_SLIP_SHARE` of the recommendations) is taken for a text out of order.
"""

from __future__ import annotations

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem
from rightstrack.core.upr_calendar import upr_review

from .front import Front
from .numbering import Numbering
from .sections import Section

MAX_SLIPS = 5
MAX_SLIP_SHARE = 0.05
SECTION = "recommendations"


def check_paragraphs(numbering: Numbering, section: Section) -> None:
    """Reject a section with no numbered paragraph or no listed recommendation."""
    if not numbering.paragraphs:
        raise DocumentRejected(
            "no numbered paragraph follows the 'Conclusions and/or recommendations' heading (a table of "
            "contents?): the report has no recommendations section, or the text stops before it",
            Place(line=section.heading + 1, section=SECTION),
        )
    if not any(paragraph.items for paragraph in numbering.paragraphs):
        raise DocumentRejected(
            "the conclusions section lists no numbered recommendation",
            Place(line=numbering.paragraphs[0].line, section=SECTION),
        )


def check_order(numbering: Numbering) -> None:
    """Reject a section whose numbering is broken beyond the slips real reports have."""
    slips = [event for event in numbering.events if event.kind in {"jump", "order", "gap", "moved"}]
    items = sum(len(paragraph.items) for paragraph in numbering.paragraphs)
    if len(slips) > MAX_SLIPS and len(slips) > MAX_SLIP_SHARE * items:
        first = slips[0]
        raise DocumentRejected(
            f"the numbering of the recommendations is not consecutive ({len(slips)} breaks among {items} "
            f"recommendations; first: {first.message}): the text is out of order or incomplete",
            Place(line=first.line, section=SECTION),
        )


def front_problems(front: Front) -> list[Problem]:
    """What the introduction does not say, or says against the UPR calendar."""
    place = Place(line=(front.session_line or front.title_line) + 1, section="introduction")
    problems: list[Problem] = []
    if not front.symbol:
        draft = f"; it was issued in draft as {front.draft_symbol}" if front.draft_symbol else ""
        problems.append(Problem(place, f"the report's symbol (A/HRC/NN/NN) is not in the text{draft}"))
    if front.session is None:
        problems.append(Problem(place, "the Working Group session is not stated ('held its Nth session')"))
    if front.year is None:
        problems.append(Problem(place, "the year of the session is not stated"))
    if front.year_conflict:
        problems.append(Problem(place, f"{front.year_conflict}: year {front.year} kept"))
    if front.held_on is None:
        problems.append(Problem(place, "the date of the review meeting is not stated"))
    if front.adopted_on is None:
        problems.append(Problem(place, "the date the Working Group adopted the report is not stated"))
    return problems


def calendar_problems(front: Front, cycle: int | None) -> list[Problem]:
    """A session that the UPR calendar gives another number (a slip of the report or of the calendar)."""
    known = upr_review(front.state, cycle)
    if known is None or front.session is None or known.session == front.session:
        return []
    place = Place(line=(front.session_line or front.title_line) + 1, section="introduction")
    return [
        Problem(place, f"session {front.session} of the report; the UPR calendar has session {known.session}")
    ]
