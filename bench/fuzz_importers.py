"""Fuzzing every importer with mutated real documents and random input.

    .venv/bin/python -m bench.fuzz_importers [--cases 10000] [--seed 1]

For each import source, mutants of its real samples (lines deleted, duplicated, swapped or shuffled,
bytes flipped, cut at a random place, random text inserted, encodings changed, office archives
damaged) and random byte strings are read and parsed as `rightstrack import` would. A case ends in
one of two ways: the document is read, or it is rejected with `DocumentRejected` (a message with its
place). Anything else is an unhandled exception, a bug: the script prints each kind with an example
and exits non-zero if there is any. Writing nothing on rejection is checked by the test suite
(`tests/cli/test_fuzzing.py`), which stores a few hundred of these mutants in a real database.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "kazakhstan"

SAMPLES: dict[str, list[Path]] = {
    "upr-info-mia": [EXAMPLES / "upr-info-mia-2012.txt"],
    "ccpr-factsheet": [EXAMPLES / "ccpr-centre-fact-sheets-2019.txt"],
    "state-hr-report": [EXAMPLES / "report-on-human-rights-2021.txt"],
    "hrc-followup-grades": [EXAMPLES / "hrc-follow-up-grades-2012.txt"],
    "coalition-summary": [EXAMPLES / "coalition-upr4-summary-2024.txt"],
    "upr-wg-report": [SHARED / "data" / "wg-reports" / "texts" / "kazakhstan2010.txt"],
    "ccpr-followup-json": [SHARED / "data" / "kazakhstan" / "ccpr_followup_2018.json"],
    "ccpr-followup-report": [SHARED / "data" / "ccpr-followup" / "reports" / "131_2_Add2.txt"],
    "ohchr-matrix": [SHARED / "data" / "ohchr-matrices" / "china_Matrix_recommendations_2013.docx"],
    "upr-info-export": [SHARED / "data" / "upr-info" / "recommendations_train.csv"],
    "upr-addendum": [
        ROOT / "tests" / "ingest" / "fixtures" / "upr_addendum" / "chad-2019-addendum.txt",
        ROOT / "tests" / "ingest" / "fixtures" / "upr_addendum" / "belize-2009-addendum.txt",
    ],
    "concluding-observations": [
        SHARED / "data" / "treaty-bodies" / "concluding-observations" / "denmark" / "CO.txt",
        SHARED / "data" / "treaty-bodies" / "concluding-observations" / "namibia" / "CO.txt",
    ],
    # no UHRI export is public here: the tests' UHRI-shaped workbook and its CSV (see samples_for())
    "uhri-export": [ROOT / "tests" / "ingest" / "uhri_builder.py"],
    "upr-evidence": [
        SHARED / "data" / "evidence" / "denmark" / "compilation.txt",
        SHARED / "data" / "evidence" / "namibia" / "stakeholders-summary.txt",
    ],
    "evidence-document": [SHARED / "data" / "evidence" / "denmark" / "assessment-report.md"],
    # written by RightsTrack itself, then filled in: see stakeholder_sheet_sample()
    "stakeholder-sheet": [EXAMPLES / "upr-info-mia-2012.txt"],
}


def stakeholder_sheet_sample(mia: Path) -> bytes:
    """A filled stakeholder sheet as a contributor returns it: the sheet RightsTrack writes for the
    review of the MIA ``mia`` (its 129 recommendations), with a level, a comment and a source in some
    rows, typed in and saved again the way a spreadsheet program does."""
    from openpyxl import load_workbook

    from rightstrack.core.records import StakeholderRecord
    from rightstrack.ingest.sources.stakeholder_sheet.sheet import (
        LEVELS,
        MAIN,
        SheetRow,
        SheetSpec,
        write_sheet,
    )
    from rightstrack.ingest.sources.upr_info_mia.parser import parse

    document = parse(mia.read_text(encoding="utf-8"))
    rows = tuple(
        SheetRow(rec.ref_scheme, rec.ref, rec.text, ", ".join(rec.recommending_states), "")
        for rec in document.recommendations
    )
    spec = SheetSpec(document.review, "Kazakhstan UPR 1", StakeholderRecord("Org B", "OB", "ngo"), rows)
    workbook = load_workbook(io.BytesIO(write_sheet(spec)))
    sheet = workbook[MAIN]
    levels = list(LEVELS)
    for number in range(2, len(rows) + 2, 3):
        sheet[f"E{number}"] = levels[number % len(levels)]
        sheet[f"F{number}"] = f"Comment on row {number}: a law was adopted; =1+1 stays text."
        sheet[f"G{number}"] = "https://example.org/report"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def samples_for(kind: str) -> list[bytes]:
    """The real documents ``kind`` is fuzzed from (the stakeholder sheet is written from the MIA)."""
    if kind == "stakeholder-sheet":
        return [stakeholder_sheet_sample(path) for path in SAMPLES[kind]]
    if kind == "uhri-export":
        from tests.ingest.uhri_builder import csv_text, workbook

        return [workbook(), csv_text().encode()]
    return [path.read_bytes() for path in SAMPLES[kind]]


def _lines(data: bytes, rng: random.Random, change: Callable[[list[bytes]], object]) -> bytes:
    lines = data.split(b"\n")
    change(lines)
    return b"\n".join(lines)


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random mutation of ``data``."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
    n = len(data)
    if data.startswith(b"PK") and rng.random() < 0.7:
        return _damage_zip(data, rng)  # office files: damage what is inside the archive
    kind = rng.randrange(12)
    if kind == 0:
        return data[: rng.randrange(n)]
    if kind == 1:
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(n)] = rng.randrange(256)
        return bytes(out)
    if kind == 2:
        return _lines(data, rng, lambda ls: ls.pop(rng.randrange(len(ls))) if ls else None)
    if kind == 3:
        return _lines(
            data, rng, lambda ls: ls.insert(rng.randrange(len(ls) + 1), rng.choice(ls)) if ls else None
        )
    if kind == 4:

        def swap(ls: list[bytes]) -> None:
            if len(ls) > 1:
                i, j = rng.randrange(len(ls)), rng.randrange(len(ls))
                ls[i], ls[j] = ls[j], ls[i]

        return _lines(data, rng, swap)
    if kind == 5:
        return _lines(data, rng, rng.shuffle)
    if kind == 6:
        junk = bytes(rng.randrange(32, 127) for _ in range(rng.randint(1, 200)))
        at = rng.randrange(n)
        return data[:at] + junk + data[at:]
    if kind == 7:
        text = data.decode("utf-8", "replace")
        return text.encode(rng.choice(["utf-16", "cp1252", "latin-1", "koi8-r"]), "replace")
    if kind == 8:
        start = rng.randrange(n)
        return data[:start] + data[start + rng.randint(1, 5000) :]
    if kind == 9 and data.startswith(b"PK"):
        return _damage_zip(data, rng)
    if kind == 10:
        return data.replace(b"\n", b"\r\n") if rng.random() < 0.5 else data.replace(b"\t", b"    ")
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 4000)))


def _damage_zip(data: bytes, rng: random.Random) -> bytes:
    try:
        return _rezip(data, rng)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,  # a damaged header asks for a zip version Python does not read
    ):  # already broken: break it further
        return mutate(data[:-1] if data else data, rng)


def _rezip(data: bytes, rng: random.Random) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename.endswith(".xml") and rng.random() < 0.5:
                content = (
                    mutate(content, rng) if rng.random() < 0.7 else content[: rng.randrange(len(content) + 1)]
                )
            if rng.random() < 0.05:
                continue
            target.writestr(member.filename, content)
    return buffer.getvalue()


def _mutate_xml(content: bytes, rng: random.Random) -> bytes:
    """Damage an XML part the way real files get damaged: cells lost, text changed, the end cut off."""
    choice = rng.choice((0, 0, 0, 1, 1, 1, 2, 3))
    if choice == 0:  # a table row or a paragraph removed
        tag = rng.choice([b"<w:tr ", b"<w:tc>", b"<w:p "])
        closing = b"</" + tag[1:].split(b" ")[0].rstrip(b">") + b">"
        start = content.find(tag, rng.randrange(max(len(content), 1)))
        end = content.find(closing, start)
        return content[:start] + content[end + len(closing) :] if start > 0 and end > start else content
    if choice == 1:  # the text of a run replaced
        start = content.find(b"<w:t>", rng.randrange(max(len(content), 1)))
        end = content.find(b"</w:t>", start)
        junk = rng.choice([b"", b"Noted", b"Supported/Noted", b"186.999 Do (Atlantis);", b"\xff\xfe", b"A12"])
        return content[: start + 5] + junk + content[end:] if start > 0 and end > start else content
    if choice == 2:
        return content[: rng.randrange(len(content) + 1)]
    return mutate(content, rng)


def run_case(kind: str, data: bytes) -> str:
    """'read', 'rejected', or 'bug: <exception>'."""
    from rightstrack.core.errors import DocumentRejected
    from rightstrack.ingest.reading import load_bytes
    from rightstrack.ingest.registry import source_for

    try:
        loaded = load_bytes(data, f"{kind}.bin")
        source = source_for(loaded, kind)
        source.parse(loaded, ["Death penalty", "Justice", "Women's rights", "Detention conditions"])
    except DocumentRejected:
        return "rejected"
    except Exception as error:  # the bug this script looks for
        return f"bug: {type(error).__name__}: {str(error)[:120]}"
    return "read"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=10_000, help="mutants per importer (default 10,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", nargs="*", default=list(SAMPLES), help="importers to fuzz")
    args = parser.parse_args()
    if not (SHARED / "data").exists():
        sys.exit(f"{SHARED / 'data'} is absent: the fuzzer mutates real samples from it")
    rng = random.Random(args.seed)
    bugs = 0
    started = time.perf_counter()
    for kind in args.kinds:
        samples = samples_for(kind)
        if kind == "upr-info-export":  # 9 MB: fuzz a realistic slice of it
            samples = [b"\n".join(samples[0].split(b"\n")[:400])]
        outcomes: Counter[str] = Counter()
        examples: dict[str, str] = {}
        begin = time.perf_counter()
        for case in range(args.cases):
            data = samples[case % len(samples)]
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                data = mutate(data, rng)
            outcome = run_case(kind, data)
            key = (
                outcome
                if not outcome.startswith("bug")
                else outcome.split(":")[0] + ": " + outcome.split(":")[1]
            )
            outcomes[key] += 1
            if outcome.startswith("bug") and key not in examples:
                examples[key] = outcome
        found = sum(n for key, n in outcomes.items() if key.startswith("bug"))
        bugs += found
        print(
            f"{kind:22} {args.cases:6} cases  read {outcomes['read']:6}  rejected {outcomes['rejected']:6}  "
            f"unhandled {found:4}  ({time.perf_counter() - begin:.0f} s)"
        )
        for key, example in examples.items():
            print(f"    {outcomes[key]:5} × {example}")
    print(f"total unhandled exceptions: {bugs}; {time.perf_counter() - started:.0f} s")
    sys.exit(1 if bugs else 0)


if __name__ == "__main__":
    main()
