"""Tab-separated tables: finding a header, reading its rows, joining rows a page break split.

A table runs from its header line to the first line of prose (a non-blank line without a tab);
blank lines, ``---`` rules and footnote lines (``<sup>N</sup>...``) inside it are skipped, since page
breaks put them there.

>>> lines = ["Name\\tDate", "A\\t1 May 1992", "", "<sup>3</sup> note", "B, cont", "Prose."]
>>> rows, end = table_rows(lines, 0)
>>> [row.cells for row in rows], end
([('A', '1 May 1992')], 4)
>>> merged = join_continuations(read("X\\t1\\n more\\t\\nY\\t2"), lambda row: not row.cell(1))
>>> [(row.number, row.cells) for row in merged]
[(1, ('X more', '1')), (3, ('Y', '2'))]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .text import cell_text, is_footnote, is_rule, split_lines

#: The longest cell a header line may have.
HEADER_CELL = 80


@dataclass(frozen=True)
class Row:
    """One table row: its first line (0-based) and its cells as written (HTML included)."""

    index: int
    cells: tuple[str, ...]

    @property
    def number(self) -> int:
        """1-based line number of the row's first line."""
        return self.index + 1

    def cell(self, position: int) -> str:
        """The cleaned text of cell ``position`` ("" when the row is shorter)."""
        return cell_text(self.cells[position]) if position < len(self.cells) else ""

    @property
    def filled(self) -> tuple[str, ...]:
        """The cleaned texts of the non-empty cells."""
        return tuple(text for text in (cell_text(cell) for cell in self.cells) if text)


def read(text: str) -> list[Row]:
    """Every line of ``text`` as a row (for examples and tests)."""
    return [Row(index, tuple(line.split("\t"))) for index, line in enumerate(split_lines(text))]


def find_header(lines: Sequence[str], *needles: str, start: int = 0) -> int | None:
    """The first header line at or after ``start`` whose words hold every needle (ignoring case).

    A header line has tab-separated cells, none longer than ``HEADER_CELL`` characters.
    """
    wanted = [needle.casefold() for needle in needles]
    for index in range(start, len(lines)):
        raw = lines[index]
        if "\t" not in raw:
            continue
        cells = [cell_text(cell) for cell in raw.split("\t")]
        if all(len(cell) <= HEADER_CELL for cell in cells):
            words = " ".join(cells).casefold()
            if all(needle in words for needle in wanted):
                return index
    return None


def table_rows(lines: Sequence[str], header: int) -> tuple[list[Row], int]:
    """The rows after line ``header`` and the 0-based line where the table stops."""
    rows: list[Row] = []
    index = header + 1
    while index < len(lines):
        raw = lines[index].rstrip("\n")
        if not raw.strip() or is_rule(raw) or (is_footnote(raw) and "\t" not in raw):
            index += 1
            continue
        if "\t" not in raw:
            break
        rows.append(Row(index, tuple(raw.split("\t"))))
        index += 1
    return rows, index


def join_continuations(rows: Sequence[Row], is_continuation: Callable[[Row], bool]) -> list[Row]:
    """Rows with each continuation row's cells appended (after a space) to the row before it."""
    joined: list[Row] = []
    for row in rows:
        if joined and is_continuation(row):
            before = joined[-1]
            width = max(len(before.cells), len(row.cells))
            cells = tuple(
                _join(
                    before.cells[i] if i < len(before.cells) else "",
                    row.cells[i] if i < len(row.cells) else "",
                )
                for i in range(width)
            )
            joined[-1] = Row(before.index, cells)
        else:
            joined.append(row)
    return joined


def _join(first: str, second: str) -> str:
    if not cell_text(second):
        return first
    if not cell_text(first):
        return second
    return f"{first.rstrip()} {second.lstrip()}"
