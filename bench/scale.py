"""RightsTrack beside sqlite-utils and Datasette on the same data, at 41k and at 270k recommendations.

    .venv/bin/python -m bench.scale [--scale 41k|270k|both] [--seconds 60] [--only import]

For each scale, in a temporary folder:
1. import: `rightstrack import` of the UPR Info export vs `sqlite-utils insert --csv` + `enable-fts`
   of the same CSV (the reference), both timed in this run; peak memory of the import (ru_maxrss);
2. machine help for the real rows (embeddings, label suggestions), timed;
3. keyword search: the same 50 queries against RightsTrack's `/recommendations.json?q=` (gunicorn, 2
   workers) and Datasette's full-text search of the sqlite-utils database (`?_search=`), both served
   on 127.0.0.1: p50/p95 each and the ratio;
4. semantic and hybrid search: 50 queries (10 of them in Russian, French or Spanish), p50/p95;
5. the country dashboard under load: `wrk` (2 threads, 8 connections) for ``--seconds`` (60 by
   default) against `/states/KAZ` on loopback: requests/s, p50/p95 (`wrk_percentiles.lua`), errors;
   peak memory of a web worker.
270k recommendations (the UHRI scale) are made by a script from the real rows: the export and 7
copies of it, copy k giving every review to the k-th next State (UPR cycles stop at 4, so a copy
cannot be a later cycle); each copy is a file of its own under the 50 MB import limit.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import secrets
import shutil
import signal
import socket
import sqlite3
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


def make_csvs(folder: Path, copies: int) -> list[Path]:
    """The export, and ``copies - 1`` more of it, each file under the 50 MB import limit.

    UPR cycles run 1–4, so a copy cannot be a later cycle of the same State: copy k gives every
    review to the k-th next State of the export (alphabetical, wrapping round), with that State's own
    session and year for the cycle when it has one; ids get a suffix, texts are kept.
    """
    if copies == 1:
        return [EXPORT]
    with EXPORT.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    states = sorted({row["state_under_review"] for row in rows})
    position = {state: k for k, state in enumerate(states)}
    own = {(row["state_under_review"], row["cycle"]): (row["session"], row["year"]) for row in rows}
    paths = [EXPORT]
    for copy in range(1, copies):
        target = folder / f"recommendations-copy{copy}.csv"
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            for row in rows:
                state = states[(position[row["state_under_review"]] + copy) % len(states)]
                session, year = own.get((state, row["cycle"]), (row["session"], row["year"]))
                writer.writerow(
                    {
                        **row,
                        "id": f"{row['id']}-{copy}",
                        "state_under_review": state,
                        "session": session,
                        "year": year,
                    }
                )
        paths.append(target)
    return paths


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


def import_all(sources: list[Path], env: dict[str, str]) -> tuple[float, int, float]:
    """RightsTrack imports the files in one command (all or nothing, as a user imports a bundle);
    machine help is queued for the worker, as it is for a user."""
    return timed(
        [str(BIN / "rightstrack"), "import", *map(str, sources)], {**env, "RIGHTSTRACK_TASKS": "database"}
    )


def reference_import(sources: list[Path], database: Path, env: dict[str, str]) -> tuple[float, float]:
    """sqlite-utils: every file inserted into one table, then its full-text index built."""
    total = cpu = 0.0
    for source in sources:
        seconds, _, used = timed(
            [str(BIN / "sqlite-utils"), "insert", str(database), "recs", str(source), "--csv"], env
        )
        total, cpu = total + seconds, cpu + used
    seconds, _, used = timed(
        [str(BIN / "sqlite-utils"), "enable-fts", str(database), "recs", "recommendation"], env
    )
    return total + seconds, cpu + used


#: Run in a child process with the bench's settings: machine help for the real rows only (the copies
#: of the 270k scale share their texts), timed without Django's start-up.
_ANALYSE = """
import json, time
import django
django.setup()
from rightstrack.assist.pipeline import analyse
from rightstrack.recommendations.models import RecommendationRef
originals = RecommendationRef.objects.filter(scheme="upr-info-db").exclude(value__regex=r"-[0-9]+-[0-9]+$")
ids = list(originals.values_list("recommendation_id", flat=True))
started = time.perf_counter()
report = analyse(ids, relink="none")
print(json.dumps([report.embedded, report.classified, time.perf_counter() - started]))
"""


def machine_help(folder: Path, env: dict[str, str], copies: int) -> None:
    """Embeddings for semantic search: the real rows analysed (timed); at 270k the copies' vectors are
    the originals' (same texts), copied by SQL instead of recomputed."""
    out = subprocess.run(
        [str(BIN / "python"), "-c", _ANALYSE],
        env={**env, "DJANGO_SETTINGS_MODULE": "rightstrack.config.settings"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    embedded, classified, work = json.loads(out.strip().splitlines()[-1])
    print(
        f"machine help (embed + classify): {embedded:,} embedded and {classified:,} classified in "
        f"{work:.0f} s ({embedded / work:.0f} records/s, encoder start-up included)"
    )
    if copies == 1:
        return
    started = time.perf_counter()
    with sqlite3.connect(folder / "rightstrack.sqlite3") as connection:
        connection.execute(
            """
            INSERT INTO assist_analysis
                (recommendation_id, text_sha256, classifier, embedder, vector, updated_at)
            SELECT copy.id, original.text_sha256, original.classifier, original.embedder,
                   original.vector, original.updated_at
            FROM recommendations_recommendation AS copy
            JOIN recommendations_recommendation AS source ON source.text = copy.text
            JOIN assist_analysis AS original ON original.recommendation_id = source.id
            WHERE copy.id NOT IN (SELECT recommendation_id FROM assist_analysis)
            GROUP BY copy.id
            """
        )
        stored = connection.execute("SELECT COUNT(*) FROM assist_analysis").fetchone()[0]
    print(f"  the copies' vectors copied by SQL: {stored:,} stored ({time.perf_counter() - started:.0f} s)")


SEMANTIC_QUERIES = [
    *QUERIES[:40],
    "смертная казнь",
    "пытки в местах лишения свободы",
    "права женщин",
    "tortura y malos tratos",
    "droits des personnes handicapées",
    "abolir la peine de mort",
    "violencia doméstica",
    "свобода выражения мнений",
    "trata de personas",
    "éducation des filles",
]


def run(scale: str, seconds: int, only_import: bool = False) -> None:
    copies = 1 if scale == "41k" else 8
    folder = Path(tempfile.mkdtemp(prefix=f"rightstrack-scale-{scale}-"))
    env = {**os.environ, "RIGHTSTRACK_DATA_DIR": str(folder), "RIGHTSTRACK_TASKS": "immediate"}
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # gunicorn refuses the development key
    env.pop("DATABASE_URL", None)
    sources = make_csvs(folder, copies)
    rightstrack = str(BIN / "rightstrack")
    subprocess.run([rightstrack, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    for taxonomy in sorted(TAXONOMIES.glob("upr_info_issues_*.txt")):
        subprocess.run(
            [rightstrack, "vocab", "import", str(taxonomy)], env=env, check=True, stdout=subprocess.DEVNULL
        )
    # The import as a user runs it: machine help (embeddings, suggestions, links) is queued for the
    # worker, not run inside the command as RIGHTSTRACK_TASKS=immediate would.
    ours, our_memory, our_cpu = import_all(sources, env)
    reference_db = folder / "sqlite-utils.db"
    reference, reference_cpu = reference_import(sources, reference_db, env)
    with sqlite3.connect(folder / "rightstrack.sqlite3") as connection:
        stored = connection.execute("SELECT COUNT(*) FROM recommendations_recommendation").fetchone()[0]
    rows = sum(sum(1 for _ in source.open(encoding="utf-8")) - 1 for source in sources)
    print(f"\n== {scale}: {rows:,} rows in {len(sources)} file(s); {stored:,} recommendations stored")
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
    machine_help(folder, env, copies)
    serve(folder, env, reference_db, seconds, scale)


def serve(folder: Path, env: dict[str, str], reference_db: Path, seconds: int, scale: str) -> None:
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
    keyword_goal = "20" if scale == "41k" else "50"
    semantic_goal = "30" if scale == "41k" else "80"
    try:
        base = f"http://127.0.0.1:{web_port}"
        wait_for(f"{base}/states/KAZ")
        wait_for(f"http://127.0.0.1:{datasette_port}/")
        ours_urls = [f"{base}/recommendations.json?q={urllib.parse.quote(q)}" for q in QUERIES]
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
            f" (goals: ≤ Datasette, ≤ {keyword_goal} ms)"
        )
        for mode in ("semantic", "hybrid"):
            urls = [
                f"{base}/recommendations.json?q={urllib.parse.quote(q)}&mode={mode}" for q in SEMANTIC_QUERIES
            ]
            for _ in range(2):  # each worker loads the encoder and the vectors once
                latencies(urls[:4])
            times = latencies(urls)
            print(
                f"{mode} search, 50 queries (10 in Russian, French, Spanish): "
                f"p50 {statistics.median(times):.1f} ms p95 {p(times, 0.95):.1f} ms"
                + (
                    f" (goal ≤ {semantic_goal} ms; keyword p95 of Datasette {theirs_p95:.1f} ms)"
                    if mode == "semantic"
                    else ""
                )
            )
        load_test(f"{base}/states/KAZ", seconds)
        children = subprocess.run(
            ["pgrep", "-P", str(web.pid)], capture_output=True, text=True
        ).stdout.split()
        rss = [
            int(line.split()[1]) // 1024
            for pid in children
            for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("VmHWM:")
        ]
        print(
            f"peak memory of a web worker: {max(rss) if rss else '?'} MB ({len(children)} workers; "
            "the multilingual encoder and every vector are in each)"
        )
    finally:
        for process in (web, datasette):
            process.send_signal(signal.SIGTERM)
            process.wait(30)
        shutil.rmtree(folder, ignore_errors=True)


def load_test(url: str, seconds: int) -> None:
    """The country dashboard under `wrk` (2 threads, 8 connections) on loopback: req/s, p95, errors."""
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk): no load figure")
        return
    script = Path(__file__).with_name("wrk_percentiles.lua")
    result = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = {line.split()[0]: line for line in result.splitlines() if line.strip()}
    figures = {line.split()[1]: line.split()[2] for line in result.splitlines() if line.startswith("RT ")}
    rate = lines.get("Requests/sec:", "Requests/sec: ?").split()[-1]
    non_2xx = lines.get("Non-2xx", "").strip()
    print(
        f"country dashboard under wrk for {seconds} s: {rate} req/s, p50 {figures.get('p50_ms')} ms, "
        f"p95 {figures.get('p95_ms')} ms (goals ≥ 200 req/s, p95 ≤ 150 ms)"
    )
    print(
        f"  {figures.get('requests')} requests, errors: {figures.get('errors')}"
        + (f"; {non_2xx}" if non_2xx else "; no non-2xx answer")
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", choices=["41k", "270k", "both"], default="both")
    parser.add_argument("--seconds", type=int, default=60, help="length of the load test")
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
