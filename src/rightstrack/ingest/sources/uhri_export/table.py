"""The cells of a UHRI export, by column, from its CSV text or its Excel workbook.

Headers are read by name, whatever their order, case, spacing or spelling: UHRI's own ``Reccomending
Body`` (sic) and ``UPR Reccomending States`` are read as well as the correct spelling. A layout lacking
a required column is refused, naming what is missing.

>>> column_of("Reccomending Body"), column_of("recommending  body"), column_of("UPR Reccomending States")
('body', 'body', 'states')
>>> column_of("Unheard-of column") is None
True
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from typing import Any

from openpyxl import load_workbook

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

#: Column key → the header as UHRI writes it (named in refusals).
HEADERS: dict[str, str] = {
    "text": "Text",
    "countries": "Countries Concerned",
    "body": "Recommending Body",
    "symbol": "Document Symbol",
    "session": "UPR Session",
    "states": "UPR Recommending States",
    "position": "UPR Position",
    "themes": "Themes",
    "persons": "Affected Persons",
    "sdgs": "Sdgs",
    "date": "Document Publication Date",
    "annotation": "OHCHR Annotation Id",
}
REQUIRED = ("text", "countries", "body", "symbol")
#: Folded header (letters only, "reccomend" mended) → column key.
_NAMES: dict[str, str] = {
    "text": "text",
    "recommendation": "text",
    "countriesconcerned": "countries",
    "countryconcerned": "countries",
    "recommendingbody": "body",
    "body": "body",
    "documentsymbol": "symbol",
    "symbol": "symbol",
    "uprsession": "session",
    "session": "session",
    "uprrecommendingstates": "states",
    "uprrecommendingstate": "states",
    "recommendingstates": "states",
    "uprposition": "position",
    "position": "position",
    "themes": "themes",
    "theme": "themes",
    "affectedpersons": "persons",
    "affectedperson": "persons",
    "groupsofpersons": "persons",
    "sdgs": "sdgs",
    "sdg": "sdgs",
    "documentpublicationdate": "date",
    "publicationdate": "date",
    "ohchrannotationid": "annotation",
    "annotationid": "annotation",
}
_MISSPELT = re.compile(r"rec+om+end")
_NOT_LETTER = re.compile(r"[^a-z]+")
#: Rows looked at for the header (an export may open with a title line).
HEADER_ROWS = 5
_EXCEL_EPOCH = date(1899, 12, 30)


def column_of(header: str) -> str | None:
    folded = _MISSPELT.sub("recommend", _NOT_LETTER.sub("", header.lower()))
    return _NAMES.get(folded)


@dataclass(frozen=True)
class Row:
    number: int  # the row of the sheet, or the line of the CSV where the row starts
    cells: dict[str, Any]  # column key → cell value (str, or a number / date from Excel)
    headers: dict[str, str]  # column key → the header as the file writes it
    csv: bool = False  # a CSV's rows are placed by line, a sheet's by row

    def text(self, key: str) -> str:
        value = self.cells.get(key)
        if type(value) is str:  # every CSV cell
            return value.strip()
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def texts(self) -> dict[str, str]:
        """Every cell as :meth:`text` reads it, by column key."""
        return {key: self.text(key) for key in self.cells}

    def place(self, key: str = "") -> Place:
        cell = self.headers.get(key, "")
        if self.csv:
            return Place(line=self.number, cell=cell, section="rows")
        return Place(row=self.number, cell=cell, section="rows")


def _columns(headers: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = column_of(str(header)) if header is not None else None
        if key is not None and key not in found:
            found[key] = index
    return found


def _missing(found: dict[str, int]) -> list[str]:
    return [HEADERS[key] for key in REQUIRED if key not in found]


def looks_like(headers: list[Any]) -> bool:
    """True when ``headers`` name at least the text, the recommending body and the document symbol."""
    found = _columns(headers)
    return all(key in found for key in ("text", "body", "symbol"))


def csv_header(text: str) -> list[str]:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        return next(csv.reader([first]), [])
    except csv.Error:
        return []


def xlsx_header(data: bytes) -> list[Any]:
    for _, cells in sheet_rows(data, HEADER_ROWS):
        if looks_like(cells):
            return cells
    return []


def sheet_rows(data: bytes, limit: int | None = None) -> Iterator[tuple[int, list[Any]]]:
    """The first sheet's rows; a workbook openpyxl cannot read is refused at the row it failed on."""
    number = 0
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise DocumentRejected(f"not a readable Excel workbook: {error}") from None
    try:
        if not book.worksheets:
            raise DocumentRejected("the workbook has no sheet")
        for number, cells in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            if limit is not None and number > limit:
                return
            yield number, list(cells)
    except DocumentRejected:
        raise
    except Exception as error:  # a damaged sheet part: XML, numbers, styles
        raise DocumentRejected(f"the sheet cannot be read: {error}", Place(row=number + 1)) from None
    finally:
        book.close()


def _header_then_rows(rows: Iterator[tuple[int, list[Any]]], is_csv: bool = False) -> Iterator[Row]:
    """The rows under the header: the first of the opening rows that names UHRI's columns, else the first."""
    opening: list[tuple[int, list[Any]]] = []
    for number, cells in rows:
        opening.append((number, cells))
        if looks_like(cells) or len(opening) == HEADER_ROWS:
            break
    if not opening:
        raise DocumentRejected("the file has no header row", Place(row=1, section="header"))
    header_at = next((i for i, (_, cells) in enumerate(opening) if looks_like(cells)), 0)
    number, header = opening[header_at]
    found = _columns(header)
    missing = _missing(found)
    if missing:
        raise DocumentRejected(
            "not a UHRI export: the header lacks the column(s) " + ", ".join(missing),
            Place(line=number, section="header") if is_csv else Place(row=number, section="header"),
        )
    names = {key: str(header[index]).strip() for key, index in found.items()}
    keys, indexes = list(found), list(found.values())
    width = max(indexes) + 1
    for number, cells in chain(opening[header_at + 1 :], rows):
        if is_csv:  # text cells: blank when all of them joined are
            if not "".join(cells).strip():
                continue
        elif all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        if len(cells) >= width:
            values = dict(zip(keys, [cells[index] for index in indexes], strict=True))
        else:
            values = {key: cells[index] if index < len(cells) else None for key, index in found.items()}
        yield Row(number, values, names, is_csv)


#: The header row as UHRI's "Export to Excel" writes it, misspellings included (fixtures and benchmarks).
EXPORT_HEADERS = (
    "Text",
    "Countries Concerned",
    "Reccomending Body",
    "Document Symbol",
    "UPR Session",
    "UPR Reccomending States",
    "UPR Position",
    "Themes",
    "Affected Persons",
    "Sdgs",
    "Document Publication Date",
    "OHCHR Annotation Id",
)


def csv_rows(text: str) -> Iterator[tuple[int, list[Any]]]:
    """(line where the row starts, its cells) of a CSV text; a broken one is refused with its line."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    start = 1
    try:
        for cells in reader:
            yield start, list(cells)
            start = reader.line_num + 1
    except csv.Error as error:
        raise DocumentRejected(f"broken CSV: {error}", Place(line=reader.line_num)) from None


def read_csv(text: str) -> Iterator[Row]:
    return _header_then_rows(csv_rows(text), is_csv=True)


def read_xlsx(data: bytes) -> Iterator[Row]:
    return _header_then_rows(sheet_rows(data))


def read_date(value: Any) -> date | None:
    """A publication date: an Excel serial (``41943``), a date cell, or ISO / day-month-year text."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{4,6}(?:\.0+)?", text):
        serial = int(float(text))
        return date.fromordinal(_EXCEL_EPOCH.toordinal() + serial)
    text = text.split("T", 1)[0].split(" ", 1)[0]
    for layout in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise ValueError(text)
