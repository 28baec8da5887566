"""A report as a workbook: an "About" sheet (title, date, source), then one sheet per table that names
one (``Table.sheet``), its header row bold and frozen, long texts wrapped."""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from rightstrack.outputs.spreadsheets import TextWorkbook, workbook_bytes
from rightstrack.reports.document import Cell, Report, Table
from rightstrack.reports.kinds.common import long_date
from rightstrack.reports.writers.package import normalise, stated

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique worksheet name: at most 31 characters, none of []:*?/\\."""
    base = re.sub(r"[\[\]:*?/\\]", "-", name).strip("' ")[:31] or "Sheet"
    title, number = base, 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title.casefold())
    return title


def write_xlsx(report: Report) -> bytes:
    from django.utils.translation import gettext as _

    workbook = TextWorkbook()
    about = workbook.active
    assert about is not None
    taken = {"about"}
    about.title = "About"
    for label, value in (
        (_("Report"), report.title),
        (_("About"), report.subtitle),
        (_("By"), report.author),
        (_("Date"), long_date(report.date)),
        (_("State"), report.state),
    ):
        about.append([label, value])
        about.cell(about.max_row, 1).font = BOLD
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 100
    for table in report.tables():
        if table.sheet:
            add_sheet(workbook, table, sheet_title(table.sheet, taken))
    properties = workbook.properties
    properties.title, properties.subject, properties.creator = report.title, report.subtitle, report.author
    properties.lastModifiedBy, properties.language = report.author, report.language
    properties.created = properties.modified = stated(report.date)
    return normalise(workbook_bytes(workbook), report.date)


def add_sheet(workbook: Workbook, table: Table, title: str) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(list(table.columns))
    for target in sheet[1]:
        target.font = BOLD
        target.alignment = WRAP
    longest = [len(column) for column in table.columns]
    for row in table.rows:
        sheet.append([_value(value) for value in row])
        for position, value in enumerate(row):
            longest[position] = max(longest[position], min(len(value.text), 80))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for position, width in enumerate(longest, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = max(8, width + 2)
        if width >= 60:
            for (target,) in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
                target.alignment = WRAP


def _value(value: Cell) -> str | int | float:
    if value.numeric:
        number = float(value.text)
        return int(number) if number.is_integer() else number
    return "" if value.text == "–" else value.text
