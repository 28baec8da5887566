"""The issues of the deck: each ``Issue N: <title>`` heading starts a slide; slides with the same
number belong to one issue and must follow one another; numbers run 1, 2, 3...

>>> from .lines import nonblank
>>> issues = split_issues(nonblank(["Issue 1: Faith", "a", "Issue 1: Faith", "b", "Issue 2: Kids", "c"]))
>>> [(issue.number, issue.title, [[line.clean for line in s] for s in issue.slides]) for issue in issues]
[(1, 'Faith', [['a'], ['b']]), (2, 'Kids', [['c']])]
>>> issue_heading("Issue 2: Children's rights")
(2, "Children's rights")
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem

from .lines import Line

_ISSUE = re.compile(r"^Issue\s+(?P<number>\d+)\s*[:.–—-]\s*(?P<title>\S.*?)\s*$", re.IGNORECASE)


def issue_heading(text: str) -> tuple[int, str] | None:
    """(number, title) of an ``Issue N: <title>`` heading."""
    match = _ISSUE.match(text)
    return (int(match.group("number")), match.group("title")) if match else None


@dataclass
class Issue:
    """One issue: its headings (one per slide) and the lines of each slide."""

    number: int
    title: str
    headings: list[Line] = field(default_factory=list)
    slides: list[list[Line]] = field(default_factory=list)

    @property
    def section(self) -> str:
        return f"Issue {self.number}: {self.title}"

    @property
    def last_line(self) -> int:
        """1-based number of the issue's last line."""
        return max([self.headings[-1].number, *(line.number for line in self.slides[-1])])


def split_issues(lines: Sequence[Line], problems: list[Problem] | None = None) -> list[Issue]:
    """The issues of ``lines`` (which start with a heading); rejects skipped or returning numbers."""
    issues: list[Issue] = []
    for line in lines:
        heading = issue_heading(line.clean)
        if heading is None:
            if not issues:
                raise DocumentRejected("the slides do not start with an 'Issue N: ...' heading", _at(line))
            issues[-1].slides[-1].append(line)
            continue
        number, title = heading
        current = issues[-1] if issues else None
        if current is not None and number == current.number:
            if title.casefold() != current.title.casefold() and problems is not None:
                problems.append(
                    Problem(_at(line), f"Issue {number} is titled {title!r}, before {current.title!r}")
                )
        else:
            _check_number(number, issues, line)
            current = Issue(number, title)
            issues.append(current)
        current.headings.append(line)
        current.slides.append([])
    return issues


def _check_number(number: int, issues: Sequence[Issue], line: Line) -> None:
    seen = {issue.number: issue for issue in issues}
    if number in seen:
        raise DocumentRejected(
            f"Issue {number} reappears after Issue {issues[-1].number} (first at line "
            f"{seen[number].headings[0].number}): the slides are out of order",
            _at(line),
        )
    expected = issues[-1].number + 1 if issues else 1
    if number != expected:
        raise DocumentRejected(
            f"issue numbers skip: expected Issue {expected}, found Issue {number}", _at(line)
        )


def _at(line: Line) -> Place:
    heading = issue_heading(line.clean)
    return Place(line=line.number, section=f"Issue {heading[0]}: {heading[1]}" if heading else "issues")
