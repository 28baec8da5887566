"""Any spreadsheet of recommendations (.xlsx or .csv), read through a column mapping (:mod:`.mapping`).

A government's action-plan sheet, another tracker's export, a coalition's list: the user says which
column holds the text, the State, the paragraph number, the position... Every cell is checked; the
file is refused when any cell cannot be read, naming each such cell (the first ten), and nothing is
written. Paragraph numbers are references in the numbering of the mechanism's own documents (UPR:
the Working Group report's ``ohchr-paragraph``; a committee's ``<code>-co-paragraph``), so the rows
merge with the recommendations already imported; rows without a number are numbered by their row
and merge by text. The mapping is kept with the document: in its title and its notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from rightstrack.core import positions
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.mechanisms import MECHANISMS, SPECIAL_PROCEDURE, TREATY_BODY
from rightstrack.core.records import ParsedDocument, Place, Problem, RecommendationRecord, ReviewKey
from rightstrack.core.states import resolve_state
from rightstrack.ingest.reading import LoadedFile
from rightstrack.ingest.sources.ohchr_matrix.review import cycle_of_session, year_of_session
from rightstrack.ingest.sources.uhri_export.parser import co_scheme, items
from rightstrack.ingest.sources.uhri_export.rows import mechanism_of, treaty_report
from rightstrack.ingest.sources.uhri_export.table import csv_rows, read_date, sheet_rows

from .mapping import Mapping

KIND = "mapped-sheet"
ROW_SCHEME = "sheet-row"
#: Cells named in a refusal; the count of the others follows.
SHOWN = 10
#: A theme is stored as the heading the recommendation is filed under (Recommendation.theme_heading).
THEME_LENGTH = 200
_NUMBER = re.compile(r"\d{1,4}")
_SPACES = re.compile(r"\s+")


def _fold(header: object) -> str:
    return _SPACES.sub(" ", str(header or "")).strip().lower()


def _table(loaded: LoadedFile) -> Iterator[tuple[int, list[Any]]]:
    if loaded.format == "xlsx":
        return sheet_rows(loaded.data)
    if loaded.format not in ("text",):
        raise DocumentRejected(f"a mapped spreadsheet is an .xlsx or .csv file, not {loaded.format}")
    return csv_rows(loaded.text)


class CellsRejected(DocumentRejected):
    """A file refused for the cells it cannot read; ``cells`` holds each one (place and reason)."""

    def __init__(self, reason: str, place: Place | None, cells: list[DocumentRejected]) -> None:
        super().__init__(reason, place)
        self.cells = cells


def head(loaded: LoadedFile, count: int) -> tuple[list[str], list[list[str]]]:
    """The header and the first ``count`` rows (not empty) as text, to show before a mapping is chosen."""
    rows = _table(loaded)
    first = next(rows, None)
    if first is None:
        raise DocumentRejected("the file has no header row", Place(row=1, section="header"))
    header = ["" if cell is None else str(cell).strip() for cell in first[1]]  # as the mapping names it
    shown: list[list[str]] = []
    for _line, cells in rows:
        if len(shown) >= count:
            break
        if any(_shown(cell) for cell in cells):
            shown.append([_shown(cell) for cell in cells])
    width = max([len(header), *map(len, shown)])
    return header + [""] * (width - len(header)), [row + [""] * (width - len(row)) for row in shown]


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value).strip()


class _Sheet:
    """The mapped cells of one row, and where they are."""

    def __init__(self, mapping: Mapping, header: list[Any], number: int, is_csv: bool) -> None:
        folded = [_fold(cell) for cell in header]
        missing = [h for h in mapping.columns.values() if _fold(h) not in folded]
        if missing:
            shown = ", ".join(repr(str(cell)) for cell in header if cell not in (None, ""))
            raise DocumentRejected(
                f"the header lacks the mapped column(s) {', '.join(map(repr, missing))}; it has {shown}",
                self._at(number, "", is_csv, "header"),
            )
        self.index = {name: folded.index(_fold(h)) for name, h in mapping.columns.items()}
        self.mapping = mapping
        self.is_csv = is_csv

    @staticmethod
    def _at(number: int, cell: str, is_csv: bool, section: str = "rows") -> Place:
        if is_csv:
            return Place(line=number, cell=cell, section=section)
        return Place(row=number, cell=cell, section=section)

    def cell(self, cells: list[Any], name: str) -> str:
        if name in self.mapping.values:
            return self.mapping.values[name]
        index = self.index.get(name)
        if index is None or index >= len(cells) or cells[index] is None:
            return ""
        value = cells[index]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, date):
            return value.isoformat()[:10]
        return str(value).strip()

    def place(self, number: int, name: str) -> Place:
        return self._at(number, self.mapping.columns.get(name, f"{name}:=")[:60], self.is_csv)


def parse(loaded: LoadedFile, mapping: Mapping) -> ParsedDocument:
    rows = _table(loaded)
    first = next(rows, None)
    if first is None:
        raise DocumentRejected("the file has no header row", Place(row=1, section="header"))
    sheet = _Sheet(mapping, first[1], first[0], loaded.format != "xlsx")
    records: list[RecommendationRecord] = []
    errors: list[DocumentRejected] = []
    notes: list[Problem] = []
    seen: dict[tuple[str, str, int | None, str, str], int] = {}
    for number, cells in rows:
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        try:
            record = _record(sheet, number, cells, loaded.name, notes)
            assert record.review is not None
            key = (
                record.review.state,
                record.review.mechanism,
                record.review.cycle,
                record.ref_scheme,
                record.ref,
            )
            if key in seen:
                raise DocumentRejected(
                    f"paragraph {record.ref} of this review is already in row {seen[key]}",
                    sheet.place(number, "paragraph"),
                )
            seen[key] = number
            records.append(record)
        except DocumentRejected as error:
            errors.append(error)
    if errors:
        more = "; ".join(str(error) for error in errors[1:SHOWN])
        extra = f" (and {len(errors) - SHOWN} more)" if len(errors) > SHOWN else ""
        reason = errors[0].reason + (f"; also {more}{extra}" if more else "")
        raise CellsRejected(f"{len(errors)} cell(s) cannot be read: {reason}", errors[0].place, errors)
    if not records:
        raise DocumentRejected("the file has a header but no rows", Place(row=2))
    review = records[0].review
    assert review is not None
    described = mapping.describe()
    return ParsedDocument(
        kind=KIND,
        title=f"{loaded.name} (spreadsheet; columns: {described})"[:500],
        review=review,
        recommendations=records,
        problems=[Problem(Place(section="mapping"), f"read with the column mapping {described}"), *notes],
    )


def _number(sheet: _Sheet, cells: list[Any], number: int, name: str) -> int | None:
    raw = sheet.cell(cells, name)
    if not raw:
        return None
    found = _NUMBER.search(raw)
    if found is None:
        raise DocumentRejected(f"{name} {raw!r} is not a number", sheet.place(number, name))
    return int(found.group())


def _recommending(sheet: _Sheet, number: int, cells: list[Any], notes: list[Problem]) -> list[str]:
    """The recommending States of the row; words of the cell that name no State (another tracker's
    "No. 189; Namibia", where a convention's number spilled over) are left out and noted with the cell."""
    kept: list[str] = []
    for name in items(sheet.cell(cells, "recommending")):
        if resolve_state(name) is None:
            notes.append(
                Problem(
                    sheet.place(number, "recommending"),
                    f"{name!r} is not a State: left out of the recommending States",
                )
            )
        else:
            kept.append(name)
    return kept


def _record(
    sheet: _Sheet, number: int, cells: list[Any], name: str, notes: list[Problem]
) -> RecommendationRecord:
    text = sheet.cell(cells, "text")
    if not text:
        raise DocumentRejected("the text cell is empty", sheet.place(number, "text"))
    named = sheet.cell(cells, "state")
    state = resolve_state(named) if named else None
    if state is None:
        raise DocumentRejected(f"unknown State {named!r}", sheet.place(number, "state"))
    symbol = sheet.cell(cells, "symbol")
    body = sheet.cell(cells, "mechanism")
    mechanism = mechanism_of(body, symbol) if body or symbol else "UPR"
    if mechanism is None:
        raise DocumentRejected(f"unknown mechanism {body!r}", sheet.place(number, "mechanism"))
    session = _number(sheet, cells, number, "session")
    cycle = _number(sheet, cells, number, "cycle")
    year = _number(sheet, cells, number, "year")
    if year is None and sheet.cell(cells, "year"):
        try:
            published = read_date(sheet.cell(cells, "year"))
            year = published.year if published else None
        except ValueError:
            raise DocumentRejected("the year cannot be read", sheet.place(number, "year")) from None
    kind = MECHANISMS[mechanism].kind
    if mechanism == "UPR":
        if session is not None:
            cycle, year = cycle_of_session(session), year_of_session(session) or year
        scheme = "ohchr-paragraph"
    elif kind == TREATY_BODY:
        cycle = cycle or treaty_report(symbol)
        scheme = co_scheme(mechanism)
    else:
        scheme = f"{mechanism.lower()}-paragraph"
    ref = sheet.cell(cells, "paragraph").rstrip(".")
    if not ref:
        ref, scheme = f"{name} {number}", ROW_SCHEME
    elif kind == SPECIAL_PROCEDURE and symbol:
        ref = f"{symbol} {ref}"
    record = RecommendationRecord(
        ref=ref,
        ref_scheme=scheme,
        text=text,
        place=sheet.place(number, "text"),
        review=ReviewKey(state, mechanism, cycle, session, year),
        recommending_states=_recommending(sheet, number, cells, notes),
        theme_heading=" ".join(sheet.cell(cells, "theme").split())[:THEME_LENGTH],
    )
    position = sheet.cell(cells, "position")
    if position:
        if not positions.known(position):
            raise DocumentRejected(
                f"unknown position {position!r} (known: {positions.KNOWN_WORDS})",
                sheet.place(number, "position"),
            )
        record.response = positions.normalised(position)
        record.response_kind = positions.KIND_SECONDARY  # another tracker's copy of the State's position
    return record
