"""What a matrix parser needs of a DOCX, as plain data: title lines and tables of cell texts.

python-docx is untyped; it is used here only, and nothing of it leaves this module.

>>> read_docx(b"Recommendation, Position")
Traceback (most recent call last):
...
rightstrack.core.errors.DocumentRejected: document (file): not a DOCX file: it is not a ZIP package
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

_ZIP = b"PK\x03\x04"
#: Body paragraphs before the first table that may hold the title.
_TITLE_PARAGRAPHS = 30


@dataclass(frozen=True)
class Row:
    number: int  # 1-based in its table
    cells: tuple[str, ...]  # one per layout-grid column: a cell spanning columns repeats its text
    merged: bool  # one cell spans the whole row (a heading)


@dataclass(frozen=True)
class Table:
    number: int  # 1-based in the document
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class DocxContent:
    title_lines: tuple[str, ...]  # page headers, document title, body paragraphs before the first table
    tables: tuple[Table, ...]  # the body's top-level tables


def read_docx(data: bytes) -> DocxContent:
    """The title lines and tables of a DOCX; :class:`DocumentRejected` when ``data`` is not one."""
    document = _open(data)
    try:
        return DocxContent(_title_lines(document), _tables(document))
    except Exception as error:  # a broken package part surfaces only when read
        raise DocumentRejected(
            f"not a readable DOCX file: {_describe(error)}", Place(section="file")
        ) from None


def is_docx(data: bytes) -> bool:
    return data.startswith(_ZIP)


def _open(data: bytes) -> Any:
    if not is_docx(data):
        raise DocumentRejected("not a DOCX file: it is not a ZIP package", Place(section="file"))
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # zipfile, python-docx and lxml errors alike: the bytes are the cause
        raise DocumentRejected(
            f"not a readable DOCX file: {_describe(error)}", Place(section="file")
        ) from None


def _describe(error: Exception) -> str:
    text = str(error).strip() or "no detail"
    return f"{type(error).__name__}: {text[:200]}"


def _title_lines(document: Any) -> tuple[str, ...]:
    lines: list[str] = []
    for section in document.sections:
        for part in (section.first_page_header, section.header, section.even_page_header):
            lines += [paragraph.text for paragraph in part.paragraphs]
            for table in part.tables:
                lines += [cell.text for row in table.rows for cell in row.cells]
    title = document.core_properties.title
    if title:
        lines.append(title)
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl") or len(lines) > _TITLE_PARAGRAPHS:
            break
        if element.tag == qn("w:p"):
            lines.append(Paragraph(element, document).text)
    return tuple(dict.fromkeys(line.strip() for line in lines if line.strip()))


def _tables(document: Any) -> tuple[Table, ...]:
    return tuple(
        Table(number, tuple(_row(index, row) for index, row in enumerate(table.rows, start=1)))
        for number, table in enumerate(document.tables, start=1)
    )


def _row(number: int, row: Any) -> Row:
    cells = row.cells
    # the same <w:tc> stands for every column it spans: read its text once
    texts_by_tc = {id(cell._tc): cell.text for cell in cells}
    texts = ("",) * row.grid_cols_before + tuple(texts_by_tc[id(cell._tc)] for cell in cells)
    return Row(number, texts, merged=len(cells) > 1 and len(texts_by_tc) == 1)
