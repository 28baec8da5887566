"""Universal Human Rights Index exports ("Export to Excel", .xlsx, and the same as .csv).

One row per recommendation, from the UPR, the treaty bodies and the special procedures; columns read by
header (:mod:`.table`). Each row becomes a record of its review (:mod:`.rows`): UPR rows carry their
recommending States and the State's final position; themes, affected persons and SDGs are read in the
shipped vocabularies (labels they lack are kept under ``<code>-unmatched`` and reported). A row that
cannot be read rejects the whole file, naming its row, its cell and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from rightstrack.core import positions
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.mechanisms import MECHANISMS, SPECIAL_PROCEDURE, TREATY_BODY
from rightstrack.core.records import ParsedDocument, Place, Problem, RecommendationRecord, ReviewKey
from rightstrack.core.states import resolve_state
from rightstrack.ingest.reading import LoadedFile
from rightstrack.ingest.sources.ohchr_matrix.review import cycle_of_session, year_of_session
from rightstrack.ingest.sources.ohchr_matrix.terms import read_terms

from .rows import mechanism_of, paragraph, treaty_report
from .table import Row, csv_header, looks_like, read_csv, read_date, read_xlsx, xlsx_header

KIND = "uhri-export"
#: The numbering of each mechanism's paragraphs, shared with the other documents of that mechanism.
UPR_SCHEME = "ohchr-paragraph"
ANNOTATION_SCHEME = "uhri-annotation"
_SESSION = re.compile(r"\d{1,2}")
_ITEM = re.compile(r"^\s*[-–•*·]+\s*")


def co_scheme(mechanism: str) -> str:
    """``ccpr-co-paragraph``: a committee's concluding-observations paragraphs (as the CCPR sources)."""
    return f"{mechanism.lower()}-co-paragraph"


def detect(loaded: LoadedFile) -> bool:
    if loaded.format == "xlsx":
        try:
            return bool(xlsx_header(loaded.data))
        except DocumentRejected:  # a broken workbook is no UHRI export; the reading says why
            return False
    if loaded.format != "text":
        return False
    return looks_like(list(csv_header(loaded.text)))


def items(cell: str) -> list[str]:
    """The items of a multi-line cell, one "- " item a line (a single line may hold ";"-separated items).

    >>> items("- Mexico\\n- Korea, Republic of\\n")
    ['Mexico', 'Korea, Republic of']
    >>> items("Chile; Peru")
    ['Chile', 'Peru']
    """
    lines = [_ITEM.sub("", line).strip() for line in cell.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1 and ";" in lines[0]:
        lines = [part.strip() for part in lines[0].split(";") if part.strip()]
    return lines


def _rows(loaded: LoadedFile) -> Iterator[Row]:
    return read_xlsx(loaded.data) if loaded.format == "xlsx" else read_csv(loaded.text)


class _Bad(Exception):
    """A cell that cannot be read: its column key and the reason (placed by the caller)."""

    def __init__(self, column: str, reason: str) -> None:
        self.column = column
        self.reason = reason


@dataclass(frozen=True)
class _Where:
    """What a row's State, body, symbol, session and date cells say (the same for many rows)."""

    review: ReviewKey
    scheme: str
    mechanism: str
    published: date | None
    note: str  # a problem to report for the row, "" when none


def _published(value: Any) -> date | None:
    try:
        return read_date(value)
    except (ValueError, OverflowError):
        raise _Bad(
            "date", f"{value!r} is not a date (an Excel date serial such as 41943, or 2014-10-30)"
        ) from None


@lru_cache(maxsize=65_536)
def _where(countries_cell: str, body: str, symbol: str, session_cell: str, when: Any) -> _Where:
    countries = items(countries_cell)
    if len(countries) != 1:
        raise _Bad(
            "countries",
            f"a row concerns one State; the cell names {len(countries)}: {'; '.join(countries) or 'none'}",
        )
    state = resolve_state(countries[0])
    if state is None:
        raise _Bad("countries", f"unknown State {countries[0]!r}")
    mechanism = mechanism_of(body, symbol)
    if mechanism is None:
        raise _Bad("body", f"unknown recommending body {body!r} (document {symbol!r})")
    published = _published(when)
    year = published.year if published else None
    kind = MECHANISMS[mechanism].kind
    if mechanism == "UPR":
        found = _SESSION.search(session_cell)
        if found is None:
            raise _Bad("session", f"a UPR row needs its session (a number); the cell reads {session_cell!r}")
        session = int(found.group())
        review = ReviewKey(state, "UPR", cycle_of_session(session), session, year_of_session(session) or year)
        return _Where(review, UPR_SCHEME, mechanism, published, "")
    if kind == TREATY_BODY:
        report = treaty_report(symbol)
        note = "" if report else f"{symbol!r} names no periodic report: review without cycle"
        return _Where(
            ReviewKey(state, mechanism, report, year=year), co_scheme(mechanism), mechanism, published, note
        )
    # A special procedure's reports share the State's review: the paragraph is numbered in its report.
    return _Where(
        ReviewKey(state, mechanism, year=year), f"{mechanism.lower()}-paragraph", mechanism, published, ""
    )


def _record(row: Row, problems: list[Problem]) -> tuple[RecommendationRecord, date | None]:
    cell = row.texts()
    raw_text = cell.get("text", "")
    if not raw_text:
        raise DocumentRejected("the Text cell is empty", row.place("text"))
    ref, words = paragraph(raw_text)
    symbol = cell.get("symbol", "")
    try:
        where = _where(
            cell.get("countries", ""),
            cell.get("body", ""),
            symbol,
            cell.get("session", ""),
            row.cells.get("date"),
        )
    except _Bad as bad:
        raise DocumentRejected(bad.reason, row.place(bad.column)) from None
    scheme, review = where.scheme, where.review
    if where.note:
        problems.append(Problem(row.place("symbol"), where.note))
    if not ref:
        ref, scheme = cell.get("annotation", ""), ANNOTATION_SCHEME
        if not ref:
            raise DocumentRejected(
                "the text opens with no paragraph number and the row has no OHCHR annotation id",
                row.place("text"),
            )
    elif MECHANISMS[where.mechanism].kind == SPECIAL_PROCEDURE:
        ref = f"{symbol} {ref}".strip()  # a special procedure's report and its paragraph
    record = RecommendationRecord(
        ref=ref, ref_scheme=scheme, text=words, place=row.place("text"), review=review
    )
    if where.mechanism == "UPR":
        record.recommending_states = items(cell.get("states", ""))
        position = cell.get("position", "")
        if not positions.known(position):
            raise DocumentRejected(f"unknown UPR position {position!r}", row.place("position"))
        record.response = positions.normalised(position)
        record.response_kind = positions.KIND_FINAL
    terms, messages = _terms(
        cell.get("themes", ""), cell.get("persons", ""), cell.get("sdgs", ""), review.year
    )
    record.terms = {code: list(labels) for code, labels in terms}
    if messages:
        themes = row.place("themes")
        problems.extend(Problem(themes, message) for message in messages)
    return record, where.published


@lru_cache(maxsize=65_536)
def _terms(
    themes: str, persons: str, sdgs: str, year: int | None
) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
    """The terms of a row's three cells (exports repeat the same cells row after row: read once)."""
    found = read_terms([themes, f"Affected persons:\n{persons}" if persons else ""], [sdgs], year)
    return tuple((code, tuple(labels)) for code, labels in found.terms.items()), tuple(found.messages)


def parse(loaded: LoadedFile, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    records: list[RecommendationRecord] = []
    problems: list[Problem] = []
    first_row: dict[tuple[str, str, int | None, str, str], int] = {}
    dates: list[date] = []
    for row in _rows(loaded):
        record, published = _record(row, problems)
        review = record.review or ReviewKey("", "")
        key = (review.state, review.mechanism, review.cycle, record.ref_scheme, record.ref)
        if key in first_row:
            raise DocumentRejected(
                f"paragraph {record.ref} of this review is already in row {first_row[key]}", row.place("text")
            )
        first_row[key] = row.number
        records.append(record)
        if published:
            dates.append(published)
    if not records:
        raise DocumentRejected("the file has a header but no rows", Place(row=2))
    first = records[0].review
    assert first is not None
    mechanisms = sorted({r.review.mechanism for r in records if r.review})
    return ParsedDocument(
        kind=KIND,
        title=f"UHRI export ({len(records)} rows: {', '.join(mechanisms)})",
        review=first,
        recommendations=records,
        problems=problems,
        published_on=max(dates) if dates else None,
    )
