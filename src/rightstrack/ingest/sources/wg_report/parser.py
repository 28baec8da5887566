"""Parser of the "Report of the Working Group on the Universal Periodic Review" (UN symbol A/HRC/NN/NN).

The report of a State's UPR review: an introduction (session, dates, troika), a summary of the
interactive dialogue and, in "Conclusions and/or recommendations", every recommendation with its
number ("95.1"), text and recommending States, grouped under paragraphs that say what the State
decided (supported, already implemented, will examine, noted). ``README.md`` in this folder
describes the layouts of 2008–2014 and what the parser copes with.

``parse`` returns the review (State, cycle, session, year), the report's symbol and dates, and
every recommendation, with each lesser oddity as a non-fatal :class:`~rightstrack.core.records.Problem`.
It rejects, with place and reason, a text it cannot read whole (empty, not a report, no
recommendations section, truncated, numbering out of order): nothing partial.

>>> detect("United Nations  A/HRC/14/10\\nReport of the Working Group on the Universal\\nPeriodic Review*")
True
>>> detect("Kazakhstan Mid-term Implementation Assessment")
False
"""

from __future__ import annotations

from collections.abc import Iterable

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, Place, Problem, ReviewInfoRecord, ReviewKey

from .build import recommendations
from .checks import calendar_problems, check_order, check_paragraphs, front_problems
from .comments import set_aside
from .decisions import NOTED, REJECTED, SUPPORTING
from .front import looks_like_report, read_front
from .layout import segments
from .numbering import read_paragraphs
from .repair import repair
from .sections import find_section

KIND = "upr-wg-report"
MECHANISM = "UPR"
#: The first session of each UPR cycle (sessions 1–12: cycle 1, 13–26: 2, 27–40: 3, 41–: 4).
CYCLE_STARTS = ((41, 4), (27, 3), (13, 2), (1, 1))


def detect(text: str) -> bool:
    """Whether ``text`` carries the WG report title near its top (line breaks and mojibake tolerated)."""
    return looks_like_report(text)


def cycle_of(session: int | None) -> int | None:
    """The UPR cycle a Working Group session belongs to.

    >>> cycle_of(7), cycle_of(20), cycle_of(34), cycle_of(48), cycle_of(None)
    (1, 2, 3, 4, None)
    """
    if session is None:
        return None
    return next((cycle for first, cycle in CYCLE_STARTS if session >= first), None)


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Everything the report says of its review and recommendations; ``issue_labels`` is not used.

    Raises :class:`DocumentRejected` (place and reason) when the text cannot be read whole.
    """
    if not text.strip():
        raise DocumentRejected("the document is empty", Place(line=1))
    text = repair(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not detect(text):
        raise DocumentRejected(
            "not a UPR Working Group report: no title 'Report of the Working Group on the Universal "
            "Periodic Review' near the top",
            Place(line=1, section="front"),
        )
    lines = text.split("\n")
    front = read_front(lines)
    section = find_section(lines)
    if not section.closed:
        raise DocumentRejected(
            "the text stops inside the conclusions section: no closing paragraph ('All conclusions and/or "
            "recommendations contained in the present report...'), no annex: the report is truncated",
            Place(line=len(lines), section="recommendations"),
        )
    pieces = segments(lines, section.heading + 1, section.end)
    first = section.toc_range[0] if section.toc_range else None
    numbering = read_paragraphs(pieces, first)
    if first is not None and not any(paragraph.items for paragraph in numbering.paragraphs):
        numbering = read_paragraphs(pieces, None)  # the table of contents was wrong
    check_paragraphs(numbering, section)
    check_order(numbering)
    problems: list[Problem] = front_problems(front)
    problems += [
        Problem(Place(line=event.line, section="recommendations"), event.message)
        for event in numbering.events
    ]
    problems += set_aside(numbering, front.state_name)
    records, record_problems = recommendations(numbering)
    problems += record_problems
    review = ReviewKey(front.state, MECHANISM, cycle_of(front.session), front.session, front.year)
    problems += calendar_problems(front, review.cycle)
    symbols = tuple(symbol for symbol in (front.symbol or front.draft_symbol,) if symbol)
    info = ReviewInfoRecord(
        review,
        Place(line=(front.session_line or front.title_line) + 1, section="introduction"),
        symbols=symbols,
        held_on=front.held_on,
        adopted_on=front.adopted_on,
        total=len(records),
        accepted=sum(record.response in SUPPORTING for record in records),
        noted=sum(record.response in {NOTED, REJECTED} for record in records),
    )
    return ParsedDocument(
        kind=KIND,
        title=front.title,
        review=review,
        recommendations=records,
        problems=sorted(problems, key=lambda problem: problem.place.line or 0),
        symbol=front.symbol,
        review_infos=[info],
        published_on=front.issued_on,
    )
