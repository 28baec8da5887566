"""Interface of the NGO coalition UPR summary parser: :func:`detect` and :func:`parse`.

>>> detect("4th Cycle of the Universal Periodic Review of Kazakhstan\\n\\nIssue 1: Religion\\n\\n"
...        "3rd UPR cycle – 9 recommendations")
True
>>> detect("Kazakhstan Mid-term Implementation Assessment")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import (
    IssueSummaryRecord,
    ParsedDocument,
    Place,
    Problem,
    ReviewKey,
    StakeholderRecord,
    SuggestionRecord,
)

from .counts import total_line
from .front import is_closing, organisations, read_title
from .lines import Line, checked_lines, ends_mid_sentence, paragraphs
from .slides import issue_heading, split_issues
from .summary import read_issue

KIND = "coalition-summary"
MECHANISM = "UPR"
_HEAD = 1500  # characters where detection looks for the title
_TITLE_MARK = re.compile(r"Cycle of the Universal Periodic Review", re.IGNORECASE)
_ISSUE_MARK = re.compile(r"^\W*Issue\s+\d+\s*:", re.IGNORECASE | re.MULTILINE)
_TOTAL_MARK = re.compile(r"UPR cycle\s*[–—-]\s*(?:\w+\s+)?\d+\s+recommendations", re.IGNORECASE)


def detect(text: str) -> bool:
    """Whether ``text`` looks like the slides: the cycle title on top, ``Issue N:`` headings and totals."""
    return bool(_TITLE_MARK.search(text[:_HEAD]) and _ISSUE_MARK.search(text) and _TOTAL_MARK.search(text))


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Every issue's summary (merged over its slides) and every new recommendation as a suggestion.

    Raises :class:`~rightstrack.core.errors.DocumentRejected` (place and reason) when the text is empty,
    is not such a deck, or cannot be read whole (issue numbers skipping or returning, an issue without
    its total or its recommendations, a text stopping in mid-sentence). ``issue_labels``, when given,
    is the issue vocabulary: an issue title it lacks is reported (titles are kept as written).
    """
    lines = checked_lines(text)
    title, cycle, state = read_title(lines)
    problems: list[Problem] = []
    first = next((index for index, line in enumerate(lines) if issue_heading(line.clean)), None)
    if first is None:
        raise DocumentRejected("no 'Issue N: <title>' slide", Place(line=lines[-1].number, section="issues"))
    author, stakeholders = organisations(paragraphs(lines[1:first]), problems)
    body = _body(lines[first:], problems)
    issues = split_issues(body, problems)
    assessed = ReviewKey(state, MECHANISM, cycle=cycle - 1)
    summaries: list[IssueSummaryRecord] = []
    suggestions: list[SuggestionRecord] = []
    for issue in issues:
        summary, starts = read_issue(issue, assessed, problems)
        summaries.append(summary)
        suggestions += _suggestions(summary, starts, ReviewKey(state, MECHANISM, cycle=cycle), author)
    problems += _check_cycles(summaries, assessed, issue_labels)
    return ParsedDocument(
        kind=KIND,
        title=title.clean,
        review=assessed,
        stakeholders=stakeholders,
        author=author,
        problems=sorted(problems, key=lambda problem: problem.place.line or 0),
        suggestions=suggestions,
        issue_summaries=summaries,
    )


def _body(lines: Sequence[Line], problems: list[Problem]) -> list[Line]:
    """The issue slides: up to the closing slide, or to the end when the text does not stop mid-sentence."""
    closing = next((index for index, line in enumerate(lines) if is_closing(line)), None)
    if closing is not None:
        if closing + 1 < len(lines):
            after = lines[closing + 1]
            problems.append(
                Problem(Place(line=after.number, section="closing"), "text after the closing slide: ignored")
            )
        return list(lines[:closing])
    last = lines[-1]
    if ends_mid_sentence(last.clean) and total_line(last.clean) is None:
        raise DocumentRejected(
            f"the text stops in mid-sentence ({last.clean[-40:]!r}) with no closing slide: it is truncated",
            Place(line=last.number, section="issues"),
        )
    problems.append(Problem(Place(line=last.number, section="closing"), "no closing slide ('Thank you ...')"))
    return list(lines)


def _suggestions(
    summary: IssueSummaryRecord, starts: Sequence[Line], review: ReviewKey, author: StakeholderRecord | None
) -> list[SuggestionRecord]:
    return [
        SuggestionRecord(
            text=text,
            place=Place(line=line.number, section=summary.place.section),
            theme=summary.issue,
            for_review=review,
            author=author,
        )
        for line, text in zip(starts, summary.new_recommendations, strict=True)
    ]


def _check_cycles(
    summaries: Sequence[IssueSummaryRecord], assessed: ReviewKey, issue_labels: Iterable[str]
) -> list[Problem]:
    problems = [
        Problem(
            summary.place,
            f"the total is of cycle {summary.review.cycle}; the title implies cycle {assessed.cycle}",
        )
        for summary in summaries
        if summary.review is not None and summary.review.cycle != assessed.cycle
    ]
    labels = {label.strip().casefold() for label in issue_labels if label.strip()}
    if labels:
        problems += [
            Problem(summary.place, f"issue {summary.issue!r} is not in the issue vocabulary: kept as written")
            for summary in summaries
            if summary.issue.casefold() not in labels
        ]
    return problems
