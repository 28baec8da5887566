"""Parser of the Human Rights Committee's follow-up assessment of a State, as JSON.

The JSON (one State: ``a3``, ``name``, ``hrc.meta``, ``hrc.paragraphs``) gives the concluding
observations (``co_symbol``, ``co_date``), the follow-up report (``assessment_symbol``, its session
and dates), and per followed-up paragraph the recommendation and its limbs, each graded A–E with the
Committee's evaluation. ``README.md`` in this folder describes the fields; the reference file is
``../shared/data/kazakhstan/ccpr_followup_2018.json`` (CCPR/C/123/2).

>>> detect('{"a3": "KAZ", "hrc": {"meta": {"co_symbol": "CCPR/C/KAZ/CO/2", '
...        '"assessment_symbol": "CCPR/C/123/2"}, "paragraphs": []}}')
True
>>> detect("# Kazakhstan Fact Sheet")
False
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.grading import SCHEMES
from rightstrack.core.records import (
    ParsedDocument,
    Place,
    Problem,
    ReviewInfoRecord,
    ReviewKey,
    StakeholderRecord,
)
from rightstrack.core.states import resolve_state

from .paragraphs import read_paragraphs
from .shape import day, day_range, expect, field

KIND = "ccpr-followup-json"
SCHEME = "hrc"
COMMITTEE = StakeholderRecord("Human Rights Committee", "CCPR", "treaty_body")
_CO_SYMBOL = re.compile(r"^CCPR/C/([A-Z]{3})/CO/(\d+)$")
_META = "hrc.meta"


def detect(text: str) -> bool:
    """Whether ``text`` is a JSON object naming concluding observations and a follow-up assessment."""
    return (
        text.lstrip()[:1] == "{"
        and '"co_symbol"' in text
        and '"assessment_symbol"' in text
        and '"hrc"' in text
    )


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Everything the JSON holds. Raises :class:`DocumentRejected` (place and reason) on unreadable input.

    ``issue_labels`` is accepted for a common interface; the assessment is filed by paragraph.
    """
    del issue_labels
    if not text.strip():
        raise DocumentRejected("the text is empty", Place(line=1))
    try:
        data: object = json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentRejected(
            f"not valid JSON ({error.msg.removesuffix(' at')}) at column {error.colno}",
            Place(line=error.lineno, section="json"),
        ) from None
    top = expect(data, "top level", dict)
    hrc = field(top, "hrc", "", dict)
    meta = field(hrc, "meta", "hrc", dict)
    if field(meta, "mechanism", _META, str) != "hrc":
        raise DocumentRejected(
            f"mechanism {meta['mechanism']!r} is not 'hrc'", Place(section=f"{_META}.mechanism")
        )
    problems: list[Problem] = []
    review, co_symbol = _review(top, meta, problems)
    symbol = field(meta, "assessment_symbol", _META, str).strip()
    dates = day_range(field(meta, "assessment_date", _META, str))
    if dates is None:
        problems.append(
            Problem(Place(section=f"{_META}.assessment_date"), f"date {meta['assessment_date']!r} unread")
        )
    read = read_paragraphs(
        field(hrc, "paragraphs", "hrc", list),
        review,
        SCHEMES[SCHEME],
        COMMITTEE,
        meta.get("titles_editorial") is True,
    )
    problems += read.problems
    stated = _check_totals(meta, [r.ref for r in read.recommendations], read.grades)
    problems += _unread_parts(top, hrc)
    co_date = day(meta["co_date"]) if isinstance(meta.get("co_date"), str) else None
    if co_date is None:
        problems.append(Problem(Place(section=f"{_META}.co_date"), "no date of the concluding observations"))
    name = top["name"] if isinstance(top.get("name"), str) else review.state
    return ParsedDocument(
        kind=KIND,
        title=f"Human Rights Committee follow-up assessment {symbol}: {name} ({co_symbol})",
        review=review,
        recommendations=read.recommendations,
        assessments=read.assessments,
        stakeholders=[COMMITTEE],
        stated_counts=stated,
        published_on=dates[1] if dates else None,
        author=COMMITTEE,
        problems=problems,
        symbol=symbol,
        review_infos=[
            ReviewInfoRecord(review, Place(section=_META), (co_symbol, symbol), adopted_on=co_date)
        ],
    )


def _review(top: dict[str, Any], meta: dict[str, Any], problems: list[Problem]) -> tuple[ReviewKey, str]:
    """The concluding observations followed up: ``CCPR/C/KAZ/CO/2`` is Kazakhstan's 2nd periodic report."""
    co_symbol = field(meta, "co_symbol", _META, str).strip()
    match = _CO_SYMBOL.match(co_symbol)
    if match is None:
        raise DocumentRejected(
            f"co_symbol {co_symbol!r} is not CCPR/C/XXX/CO/N", Place(section=f"{_META}.co_symbol")
        )
    state = field(top, "a3", "", str)
    if state != match.group(1):
        raise DocumentRejected(f"a3 {state!r} differs from the State of {co_symbol}", Place(section="a3"))
    name = top.get("name")
    if isinstance(name, str) and resolve_state(name) != state:
        problems.append(Problem(Place(section="name"), f"name {name!r} is not the State {state}"))
    co_date = meta.get("co_date")
    adopted = day(co_date) if isinstance(co_date, str) else None
    return ReviewKey(state, "CCPR", int(match.group(2)), year=adopted.year if adopted else None), co_symbol


def _check_totals(meta: dict[str, Any], numbers: list[str], grades: list[str]) -> dict[str, int]:
    """Rejects when the paragraphs or grades found are not those ``meta`` announces; returns its totals."""
    listed = [
        expect(n, f"{_META}.followup_paras[{i}]", str)
        for i, n in enumerate(field(meta, "followup_paras", _META, list))
    ]
    if listed != numbers:
        raise DocumentRejected(
            f"followup_paras lists {', '.join(listed) or 'none'}"
            f" but the paragraphs are {', '.join(numbers) or 'none'}",
            Place(section=f"{_META}.followup_paras"),
        )
    total = field(meta, "n", _META, int)
    if total != len(grades):
        raise DocumentRejected(
            f"n is {total} but {len(grades)} limbs are graded", Place(section=f"{_META}.n")
        )
    distribution = field(meta, "grade_dist", _META, dict)
    counts = Counter(grades)
    stated = {"follow-up paragraphs": len(listed), "graded limbs": total}
    for grade, value in distribution.items():
        count = expect(value, f"{_META}.grade_dist.{grade}", int)
        if count != counts[grade]:
            raise DocumentRejected(
                f"grade_dist gives {count} × {grade}, the limbs {counts[grade]}",
                Place(section=f"{_META}.grade_dist"),
            )
        stated[f"grade {grade}"] = count
    unlisted = sorted(set(counts) - set(distribution))
    if unlisted:
        raise DocumentRejected(f"grade_dist does not count {unlisted}", Place(section=f"{_META}.grade_dist"))
    return stated


def _unread_parts(top: dict[str, Any], hrc: dict[str, Any]) -> list[Problem]:
    """Parts this parser leaves alone, reported when they hold something."""
    problems = []
    if top.get("upr") is not None:
        problems.append(Problem(Place(section="upr"), "the 'upr' part is not read by this parser"))
    if hrc.get("history"):
        problems.append(
            Problem(Place(section="hrc.history"), "earlier follow-up rounds ('history') are not read")
        )
    return problems
