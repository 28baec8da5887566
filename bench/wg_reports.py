"""Benchmark of the UPR Working Group report parser on the 212 real reports of ../shared/data/wg-reports.

Run from the project root: ``.venv/bin/python -m bench.wg_reports`` (or
``.venv/bin/python bench/wg_reports.py``).

Each report's recommendations are matched to the researcher's parse (``parsed_recommendations.csv``,
one row per recommendation and recommending State) by file (State slug + year = file name) and
paragraph number. That reference is imperfect, and the figures say how it was read:

- rows without a paragraph number: the number is recovered from the text when it starts with one
  (``103.4..1 Accede ...`` is a part of paragraph 103.4; ``135 37. Make ...`` is 135.37); rows with no
  number at all count against recall in the "raw" figure only;
- ``120.1.1`` rows are parts of paragraph 120.1 (one row per clause of a paragraph that gathers
  several recommendations); the parser gives one record per paragraph, so a paragraph's States are
  the union of its rows' States and its text the parts joined;
- States are compared as ISO codes (``resolve_state``); reference names that resolve to nothing
  (``NA``, ``moratorium``) are counted as mismatches in the raw figure and left out of the "clean" one;
- texts: both sides without their groups of State names, normalised (lower-case words, no leading
  "To"); rapidfuzz ratio, or token_sort_ratio when the reference splits the paragraph into parts;
- decisions: the reference's ``noted`` is ``reject`` and ``implement`` is ``implemented``;
  paragraphs whose reference rows disagree or say ``unknown`` are left out of the clean figure.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument
from rightstrack.core.states import resolve_state
from rightstrack.core.text import normalise
from rightstrack.ingest.reading import load
from rightstrack.ingest.sources.wg_report.decisions import WG_DECISIONS
from rightstrack.ingest.sources.wg_report.parser import parse
from rightstrack.ingest.sources.wg_report.parts import paragraphs
from rightstrack.ingest.sources.wg_report.tails import names

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "wg-reports"
TEXTS = DATA / "texts"
REFERENCE = DATA / "parsed_recommendations.csv"
TEXT_SIMILARITY = 90  # rapidfuzz ratio of the normalised texts (0–100)
SLUG_FIXES = {"centeral": "central"}
DECISION_FIXES = {"noted": "reject", "implement": "implemented"}
_PART = re.compile(r"^\s*(\d{1,3})\.(\d{1,3})\.\.\d+")  # "103.4..1 Accede"
_SPACED = re.compile(r"^\s*(\d{2,3})\s+(\d{1,3})\.\s")  # "135 37. Make"
_LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,3}[. ]+)+")
_VARIABLE = re.compile(r"[\d.]+|'[^']*'|\"[^\"]*\"")  # numbers and quoted names in a problem's message
_GROUP = re.compile(r"\((?:[^()]|\([^()]*\))*\)")


@dataclass
class Reference:
    """The reference rows of one (file, paragraph)."""

    states: set[str] = field(default_factory=set)
    raw_states: set[str] = field(default_factory=set)  # names that resolve to no State
    decisions: Counter[str] = field(default_factory=Counter)
    texts: list[str] = field(default_factory=list)
    rows: int = 0


@dataclass
class Totals:
    rows: int = 0
    rows_numbered: int = 0
    rows_recovered: int = 0
    rows_matched: int = 0
    keys: int = 0
    found: int = 0
    mine: int = 0
    states_raw: int = 0
    states_clean: int = 0
    states_clean_total: int = 0
    decisions_raw: int = 0
    decisions_clean: int = 0
    decisions_clean_total: int = 0
    texts: int = 0
    extra_explained: int = 0
    problems: Counter[str] = field(default_factory=Counter)


def _file_key(slug: str, year: str) -> str:
    key = slug.casefold().replace(" ", "")
    for wrong, right in SLUG_FIXES.items():
        key = key.replace(wrong, right)
    return f"{key}{year}"


def _paragraph(row: dict[str, str]) -> tuple[str | None, bool]:
    """The row's paragraph as "P.k", and whether it was recovered from the text."""
    number = row["paragraph"].strip()
    if number:
        return ".".join(number.split(".")[:2]), False
    for pattern in (_PART, _SPACED):
        found = pattern.match(row["text"]) or pattern.match(row["recommendation"])
        if found:
            return f"{found[1]}.{found[2]}", True
    return None, False


def _codes(name: str) -> tuple[set[str], set[str]]:
    code = resolve_state(name.strip())
    if code:
        return {code}, set()
    found = names(name, tail=True)
    codes = {resolve_state(state) for state in found.states}
    return {code for code in codes if code}, set(found.others)


def read_reference(stems: Iterable[str]) -> tuple[dict[str, dict[str, Reference]], Totals]:
    wanted = {stem.casefold(): stem for stem in stems}
    by_file: dict[str, dict[str, Reference]] = defaultdict(lambda: defaultdict(Reference))
    totals = Totals()
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            stem = wanted.get(_file_key(row["state_under_review_slug"], row["year"]))
            if stem is None:
                continue
            totals.rows += 1
            paragraph, recovered = _paragraph(row)
            if paragraph is None:
                by_file[stem]["?"].rows += 1
                continue
            totals.rows_numbered += not recovered
            totals.rows_recovered += recovered
            reference = by_file[stem][paragraph]
            reference.rows += 1
            codes, others = _codes(row["recommending_state"])
            reference.states |= codes
            reference.raw_states |= others
            decision = row["wg_decision"].strip()
            reference.decisions[DECISION_FIXES.get(decision, decision)] += 1
            text = _LEADING_NUMBER.sub("", row["text"] or row["recommendation"])
            if text not in reference.texts:
                reference.texts.append(text)
    return by_file, totals


def compare(stem: str, parsed: ParsedDocument, reference: dict[str, Reference], totals: Totals) -> list[str]:
    """Add one report's figures to ``totals``; return its discrepancies (for the per-file listing)."""
    mine = paragraphs(parsed.recommendations)  # the reference numbers paragraphs, not their clauses
    keys = {key for key in reference if key != "?"}
    totals.keys += len(keys)
    totals.mine += len(mine)
    missing = sorted(keys - set(mine), key=_order)
    extra = sorted(set(mine) - keys, key=_order)
    notes = []
    if missing:
        notes.append(f"missing {len(missing)}: {', '.join(missing[:6])}")
    if extra:
        explained = [ref for ref in extra if _reference_lacks(ref, mine[ref].text, reference)]
        totals.extra_explained += len(explained)
        notes.append(
            f"extra {len(extra)} ({len(explained)} merged into the previous row or cut off by the reference):"
            " " + ", ".join(extra[:6])
        )
    for key in keys & set(mine):
        record, expected = mine[key], reference[key]
        totals.found += 1
        totals.rows_matched += expected.rows
        codes = {code for name in record.recommending_states if (code := resolve_state(name))}
        same_states = codes == expected.states and not expected.raw_states
        totals.states_raw += same_states
        if not expected.raw_states:
            totals.states_clean_total += 1
            totals.states_clean += codes == expected.states
        decision = WG_DECISIONS.get(record.response, record.response)
        majority = expected.decisions.most_common(1)[0][0]
        totals.decisions_raw += decision == majority
        if len(expected.decisions) == 1 and majority in WG_DECISIONS.values():
            totals.decisions_clean_total += 1
            totals.decisions_clean += decision == majority
        ours, theirs = _words(record.text), _words(" ".join(expected.texts))
        scorer = fuzz.ratio if len(expected.texts) == 1 else fuzz.token_sort_ratio
        similarity = scorer(ours, theirs)
        totals.texts += similarity >= TEXT_SIMILARITY
    return notes


def _without_states(text: str) -> str:
    """``text`` without its parenthesised groups of State names ("(Chile, Peru);")."""
    return _GROUP.sub(lambda group: " " if not names(group[0][1:-1], tail=True).others else group[0], text)


def _words(text: str) -> str:
    return normalise(_without_states(text))


def _reference_lacks(ref: str, text: str, reference: dict[str, Reference]) -> bool:
    """Whether the reference visibly lacks ``ref``: it stops before it in its paragraph, or it ran it
    into the previous recommendation's row (a run-in "...(Chile); 118.66 Intensify ..." line)."""
    paragraph, sub = (int(part) for part in ref.split("."))
    subs = [int(key.split(".")[1]) for key in reference if key.startswith(f"{paragraph}.")]
    if not subs or max(subs) < sub:
        return True
    previous = reference.get(f"{paragraph}.{sub - 1}")
    start = _words(text)[:40]
    return previous is not None and bool(start) and start in _words(" ".join(previous.texts))


def _order(ref: str) -> tuple[int, ...]:
    return tuple(int(part) for part in ref.split(".") if part.isdigit())


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.4f} ({part}/{whole})" if whole else "n/a"


def main() -> int:
    if not TEXTS.is_dir() or not REFERENCE.is_file():
        print(
            f"the shared data set is absent: {DATA} (expected beside the project, in ../shared)",
            file=sys.stderr,
        )
        return 2
    paths = sorted(TEXTS.glob("*.txt"))
    reference, totals = read_reference(path.stem for path in paths)
    started = time.perf_counter()
    loaded = {path.stem: load(path).text for path in paths}
    load_seconds = time.perf_counter() - started
    parsed: dict[str, ParsedDocument] = {}
    failures: list[str] = []
    started = time.perf_counter()
    for stem, text in loaded.items():
        try:
            parsed[stem] = parse(text)
        except DocumentRejected as error:
            failures.append(f"{stem}: rejected: {error}")
    parse_seconds = time.perf_counter() - started
    unreferenced = []
    for stem, document in parsed.items():
        for problem in document.problems:
            totals.problems[_VARIABLE.sub("…", problem.message)[:80]] += 1
        if stem not in reference:
            unreferenced.append(f"{stem} ({len(document.recommendations)})")
            continue
        notes = compare(stem, document, reference[stem], totals)
        if notes:
            failures.append(f"{stem}: " + "; ".join(notes))
    print(f"reports: {len(paths)}, parsed: {len(parsed)}, rejected: {len(paths) - len(parsed)}")
    print(f"reports without reference rows (not scored): {len(unreferenced)}: {', '.join(unreferenced)}")
    print("\nper-file differences from the reference (and rejections):")
    for line in failures or ["  none"]:
        print(f"  {line}")
    unnumbered = totals.rows - totals.rows_numbered - totals.rows_recovered
    print(
        f"\nreference rows in these reports: {totals.rows} ({totals.rows_numbered} numbered, "
        f"{totals.rows_recovered} numbered from their text, {unnumbered} without any number)"
    )
    print(f"recall, raw (reference rows found):                 {_share(totals.rows_matched, totals.rows)}")
    print(f"recall (reference paragraphs with a number):        {_share(totals.found, totals.keys)}")
    print(f"precision (parsed paragraphs in the reference):     {_share(totals.found, totals.mine)}")
    print(
        "precision, parsed paragraphs the reference visibly lacks counted as found: "
        f"{_share(totals.found + totals.extra_explained, totals.mine)}"
    )
    print(f"recommending States exact, raw:                     {_share(totals.states_raw, totals.found)}")
    print(
        "recommending States exact (reference names all resolve): "
        f"{_share(totals.states_clean, totals.states_clean_total)}"
    )
    print(f"decision = wg_decision, raw (majority of rows):     {_share(totals.decisions_raw, totals.found)}")
    print(
        "decision = wg_decision (one known reference decision):  "
        f"{_share(totals.decisions_clean, totals.decisions_clean_total)}"
    )
    print(
        f"text similarity >= {TEXT_SIMILARITY} (normalised):             {_share(totals.texts, totals.found)}"
    )
    print("\nproblems reported by the parser (non-fatal), by kind:")
    for message, count in totals.problems.most_common(12):
        print(f"  {count:5d}  {message}")
    total = load_seconds + parse_seconds
    print(
        f"\ntime: {total:.2f} s ({load_seconds:.2f} s reading and decoding, {parse_seconds:.2f} s parsing); "
        f"{len(paths) / total:.1f} reports/s ({len(paths) / parse_seconds:.1f} reports/s parsing alone)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
