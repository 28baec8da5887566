"""The text as tokens: table cells (tab-led lines), ``Paragraph N`` headings, and the end matter.

A line that starts with a tab opens a cell (a tab-only line is an empty cell, keeping its column).
A tab-less line right under a cell line carries on its last paragraph (a wrapped line or a stray
``.`` left by a footnote mark); after a blank line it is a new paragraph of the same cell.
Footnotes (lines that start with U+FFFD, the replacement left for their marks) and the grade
definitions close the tables.

>>> tokens = read_tokens(["\\tRecommendation 7", "\\tThe State party", " should act", "", "more."])
>>> [(t.line, t.paras) for t in tokens.items if isinstance(t, Cell)]
[(1, ['Recommendation 7']), (2, ['The State party should act', 'more.'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem

_CELL = re.compile(r"^ ?\t(.*)$")
_PARAGRAPH = re.compile(r"^Paragraph (\d{1,3})$")
_DEFINITIONS = re.compile(r"^Grade [A-E]\b")
_JOINED_BARE = re.compile(r"^[.,;:)\]]")
_FOOTNOTE = "\ufffd"


@dataclass
class Cell:
    line: int
    paras: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join(para for para in self.paras if para)


@dataclass
class Heading:
    """``Paragraph N`` and the Committee's concern quoted under it."""

    number: str
    line: int
    concern: str = ""


@dataclass
class Tokens:
    items: list[Cell | Heading] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)  # lines
    definitions: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of the grade key
    problems: list[Problem] = field(default_factory=list)


def read_tokens(lines: Sequence[str]) -> Tokens:
    tokens = Tokens()
    cell: Cell | None = None
    blank = 0
    end_matter = False
    for index, raw in enumerate(lines):
        number, line = index + 1, raw.rstrip(" \r\n")
        if not line.strip() and not _CELL.match(line):
            blank += 1
            continue
        stripped = line.strip()
        if stripped.startswith(_FOOTNOTE):
            tokens.footnotes.append(number)
            end_matter = True
        elif end_matter or _DEFINITIONS.match(stripped):
            end_matter = True
            tokens.definitions.append((number, stripped))
        elif match := _CELL.match(line):
            cell = Cell(number, [match.group(1).strip()])
            tokens.items.append(cell)
        elif match := _PARAGRAPH.match(stripped):
            tokens.items.append(Heading(match.group(1), number))
            cell = None
        elif tokens.items and isinstance(tokens.items[-1], Heading) and not tokens.items[-1].concern:
            tokens.items[-1].concern = stripped
        elif cell is None:
            raise DocumentRejected("text outside any table", Place(line=number))
        elif blank == 0:
            _carry_on(cell, line)
        else:
            cell.paras.append(stripped)
        blank = 0
    return tokens


def _carry_on(cell: Cell, line: str) -> None:
    """Appends a wrapped line to the cell's last paragraph."""
    last = cell.paras[-1].rstrip()
    text = line.strip()
    glue = "" if _JOINED_BARE.match(text) or not last else " "
    cell.paras[-1] = f"{last}{glue}{text}"
