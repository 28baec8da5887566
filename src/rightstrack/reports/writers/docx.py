"""A report as a Word document: Title and Heading styles, tables whose header row repeats on every
page, internal links and page references (PAGEREF fields Word updates on opening), charts as pictures
with their description as alternative text."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as Doc
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from rightstrack.reports import charts
from rightstrack.reports.document import Bullets, Cell, Chart, Heading, Report, Table, Text
from rightstrack.reports.writers.package import normalise, stated

STYLES = {"quote": "Quote"}
BOLD = {"lead", "strong", "speaker", "join"}
#: Settings that come after ``w:updateFields`` in WordprocessingML's schema (the template has some).
_AFTER_UPDATE_FIELDS = {
    qn(f"w:{name}")
    for name in [
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
} | {qn("m:mathPr"), qn("sl:schemaLibrary")}


def write_docx(report: Report) -> bytes:
    charts.draw(report, svg=False, png=True)
    document = Document()
    _properties(document, report)
    section = document.sections[0]
    if report.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    width = Emu((section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0))
    document.add_heading(report.title, 0)
    if report.subtitle:
        document.add_paragraph(report.subtitle, style="Subtitle")
    document.add_paragraph(f"{report.author} — {_date(report)}")
    for number, block in enumerate(report.blocks):
        if isinstance(block, Heading):
            paragraph = document.add_heading(block.text, max(1, block.level - 1))
            paragraph.paragraph_format.page_break_before = block.page_break
            if block.anchor:
                _bookmark(paragraph, block.anchor, number)
        elif isinstance(block, Text):
            _text(document, block)
        elif isinstance(block, Bullets):
            for item in block.items:
                _lines(document.add_paragraph(style="List Bullet"), item)
        elif isinstance(block, Table) and block.shown:
            _table(document, block, width)
        elif isinstance(block, Chart):
            _chart(document, block, width)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise(buffer.getvalue(), report.date)


def _date(report: Report) -> str:
    from rightstrack.reports.kinds.common import long_date

    return long_date(report.date)


def _properties(document: Doc, report: Report) -> None:
    properties = document.core_properties
    properties.title = report.title
    properties.subject = report.subtitle
    properties.author = report.author
    properties.last_modified_by = report.author
    properties.language = report.language
    properties.revision = 1
    properties.created = properties.modified = stated(report.date)
    normal = document.styles["Normal"]
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), {"ru": "ru-RU"}.get(report.language, "en-GB"))
    normal.element.get_or_add_rPr().append(language)
    update = OxmlElement("w:updateFields")  # fill the page references when the file is opened
    update.set(qn("w:val"), "true")
    settings = document.settings.element
    later = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if later is not None:  # the schema fixes the order of the settings
        later.addprevious(update)
    else:
        settings.append(update)


def _text(document: Doc, block: Text) -> None:
    paragraph = document.add_paragraph(style=STYLES.get(block.style))
    _lines(paragraph, block.text, bold=block.style in BOLD, small=block.style in {"note", "small"})


def _lines(paragraph: Paragraph, text: str, bold: bool = False, small: bool = False) -> None:
    for position, line in enumerate(text.split("\n")):
        if position:
            paragraph.add_run().add_break()
        run = paragraph.add_run(line)
        run.bold = bold or None
        if small:
            run.font.size = Pt(8)


def _name(anchor: str) -> str:
    """A Word bookmark name: a letter first, letters, digits and underscores, at most 40."""
    return ("b_" + re.sub(r"\W", "_", anchor))[:40]


def _bookmark(paragraph: Paragraph, anchor: str, number: int) -> None:
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), _name(anchor))
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _link(paragraph: Paragraph, text: str, anchor: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), _name(anchor))
    run = paragraph.add_run(text)
    run.font.underline = True
    run.font.color.rgb = RGBColor(0x0B, 0x5C, 0xAD)
    link.append(run._r)
    paragraph._p.append(link)


def _fill(target: _Cell, value: Cell, header: bool = False) -> None:
    paragraph = target.paragraphs[0]
    if value.page_of:
        paragraph.add_run(f"{value.text} ")
        _field(paragraph, f"PAGEREF {_name(value.page_of)} \\h", "?")
    elif value.anchor:
        _link(paragraph, value.text, value.anchor)
    else:
        _lines(paragraph, value.text, bold=header)


def _table(document: Doc, block: Table, width: Emu) -> None:
    if block.caption:
        document.add_paragraph(block.caption, style="Caption")
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    header = table.rows[0]
    properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page, and marks the header
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)
    for target, column in zip(header.cells, block.columns, strict=True):
        _fill(target, Cell(column), header=True)
    for row in block.rows:
        cells = table.add_row().cells
        for position, (target, value) in enumerate(zip(cells, row, strict=True)):
            _fill(target, value, header=block.row_headers and position == 0)
    if block.widths:
        for column, share in zip(table.columns, block.widths, strict=True):
            for target in column.cells:
                target.width = Emu(int(width * share / 100))


def _chart(document: Doc, block: Chart, width: Emu) -> None:
    shown = min(Emu(width), Inches(block.width_px / 96))
    shape = document.add_picture(io.BytesIO(block.png), width=shown)
    shape._inline.docPr.set("descr", block.alt)
    shape._inline.docPr.set("title", block.title)
    document.add_paragraph(block.title, style="Caption")
    _table(document, block.data, width)
