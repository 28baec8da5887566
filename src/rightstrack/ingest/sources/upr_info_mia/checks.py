"""Whole-document checks: an MIA is read whole or rejected, never half-read.

>>> checked_lines("a\\r\\nb")
(['a', 'b'], [])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem

from .feedback import SECTION as FEEDBACK
from .feedback import Feedback
from .front import is_recommendation_heading
from .lines import split_lines
from .sections import Section, Sections
from .uncommented import SECTION as UNCOMMENTED
from .uncommented import UncommentedRow

#: Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SHARE = 1000  # more than one control character in this many characters rejects the text
_LEVEL_KEYS = (
    ("not", "not implemented"),
    ("partially", "partially implemented"),
    ("fully", "fully implemented"),
)
_SHOWN_MISSING = 12


def checked_lines(text: str) -> tuple[list[str], list[Problem]]:
    """The lines of a text fit to read, stray control characters removed (and reported)."""
    if not text.strip():
        raise DocumentRejected("the text is empty", Place(line=1))
    controls = len(_CONTROL.findall(text))
    if controls * _CONTROL_SHARE > len(text):
        first = _CONTROL.search(text)
        line = text.count("\n", 0, first.start()) + 1 if first else 1
        raise DocumentRejected(
            f"the text is full of control characters ({controls} of {len(text)} characters): "
            "not a decoded MIA text",
            Place(line=line),
        )
    lines = split_lines(text)
    problems = [
        Problem(
            Place(line=index + 1, section="text"), f"control characters removed: {_CONTROL.findall(line)!r}"
        )
        for index, line in enumerate(lines)
        if _CONTROL.search(line)
    ]
    return [_CONTROL.sub("", line) for line in lines], problems


def check_headings_inside(lines: Sequence[str], sections: Sections, feedback: Section) -> None:
    """Rejects a recommendation heading outside section 3 (a disordered document)."""
    for index, line in enumerate(lines):
        if is_recommendation_heading(line) and not feedback.start <= index < feedback.end:
            raise DocumentRejected(
                f"recommendation heading outside section 3 (lines {feedback.start + 1}–{feedback.end})",
                Place(line=index + 1, section=sections.name_at(index)),
            )


def last_line(lines: Sequence[str], sections: Sections) -> Place:
    """Where reading stopped: the last non-blank line."""
    index = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    return Place(line=index + 1, section=sections.name_at(index))


def check_numbers(feedback: Feedback, uncommented: Sequence[UncommentedRow], total: int, last: Place) -> None:
    """Rejects unless the n° found (section 3 and uncommented table) are exactly 1..total, each once."""
    if not feedback.recommendations:
        raise DocumentRejected("section 3 holds no recommendation", last)
    where: dict[int, Place] = {}
    found = [(r.number, Place(line=r.line, section=FEEDBACK)) for r in feedback.recommendations]
    found += [(r.number, Place(line=r.line, section=UNCOMMENTED, row=r.row)) for r in uncommented]
    for number, place in found:
        if number in where:
            raise DocumentRejected(f"n°{number} appears twice (first at line {where[number].line})", place)
        where[number] = place
    outside = sorted(n for n in where if not 1 <= n <= total)
    if outside:
        raise DocumentRejected(
            f"n°{outside[0]} lies outside 1–{total}, the summary's total", where[outside[0]]
        )
    missing = sorted(set(range(1, total + 1)) - set(where))
    if missing:
        shown = ", ".join(f"n°{n}" for n in missing[:_SHOWN_MISSING])
        more = ", ..." if len(missing) > _SHOWN_MISSING else ""
        raise DocumentRejected(
            f"{len(missing)} of the {total} recommendations are missing ({shown}{more}); "
            f"last line read: {last.line}: the document looks truncated or damaged",
            last,
        )


def check_counts(
    feedback: Feedback, uncommented: Sequence[UncommentedRow], stated: Mapping[str, int], summary: Place
) -> list[Problem]:
    """Rejects when section 3's levels do not add up to the summary's; notes a lesser mismatch."""
    counts = Counter(recommendation.level for recommendation in feedback.recommendations)
    for code, key in _LEVEL_KEYS:
        if key in stated and counts[code] != stated[key]:
            raise DocumentRejected(
                f"section 3 publishes {counts[code]} recommendations {key!r}"
                f" where the summary says {stated[key]}",
                summary,
            )
    if "no answer" in stated and stated["no answer"] != len(uncommented):
        message = (
            f"the summary counts {stated['no answer']} recommendations without answer;"
            f" the uncommented table lists {len(uncommented)}"
        )
        return [Problem(summary, message)]
    return []
