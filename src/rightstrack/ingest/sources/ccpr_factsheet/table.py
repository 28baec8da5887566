"""The fact sheets' layout: titles, the six-column tables, their rows and continuation rows.

Each sheet is a title (a markdown heading, or a tab row ``Kazakhstan Fact Sheet – … | | Article 7 …``),
a header row, rows, and usually a closing ``--`` row and the line ``An initiative of the Centre for
Civil and Political Rights, …``. A row with a recommending State and an answer starts a UPR
recommendation; a row without them carries on the cells cut by a page break, as do tab-less lines
after the last row. The last three columns are one merged cell per sheet, spread over its rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem
from rightstrack.core.states import resolve_state

from .cells import Column, Para, clean, paragraphs

WIDTH = 6
HRC, IMPLEMENTATION, SUGGESTIONS = 3, 4, 5
COLUMN_NAMES = (
    "recommendation",
    "country",
    "answer",
    "similar recommendations of the Human Rights Committee",
    "implementation",
    "suggested recommendations",
)
_HEADER = re.compile(r"^Recommendations presented during the (\d+)(?:st|nd|rd|th) cycle", re.IGNORECASE)
_NEXT_CYCLE = re.compile(r"for the (\d+)(?:st|nd|rd|th) cycle", re.IGNORECASE)
_SYMBOL = re.compile(r"\bCCPR/C/([A-Z]{3})/CO/(\d+)\b")
_HEADING = re.compile(r"^#{1,6}\s*(.*?)\s*$")
_FACT_SHEET = re.compile(r"\bFact Sheet\b", re.IGNORECASE)
_FOOTER = re.compile(r"^An initiative of\b", re.IGNORECASE)
_RULE = re.compile(r"^-{2,}$")


@dataclass
class Row:
    """One UPR recommendation row (its first cell grows with continuation rows)."""

    line: int
    text: list[Para]
    country: str
    answer: str


@dataclass
class Sheet:
    title: str
    title_line: int
    header_line: int
    cycle: int
    next_cycle: int | None
    symbol: tuple[str, int] | None  # (State code, periodic report number) of CCPR/C/XXX/CO/N
    rows: list[Row] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    closed: bool = False
    orphan_column: int | None = None

    def column(self, index: int) -> Column:
        return self.columns[index - HRC]


@dataclass
class Layout:
    sheets: list[Sheet]
    headings: list[tuple[int, str]]  # markdown headings and title rows that are not sheet titles
    problems: list[Problem]


def _cells(line: str) -> list[str]:
    return line.split("\t")


def _title_of_row(cells: list[str]) -> str | None:
    """The theme of a title row ``Kazakhstan Fact Sheet – … | | Article 7 ICCPR – …``."""
    if not _FACT_SHEET.search(cells[0]):
        return None
    others = [clean(cell) for cell in cells[1:] if clean(cell)]
    return others[0] if len(others) == 1 else None


def _is_furniture(heading: str) -> bool:
    """The State's name or the ``Fact Sheet – …`` line, repeated on every page."""
    return bool(_FACT_SHEET.search(heading)) or resolve_state(heading) is not None


def read_layout(lines: list[str]) -> Layout:
    """Sheets with their rows and merged cells; rejects rows it cannot place."""
    if not any(_HEADER.match(clean(line.split("\t")[0])) for line in lines if "\t" in line):
        raise DocumentRejected(
            "not a CCPR Centre fact sheet: no table header 'Recommendations presented during the … cycle'",
            Place(line=1),
        )
    sheets: list[Sheet] = []
    headings: list[tuple[int, str]] = []
    problems: list[Problem] = []
    title: tuple[int, str] | None = None
    for index, raw in enumerate(lines):
        number = index + 1
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        current = sheets[-1] if sheets and not sheets[-1].closed else None
        heading = _HEADING.match(line)
        if heading and "\t" not in line:
            text = clean(heading.group(1))
            if _is_furniture(text):
                headings.append((number, text))
            else:
                title = _new_title(title, number, text)
                _close(current)
            continue
        if _FOOTER.match(line.strip()):
            if current is not None:
                current.closed = True
            continue
        cells = _cells(line)
        if len(cells) == 1:
            _orphan(current, line, number, problems)
            continue
        row_title = _title_of_row(cells)
        if row_title is not None:
            headings.append((number, clean(cells[0])))
            title = _new_title(title, number, row_title)
            _close(current)
            continue
        if _HEADER.match(clean(cells[0])):
            sheets.append(_header(cells, number, title, sheets, problems))
            title = None
            continue
        if all(_RULE.match(cell.strip()) for cell in cells):
            continue
        if current is None:
            raise DocumentRejected("table row outside a table (no header row above it)", Place(line=number))
        _row(current, _padded(cells, number, current.title, problems), number, problems)
    _check_end(lines, sheets[-1], title)
    return Layout(sheets, headings, problems)


def _check_end(lines: list[str], last: Sheet, title: tuple[int, str] | None) -> None:
    """Rejects a text that does not end as the sheets do: the last table, then the closing line."""
    end = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    place = Place(line=end + 1, section=last.title)
    if title is not None:
        raise DocumentRejected(
            f"no table under the last title '{title[1]}': the document looks truncated", place
        )
    footers = [line.strip() for line in lines if _FOOTER.match(line.strip())]
    if not last.closed or lines[end].strip() != footers[0]:
        raise DocumentRejected(
            "the text does not end with the closing 'An initiative of …' line after the last table:"
            " the document looks truncated",
            place,
        )


def _new_title(pending: tuple[int, str] | None, number: int, text: str) -> tuple[int, str]:
    if pending is not None:
        raise DocumentRejected(
            f"no table under the title '{pending[1]}'", Place(line=pending[0], section=pending[1])
        )
    return number, text


def _close(sheet: Sheet | None) -> None:
    if sheet is not None:
        sheet.closed = True


def _header(
    cells: list[str], number: int, title: tuple[int, str] | None, sheets: list[Sheet], problems: list[Problem]
) -> Sheet:
    place = Place(line=number)
    if title is None:
        raise DocumentRejected("table header with no article or theme title above it", place)
    if len(cells) != WIDTH:
        raise DocumentRejected(f"table header has {len(cells)} columns, not {WIDTH}", place)
    texts = [clean(cell) for cell in cells]
    cycle = _HEADER.match(texts[0])
    next_cycle = _NEXT_CYCLE.search(texts[SUGGESTIONS])
    symbol = _SYMBOL.search(texts[HRC])
    if symbol is None:
        problems.append(
            Problem(
                Place(line=number, section=title[1], cell=COLUMN_NAMES[HRC]),
                f"no CCPR/C/…/CO/N symbol in the header cell {texts[HRC]!r}",
            )
        )
    sheet = Sheet(
        title=title[1],
        title_line=title[0],
        header_line=number,
        cycle=int(cycle.group(1)) if cycle else 0,
        next_cycle=int(next_cycle.group(1)) if next_cycle else None,
        symbol=(symbol.group(1), int(symbol.group(2))) if symbol else None,
        columns=[Column(COLUMN_NAMES[i], []) for i in (HRC, IMPLEMENTATION, SUGGESTIONS)],
    )
    if any(other.title == sheet.title for other in sheets):
        raise DocumentRejected(f"a second table under the title '{sheet.title}'", place)
    return sheet


def _padded(cells: list[str], number: int, title: str, problems: list[Problem]) -> list[str]:
    """Six cells: a row short of leading empty cells (a continuation row) is aligned to the right."""
    if len(cells) == WIDTH:
        return cells
    place = Place(line=number, section=title)
    missing = WIDTH - len(cells)
    if missing > 0 and all(not clean(cell) for cell in cells[:2]):
        problems.append(Problem(place, f"row has {len(cells)} cells: aligned with the last columns"))
        return [""] * missing + cells
    raise DocumentRejected(f"row has {len(cells)} cells where the table has {WIDTH}", place)


def _row(sheet: Sheet, cells: list[str], number: int, problems: list[Problem]) -> None:
    text, country, answer = (clean(cell) for cell in cells[:3])
    sheet.orphan_column = None
    place = Place(line=number, section=sheet.title)
    if country or answer:
        if not (text and country and answer):
            missing = [n for n, v in zip(COLUMN_NAMES[:3], (text, country, answer), strict=True) if not v]
            raise DocumentRejected(f"recommendation row without its {' and '.join(missing)}", place)
        sheet.rows.append(Row(number, paragraphs(cells[0], number), country, answer))
    elif text:
        if not sheet.rows:
            raise DocumentRejected("continuation row with no recommendation row above it", place)
        sheet.rows[-1].text.extend(paragraphs(cells[0], number))
    elif not sheet.rows:
        raise DocumentRejected("continuation row with no recommendation row above it", place)
    for index in (HRC, IMPLEMENTATION, SUGGESTIONS):
        if sheet.column(index).add(cells[index], number) == "repeated":
            problems.append(
                Problem(
                    Place(line=number, section=sheet.title, cell=COLUMN_NAMES[index]),
                    "cell repeats the cell above word for word: read once",
                )
            )


def _orphan(sheet: Sheet | None, line: str, number: int, problems: list[Problem]) -> None:
    """A tab-less line inside a table: the rest of a cell cut by a page break."""
    text = clean(line)
    if not text:
        return
    place = Place(line=number, section=sheet.title if sheet else "")
    if sheet is None:
        if not _FACT_SHEET.search(text):
            problems.append(Problem(place, f"text outside any table ignored: {text[:60]!r}"))
        return
    if not sheet.rows:
        raise DocumentRejected("text line inside a table before its first row", place)
    target = sheet.orphan_column
    if target is None:
        open_columns = [i for i in (HRC, IMPLEMENTATION, SUGGESTIONS) if sheet.column(i).open_ended()]
        if len(open_columns) == 1:
            target = open_columns[0]
        else:
            target = IMPLEMENTATION
            problems.append(
                Problem(place, "text line after the table read as the rest of the implementation")
            )
    sheet.orphan_column = target
    sheet.column(target).extend(paragraphs(line, number))
