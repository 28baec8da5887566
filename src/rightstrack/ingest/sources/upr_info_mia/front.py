"""The front matter of an MIA: its title (naming the State), publication date and review cycle.

>>> title_state("Kazakhstan Mid-term Implementation Assessment")
'Kazakhstan'
>>> read_date("Geneva, 3 December 2012")
datetime.date(2012, 12, 3)
>>> cycle_of(2010), cycle_of(2014), cycle_of(2030)
(1, 2, None)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from rightstrack.core.dates import MONTHS
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem, ReviewKey
from rightstrack.core.states import resolve_state

from .lines import Line, clean

#: UPR cycles and the years they span (cycles 3 and 4 both touch 2022).
CYCLES: tuple[tuple[int, int, int], ...] = (
    (1, 2008, 2011),
    (2, 2012, 2016),
    (3, 2017, 2022),
    (4, 2022, 2027),
)
#: An MIA comes out about this many years after the review it follows up.
YEARS_AFTER_REVIEW = 2
MECHANISM = "UPR"

_TITLE = re.compile(r"^(?P<before>.*?)Mid-term\s+Implementation\s+Assessment\b(?P<after>.*)$", re.IGNORECASE)
_TITLE_MARK = re.compile(r"Mid-term\s+Implementation\s+Assessment", re.IGNORECASE)
_RECOMMENDATION_MARK = re.compile(r"^\W*Recommendation\s+n\s*[º°]\s*\d+", re.IGNORECASE | re.MULTILINE)
_IRI_MARK = re.compile(r"^\W*IRI\s*:", re.MULTILINE)
_MONTHS = MONTHS
_DATE = re.compile(r"^[A-Z][\w .'-]*,\s*(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\s+(?P<year>\d{4})\.?$")
_NOT_AN_MIA = "not a UPR Info Mid-term Implementation Assessment"
_FRONT = Place(line=1, section="front matter")


def looks_like_mia(text: str, head: int = 3000) -> bool:
    """The title near the top, "Recommendation nº" and "IRI:" lines further on."""
    return bool(
        _TITLE_MARK.search(text[:head]) and _RECOMMENDATION_MARK.search(text) and _IRI_MARK.search(text)
    )


def is_recommendation_heading(line: str) -> bool:
    return bool(_RECOMMENDATION_MARK.match(line))


def title_state(title: str) -> str | None:
    """The State a title names ("Kazakhstan Mid-term Implementation Assessment" → "Kazakhstan")."""
    match = _TITLE.match(clean(title))
    if match is None:
        return None
    return (match.group("before").strip(" -–:*") or match.group("after").strip(" -–:*")) or None


def read_title(lines: Sequence[str]) -> tuple[int, str]:
    """The 0-based title line and the ISO alpha-3 code of its State. Rejects a text that is no MIA."""
    index = next(index for index, line in enumerate(lines) if line.strip())
    place = Place(line=index + 1, section="title")
    name = title_state(lines[index])
    if name is None:
        raise DocumentRejected(
            f"{_NOT_AN_MIA}: the first line is not '<State> Mid-term Implementation Assessment' "
            f"but {lines[index].strip()[:80]!r}",
            place,
        )
    if not any(is_recommendation_heading(line) for line in lines) or not any(
        _IRI_MARK.match(line) for line in lines
    ):
        raise DocumentRejected(f"{_NOT_AN_MIA}: no 'Recommendation nº' and 'IRI:' lines", place)
    state = resolve_state(name)
    if state is None:
        raise DocumentRejected(f"the title names no known State: {name!r}", place)
    return index, state


def read_date(text: str) -> date | None:
    """The date of a "City, D Month YYYY" line, ``None`` when the line is not one."""
    match = _DATE.match(text)
    if match is None or match.group("month").lower() not in _MONTHS:
        return None
    try:
        month = _MONTHS.index(match.group("month").lower()) + 1
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def published_on(items: Sequence[Line]) -> tuple[date | None, list[Problem]]:
    """The first "Geneva, 3 December 2012" line among ``items``."""
    for item in items:
        found = read_date(item.clean)
        if found is not None:
            return found, []
    return None, [Problem(_FRONT, "no publication date ('Geneva, 3 December 2012') before section 3")]


def cycle_of(year: int) -> int | None:
    """The first UPR cycle whose years include ``year``."""
    return next((cycle for cycle, first, last in CYCLES if first <= year <= last), None)


def review_key(state: str, published: date | None) -> tuple[ReviewKey, list[Problem]]:
    """The review an MIA follows up: that of the cycle holding its publication year minus two."""
    if published is None:
        unknown = Problem(_FRONT, "no publication date: the review cycle is unknown")
        return ReviewKey(state, MECHANISM), [unknown]
    year = published.year - YEARS_AFTER_REVIEW
    cycles = [cycle for cycle, first, last in CYCLES if first <= year <= last]
    problems = []
    if len(cycles) != 1:
        problems.append(
            Problem(
                _FRONT,
                f"review year {year} falls in cycles {cycles or 'none'}: cycle {cycle_of(year)} taken",
            )
        )
    return ReviewKey(state, MECHANISM, cycle=cycle_of(year)), problems
