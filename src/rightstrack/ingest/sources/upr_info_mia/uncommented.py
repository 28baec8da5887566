"""The "Uncommented recommendations" table: recommendations nobody commented on ("no answer").

A tab-separated table whose header names its columns::

    rec. n°  Recommendation  SMR  Response  Α  Issue
    41       Continue to ...  Belarus  Accepted  4  ESC rights - general

Columns are found by their header (Α, a Greek alpha, is the action category; SMR the State making
the recommendation), so a reordered or shortened table still reads.

>>> column_of("SMR"), column_of("Α"), column_of("rec. n°")
('states', 'action', 'number')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rightstrack.core.records import Place, Problem

from .feedback import split_states
from .issues import IssueMatcher, IssueSplit
from .lines import Line

SECTION = "uncommented recommendations"

_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^rec\b|^n\s*[º°o]|^no\.?$", re.IGNORECASE)),
    ("text", re.compile(r"^recommendations?$", re.IGNORECASE)),
    ("states", re.compile(r"^(?:SMR|States?\b|Recommending)", re.IGNORECASE)),
    ("response", re.compile(r"^(?:Responses?|Position)$", re.IGNORECASE)),
    ("action", re.compile(r"^(?:[AΑα]|Action(?:\s+category)?|AC)$", re.IGNORECASE)),
    ("issues", re.compile(r"^(?:Issues?|Themes?)$", re.IGNORECASE)),
)
_NUMBER = re.compile(r"^\s*(\d+)\s*$")
_KNOWN_RESPONSES = frozenset({"accepted", "noted", "rejected", "pending", "supported", "no response"})


@dataclass(frozen=True)
class UncommentedRow:
    number: int
    text: str
    states: tuple[str, ...]
    response: str
    action_category: int | None
    issues: IssueSplit
    line: int  # 1-based
    row: int  # 1-based row of the table


def column_of(header: str) -> str | None:
    """The field a header cell names, if any."""
    text = header.strip()
    return next((key for key, pattern in _COLUMNS if pattern.search(text)), None)


def read_uncommented(
    items: Sequence[Line], matcher: IssueMatcher
) -> tuple[list[UncommentedRow], list[Problem]]:
    """The rows of the table, from the section's non-blank lines."""
    problems: list[Problem] = []
    columns: list[str | None] | None = None
    rows: list[UncommentedRow] = []
    for item in items:
        cells = item.raw.split("\t")
        if len(cells) < 2:
            if rows:
                break  # the note under the table ends it
            continue
        if columns is None:
            columns = [column_of(cell) for cell in cells]
            if "number" not in columns:
                problems.append(_problem(item, None, f"table without a 'rec. n°' column: {item.raw!r}"))
                return rows, problems
            continue
        row = _read_row(item, cells, columns, len(rows) + 1, matcher, problems)
        if row is not None:
            rows.append(row)
    return rows, problems


def _read_row(
    item: Line,
    cells: list[str],
    columns: list[str | None],
    row_number: int,
    matcher: IssueMatcher,
    problems: list[Problem],
) -> UncommentedRow | None:
    if len(cells) != len(columns):
        problems.append(
            _problem(
                item, row_number, f"{len(cells)} cells where the header has {len(columns)}: {item.raw!r}"
            )
        )
    values = {key: cell.strip() for key, cell in zip(columns, cells, strict=False) if key is not None}
    number = _NUMBER.match(values.get("number", ""))
    if number is None:
        problems.append(
            _problem(item, row_number, f"row without a recommendation n°, not kept: {item.raw!r}")
        )
        return None
    response = values.get("response", "").lower()
    if response and response not in _KNOWN_RESPONSES:
        problems.append(
            _problem(item, row_number, f"unknown response {values['response']!r}, kept lower-cased")
        )
    action = values.get("action", "")
    if action and not action.isdigit():
        problems.append(_problem(item, row_number, f"action category {action!r} is not a number"))
    issues = matcher.split(values.get("issues", ""))
    if issues.unmatched:
        problems.append(
            _problem(item, row_number, f"issue text {', '.join(issues.unmatched)!r} matches no known label")
        )
    return UncommentedRow(
        number=int(number.group(1)),
        text=values.get("text", ""),
        states=split_states(values["states"]) if values.get("states") else (),
        response=response,
        action_category=int(action) if action.isdigit() else None,
        issues=issues,
        line=item.number,
        row=row_number,
    )


def _problem(item: Line, row: int | None, message: str) -> Problem:
    return Problem(Place(line=item.number, section=SECTION, row=row), message)
