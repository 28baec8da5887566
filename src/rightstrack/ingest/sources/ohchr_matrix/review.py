"""The review a matrix belongs to, from its title ("UPR of China (2nd Cycle – 17th session)").

The State comes from the title; the session too, and the cycle and year follow from the session
(the UPR calendar below); a cycle or year the title states is checked against them.

>>> review, title, problems = read_review(["UPR of China (3rd Cycle – 31st session)\\t\\tThematic list \
of recommendations \\t\\tPage 52 of 53"])
>>> review, title, problems
(ReviewKey(state='CHN', mechanism='UPR', cycle=3, session=31, year=2018), \
'UPR of China (3rd Cycle – 31st session) – Thematic list of recommendations', [])
>>> cycle_of_session(12), cycle_of_session(13), cycle_of_session(40), cycle_of_session(41)
(1, 2, 3, 4)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem, ReviewKey
from rightstrack.core.states import resolve_state

MECHANISM = "UPR"
#: The UPR Working Group's sessions held each year (public calendar of the Human Rights Council).
_SESSIONS_BY_YEAR: tuple[tuple[int, int, int], ...] = (
    (2008, 1, 3), (2009, 4, 6), (2010, 7, 9), (2011, 10, 12), (2012, 13, 14), (2013, 15, 17),
    (2014, 18, 20), (2015, 21, 23), (2016, 24, 26), (2017, 27, 28), (2018, 29, 31), (2019, 32, 34),
    (2020, 35, 36), (2021, 37, 39), (2022, 40, 41), (2023, 42, 44), (2024, 45, 47), (2025, 48, 50),
)  # fmt: skip

_UPR_OF = re.compile(
    r"\b(?:UPR|Universal\s+Periodic\s+Review)\s+(?:of|on|[-–—:])\s+(?:the\s+)?(?P<state>[^()\t\n–—:]+)",
    re.IGNORECASE,
)
_UPR_OF_WORDS = re.compile(r"\b(?:UPR|Universal\s+Periodic\s+Review)\s+(?:of|on)\s+(?:the\s+)?", re.I)
_CHUNKS = re.compile(r"\s*(?:[\t()|–—:]|\s-\s)\s*")
_SESSION = re.compile(
    r"\b(?P<a>\d{1,2})\s*(?:st|nd|rd|th)?\s+(?:UPR\s+)?(?:Working\s+Group\s+)?session\b"
    r"|\bsession\s*(?:n[o°º]\.?\s*)?(?P<b>\d{1,2})\b",
    re.IGNORECASE,
)
_CYCLE = re.compile(r"\b(?P<a>\d)\s*(?:st|nd|rd|th)\s+cycle\b|\bcycle\s*(?P<b>\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(20[0-4]\d)\b")
_PAGE = re.compile(r"^page\s+\d+(?:\s+of\s+\d+)?$", re.IGNORECASE)
_PLACE = Place(section="title")


def cycle_of_session(session: int) -> int:
    """Cycle 1 had sessions 1–12; every later cycle has 14 (13–26, 27–40, 41–54...)."""
    return 1 if session <= 12 else 2 + (session - 13) // 14


def year_of_session(session: int) -> int | None:
    return next((year for year, first, last in _SESSIONS_BY_YEAR if first <= session <= last), None)


def read_review(lines: Sequence[str]) -> tuple[ReviewKey, str, list[Problem]]:
    """The review key, a title, and what the title leaves unsaid; rejects a title naming no State."""
    state, title = _state(lines)
    if state is None:
        shown = "; ".join(line[:80] for line in lines[:3]) or "nothing"
        raise DocumentRejected(
            "no State under review: the page header or title should read like "
            f"'UPR of <State> (3rd Cycle – 34th session)'; it reads: {shown}",
            _PLACE,
        )
    text = "\n".join(lines)
    session = _number(_SESSION, text)
    stated_cycle = _number(_CYCLE, text)
    years = [int(year) for year in _YEAR.findall(text)]
    problems: list[Problem] = []
    if session is None:
        problems.append(Problem(_PLACE, "the title gives no session: year unknown, cycle as stated"))
        year = years[0] if years else None
        return ReviewKey(state, MECHANISM, stated_cycle, None, year), title, problems
    cycle = cycle_of_session(session)
    year = year_of_session(session)
    if stated_cycle is not None and stated_cycle != cycle:
        problems.append(
            Problem(_PLACE, f"the title says cycle {stated_cycle}, but session {session} is in cycle {cycle}")
        )
    if year is None:
        year = years[0] if years else None
        if year is None:
            problems.append(
                Problem(_PLACE, f"session {session} is past the known UPR calendar: year unknown")
            )
    elif years and year not in years:
        problems.append(
            Problem(_PLACE, f"the title names {years[0]}, but session {session} was held in {year}")
        )
    return ReviewKey(state, MECHANISM, cycle, session, year), title, problems


def _state(lines: Sequence[str]) -> tuple[str | None, str]:
    """The State's code and the line naming it, as a title (tabs and page numbers dropped)."""
    for line in lines:
        for found in _UPR_OF.finditer(line):
            named = found["state"].strip()
            for candidate in (named, _CHUNKS.split(named)[0]):
                code = resolve_state(candidate) if candidate else None
                if code:
                    return code, _title(line)
    for line in lines:
        for chunk in _CHUNKS.split(_UPR_OF_WORDS.sub("", line)):
            code = resolve_state(chunk) if chunk else None
            if code:
                return code, _title(line)
    return None, ""


def _title(line: str) -> str:
    parts = [part.strip() for part in line.split("\t")]
    return " – ".join(part for part in parts if part and not _PAGE.match(part))


def _number(pattern: re.Pattern[str], text: str) -> int | None:
    found = pattern.search(text)
    if found is None:
        return None
    return int(found["a"] or found["b"])
