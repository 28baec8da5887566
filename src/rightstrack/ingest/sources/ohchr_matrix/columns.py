"""Finding a matrix table's columns by what their header says, not by where they stand.

>>> meaning("Recommendation and recommending State"), meaning("Position of the State under review")
('recommendation', 'position')
>>> meaning("Human rights themes and groups of persons"), meaning("Relevant SDGs")
('themes', 'sdgs')
>>> meaning("Assessment/comments on level of implementation") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docx_reading import Row, Table

#: A header is looked for in the first rows of a table (a title row may stand above it).
HEADER_ROWS = 3
_SPACES = re.compile(r"\s+")
# (meaning, words any of which marks it), tried in this order; comments columns are not read.
_MEANINGS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    (None, ("assessment", "comment")),
    ("recommendation", ("recommendation",)),
    ("position", ("position",)),
    ("sdgs", ("sdg", "sustainable development")),
    ("themes", ("theme", "groups of persons", "affected persons")),
)


@dataclass(frozen=True)
class Columns:
    """Grid column of each meaning in a table whose header is row ``header`` (0-based)."""

    header: int
    recommendation: int
    position: int
    themes: tuple[int, ...] = ()  # "Full list of themes" or "Human rights themes and groups of persons"
    sdgs: tuple[int, ...] = ()  # "Relevant SDGs" (2022 on); before, SDGs are lines of the themes cell


def meaning(header_text: str) -> str | None:
    key = _SPACES.sub(" ", header_text).strip().casefold()
    for name, words in _MEANINGS:
        if any(word in key for word in words):
            return name
    return None


def find_columns(table: Table) -> Columns | None:
    """The columns of ``table`` when one of its first rows names a recommendation and a position column."""
    for index, row in enumerate(table.rows[:HEADER_ROWS]):
        found = _meanings(row)
        if "recommendation" in found and "position" in found:
            return Columns(
                header=index,
                recommendation=found["recommendation"][0],
                position=found["position"][0],
                themes=tuple(found.get("themes", ())),
                sdgs=tuple(found.get("sdgs", ())),
            )
    return None


def header_texts(table: Table) -> list[str]:
    """The first row's distinct texts, to say what a rejected table has instead."""
    if not table.rows:
        return []
    return list(dict.fromkeys(_SPACES.sub(" ", text).strip() for text in table.rows[0].cells if text.strip()))


def _meanings(row: Row) -> dict[str, list[int]]:
    if row.merged:
        return {}
    found: dict[str, list[int]] = {}
    previous = None
    for column, text in enumerate(row.cells):
        if text == previous:  # the same cell spanning several grid columns
            continue
        previous = text
        name = meaning(text)
        if name:
            found.setdefault(name, []).append(column)
    return found
