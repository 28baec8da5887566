"""When each State was reviewed by the UPR: session and year per cycle.

Derived from UPR Info's export (sessions 1–20, 2008–2014) by ``scripts/build_upr_calendar.py``;
a review not listed simply stays without session and year until a document gives them.

>>> upr_review("KAZ", 1)
UprReview(state='KAZ', cycle=1, session=7, year=2010)
>>> upr_review("KAZ", 9) is None
True
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class UprReview:
    state: str
    cycle: int
    session: int
    year: int


@cache
def _calendar() -> dict[tuple[str, int], UprReview]:
    text = files("rightstrack.core").joinpath("data/upr_reviews.csv").read_text(encoding="utf-8")
    reviews = {}
    for row in csv.DictReader(text.splitlines()):
        review = UprReview(row["state"], int(row["cycle"]), int(row["session"]), int(row["year"]))
        reviews[(review.state, review.cycle)] = review
    return reviews


def upr_review(state: str, cycle: int | None) -> UprReview | None:
    if cycle is None:
        return None
    return _calendar().get((state, cycle))
