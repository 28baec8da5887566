"""Benchmark of the UPR addendum parser over a folder of addenda (text, PDF or Word).

Run from the project root: ``.venv/bin/python -m bench.addenda [DIR]`` (default: the hand-made
fixtures in ``tests/ingest/fixtures/upr_addendum``). For each file it prints the references the
addendum lists, how many (and what share) were given a final position, the positions read, the
replies kept, whether the document's own totals are reproduced (or the differences the parser
reported), and the other problems; a file that cannot be read is listed with its reason. The last
line sums the references and the share with a final position over every file read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rightstrack.core.errors import DocumentRejected
from rightstrack.ingest.reading import load
from rightstrack.ingest.sources.upr_addendum.parser import detect, parse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "tests" / "ingest" / "fixtures" / "upr_addendum"
SUFFIXES = {".txt", ".pdf", ".docx", ".html", ".htm"}


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not folder.is_dir():
        print(f"{folder} is not a folder of addenda", file=sys.stderr)
        return 2
    files = sorted(path for path in folder.iterdir() if path.suffix.lower() in SUFFIXES)
    if not files:
        print(f"no .txt, .pdf, .docx or .html file in {folder}", file=sys.stderr)
        return 2
    listed = positioned = read_files = 0
    for path in files:
        try:
            loaded = load(path)
            if not detect(loaded.text):
                print(f"{path.name}: not recognised as an addendum")
                continue
            document = parse(loaded.text)
        except DocumentRejected as error:
            print(f"{path.name}: refused: {error}")
            continue
        read_files += 1
        records = document.recommendations
        given = [record for record in records if record.response]
        listed += len(records)
        positioned += len(given)
        positions = Counter(record.response for record in given)
        totals = [p for p in document.problems if p.place.section == "opening"]
        others = [p for p in document.problems if p.place.section != "opening"]
        print(f"{path.name} ({document.symbol}, {document.review.state}, cycle {document.review.cycle})")
        print(
            f"  references listed: {len(records)}; with a final position: {len(given)} "
            f"({_share(len(given), len(records))}); "
            + ", ".join(f"{name} {count}" for name, count in sorted(positions.items()))
        )
        qualified = sum(1 for record in given if record.position_qualifier)
        print(
            f"  qualified (implemented / in process): {qualified}; replies kept: {len(document.assessments)}"
        )
        stated = ", ".join(f"{name} {count}" for name, count in document.stated_counts.items()) or "none"
        if not document.stated_counts:
            verdict = "no totals stated"
        elif totals:
            verdict = "NOT reproduced: " + "; ".join(problem.message for problem in totals)
        else:
            verdict = "reproduced"
        print(f"  stated totals: {stated} -> {verdict}")
        for problem in others:
            print(f"  problem: {problem.describe()}")
    print(
        f"TOTAL {read_files} of {len(files)} files read; references {listed}; "
        f"with a final position {positioned} ({_share(positioned, listed)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
