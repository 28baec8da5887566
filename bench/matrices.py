"""Benchmark of the OHCHR thematic list parser (``ohchr_matrix``) on the lists of a folder.

Run from the project root: ``.venv/bin/python -m bench.matrices [DIR]`` (DIR defaults to
``../shared/data/ohchr-matrices``: ``*.docx`` lists, and ``*_expected.csv`` reference parses with a
``session`` column, e.g. ``china_c2-c3_expected.csv``).

Per list it prints: the paragraphs read (rows), those with a position, and the theme and group
mentions the list writes against those the parser kept. A mention is a distinct theme (or group)
line of a paragraph's themes cells, across its listings, before (after) "Affected persons:" /
"Groups of Persons:" and outside "SDGs:" lines; in the 2022 layout (SDGs in their own column) the
heading a paragraph sits under is one of its theme mentions. "known" are kept as terms of the
vocabulary version of the review's year, "unmatched" are kept under ``<code>-unmatched``, "dropped"
are neither (the target is none). "exact" is the share of paragraphs whose known themes (groups) are
exactly the mentions written. Where a reference parse exists, the rows, positions, themes and groups
are compared with it too (themes and groups exact per paragraph, as the parser's tests do).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, RecommendationRecord
from rightstrack.core.uhri import UHRI_GROUPS, UHRI_THEMES, clean, match_key, normalise_theme
from rightstrack.ingest.sources.ohchr_matrix.cells import read_recommendation
from rightstrack.ingest.sources.ohchr_matrix.columns import find_columns
from rightstrack.ingest.sources.ohchr_matrix.docx_reading import read_docx
from rightstrack.ingest.sources.ohchr_matrix.parser import parse
from rightstrack.ingest.sources.ohchr_matrix.rows import _heading, _is_heading

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ohchr-matrices"
_GROUPS = re.compile(r"^(affected\s+persons|groups?\s+of\s+persons|groups)\s*:\s*(.*)$", re.IGNORECASE)
_SDGS = re.compile(r"^((relevant\s+)?sdgs?|sustainable\s+development\s+goals)\s*:\s*(.*)$", re.IGNORECASE)
_SDG_LINE = re.compile(r"^(S\d{1,2}\s+)?(SDG\s*|goal\s*|target\s*)?\d{1,2}([.\s\-–:)]|$)", re.IGNORECASE)
_THEMES_IN_CSV = re.compile(r"; (?=[A-HS]\d{0,2} )")
_CODE = re.compile(r"^(?:[A-H]\d{1,2}|S\d{0,2})\s+")  # "A12 ", "S " of the coded lists


@dataclass
class Written:
    """Theme and group mentions (match keys) a list writes, per paragraph."""

    themes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    groups: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def written_mentions(data: bytes) -> Written:
    """What the list's themes cells say, read line by line, independently of the parser's vocabularies."""
    written = Written()
    for table in read_docx(data).tables:
        columns = find_columns(table)
        if columns is None:
            continue
        heading = ""
        for row in table.rows[columns.header + 1 :]:
            text = row.cells[columns.recommendation] if columns.recommendation < len(row.cells) else ""
            cell = read_recommendation(text)
            if cell is None:
                if any(t.strip() for t in row.cells) and _is_heading(row, text):
                    heading = _heading(text or next(t for t in row.cells if t.strip()))
                continue
            if columns.sdgs and heading:
                written.themes[cell.ref].add(match_key(_CODE.sub("", clean(heading))))
            for index in columns.themes:
                _lines(row.cells[index] if index < len(row.cells) else "", cell.ref, written)
    return written


def _lines(cell: str, ref: str, written: Written) -> None:
    mode = "themes"
    for raw in cell.splitlines():
        line = clean(raw)
        if switch := _GROUPS.match(line):
            mode, line = "groups", clean(switch[2])
        elif switch := _SDGS.match(line):
            mode, line = "sdgs", clean(switch[3])
        if not line or mode == "sdgs" or _SDG_LINE.match(line):
            continue
        if mode == "themes":
            written.themes[ref].add(match_key(_CODE.sub("", line)))
        else:
            written.groups[ref].add(match_key(line))


def _kept(record: RecommendationRecord, code: str) -> tuple[set[str], set[str]]:
    known = {match_key(label) for label in record.terms.get(code, [])}
    return known, {match_key(label) for label in record.terms.get(f"{code}-unmatched", [])}


def mention_figures(document: ParsedDocument, written: dict[str, set[str]], code: str) -> str:
    total = known = unmatched = exact = 0
    for record in document.recommendations:
        wanted = written.get(record.ref, set())
        found, kept_unmatched = _kept(record, code)
        total += len(wanted)
        known += len(wanted & found)
        unmatched += len(wanted & kept_unmatched)
        exact += found == wanted
    rows = len(document.recommendations) or 1
    dropped = total - known - unmatched
    return (
        f"{total} written, {known} known, {unmatched} unmatched, {dropped} dropped; "
        f"exact {exact}/{len(document.recommendations)} = {exact / rows:.3f}"
    )


def references(folder: Path) -> dict[str, list[dict[str, str]]]:
    """Reference rows by session, from every ``*_expected.csv`` of ``folder``."""
    by_session: dict[str, list[dict[str, str]]] = defaultdict(list)
    for path in sorted(folder.glob("*_expected.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                by_session[row["session"]].append(row)
    return by_session


def reference_figures(document: ParsedDocument, rows: list[dict[str, str]]) -> str:
    records = {record.ref: record for record in document.recommendations}
    found = [(row, records[row["paragraph"]]) for row in rows if row["paragraph"] in records]
    positions = themes = groups = 0
    for row, record in found:
        response = {"accepted": "Supported", "noted": "Noted"}.get(record.response, record.response)
        positions += response == row["position"]
        expected = [normalise_theme(label) for label in _THEMES_IN_CSV.split(row["themes"]) if label]
        themes += record.terms.get(UHRI_THEMES) == [theme[1] for theme in expected if theme]
        groups += record.terms.get(UHRI_GROUPS) == [g for g in row["groups_of_persons"].split("; ") if g]
    n = len(rows) or 1
    return (
        f"rows {len(found)}/{len(rows)} = {len(found) / n:.3f}, positions {positions / n:.3f}, "
        f"themes exact {themes / n:.3f}, groups exact {groups / n:.3f}"
    )


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    lists = sorted(folder.glob("*.docx"))
    if not lists:
        print(f"no thematic list (*.docx) in {folder}")
        return 1
    reference = references(folder)
    for path in lists:
        data = path.read_bytes()
        try:
            document = parse(data)
        except DocumentRejected as rejected:
            print(f"{path.name}: rejected: {rejected}")
            continue
        written = written_mentions(data)
        review = document.review
        with_position = sum(1 for record in document.recommendations if record.response)
        print(f"{path.name} (session {review.session}, {review.year}):")
        paragraphs = len({record.ref for record in document.recommendations})
        print(
            f"  paragraphs {paragraphs}, records {len(document.recommendations)} (a record per clause), "
            f"positions {with_position}"
        )
        print(f"  themes: {mention_figures(document, written.themes, UHRI_THEMES)}")
        print(f"  groups: {mention_figures(document, written.groups, UHRI_GROUPS)}")
        if str(review.session) in reference:
            print(f"  vs reference: {reference_figures(document, reference[str(review.session)])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
