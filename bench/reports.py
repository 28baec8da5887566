"""Time to make each report of the Kazakhstan example, above all the MIA PDF (goal: ≤ 5 s).

    .venv/bin/python -m bench.reports [--repeat 3] [--out FOLDER]

Builds a fresh SQLite database in a temporary folder (migrate, UPR Info vocabularies, the five
Kazakhstan documents of examples/, the 2010 and 2014 Working Group reports and the Committee's 2018
follow-up from ../shared/data), then renders a first small report (importing WeasyPrint and starting
Vega-Lite's converter cost about 1.5 s once per process: printed apart), the MIA PDF 1 + ``--repeat``
times, and every other report in every format once. Prints wall and CPU seconds, pages or sizes, the
load average and the time of a fixed Python loop against its time on the idle machine: timings grow with
the load (another job on the two cores doubles them), and the ratio says by how much.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.fresh import DATA, ROOT, configure, migrate_with_vocabularies

GOAL = 5.0
#: Seconds a fixed pure-Python loop took on the project's two-core machine when it was otherwise idle.
IDLE_LOOP = 0.16


def reference_loop() -> float:
    """Time of a fixed CPU-bound loop: compared with ``IDLE_LOOP``, how much the load slows this run."""
    started, total = time.perf_counter(), 0
    for number in range(3_000_000):
        total += number
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="MIA PDF renders after the first (default 3)")
    parser.add_argument("--out", type=Path, help="also write every report into this folder")
    args = parser.parse_args()
    if not (DATA / "wg-reports").exists():
        sys.exit(f"{DATA} is absent: this benchmark needs ../shared/data beside the project")
    configure()
    from pypdf import PdfReader

    from rightstrack.documents.importing import import_files
    from rightstrack.reports.api import KINDS, render

    started = time.perf_counter()
    migrate_with_vocabularies()
    import_files(
        [
            *sorted((ROOT / "examples" / "kazakhstan").glob("*.txt")),
            DATA / "wg-reports" / "texts" / "kazakhstan2010.txt",
            DATA / "wg-reports" / "texts" / "kazakhstan2014.txt",
            DATA / "kazakhstan" / "ccpr_followup_2018.json",
        ]
    )
    print(f"database built in {time.perf_counter() - started:.1f} s")
    before = reference_loop()

    def timed(kind: str, fmt: str) -> tuple[float, float, str]:
        # render() takes its report options as **Any (a date for the action plan)
        options: dict[str, Any] = {"date": datetime.date(2022, 1, 1)} if kind == "actionplan" else {}
        wall, cpu = time.perf_counter(), time.process_time()
        rendered = render(kind, "KAZ", fmt, **options)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        size = f"{len(rendered.content) / 1024:,.0f} KiB"
        if fmt == "pdf":
            size += f", {len(PdfReader(io.BytesIO(rendered.content)).pages)} pages"
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / rendered.filename).write_bytes(rendered.content)
        return wall, cpu, size

    wall, cpu, size = timed("coalition", "pdf")
    print(
        f"first report of the process (coalition pdf, {size}): {wall:.2f} s wall, {cpu:.2f} s CPU — it "
        "imports WeasyPrint and starts Vega's converter, once per process (a web worker pays it once)"
    )
    mia = [timed("mia", "pdf") for _ in range(1 + args.repeat)]
    print(f"{'report':14} {'format':6} {'wall s':>7} {'cpu s':>7}  size")
    for kind, found in KINDS.items():
        for fmt in found.formats:
            wall, cpu, size = mia[0] if (kind, fmt) == ("mia", "pdf") else timed(kind, fmt)
            print(f"{kind:14} {fmt:6} {wall:7.2f} {cpu:7.2f}  {size}")
    load, after = os.getloadavg(), reference_loop()
    slower = (before + after) / 2 / IDLE_LOOP
    print(
        f"reference loop: {before:.2f} s before, {after:.2f} s after, {IDLE_LOOP} s on the idle machine: "
        f"these timings are about {slower:.1f}× the idle ones"
    )
    walls = [wall for wall, _cpu, _size in mia]
    cpus = [cpu for _wall, cpu, _size in mia]
    print(
        f"MIA PDF (129 recommendations, {mia[0][2]}): median {statistics.median(walls):.2f} s wall "
        f"({statistics.median(cpus):.2f} s CPU), best {min(walls):.2f} s, of {len(mia)} (goal ≤ {GOAL:.0f} s)"
    )
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
