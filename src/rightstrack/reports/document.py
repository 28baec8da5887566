"""The shape every report is built into before it is written: headings, paragraphs, tables, charts.

A report kind (``reports/kinds/``) turns the database into a :class:`Report`; a writer
(``reports/writers/``) turns any :class:`Report` into HTML, PDF, DOCX, XLSX or PPTX. Texts are already
translated when a report is built (the kinds run under ``translation.override``).
"""

from __future__ import annotations

import base64
import datetime
from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class Cell:
    """A table cell: text, or a link to an anchor, or the page number of an anchor (print only)."""

    text: str = ""
    anchor: str = ""  # a link to this anchor of the report
    page_of: str = ""  # print the page where this anchor is ("page 7")
    numeric: bool = False


def cell(value: Any) -> Cell:
    """A :class:`Cell` from a cell, a number, a text or nothing."""
    if isinstance(value, Cell):
        return value
    if value is None:
        return Cell("–")
    if isinstance(value, bool):
        return Cell(str(value))
    if isinstance(value, int | float):
        return Cell(str(value), numeric=True)
    return Cell(str(value))


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int = 2  # 1 is the report's title
    anchor: str = ""
    page_break: bool = False  # start a new page (print) or slide (PPTX) before it


@dataclass(frozen=True)
class Text:
    """A paragraph; a newline inside is a line break. Styles: lead, strong, quote, note, small."""

    kind: ClassVar[str] = "text"
    text: str
    style: str = ""


@dataclass(frozen=True)
class Bullets:
    kind: ClassVar[str] = "bullets"
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with header row(s); ``sheet`` names its worksheet when the report is written as XLSX."""

    kind: ClassVar[str] = "table"
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    widths: tuple[int, ...] = ()  # per cent of the page width, one per column
    row_headers: bool = False  # the first cell of each row heads its row
    sheet: str = ""
    name: str = ""  # a class for styling (index, uncommented...)
    shown: bool = True  # False: in the workbook only, not in HTML, PDF, DOCX or slides

    @property
    def css_widths(self) -> list[str]:
        """The widths as CSS percentages, leaving room for each column's padding and borders."""
        room = 100 - 1.3 * len(self.widths)
        total = sum(self.widths) or 1
        return [f"{width * room / total:.1f}%" for width in self.widths]

    @staticmethod
    def of(columns: list[str], rows: list[list[Any]], **kwargs: Any) -> Table:
        return Table(tuple(columns), tuple(tuple(cell(v) for v in row) for row in rows), **kwargs)


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite chart with its data as a table; ``svg``/``png`` are filled by ``reports.charts``."""

    kind: ClassVar[str] = "chart"
    title: str
    alt: str
    spec: dict[str, Any]
    data: Table
    svg: str = ""
    png: bytes = b""
    width_px: int = 0
    height_px: int = 0

    @property
    def svg_data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


Block = Heading | Text | Bullets | Table | Chart


@dataclass
class Report:
    kind: str
    state: str  # ISO code
    language: str
    date: datetime.date  # the stated date: the only date written into the files
    title: str
    subtitle: str = ""
    author: str = "RightsTrack"
    slug: str = ""  # what the file name says besides State, kind and language (e.g. upr1)
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    @property
    def filename_stem(self) -> str:
        parts = [self.state, self.kind, self.slug, self.language]
        return "-".join(part for part in parts if part)

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    def charts(self) -> list[Chart]:
        return [block for block in self.blocks if isinstance(block, Chart)]
