"""The "2. Index" table: issues, page and IRI of every commented recommendation.

Rows read ``N<TAB>issues<TAB>page P<TAB>IRI``, with the header repeated on every page. PDF
extraction breaks the table in ways this module mends where the evidence allows, and reports:

* a row whose n° is lost: placed by elimination, when exactly as many commented recommendations
  between its numbered neighbours lack a row as there are such rows;
* a garbled n° ("75 70" with one IRI): the number that fits the order of the rows is kept;
* two rows fused into one ("82 83 ... not impl. not impl."): each n° takes its IRI; the single
  issue cell goes to the member whose theme heading files these labels elsewhere in the index;
* a page cell holding several pages ("page 36 page 19"): the last one is the row's.

Pages are read for checking only; the IRI of every row is checked against section 3.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rightstrack.core.records import Place, Problem

from .issues import IssueMatcher, IssueSplit
from .lines import Line

SECTION = "index table"

_HEADER = re.compile(r"^\s*rec\b", re.IGNORECASE)
_NUMBERS = re.compile(r"\d+")
_ROW_NUMBER_CELL = re.compile(r"^[\d\s]*$")
_PAGE = re.compile(r"page\s*(\d+)", re.IGNORECASE)
_LEVEL = re.compile(r"(not|partially|fully)\s+impl(?:emented|\.)?|(?<!\S)[-–—](?!\S)", re.IGNORECASE)


@dataclass(frozen=True)
class IndexRow:
    line: int  # 1-based
    row: int  # 1-based among the table's rows
    number_cell: str
    numbers: tuple[int, ...]
    issues: str
    pages: tuple[int, ...]
    levels: tuple[str, ...]


@dataclass(frozen=True)
class IndexEntry:
    number: int
    issues: IssueSplit
    level: str | None
    line: int


@dataclass(frozen=True)
class Commented:
    """What section 3 says of each commented recommendation, to check and place index rows."""

    levels: Mapping[int, str]
    themes: Mapping[int, str]


def read_index_rows(items: Sequence[Line]) -> tuple[list[IndexRow], list[Problem]]:
    """The table's rows from the section's non-blank lines (headers, notes and prose skipped)."""
    rows: list[IndexRow] = []
    problems: list[Problem] = []
    for item in items:
        cells = item.raw.split("\t")
        if len(cells) < 2 or _HEADER.match(cells[0]):
            continue
        if not _ROW_NUMBER_CELL.match(cells[0]):
            problems.append(_problem(item.number, None, f"line not understood as a row: {item.raw!r}"))
            continue
        row = len(rows) + 1
        if len(cells) != 4:
            problems.append(_problem(item.number, row, f"{len(cells)} cells instead of 4: {item.raw!r}"))
        cells += [""] * (4 - len(cells))
        rows.append(
            IndexRow(
                line=item.number,
                row=row,
                number_cell=cells[0].strip(),
                numbers=tuple(int(n) for n in _NUMBERS.findall(cells[0])),
                issues=cells[1].strip(),
                pages=tuple(int(page) for page in _PAGE.findall(cells[2])),
                levels=tuple(_level(match) for match in _LEVEL.finditer(" ".join(cells[3:]))),
            )
        )
    return rows, problems


def _level(match: re.Match[str]) -> str:
    return match.group(1).lower() if match.group(1) else "-"


@dataclass
class _Placer:
    rows: Sequence[IndexRow]
    commented: Commented
    matcher: IssueMatcher
    numbers: list[tuple[int, ...]] = field(default_factory=list)  # resolved n° of each row
    entries: dict[int, IndexEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def place(self) -> None:
        self.numbers = [self._resolve_numbers(position) for position in range(len(self.rows))]
        self._place_numberless()
        fused: list[int] = []
        for position, row in enumerate(self.rows):
            numbers = self.numbers[position]
            if len(numbers) == 1:
                self._enter(row, numbers[0], self.matcher.split(row.issues), _nth(row.levels, 0))
            elif len(numbers) > 1:
                fused.append(position)
            self._check_pages(position)
        for position in fused:
            self._place_fused(self.rows[position], self.numbers[position])
        self._check_against_section_3()

    def _resolve_numbers(self, position: int) -> tuple[int, ...]:
        row = self.rows[position]
        if len(row.numbers) <= 1 or len(row.levels) == len(row.numbers):
            return row.numbers
        before = _neighbour(self.rows, position, -1)
        after = _neighbour(self.rows, position, 1)
        kept = next((n for n in row.numbers if before < n < after), row.numbers[0])
        dropped = " ".join(str(n) for n in row.numbers if n != kept)
        self._note(row, f"n° cell {row.number_cell!r} with one IRI: taken as n°{kept}, {dropped!r} dropped")
        return (kept,)

    def _place_numberless(self) -> None:
        seen = {n for numbers in self.numbers for n in numbers}
        position = 0
        while position < len(self.rows):
            if self.numbers[position]:
                position += 1
                continue
            run_end = position
            while run_end < len(self.rows) and not self.numbers[run_end]:
                run_end += 1
            self._place_run(position, run_end, seen)
            position = run_end

    def _place_run(self, start: int, end: int, seen: set[int]) -> None:
        before = max(self.numbers[start - 1]) if start > 0 else 0
        after = min(self.numbers[end]) if end < len(self.rows) else max(self.commented.levels, default=0) + 1
        candidates = [n for n in sorted(self.commented.levels) if before < n < after and n not in seen]
        for offset, position in enumerate(range(start, end)):
            row = self.rows[position]
            if len(candidates) == end - start:
                number = candidates[offset]
                self.numbers[position] = (number,)
                seen.add(number)
                self._note(
                    row,
                    f"row without n° ({row.issues!r}): taken as n°{number}, by elimination among the "
                    f"commented recommendations between n°{before} and n°{after} that have no row",
                )
            else:
                self._note(
                    row,
                    f"row without n° ({row.issues!r}) not placed: {len(candidates)} commented recommendations"
                    f" between n°{before} and n°{after} lack a row, for {end - start} such rows",
                )

    def _place_fused(self, row: IndexRow, numbers: tuple[int, ...]) -> None:
        issues = self.matcher.split(row.issues)
        owner = self._owner_of(issues.labels, numbers)
        for index, number in enumerate(numbers):
            own = issues if number == owner else IssueSplit((), ())
            self._enter(row, number, own, _nth(row.levels, index))
        others = ", ".join(f"n°{n}" for n in numbers if n != owner)
        self._note(
            row,
            f"row fuses n°{' and n°'.join(map(str, numbers))} (one issue cell {row.issues!r}, "
            f"{len(row.levels)} IRIs): issues given to n°{owner}, whose theme heading "
            f"{self.commented.themes.get(owner, '')!r} files these labels elsewhere; {others} without issues",
        )

    def _owner_of(self, labels: Sequence[str], numbers: tuple[int, ...]) -> int:
        themes: Counter[tuple[str, str]] = Counter()
        for entry in self.entries.values():
            theme = self.commented.themes.get(entry.number, "")
            themes.update((label, theme) for label in entry.issues.labels)

        def score(number: int) -> int:
            theme = self.commented.themes.get(number, "")
            return sum(themes[(label, theme)] for label in labels)

        return max(numbers, key=score)  # the first on a tie

    def _enter(self, row: IndexRow, number: int, issues: IssueSplit, level: str | None) -> None:
        if number in self.entries:
            self._note(
                row, f"n°{number} has a second row (first at line {self.entries[number].line}): ignored"
            )
            return
        self.entries[number] = IndexEntry(number, issues, level, row.line)
        if issues.unmatched:
            self._note(
                row,
                f"n°{number}: issue text {', '.join(issues.unmatched)!r} matches no known label;"
                " kept as written",
            )

    def _check_pages(self, position: int) -> None:
        """Notes a page cell with more pages than its row has n° (pages are not kept)."""
        row, numbers = self.rows[position], self.numbers[position]
        if not row.pages:
            self._note(row, "row without a page")
        if len(row.pages) <= max(len(numbers), 1):
            return
        above = self.rows[position - 1] if position else None
        short = above is not None and len(above.pages) < len(self.numbers[position - 1])
        extras = []
        for page in row.pages[: -len(numbers) or None]:
            if short and above is not None:
                extras.append(
                    f"page {page} is n°{self.numbers[position - 1][-1]}'s, lost from the fused row above"
                )
                short = False
            elif above is not None and page in above.pages:
                extras.append(f"page {page} repeats the row above")
            else:
                extras.append(f"page {page} could not be placed")
        self._note(row, f"page cell holds {len(row.pages)} pages: {'; '.join(extras)}")

    def _check_against_section_3(self) -> None:
        for number, entry in sorted(self.entries.items()):
            published = self.commented.levels.get(number)
            if published is None:
                self._note_line(entry.line, f"index row n°{number} matches no recommendation of section 3")
            elif entry.level is not None and entry.level != published:
                self._note_line(
                    entry.line,
                    f"n°{number}: index IRI {entry.level!r} disagrees with section 3's {published!r}",
                )
            elif entry.level is None:
                self._note_line(entry.line, f"n°{number}: index row without an IRI")
        missing = sorted(set(self.commented.levels) - set(self.entries))
        if missing:
            self._note_line(
                self.rows[-1].line if self.rows else None,
                f"no index row for {', '.join(f'n°{n}' for n in missing)}",
            )

    def _note(self, row: IndexRow, message: str) -> None:
        self.problems.append(_problem(row.line, row.row, message))

    def _note_line(self, line: int | None, message: str) -> None:
        self.problems.append(_problem(line, None, message))


def place_index_rows(
    rows: Sequence[IndexRow], commented: Commented, matcher: IssueMatcher
) -> tuple[dict[int, IndexEntry], list[Problem]]:
    """The index entry of each n°, and every row or fragment that could not be placed."""
    placer = _Placer(rows, commented, matcher)
    placer.place()
    return placer.entries, placer.problems


def _neighbour(rows: Sequence[IndexRow], position: int, step: int) -> int:
    """The n° of the nearest row in direction ``step`` with exactly one n° (0 or a large bound)."""
    position += step
    while 0 <= position < len(rows):
        if len(rows[position].numbers) == 1:
            return rows[position].numbers[0]
        position += step
    return 0 if step < 0 else 10**9


def _nth(levels: tuple[str, ...], index: int) -> str | None:
    return levels[index] if index < len(levels) else None


def _problem(line: int | None, row: int | None, message: str) -> Problem:
    return Problem(Place(line=line, section=SECTION, row=row), message)
