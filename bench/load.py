"""A busy site: 60 s of mixed anonymous traffic against gunicorn as DEPLOY.md runs it, loopback only.

    .venv/bin/python -m bench.load [--seconds 60] [--visitors 8] [--report-clients 6]

Builds a fresh SQLite database in a temporary folder (migrate, UPR Info vocabularies, the five
Kazakhstan documents of examples/, the 2010 and 2014 Working Group reports and the Committee's 2018
follow-up from ../shared/data, then machine help for Kazakhstan so that searches by meaning have
vectors), starts ``gunicorn rightstrack.config.wsgi:application --workers 3 --threads 2 --timeout 60``
on 127.0.0.1 and ``rightstrack worker`` at nice 19 (it renders the reports) with the production
settings of DEPLOY.md (a secret key, one trusted proxy, secure
cookies, HSTS, SSL redirect), and plays nginx: every request carries ``X-Forwarded-Proto: https`` and
``X-Forwarded-For`` with the simulated client's own address.

Two kinds of clients run together for ``--seconds``, after a short warm-up (each page once, as the
first visitors of a restarted site would):

* visitors (``--visitors``, each its own address) read the public pages with 0.1–0.5 s between
  requests: filtered lists, keyword searches, searches by meaning (semantic, hybrid), recommendation
  pages, the country dashboard and review pages;
* report clients (``--report-clients``, each its own address) download reports of every kind, format
  and both languages (30 distinct files, none cached at the start) one after the other, every
  2–3 s: the site's throttle allows 30 a minute to an address. A "being prepared" answer (503 with
  ``Retry-After``, while the worker renders it) is honoured: the client waits and asks again, and
  the report's latency runs to the file.

Prints requests, errors (any answer but 200, a report's 503 with Retry-After or a 429 throttle, and
any failed connection), p50/p95/max of the HTML pages while reports are being asked for (goal: 0
errors, p95 ≤ 150 ms), the same for searches by meaning, report latencies, the load average and a
fixed CPU loop's time against the idle machine's (bench/reports.py). Timings grow with the machine's
load (other jobs on the two cores): read them beside it, and beside a run with ``--report-clients 0``.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.fresh import DATA, ROOT, configure, migrate_with_vocabularies
from bench.reports import IDLE_LOOP, reference_loop

BIN = Path(sys.executable).parent
GOAL_P95_MS = 150.0
LANGUAGES = ("en", "ru")
REPORTS = [
    ("mia", ("pdf", "docx", "html")),
    ("factsheet", ("pdf", "docx", "html")),
    ("coalition", ("pptx", "pdf")),
    ("treatybody", ("pdf", "docx", "html")),
    ("state", ("xlsx", "json")),
]
LISTS = [
    "/recommendations?state=KAZ",
    "/recommendations?state=KAZ&cycle=1&response=accepted",
    "/recommendations?state=KAZ&level=not+implemented",
    "/recommendations?state=KAZ&sort=-year&page=2",
    "/recommendations.json?state=KAZ&cycle=2",
]
KEYWORDS = ["torture", "women", "death penalty", "freedom of expression", "children", "ombudsman"]
MEANINGS = ["violence against women", "пытки", "independent judges", "liberté de la presse"]
DASHBOARDS = ["/states/KAZ", "/states/KAZ?cycle=2", "/states/KAZ/UPR/1", "/states/KAZ/UPR/2", "/"]


@dataclass
class Tally:
    """What the clients saw, by category; shared by the threads under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    times: dict[str, list[float]] = field(default_factory=dict)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    prepared: int = 0  # 503 "being prepared" answers to report requests
    throttled: int = 0  # 429 answers

    def record(self, category: str, ms: float) -> None:
        with self.lock:
            self.times.setdefault(category, []).append(ms)

    def status(self, code: int) -> None:
        with self.lock:
            self.statuses[code] = self.statuses.get(code, 0) + 1

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


class Browser:
    """One simulated client behind our nginx: its own address, one kept-alive connection."""

    def __init__(self, port: int, address: str) -> None:
        self.port, self.address = port, address
        self.connection: http.client.HTTPConnection | None = None

    def get(self, path: str) -> tuple[int, dict[str, str], float]:
        """Status, headers and milliseconds of one GET (the body read to the end)."""
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            started = time.perf_counter()
            try:
                self.connection.request(
                    "GET",
                    path,
                    headers={
                        "Host": "127.0.0.1",
                        "X-Forwarded-For": self.address,
                        "X-Forwarded-Proto": "https",
                        "Accept-Language": "en",
                    },
                )
                response = self.connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                self.connection.close()
                self.connection = None
                closed = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
                if attempt == 2 or not isinstance(error, closed):
                    raise OSError(f"{type(error).__name__}: {error}") from error
                continue  # a kept-alive connection the server closed: a browser opens another
            elapsed = (time.perf_counter() - started) * 1000
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, {k.lower(): v for k, v in response.getheaders()}, elapsed
        raise AssertionError("unreachable")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build() -> list[int]:
    """The database of the example; the ids of Kazakhstan's recommendations."""
    os.environ["RIGHTSTRACK_MACHINE_HELP"] = "false"  # run below at once, not queued for the worker
    configure()
    from django.db import connections

    from rightstrack.assist.pipeline import analyse
    from rightstrack.documents.importing import import_files
    from rightstrack.recommendations.models import Recommendation

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
    analyse(states=["KAZ"], relink="scope")
    ids = list(Recommendation.objects.filter(review__state_id="KAZ").values_list("id", flat=True))
    print(
        f"database: {len(ids)} recommendations of Kazakhstan, built in {time.perf_counter() - started:.1f} s"
    )
    connections.close_all()
    return ids


def start_gunicorn(port: int, folder: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "RIGHTSTRACK_BEHIND_PROXY": "true",
        "RIGHTSTRACK_PROXY_COUNT": "1",
        "RIGHTSTRACK_SECURE_COOKIES": "true",
        "RIGHTSTRACK_HSTS_SECONDS": "31536000",
        "RIGHTSTRACK_LOG_FILE": str(folder / "errors.log"),
    }
    command = [
        str(BIN / "gunicorn"),
        "rightstrack.config.wsgi:application",
        *("--bind", f"127.0.0.1:{port}", "--workers", "3", "--threads", "2", "--timeout", "60"),
        *("--access-logfile", str(folder / "access.log"), "--error-logfile", str(folder / "gunicorn.log")),
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT)


def start_worker(folder: Path) -> subprocess.Popen[bytes]:
    """`rightstrack worker` at the lowest CPU priority, as DEPLOY.md's unit runs it (Nice=19)."""
    command = ["nice", "-n", "19", str(BIN / "rightstrack"), "worker"]
    log = (folder / "worker.log").open("wb")
    return subprocess.Popen(command, env=os.environ.copy(), cwd=ROOT, stdout=log, stderr=log)


def wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    browser = Browser(port, "10.0.0.1")
    for _ in range(240):
        if server.poll() is not None:
            sys.exit("gunicorn stopped: see its log")
        try:
            status, _headers, _ms = browser.get("/healthz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("gunicorn did not answer /healthz within 2 minutes")


def page_urls(ids: list[int]) -> list[tuple[str, str]]:
    """(category, url) of the visitors' pages."""
    urls = [("list", url) for url in LISTS]
    urls += [("keyword search", f"/recommendations?q={word.replace(' ', '+')}") for word in KEYWORDS]
    urls += [("dashboard", url) for url in DASHBOARDS]
    urls += [("recommendation", f"/recommendations/{pk}") for pk in random.Random(1).sample(ids, 20)]
    return urls


def semantic_urls() -> list[str]:
    from urllib.parse import quote_plus

    return [
        f"/recommendations?mode={mode}&q={quote_plus(q)}" for q in MEANINGS for mode in ("semantic", "hybrid")
    ]


def report_urls() -> list[str]:
    return [
        f"/states/KAZ/reports/{kind}.{fmt}?language={language}"
        for kind, formats in REPORTS
        for fmt in formats
        for language in LANGUAGES
    ]


def visitor(
    port: int, number: int, urls: list[tuple[str, str]], meanings: list[str], tally: Tally, stop: float
) -> None:
    browser, rng = Browser(port, f"10.1.0.{number}"), random.Random(number)
    while time.monotonic() < stop:
        if rng.random() < 0.1:
            category, url = "search by meaning", rng.choice(meanings)
        else:
            category, url = rng.choice(urls)
        try:
            status, _headers, ms = browser.get(url)
        except OSError as error:
            tally.error(f"{url}: {error}")
            continue
        tally.status(status)
        if status == 200:
            tally.record(category, ms)
        elif status == 429:
            with tally.lock:
                tally.throttled += 1
        else:
            tally.error(f"{url}: HTTP {status}")
        time.sleep(rng.uniform(0.1, 0.5))


def report_client(port: int, number: int, urls: list[str], tally: Tally, stop: float) -> None:
    browser, rng = Browser(port, f"10.2.0.{number}"), random.Random(100 + number)
    order = urls[number % len(urls) :] + urls[: number % len(urls)]
    index = 0
    while time.monotonic() < stop:
        url = order[index % len(order)]
        index += 1
        started = time.perf_counter()
        while time.monotonic() < stop:
            try:
                status, headers, _ms = browser.get(url)
            except OSError as error:
                tally.error(f"{url}: {error}")
                break
            tally.status(status)
            if status == 503 and "retry-after" in headers:
                with tally.lock:
                    tally.prepared += 1
                time.sleep(min(5.0, float(headers["retry-after"])))
                continue
            if status == 200:
                tally.record("report", (time.perf_counter() - started) * 1000)
            elif status == 429:
                with tally.lock:
                    tally.throttled += 1
            else:
                tally.error(f"{url}: HTTP {status}")
            break
        time.sleep(rng.uniform(2.0, 3.0))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:22} {0:>7}"
    return (
        f"{name:22} {len(values):7} {statistics.median(values):9.1f} {percentile(values, 0.95):9.1f} "
        f"{max(values):9.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=60, help="length of the measured run (default 60)")
    parser.add_argument("--visitors", type=int, default=8, help="clients reading pages (default 8)")
    parser.add_argument(
        "--report-clients", type=int, default=6, help="clients downloading reports (default 6)"
    )
    args = parser.parse_args()
    if not (DATA / "wg-reports").exists():
        sys.exit(f"{DATA} is absent: this benchmark needs ../shared/data beside the project")
    if not 1 <= args.seconds <= 600:
        sys.exit("--seconds: between 1 and 600")
    ids = build()
    folder = Path(os.environ["RIGHTSTRACK_DATA_DIR"])
    port = free_port()
    server = start_gunicorn(port, folder)
    worker = start_worker(folder)
    try:
        wait_until_up(port, server)
        urls, meanings, reports = page_urls(ids), semantic_urls(), report_urls()
        warm = Browser(port, "10.0.0.2")
        for _category, url in urls:
            warm.get(url)
        for url in meanings[:3]:  # each process loads the vectors on its first search by meaning
            warm.get(url)
        tally = Tally()
        stop = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=visitor, args=(port, n, urls, meanings, tally, stop))
            for n in range(1, args.visitors + 1)
        ] + [
            threading.Thread(target=report_client, args=(port, n, reports, tally, stop))
            for n in range(1, args.report_clients + 1)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=60)
    pages = [
        ms
        for key in ("list", "keyword search", "dashboard", "recommendation")
        for ms in tally.times.get(key, [])
    ]
    total = sum(tally.statuses.values()) + len([e for e in tally.errors if "HTTP" not in e])
    print(
        f"{elapsed:.0f} s, {args.visitors} visitors and {args.report_clients} report clients "
        f"(gunicorn: 3 workers × 2 threads)"
    )
    print(f"requests: {total} ({total / elapsed:.1f}/s); answers: {dict(sorted(tally.statuses.items()))}")
    print(
        f"errors: {len(tally.errors)}; throttled (429): {tally.throttled}; "
        f"reports 'being prepared' (503 + Retry-After, then retried): {tally.prepared}"
    )
    for text in tally.errors[:10]:
        print(f"  {text}")
    print(f"{'':22} {'count':>7} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
    print(line("HTML pages (all)", pages))
    for key in ("list", "keyword search", "dashboard", "recommendation", "search by meaning", "report"):
        print(line(f"  {key}", tally.times.get(key, [])))
    p95 = percentile(pages, 0.95) if pages else float("nan")
    verdict = "met" if not tally.errors and p95 <= GOAL_P95_MS else "NOT met"
    print(f"goal (0 errors, p95 of HTML pages ≤ {GOAL_P95_MS:.0f} ms while reports are asked for): {verdict}")
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    tasks = DBTaskResult.objects.values_list("status").annotate(n=Count("id"))
    print(f"report renders queued for the worker, by status: {dict(tasks)}")
    logged = (
        (folder / "errors.log").read_text(encoding="utf-8").count(" ERROR ")
        if (folder / "errors.log").exists()
        else 0
    )
    print(f"errors logged by the site: {logged}")
    load, loop = os.getloadavg(), reference_loop()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    print(
        f"reference loop: {loop:.2f} s now, {IDLE_LOOP} s on the idle machine "
        f"(CPU-bound work runs about {loop / IDLE_LOOP:.1f}× slower than idle)"
    )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
