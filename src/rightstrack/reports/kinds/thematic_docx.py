"""The thematic list as OHCHR's own Word file: landscape, the review named in the page header, one
table per theme (the four column headers and a "Theme: …" row spanning the table, both repeated on
every page), lines as line breaks. Same dates and properties as the common DOCX writer."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import _Cell, _Row

from rightstrack.reports.document import Report
from rightstrack.reports.kinds.thematic_list import (
    COLUMNS,
    ThematicList,
    by_paragraph,
    list_cells,
)
from rightstrack.reports.writers.docx import _properties
from rightstrack.reports.writers.package import normalise

WIDTHS = (35, 10, 20, 35)  # per cent of the text width


def write_list(found: ThematicList, language: str) -> bytes:
    document = Document()
    heading = _("Thematic list of recommendations")
    title = f"{found.title} – {heading}"
    _properties(document, Report("thematic", found.review.state_id, language, found.date, title))
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    section.header.paragraphs[0].text = f"{found.title}\t\t{heading}"
    document.add_heading(title, 0)
    for theme, rows in found.themes:
        table = document.add_table(rows=2, cols=len(COLUMNS))
        table.style = "Table Grid"
        for target, column in zip(table.rows[0].cells, COLUMNS, strict=True):
            _lines(target, _(column), bold=True)
        merged = table.rows[1].cells[0].merge(table.rows[1].cells[-1])
        _lines(merged, _("Theme: %(theme)s") % {"theme": theme}, bold=True)
        _repeat(table.rows[0])
        _repeat(table.rows[1])
        for parts in by_paragraph(rows):
            cells = table.add_row().cells
            for target, text in zip(cells, list_cells(parts), strict=True):
                _lines(target, text)
        for column, share in zip(table.columns, WIDTHS, strict=True):
            for target in column.cells:
                target.width = Emu(int(width * share / 100))
        document.add_paragraph()
    document.add_paragraph(found.note)  # after the tables: a reader of the list takes it as OHCHR's
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise(buffer.getvalue(), found.date)


def _repeat(row: _Row) -> None:
    """Mark ``row`` as a header row: Word repeats it on every page, readers announce it."""
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(repeat)


def _lines(target: _Cell, text: str, bold: bool = False) -> None:
    paragraph = target.paragraphs[0]
    for position, line in enumerate(text.split("\n")):
        if position:
            paragraph.add_run().add_break()
        run = paragraph.add_run(line)
        run.bold = bold or None
