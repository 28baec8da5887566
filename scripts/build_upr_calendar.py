"""Derive the UPR review calendar (State, cycle → session, year) from UPR Info's export.

    .venv/bin/python scripts/build_upr_calendar.py ../shared/data/upr-info/recommendations_train.csv

writes ``src/rightstrack/core/data/upr_reviews.csv``: facts derived from the public data set (which
State was reviewed at which session, in which year), not the data set itself.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from rightstrack.core.states import resolve_state

TARGET = Path(__file__).resolve().parents[1] / "src" / "rightstrack" / "core" / "data" / "upr_reviews.csv"


def main(source: Path) -> None:
    seen: Counter[tuple[str, int, int, int]] = Counter()
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = resolve_state(row["state_under_review"])
            if code is None:
                raise SystemExit(f"unknown State {row['state_under_review']!r}")
            seen[(code, int(row["cycle"]), int(row["session"]), int(row["year"]))] += 1
    with TARGET.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["state", "cycle", "session", "year"])
        writer.writerows(sorted(seen))
    print(f"{TARGET}: {len(seen)} reviews from {sum(seen.values())} rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
