"""The UPR reviews table and the acceptance figures of the last review.

The table reads ``<b>Third cycle</b> (2017-2022) | 07 November 2019 (34th Working Group Session) |
20/12/2019 <sup>24</sup> | 24/02/2020 <sup>25</sup> | 12/03/2020 <sup>26</sup>``: review date and
session, then the dates of the Working Group report, of the State's replies and of the Council's
decision, each with a footnote whose link names the document symbol (``A/HRC/43/10``).

The figures are sentences: "received 245 recommendations, of which it supported 214" or "supported
214 of the 245 recommendations"; they belong to the latest review of the table.

>>> cycle_number("First cycle (2008-2011)"), cycle_number("Third cycle (2017-2022)"), cycle_number("x")
(1, 3, None)
>>> symbol_in("<https://undocs.org/en/A/HRC/43/10/Add.1>"), symbol_in("<https://x.org/G1013898.pdf>")
('A/HRC/43/10/Add.1', '')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rightstrack.core.records import Place, Problem, ReviewInfoRecord, ReviewKey
from rightstrack.core.upr_calendar import upr_review

from .dates import day
from .tables import Row, find_header, join_continuations, table_rows
from .text import Outline, footnotes, note_numbers

MECHANISM = "UPR"
UPR_HEADER = ("report of the working group", "final decision")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
_CYCLE = re.compile(r"\b(?P<nth>first|second|third|fourth|fifth|sixth|[1-6](?:st|nd|rd|th))\s+cycle\b", re.I)
_SESSION = re.compile(r"\b(?P<session>\d{1,3})\s*(?:st|nd|rd|th)?\s+Working\s+Group\b", re.IGNORECASE)
_SYMBOL = re.compile(r"\b(?P<symbol>A/HRC/(?:DEC/)?\d+/\d+(?:/Add\.\d+)?)")
_RECEIVED = re.compile(r"received (?P<total>\d+) recommendations, of which it supported (?P<accepted>\d+)")
_SUPPORTED = re.compile(r"supported (?P<accepted>\d+) of the (?P<total>\d+) recommendations")
_COLUMNS = ("Working Group report", "replies", "final decision")


def cycle_number(text: str) -> int | None:
    """The cycle a row names ("Third cycle" → 3)."""
    match = _CYCLE.search(text)
    if match is None:
        return None
    nth = match.group("nth").casefold()
    return _ORDINALS.index(nth) + 1 if nth in _ORDINALS else int(nth[0])


def symbol_in(text: str) -> str:
    """The UN symbol a footnote's link names, ``""`` when it names none."""
    match = _SYMBOL.search(text)
    return match.group("symbol") if match else ""


@dataclass(frozen=True)
class Figures:
    total: int
    accepted: int
    line: int


def stated_figures(lines: Sequence[str], problems: list[Problem]) -> Figures | None:
    """How many recommendations the last review gave and the State supported, as the text says."""
    found: list[Figures] = []
    for index, raw in enumerate(lines):
        for pattern in (_RECEIVED, _SUPPORTED):
            for match in pattern.finditer(raw):
                found.append(Figures(int(match.group("total")), int(match.group("accepted")), index + 1))
    for other in found[1:]:
        if (other.total, other.accepted) != (found[0].total, found[0].accepted):
            problems.append(
                Problem(
                    Place(line=other.line, section="UPR figures"),
                    f"{other.accepted} of {other.total} recommendations supported, where line "
                    f"{found[0].line} says {found[0].accepted} of {found[0].total}: "
                    f"line {found[0].line} kept",
                )
            )
    return found[0] if found else None


def review_infos(
    lines: Sequence[str], outline: Outline, state: str, problems: list[Problem], stated: dict[str, int]
) -> list[ReviewInfoRecord]:
    """One record per row of the UPR reviews table, the figures on the latest."""
    header = find_header(lines, *UPR_HEADER)
    if header is None:
        problems.append(Problem(Place(line=1, section="UPR"), "no table of past UPR reviews"))
        return []
    section = outline.section_at(header)
    notes = footnotes(lines)
    rows = join_continuations(table_rows(lines, header)[0], lambda row: not row.cell(0))
    infos = [info for row in rows if (info := _info(row, state, section, notes, problems)) is not None]
    figures = stated_figures(lines, problems)
    if figures is not None and infos:
        latest = max(infos, key=lambda info: info.review.cycle or 0)
        stated[f"UPR cycle {latest.review.cycle} recommendations"] = figures.total
        stated[f"UPR cycle {latest.review.cycle} supported"] = figures.accepted
        infos[infos.index(latest)] = ReviewInfoRecord(
            review=latest.review,
            place=latest.place,
            symbols=latest.symbols,
            held_on=latest.held_on,
            adopted_on=latest.adopted_on,
            total=figures.total,
            accepted=figures.accepted,
            noted=figures.total - figures.accepted,
        )
    return infos


def _info(
    row: Row, state: str, section: str, notes: dict[int, tuple[int, str]], problems: list[Problem]
) -> ReviewInfoRecord | None:
    place = Place(line=row.number, section=section)
    cycle = cycle_number(row.cell(0))
    if cycle is None:
        problems.append(Problem(place, f"row {row.cell(0)!r} names no UPR cycle: not read"))
        return None
    held_on = day(row.cell(1))
    session = _session(row.cell(1), state, cycle, place, problems)
    symbols: list[str] = []
    for position, column in enumerate(_COLUMNS, start=2):
        for number in note_numbers(row.cells[position] if position < len(row.cells) else ""):
            symbol = symbol_in(notes.get(number, (0, ""))[1])
            if symbol:
                symbols.append(symbol)
            else:
                problems.append(
                    Problem(place, f"footnote {number} ({column}, cycle {cycle}) names no document symbol")
                )
    undated = [f"{column} {row.cell(position)}" for position, column in enumerate(_COLUMNS[:2], start=2)]
    problems.append(Problem(place, f"no field for the dates of the {' and of the '.join(undated)}: not kept"))
    return ReviewInfoRecord(
        review=ReviewKey(
            state, MECHANISM, cycle=cycle, session=session, year=held_on.year if held_on else None
        ),
        place=place,
        symbols=tuple(symbols),
        held_on=held_on,
        adopted_on=day(row.cell(4)),
    )


def _session(text: str, state: str, cycle: int, place: Place, problems: list[Problem]) -> int | None:
    """The Working Group session, checked against the UPR calendar (which wins when they differ)."""
    match = _SESSION.search(text)
    written = int(match.group("session")) if match else None
    known = upr_review(state, cycle)
    if known is None:
        return written
    if written is not None and written != known.session:
        problems.append(
            Problem(
                place,
                f"the table says Working Group session {written} for cycle {cycle}; the UPR calendar has "
                f"session {known.session} ({known.year}): session {known.session} kept",
            )
        )
    return known.session
