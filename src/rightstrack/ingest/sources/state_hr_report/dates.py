"""Dates as the report writes them, and the last day a deadline allows.

>>> day("2 Dec 2003"), day("21 February 2008"), day("12/03/2020"), day("18-May-01"), day("30-Jul-96")
(datetime.date(2003, 12, 2), datetime.date(2008, 2, 21), datetime.date(2020, 3, 12), \
datetime.date(2001, 5, 18), datetime.date(1996, 7, 30))
>>> day("August 12, 2010"), day("2009"), day("/")
(datetime.date(2010, 8, 12), None, None)
>>> [str(deadline_end(text)) for text in ("until the end of 2021", "1st half of 2022", "2021-2023")]
['2021-12-31', '2022-06-30', '2023-12-31']
>>> [str(deadline_end(text)) for text in ("February 2022", "July 2021 until the end of 2021", "Q3 2022")]
['2022-02-28', '2021-12-31', '2022-09-30']
>>> deadline_end("annually"), deadline_end("by 1 July 2022")
(None, datetime.date(2022, 7, 1))
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

_MONTHS = {
    name: number
    for number, full in enumerate(calendar.month_name)
    if full
    for name in (full.casefold(), full[:3].casefold())
} | {"sept": 9}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{_MONTH}[\s,-]+(?P<year>\d{{4}}|\d{{2}})\b"
)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b")
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})\b")
_HALF = re.compile(r"\b(?P<half>[12])(?:st|nd)?\s+half\s+(?:of\s+)?(?P<year>\d{4})\b", re.IGNORECASE)
_QUARTER = re.compile(
    r"\b(?:(?P<nth>[1-4])(?:st|nd|rd|th)?|(?P<roman>I{1,3}|IV))\s+quarter\s+(?:of\s+)?(?P<year>\d{4})\b"
    r"|\bQ(?P<q>[1-4])\s*(?P<qyear>\d{4})\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b")
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_TWO_DIGIT_PIVOT = 50  # "18-May-01" is 2001, "30-Jul-96" is 1996


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < _TWO_DIGIT_PIVOT else 1900
    return year


def _month(name: str) -> int | None:
    return _MONTHS.get(name.casefold())


def _safe(year: int, month: int | None, day_: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day_)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def day(text: str) -> date | None:
    """The first full date (day, month and year) written in ``text``, ``None`` when there is none."""
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            found = _day_end(match)
            if found is not None:
                return found
    numeric = _NUMERIC.search(text)
    return _numeric_end(numeric) if numeric is not None else None


def _day_end(match: re.Match[str]) -> date | None:
    return _safe(_year(match.group("year")), _month(match.group("month")), int(match.group("day")))


def _numeric_end(match: re.Match[str]) -> date | None:
    return _safe(int(match.group("year")), int(match.group("month")), int(match.group("day")))


def _half_end(match: re.Match[str]) -> date | None:
    return _month_end(int(match.group("year")), 6 * int(match.group("half")))


def _quarter_end(match: re.Match[str]) -> date | None:
    if match.group("q"):
        return _month_end(int(match.group("qyear")), 3 * int(match.group("q")))
    quarter = int(match.group("nth")) if match.group("nth") else _ROMAN[match.group("roman").upper()]
    return _month_end(int(match.group("year")), 3 * quarter)


def _month_year_end(match: re.Match[str]) -> date | None:
    month = _month(match.group("month"))
    return _month_end(int(match.group("year")), month) if month is not None else None


def _year_end(match: re.Match[str]) -> date | None:
    return date(int(match.group("year")), 12, 31)


#: Most specific first: a span read by one pattern is blanked before the next looks.
_PERIODS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], date | None]], ...] = (
    (_DAY_MONTH_YEAR, _day_end),
    (_MONTH_DAY_YEAR, _day_end),
    (_NUMERIC, _numeric_end),
    (_HALF, _half_end),
    (_QUARTER, _quarter_end),
    (_MONTH_YEAR, _month_year_end),
    (_YEAR, _year_end),
)


def deadline_end(text: str) -> date | None:
    """The last day a deadline allows: the latest end of the days, months, quarters, halves and years
    it names (``"2021-2023"`` → 31 December 2023); ``None`` when it names none (``"annually"``)."""
    ends: list[date] = []
    rest = text
    for pattern, end_of in _PERIODS:
        for match in pattern.finditer(rest):
            found = end_of(match)
            if found is not None:
                ends.append(found)
                rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    return max(ends, default=None)
