"""One issue's summary: its counts, evidence and new recommendations, merged over its slides.

A slide is read as assessment until a ``Recommendations`` heading; after it, each bullet is a new
recommendation (a line in the same paragraph continues it). In the assessment, the ``3rd UPR cycle
– N recommendations`` line gives the total; every other line (status lines included) is evidence,
kept as written: lines of a paragraph joined by a line break, paragraphs and slides by a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import IssueSummaryRecord, Place, Problem, ReviewKey

from .counts import Status, status_line, total_line
from .lines import Line
from .slides import Issue

_RECOMMENDATIONS = re.compile(r"^(?:new\s+|our\s+)?recommendations\s*:?$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-•–*]\s+(?P<text>\S.*)$")
_FIELDS = ("implemented", "partially", "not_implemented")


@dataclass
class Reading:
    """What the slides of one issue say, as read so far."""

    total: tuple[int, str, int] | None = None  # cycle, as written, count
    counts: dict[str, int] = field(default_factory=dict)
    evidence: list[tuple[Line, bool]] = field(default_factory=list)  # line, starts a paragraph
    new: list[tuple[Line, str]] = field(default_factory=list)
    saw_heading: bool = False


def read_issue(
    issue: Issue, review: ReviewKey, problems: list[Problem]
) -> tuple[IssueSummaryRecord, list[Line]]:
    """The issue's summary and the first line of each new recommendation (the summary holds the texts)."""
    reading = Reading()
    for slide in issue.slides:
        new = False
        for position, line in enumerate(slide):
            if _RECOMMENDATIONS.match(line.clean):
                new = reading.saw_heading = True
            elif new:
                _add_recommendation(reading, line)
            else:
                _add_assessment(reading, line, issue, problems, starts=position == 0 or line.gap > 0)
    end = Place(line=issue.last_line, section=issue.section)
    if reading.total is None:
        raise DocumentRejected(f"{issue.section} gives no '3rd UPR cycle – N recommendations' line", end)
    if not reading.saw_heading:
        raise DocumentRejected(
            f"{issue.section} has no 'Recommendations' slide (the issue starts at line "
            f"{issue.headings[0].number}): the text is truncated or out of order",
            end,
        )
    if not reading.new:
        raise DocumentRejected(f"the 'Recommendations' slide of {issue.section} lists none", end)
    place = Place(line=issue.headings[0].number, section=issue.section)
    summary = IssueSummaryRecord(
        issue=issue.title,
        place=place,
        review=replace(review, cycle=reading.total[0]),
        total=reading.total[2],
        total_text=reading.total[1],
        implemented=reading.counts.get("implemented"),
        partially=reading.counts.get("partially"),
        not_implemented=reading.counts.get("not_implemented"),
        evidence=_join(reading.evidence),
        new_recommendations=tuple(text for _, text in reading.new),
    )
    problems += _check_counts(summary)
    return summary, [line for line, _ in reading.new]


def _add_recommendation(reading: Reading, line: Line) -> None:
    bullet = _BULLET.match(line.clean)
    if bullet is not None or not reading.new or line.gap > 0:
        reading.new.append((line, bullet.group("text") if bullet else line.clean))
    else:
        first, text = reading.new[-1]
        reading.new[-1] = (first, f"{text} {line.clean}")


def _add_assessment(
    reading: Reading, line: Line, issue: Issue, problems: list[Problem], starts: bool
) -> None:
    place = Place(line=line.number, section=issue.section)
    total = total_line(line.clean)
    if total is not None:
        if reading.total is None:
            reading.total = total
        elif total != reading.total:
            problems.append(
                Problem(
                    place,
                    f"a second total ({total[1]!r}) where line before said {reading.total[1]!r}: first kept",
                )
            )
        return
    reading.evidence.append((line, starts))
    status = status_line(line.clean)
    if status is not None:
        _add_status(reading, status, place, problems)


def _add_status(reading: Reading, status: Status, place: Place, problems: list[Problem]) -> None:
    if status.note:
        problems.append(Problem(place, status.note))
    for name in _FIELDS:
        count: int | None = getattr(status, name)
        if count is None:
            continue
        if name in reading.counts and reading.counts[name] != count:
            problems.append(
                Problem(
                    place,
                    f"{name.replace('_', ' ')}: {count} where a line before said {reading.counts[name]}: "
                    "first kept",
                )
            )
        reading.counts.setdefault(name, count)


def _join(lines: Sequence[tuple[Line, bool]]) -> str:
    text = ""
    for line, starts in lines:
        separator = "" if not text else ("\n\n" if starts else "\n")
        text += separator + line.clean
    return text


def _check_counts(summary: IssueSummaryRecord) -> list[Problem]:
    counts = [summary.implemented, summary.partially, summary.not_implemented]
    known = [count for count in counts if count is not None]
    total = summary.total or 0
    if sum(known) > total:
        return [
            Problem(
                summary.place,
                f"the counts add up to {sum(known)}, more than the {summary.total_text!r} stated",
            )
        ]
    if len(known) == len(counts) and sum(known) != total:
        return [
            Problem(
                summary.place, f"the counts add up to {sum(known)}, not the {summary.total_text!r} stated"
            )
        ]
    return []
