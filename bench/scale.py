"""RightsTrack beside sqlite-utils and Datasette on the same data, at 41k and at 270k recommendations.

    .venv/bin/python -m bench.scale [--scale 41k|270k|both] [--seconds 20] [--only import]

For each scale, in a temporary folder:
1. import: `rightstrack import` of the UPR Info export vs `sqlite-utils insert --csv` + `enable-fts`
   of the same CSV (the reference), both timed in this run; peak memory of the import (ru_maxrss);
2. keyword search: the same 50 queries against RightsTrack's `/recommendations.json?q=` (gunicorn) and
   Datasette's full-text search of the sqlite-utils database (`?_search=`), both served on 127.0.0.1:
   p50/p95 each and the ratio;
3. the country dashboard under load: `wrk` (2 threads, 8 connections) for ``--seconds`` against
   `/states/KAZ` on loopback: requests/s, p95 latency (wrk's percentiles), errors; peak memory of a
   web worker.
270k recommendations (the UHRI scale) are made by a script from the real rows: the 32,837 rows
repeated 8 times as 8 copies of every review (cycles shifted), texts kept.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXPORT = ROOT.parent / "shared" / "data" / "upr-info" / "recommendations_train.csv"
TAXONOMIES = ROOT.parent / "shared" / "data" / "taxonomies"
BIN = Path(sys.executable).parent
QUERIES = [
    "death penalty",
    "torture",
    "women",
    "child labour",
    "freedom of expression",
    "journalists",
    "human rights defenders",
    "trafficking",
    "disabilities",
    "ratify",
    "optional protocol",
    "education",
    "health",
    "minorities",
    "refugees",
    "migrant workers",
    "domestic violence",
    "NHRI",
    "Paris Principles",
    "prison conditions",
    "judiciary independence",
    "corruption",
    "poverty",
    "water",
    "housing",
    "indigenous",
    "racial discrimination",
    "religion",
    "assembly",
    "association",
    "internet",
    "elections",
    "impunity",
    "police",
    "juvenile justice",
    "birth registration",
    "corporal punishment",
    "gender equality",
    "sexual orientation",
    "statelessness",
    "climate",
    "business",
    "privacy",
    "counter-terrorism",
    "enforced disappearances",
    "extrajudicial",
    "ombudsman",
    "national action plan",
    "treaty bodies",
    "special procedures",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


def make_csv(folder: Path, copies: int) -> Path:
    """The export, repeated: copy k shifts every cycle by 10·k so each copy is a review of its own."""
    if copies == 1:
        return EXPORT
    target = folder / f"recommendations-x{copies}.csv"
    with (
        EXPORT.open(encoding="utf-8", newline="") as source,
        target.open("w", encoding="utf-8", newline="") as out,
    ):
        rows = list(csv.DictReader(source))
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        for copy in range(copies):
            for row in rows:
                writer.writerow(
                    {**row, "id": f"{row['id']}-{copy}", "cycle": str(int(row["cycle"]) + 10 * copy)}
                )
    return target


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds, peak memory (MB) and CPU seconds (user + system) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, max(after.ru_maxrss, before.ru_maxrss) // 1024, cpu


def latencies(urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as answer:
            answer.read()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(scale: str, seconds: int, only_import: bool = False) -> None:
    copies = 1 if scale == "41k" else 8
    folder = Path(tempfile.mkdtemp(prefix=f"rightstrack-scale-{scale}-"))
    env = {**os.environ, "RIGHTSTRACK_DATA_DIR": str(folder), "RIGHTSTRACK_TASKS": "immediate"}
    env.pop("DATABASE_URL", None)
    source = make_csv(folder, copies)
    rightstrack = str(BIN / "rightstrack")
    subprocess.run([rightstrack, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    for taxonomy in sorted(TAXONOMIES.glob("upr_info_issues_*.txt")):
        subprocess.run(
            [rightstrack, "vocab", "import", str(taxonomy)], env=env, check=True, stdout=subprocess.DEVNULL
        )
    # The import as a user runs it: machine help (embeddings, suggestions, links) is queued for the
    # worker, not run inside the command as RIGHTSTRACK_TASKS=immediate would.
    ours, our_memory, our_cpu = timed(
        [rightstrack, "import", str(source)], {**env, "RIGHTSTRACK_TASKS": "database"}
    )
    reference_db = folder / "sqlite-utils.db"
    insert, _, insert_cpu = timed(
        [str(BIN / "sqlite-utils"), "insert", str(reference_db), "recs", str(source), "--csv"], env
    )
    fts, _, fts_cpu = timed(
        [str(BIN / "sqlite-utils"), "enable-fts", str(reference_db), "recs", "recommendation"], env
    )
    reference, reference_cpu = insert + fts, insert_cpu + fts_cpu
    rows = sum(1 for _ in source.open(encoding="utf-8")) - 1
    print(f"\n== {scale}: {rows:,} rows")
    ratio = ours / reference
    print(f"import: RightsTrack {ours:.1f} s, sqlite-utils insert + FTS {reference:.1f} s")
    print(f"  ratio {ratio:.2f} (goal ≤ 2)")
    print(
        f"  CPU time (user + system): RightsTrack {our_cpu:.1f} s, reference {reference_cpu:.1f} s, "
        f"ratio {our_cpu / reference_cpu:.2f}"
    )
    print(f"peak memory of the import: {our_memory} MB")
    if only_import:
        shutil.rmtree(folder, ignore_errors=True)
        return

    web_port, datasette_port = free_port(), free_port()
    web = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "rightstrack.config.wsgi:application",
            "-b",
            f"127.0.0.1:{web_port}",
            "-w",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    datasette = subprocess.Popen(
        [
            str(BIN / "datasette"),
            "serve",
            str(reference_db),
            "-p",
            str(datasette_port),
            "--setting",
            "num_sql_threads",
            "4",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{web_port}/states/KAZ")
        wait_for(f"http://127.0.0.1:{datasette_port}/")
        ours_urls = [
            f"http://127.0.0.1:{web_port}/recommendations.json?q={urllib.parse.quote(q)}" for q in QUERIES
        ]
        db = reference_db.stem
        theirs_urls = [
            f"http://127.0.0.1:{datasette_port}/{db}/recs.json?_search={urllib.parse.quote(q)}"
            for q in QUERIES
        ]
        latencies(ours_urls[:5] + theirs_urls[:5])  # warm-up
        mine, theirs = latencies(ours_urls), latencies(theirs_urls)
        ours_p95, theirs_p95 = p(mine, 0.95), p(theirs, 0.95)
        ours_p50, theirs_p50 = statistics.median(mine), statistics.median(theirs)
        print(f"keyword search, 50 queries: RightsTrack p50 {ours_p50:.1f} ms p95 {ours_p95:.1f} ms;")
        print(
            f"  Datasette p50 {theirs_p50:.1f} ms p95 {theirs_p95:.1f} ms → ratio {ours_p95 / theirs_p95:.2f}"
        )
        if shutil.which("wrk"):
            result = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    "-c8",
                    f"-d{seconds}s",
                    "--latency",
                    f"http://127.0.0.1:{web_port}/states/KAZ",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            lines = {line.split()[0]: line for line in result.splitlines() if line.strip()}
            rate = lines.get("Requests/sec:", "Requests/sec: ?").split()[-1]
            p99 = lines.get("99%", "99% ?").split()[-1]
            p90 = lines.get("90%", "90% ?").split()[-1]
            errors = (
                "none"
                if "Non-2xx" not in result and "Socket errors" not in result
                else result.split("Socket errors")[-1][:80]
            )
            print(f"country dashboard under wrk for {seconds} s: {rate} req/s, p90 {p90}, p99 {p99}")
            print(f"  errors: {errors}")
        else:
            print("wrk is not installed (apt-get install wrk): no load figure")
        children = subprocess.run(
            ["pgrep", "-P", str(web.pid)], capture_output=True, text=True
        ).stdout.split()
        rss = [
            int(line.split()[1]) // 1024
            for pid in children
            for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("VmHWM:")
        ]
        print(f"peak memory of a web worker: {max(rss) if rss else '?'} MB ({len(children)} workers)")
    finally:
        for process in (web, datasette):
            process.send_signal(signal.SIGTERM)
            process.wait(30)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", choices=["41k", "270k", "both"], default="both")
    parser.add_argument("--seconds", type=int, default=20, help="length of the load test")
    parser.add_argument(
        "--only", choices=["import"], help="measure only this part (the import beside sqlite-utils)"
    )
    args = parser.parse_args()
    if not EXPORT.exists():
        sys.exit(f"{EXPORT} is absent: this benchmark needs ../shared/data beside the project")
    for scale in ["41k", "270k"] if args.scale == "both" else [args.scale]:
        run(scale, args.seconds, only_import=args.only == "import")
    load = os.getloadavg()
    print(f"\nload average {load[0]:.2f} {load[1]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
