"""Benchmark of Working Group reports read as PDF against the text of the same report.

Run from the project root: ``.venv/bin/python -m bench.pdfs [DIR] [--engine NAME]``. DIR holds the
PDFs (default ``../shared/data/wg-reports/pdfs``); the text of each is the file of the same stem in
the sibling ``texts/`` folder. Each PDF is read as a caller reads it (``rightstrack.ingest.reading.load``,
or the extraction ``--engine`` names, for comparing candidates) and parsed; so is its text. Printed:

- the PDFs that do not import (the reason), and the share that do;
- records per report, PDF vs text, and the reports where they differ;
- records (recommendation paragraphs, by ``ref``, clauses joined) whose text differs from the text
  file's (the first words that differ), the share identical (spaces aside) and the share with the same
  words outside parentheses (punctuation and the groups of States aside: some PDFs are another
  edition than the text, "(Chile), ratify" where the text has "(Chile); ratify");
- split words: a pair of neighbouring tokens ("rati fication", "ratifi- cation") whose join is a word
  of the dictionary while at least one of the two parts is not. The dictionary is the words of the
  212 text files, leave-one-out (the words of the *other* reports: a word only one report uses does
  not make itself a dictionary word, so the text files are measured with the same rule and give the
  floor). Figures: split words per 1,000 records and the share of records holding one;
- a summary line and the time taken.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import RecommendationRecord
from rightstrack.ingest.reading import load, load_bytes
from rightstrack.ingest.sources.wg_report.parser import parse
from rightstrack.ingest.sources.wg_report.parts import paragraphs
from rightstrack.ingest.sources.wg_report.repair import repair

ROOT = Path(__file__).resolve().parents[1]
PDFS = ROOT.parent / "shared" / "data" / "wg-reports" / "pdfs"
_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W_]+")
_GROUPS = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
#: A token pair: a word (with a line-end hyphen, maybe) then whitespace then a word.
_PAIR = re.compile(r"(?<![\w-])([^\W\d_]+)(-?)\s+(?=([^\W\d_]+)(?![\w-]))")
SHOWN = 40  # differing records printed at most (all with --all)


def _pdf_engines() -> dict[str, Callable[[bytes], str]]:
    """Other extractions, for comparing candidates (each imports its library when used)."""

    def pypdf_plain(data: bytes) -> str:
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)

    def pypdf_layout(data: bytes) -> str:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text(extraction_mode="layout") or "" for page in reader.pages)

    def pdfminer(data: bytes) -> str:
        from pdfminer.high_level import extract_text  # type: ignore[import-not-found,unused-ignore]

        return str(extract_text(io.BytesIO(data)))

    def pypdfium2(data: bytes) -> str:
        import pypdfium2 as pdfium  # type: ignore[import-not-found,unused-ignore]

        document = pdfium.PdfDocument(data)
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)

    def pymupdf(data: bytes) -> str:
        import pymupdf

        # PyMuPDF's Document() and Page.get_text() are untyped; pages() iterates as `for page in document`
        document = pymupdf.open(stream=data, filetype="pdf")  # type: ignore[no-untyped-call]
        return "\n".join(page.get_text() for page in document.pages())  # type: ignore[no-untyped-call]

    def pdftotext(data: bytes) -> str:
        import subprocess

        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
        )
        return done.stdout.decode()

    return {f.__name__: f for f in (pypdf_plain, pypdf_layout, pdfminer, pypdfium2, pymupdf, pdftotext)}


@dataclass
class Dictionary:
    """Word counts per report, for a leave-one-out dictionary."""

    total: Counter[str] = field(default_factory=Counter)
    own: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, stem: str, text: str) -> None:
        words = Counter(word.casefold() for word in _WORD.findall(text))
        self.own[stem] = words
        self.total.update(words)

    def knows(self, word: str, stem: str) -> bool:
        word = word.casefold()
        return self.total[word] - self.own.get(stem, Counter())[word] > 0


def split_words(text: str, dictionary: Dictionary, stem: str) -> list[str]:
    """The token pairs of ``text`` that are one dictionary word split in two ("rati fication")."""
    found = []
    for match in _PAIR.finditer(text):
        left, right = match[1], match[3]
        if not dictionary.knows(left + right, stem):
            continue
        if dictionary.knows(left, stem) and dictionary.knows(right, stem):
            continue
        found.append(f"{left}{match[2]} {right}")
    return found


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _words(text: str) -> list[str]:
    """The words and numbers of a text outside its parentheses (where the PDF and the text of a report
    may cut the groups of States differently) and whatever the punctuation."""
    return _WORDS.findall(_GROUPS.sub(" ", text).casefold())


def _first_difference(left: str, right: str) -> str:
    a, b = left.split(), right.split()
    index = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start, end = max(0, index - 3), index + 5
    return f"text: …{' '.join(a[start:end])!r}  pdf: …{' '.join(b[start:end])!r}"


@dataclass
class Totals:
    pdfs: int = 0
    imported: int = 0
    text_records: int = 0
    pdf_records: int = 0
    same_count: int = 0
    compared: int = 0  # reports whose PDF and text both import
    identical: int = 0
    paired: int = 0  # records found on both sides
    same_words: int = 0  # same words and numbers outside parentheses, punctuation aside
    extra: int = 0  # records of the PDF that the text lacks
    pdf_split: int = 0
    pdf_split_records: int = 0
    text_split: int = 0
    text_split_records: int = 0
    seconds: float = 0.0
    rejected: list[str] = field(default_factory=list)
    counts: list[str] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)
    examples: Counter[str] = field(default_factory=Counter)


def _records(text: str) -> dict[str, RecommendationRecord]:
    """The report's recommendation paragraphs by number (clauses joined: how they are split hangs on the
    punctuation, which the PDF and the text of some reports print differently)."""
    return paragraphs(parse(text).recommendations)


def measure(pdfs: Iterable[Path], engine: Callable[[bytes], str] | None) -> Totals:
    paths = sorted(pdfs)
    texts = {path.stem: path.parent.parent / "texts" / f"{path.stem}.txt" for path in paths}
    dictionary = Dictionary()
    for stem, text_path in texts.items():
        if text_path.exists():
            dictionary.add(stem, repair(load(text_path).text))
    totals = Totals()
    for path in paths:
        totals.pdfs += 1
        started = time.perf_counter()
        try:
            data = path.read_bytes()
            pdf_text = load_bytes(data, path.name).text if engine is None else engine(data)
            totals.seconds += time.perf_counter() - started
            pdf = _records(pdf_text)
        except DocumentRejected as error:
            totals.rejected.append(f"{path.name}: {error}")
            continue
        totals.imported += 1
        totals.pdf_records += len(pdf)
        for record in pdf.values():
            split = split_words(record.text, dictionary, path.stem)
            totals.pdf_split += len(split)
            totals.pdf_split_records += bool(split)
            totals.examples.update(split)
        text_path = texts[path.stem]
        if not text_path.exists():
            continue
        try:
            text = _records(load(text_path).text)
        except DocumentRejected as error:
            totals.counts.append(f"{path.stem}: the text is rejected: {error}")
            continue
        totals.compared += 1
        totals.text_records += len(text)
        for record in text.values():
            split = split_words(record.text, dictionary, path.stem)
            totals.text_split += len(split)
            totals.text_split_records += bool(split)
        if len(text) == len(pdf):
            totals.same_count += 1
        else:
            totals.counts.append(f"{path.stem}: text {len(text)}, pdf {len(pdf)}")
        totals.extra += len(pdf.keys() - text.keys())
        for ref, record in text.items():
            other = pdf.get(ref)
            if other is None:
                totals.differing.append(f"{path.stem} {ref}: not in the PDF's records")
                continue
            totals.paired += 1
            if _words(other.text) == _words(record.text):
                totals.same_words += 1
            if _normal(other.text) == _normal(record.text):
                totals.identical += 1
            else:
                difference = _first_difference(_normal(record.text), _normal(other.text))
                totals.differing.append(f"{path.stem} {ref}: {difference}")
    return totals


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else f"{part}/0"


def report(totals: Totals, engine: str, shown: int = SHOWN) -> None:
    print(f"extraction: {engine}")
    print(f"\nPDFs that do not import ({len(totals.rejected)}):")
    for line in totals.rejected:
        print(f"  {line}")
    print(f"\nreports whose PDF and text give a different number of records ({len(totals.counts)}):")
    for line in totals.counts:
        print(f"  {line}")
    print(f"\nrecords whose PDF text differs from the text file's ({len(totals.differing)}; first {shown}):")
    for line in totals.differing[:shown]:
        print(f"  {line}")
    print("\nmost frequent split words in the PDF records:")
    for words, count in totals.examples.most_common(15):
        print(f"  {count:4d}  {words}")
    per_thousand = 1000 * totals.pdf_split / totals.pdf_records if totals.pdf_records else 0.0
    text_thousand = 1000 * totals.text_split / totals.text_records if totals.text_records else 0.0
    print()
    print(f"PDFs that import:                          {_share(totals.imported, totals.pdfs)}")
    print(f"records, PDF vs text (reports with both):  {totals.pdf_records} vs {totals.text_records}")
    print(f"reports with the same number of records:   {_share(totals.same_count, totals.compared)}")
    print(f"text records identical in the PDF:         {_share(totals.identical, totals.text_records)}")
    print(f"... the same words (outside parentheses): {_share(totals.same_words, totals.text_records)}")
    print(f"PDF records the text lacks:                {totals.extra}")
    print(f"split words per 1,000 records, PDF:        {per_thousand:.1f} ({totals.pdf_split} words)")
    print(
        f"records with a split word, PDF:            {_share(totals.pdf_split_records, totals.pdf_records)}"
    )
    print(f"split words per 1,000 records, text files: {text_thousand:.1f} ({totals.text_split} words)")
    print(
        f"records with a split word, text files:     {_share(totals.text_split_records, totals.text_records)}"
    )
    print(f"extraction time: {totals.seconds:.1f} s for {totals.pdfs} PDFs")
    print(
        f"summary: {engine}: import {_share(totals.imported, totals.pdfs)}; same count "
        f"{_share(totals.same_count, totals.compared)}; identical records "
        f"{_share(totals.identical, totals.text_records)} (same words "
        f"{_share(totals.same_words, totals.text_records)}); split {per_thousand:.1f}/1000 records "
        f"({_share(totals.pdf_split_records, totals.pdf_records)} of records); {totals.seconds:.1f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("dir", nargs="?", type=Path, default=PDFS)
    engines = _pdf_engines()
    parser.add_argument("--engine", choices=sorted(engines), help="another extraction, for comparison")
    parser.add_argument("--all", action="store_true", help="print every differing record")
    arguments = parser.parse_args(argv)
    if not arguments.dir.is_dir():
        print(f"no folder {arguments.dir}: the shared data is absent", file=sys.stderr)
        return 1
    engine = engines[arguments.engine] if arguments.engine else None
    totals = measure(arguments.dir.glob("*.pdf"), engine)
    shown = len(totals.differing) if arguments.all else SHOWN
    report(totals, arguments.engine or "rightstrack.ingest.reading (the project's)", shown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
