"""A UHRI-shaped export of 270,000 rows: RightsTrack's import beside `sqlite-utils insert` + FTS.

    .venv/bin/python -m bench.uhri [--rows 270000]

No UHRI export is public here, so the rows are built from real texts: the UPR Info export's
recommendations (`../shared/data/upr-info/recommendations_train.csv`, 32,837 rows), first as UPR rows
(one row per recommendation and review, its recommending States one "- " item a line, its response as
the UPR position, paragraph numbers "100.k" per review), then again as rows of the treaty bodies and
the special procedures (CCPR, CESCR, CRC, CEDAW, CAT, CERD, CRPD, SP: symbol `CCPR/C/<ISO>/CO/<n>`,
paragraphs numbered per report), until ``--rows`` rows. Themes, affected persons and SDGs are
multi-line cells of labels of the shipped vocabularies (196 combinations of 7 theme, 7 persons and 4
SDG cells; one theme cell in 7 unknown to the vocabulary, kept unmatched);
publication dates are Excel serials. The rows are written as CSV in files under the 50 MB import
limit (`sqlite-utils` reads CSV, not .xlsx).

In one temporary folder: `rightstrack migrate`, then `rightstrack import` of every file in one command
(all or nothing) is timed beside `sqlite-utils insert --csv` of the same files into one table plus
`sqlite-utils enable-fts` on its `Text` column; it prints the rows, the recommendations stored, both
times and their ratio (goal ≤ 2), CPU times and their ratio, and the import's peak memory.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from bench.scale import BIN, EXPORT, timed
from rightstrack.core.states import resolve_state
from rightstrack.ingest.sources.uhri_export.table import EXPORT_HEADERS

HEADERS = EXPORT_HEADERS
TREATY = ("CCPR", "CESCR", "CRC", "CEDAW", "CAT", "CERD", "CRPD", "SP")
PREFIX = {"CESCR": "E/C.12"}
THEMES = (
    "- Acceptance of international norms",
    "- Right to health\n- Violence against women",
    "- Prohibition of torture and cruel, inhuman or degrading treatment\n- Right to an effective remedy",
    "- Right to education\n- Children: definition; general principles; protection",
    "- Freedom of opinion and expression\n- Human rights defenders",
    "- National Human Rights Institution (NHRI)",
    "- A theme this vocabulary lacks",
)
PERSONS = (
    "- Women\n- Girls",
    "- Children",
    "- General",
    "- Persons with disabilities",
    "- Migrants",
    "",
    "- Media",
)
SDGS = (
    "- 5 - GENDER EQUALITY\n- 5.2",
    "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
    "- 4 - QUALITY EDUCATION",
    "",
)
#: Rows per file: about 45 MB of CSV, under the 50 MB import limit.
ROWS_PER_FILE = 80_000
_EPOCH = date(1899, 12, 30).toordinal()


def _serial(year: int) -> int:
    return date(year, 10, 30).toordinal() - _EPOCH


def _upr_reviews() -> list[tuple[str, str, str, str, str, list[str]]]:
    """(State, session, year, text, response, recommending States), one per recommendation and review."""
    grouped: dict[tuple[str, str, str, str], tuple[str, list[str]]] = {}
    with EXPORT.open(encoding="utf-8", newline="") as source:
        for row in csv.DictReader(source):
            key = (
                row["state_under_review"],
                row["session"],
                row["year"],
                " ".join(row["recommendation"].split()),
            )
            _, states = grouped.setdefault(key, (row["response"], []))
            if row["recommending_state"].strip():
                states.append(row["recommending_state"].strip())
    return [(*key, response, states) for key, (response, states) in grouped.items()]


def rows(limit: int) -> Iterator[list[object]]:
    recommendations = [r for r in _upr_reviews() if resolve_state(r[0])]
    numbers: dict[tuple[str, ...], int] = defaultdict(int)
    count = 0
    for copy, mechanism in enumerate(("UPR", *TREATY)):
        for k, (state, session, year, text, response, by) in enumerate(recommendations):
            if count >= limit:
                return
            terms = (THEMES[k % len(THEMES)], PERSONS[k // 7 % len(PERSONS)], SDGS[k // 49 % len(SDGS)])
            if mechanism == "UPR":
                symbol = f"A/HRC/UPR/{session}/{state}"
                numbers[(state, session)] += 1
                number = f"100.{numbers[(state, session)]}"
                upr = [session, "\n".join(f"- {name}" for name in by), response.capitalize()]
            else:
                iso = resolve_state(state)
                symbol = (
                    f"A/HRC/{int(year) - 2000}/{copy}/Add.{k % 3 + 1}"
                    if mechanism == "SP"
                    else f"{PREFIX.get(mechanism, mechanism)}/C/{iso}/CO/{int(year) % 7 + 1}"
                )
                numbers[(symbol,)] += 1
                number = str(numbers[(symbol,)])
                upr = ["", "", ""]
            count += 1
            yield [
                f"{number}. {text}",
                state,
                mechanism,
                symbol,
                *upr,
                *terms,
                _serial(int(year)),
                f"b{count:07d}",
            ]


def write(folder: Path, limit: int) -> list[Path]:
    paths: list[Path] = []
    out = None
    writer = None
    for index, row in enumerate(rows(limit)):
        if index % ROWS_PER_FILE == 0:
            if out is not None:
                out.close()
            paths.append(folder / f"uhri-{len(paths) + 1}.csv")
            out = paths[-1].open("w", encoding="utf-8", newline="")
            writer = csv.writer(out)
            writer.writerow(HEADERS)
        assert writer is not None
        writer.writerow(row)
    if out is not None:
        out.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=270_000)
    args = parser.parse_args()
    if not EXPORT.exists():
        sys.exit(f"{EXPORT} is absent: the rows are built from its real texts")
    folder = Path(tempfile.mkdtemp(prefix="rightstrack-uhri-"))
    env = {**os.environ, "RIGHTSTRACK_DATA_DIR": str(folder), "RIGHTSTRACK_TASKS": "database"}
    env.pop("DATABASE_URL", None)
    try:
        sources = write(folder, args.rows)
        total = sum(
            sum(1 for _ in csv.reader(path.open(encoding="utf-8", newline=""))) - 1 for path in sources
        )
        megabytes = sum(path.stat().st_size for path in sources) / 1e6
        rightstrack = str(BIN / "rightstrack")
        timed([rightstrack, "migrate"], env)
        ours, memory, our_cpu = timed([rightstrack, "import", *map(str, sources)], env)
        database = folder / "sqlite-utils.db"
        reference = reference_cpu = 0.0
        for source in sources:
            seconds, _, cpu = timed(
                [str(BIN / "sqlite-utils"), "insert", str(database), "recs", str(source), "--csv"], env
            )
            reference, reference_cpu = reference + seconds, reference_cpu + cpu
        seconds, _, cpu = timed([str(BIN / "sqlite-utils"), "enable-fts", str(database), "recs", "Text"], env)
        reference, reference_cpu = reference + seconds, reference_cpu + cpu
        with sqlite3.connect(folder / "rightstrack.sqlite3") as connection:
            stored = connection.execute("SELECT COUNT(*) FROM recommendations_recommendation").fetchone()[0]
            reviews = connection.execute("SELECT COUNT(*) FROM recommendations_review").fetchone()[0]
        with sqlite3.connect(database) as connection:
            inserted = connection.execute("SELECT COUNT(*) FROM recs").fetchone()[0]
        print(f"UHRI-shaped rows: {total:,} in {len(sources)} CSV file(s), {megabytes:.0f} MB")
        print(
            f"RightsTrack: {stored:,} recommendations in {reviews:,} reviews; sqlite-utils: {inserted:,} rows"
        )
        print(f"import: RightsTrack {ours:.1f} s, sqlite-utils insert + FTS {reference:.1f} s")
        print(f"  ratio {ours / reference:.2f} (goal ≤ 2)")
        print(
            f"  CPU (user + system): RightsTrack {our_cpu:.1f} s, reference {reference_cpu:.1f} s "
            f"(ratio {our_cpu / reference_cpu:.2f}; on a shared machine the wall times also hold waits "
            "for the CPU and the disk)"
        )
        print(f"peak memory of the import: {memory} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
