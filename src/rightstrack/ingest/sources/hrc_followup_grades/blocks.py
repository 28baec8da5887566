"""Overview blocks (``Recommendation N``: text | grade | overview) and detailed tables (``Paragraph N``:
text | grade | action taken by the State | other comments), split into graded sub-recommendations.

A grade cell ends a sub-recommendation's text (the last non-empty cell before it); the cells after
it, up to the next text, are its comments, in column order (empty cells keep their column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem

from .cells import Cell, Heading, Tokens
from .grades import read_grade

OVERVIEW, DETAIL = "overview", "detailed table"
_RECOMMENDATION = re.compile(r"^Recommendation (\d{1,3})$")
_OVERVIEW_HEADER = ("grade", "overview")
_DETAIL_HEADER = (
    "recommendations from the hr committee",
    "grade",
    "action taken by the state",
    "actions taken by the state",
    "other comments",
)
_LIST_NUMBER = re.compile(r"^\d{1,2}\.$")


@dataclass
class Graded:
    """One graded sub-recommendation: its text, the grade as written and read, its comment cells."""

    text: Cell
    grade_cell: Cell
    grade: str
    comments: list[Cell]


@dataclass
class Block:
    kind: str  # OVERVIEW or DETAIL
    number: str
    line: int
    concern: str = ""
    cells: list[Cell] = field(default_factory=list)
    rows: list[Graded] = field(default_factory=list)

    def place(self, line: int | None = None, row: int | None = None) -> Place:
        return Place(line=line or self.line, section=self.kind, paragraph=self.number, row=row)


def read_blocks(tokens: Tokens, problems: list[Problem]) -> tuple[list[Block], list[Block]]:
    """The overview blocks and the detailed tables, in order, each split into graded rows."""
    overview: list[Block] = []
    detail: list[Block] = []
    block: Block | None = None
    for item in tokens.items:
        if isinstance(item, Heading):
            block = Block(DETAIL, item.number, item.line, item.concern)
            detail.append(block)
            continue
        match = _RECOMMENDATION.match(item.text)
        if match:
            if detail:
                raise DocumentRejected(
                    f"'Recommendation {match.group(1)}' after the detailed tables: the text is out of order",
                    Place(line=item.line, section=OVERVIEW),
                )
            block = Block(OVERVIEW, match.group(1), item.line)
            overview.append(block)
        elif block is None:
            raise DocumentRejected("table cell before the first 'Recommendation N'", Place(line=item.line))
        else:
            block.cells.append(item)
    for found in (*overview, *detail):
        _split(found, problems)
    return overview, detail


def _split(block: Block, problems: list[Problem]) -> None:
    header = _OVERVIEW_HEADER if block.kind == OVERVIEW else _DETAIL_HEADER
    cells = list(block.cells)
    width = 2 if block.kind == OVERVIEW else 4
    taken = 0
    while cells and taken < width and (cells[0].text.casefold() in header or not cells[0].text):
        cells.pop(0)
        taken += 1
    if block.kind == DETAIL and taken == 0:
        raise DocumentRejected("no 'Recommendations from the HR Committee | Grade | …' header", block.place())
    grades = [i for i, cell in enumerate(cells) if read_grade(cell.text)]
    if not grades:
        raise DocumentRejected("no graded recommendation", block.place())
    texts: list[int] = []
    for k, g in enumerate(grades):
        start = grades[k - 1] + 1 if k else 0
        filled = [i for i in range(start, g) if cells[i].text]
        if not filled:
            raise DocumentRejected("grade with no recommendation text before it", block.place(cells[g].line))
        texts.append(filled[-1])
    stray = [cell for cell in cells[: texts[0]] if cell.text]
    if stray:
        raise DocumentRejected("text before the first graded recommendation", block.place(stray[0].line))
    for k, (t, g) in enumerate(zip(texts, grades, strict=True)):
        end = texts[k + 1] if k + 1 < len(texts) else len(cells)
        comments = _merge_list_numbers(cells[g + 1 : end], block, problems)
        grade = read_grade(cells[g].text) or ""
        if grade != cells[g].text.strip():
            problems.append(
                Problem(
                    block.place(cells[g].line, k + 1),
                    f"grade written {cells[g].text.strip()!r}, read as {grade!r}",
                )
            )
        block.rows.append(Graded(cells[t], cells[g], grade, comments))


def _merge_list_numbers(cells: list[Cell], block: Block, problems: list[Problem]) -> list[Cell]:
    """A cell holding only a list number (``1.``) is the start of the next cell, cut off."""
    merged: list[Cell] = []
    for cell in cells:
        if merged and _LIST_NUMBER.match(merged[-1].text) and cell.text:
            number = merged.pop()
            problems.append(
                Problem(block.place(number.line), f"cell holding only {number.text!r} joined to the next")
            )
            cell = Cell(number.line, [f"{number.text} {cell.paras[0]}", *cell.paras[1:]])
        merged.append(cell)
    return merged
