"""Response times of the public pages with the 32k-row UPR Info export loaded.

    .venv/bin/python -m bench.web_pages [--requests 60]

Builds a fresh SQLite database in a temporary folder (migrate, UPR Info vocabularies, the UPR Info
export from ../shared/data, the Kazakhstan example), then requests each page through Django's test
client (the whole stack of middleware, views and templates, without a network hop) and prints p50 /
p95 per page. Times vary with the machine's load: read them beside the load shown at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from bench.fresh import DATA, ROOT, configure, migrate_with_vocabularies

PAGES = [
    ("country dashboard", "/states/KAZ"),
    ("country dashboard, filtered", "/states/KAZ?cycle=1&term=Death+penalty"),
    ("dashboard of a large State (USA)", "/states/USA"),
    ("filtered list", "/recommendations?state=KAZ&level=not+implemented"),
    ("list, keyword search", "/recommendations?q=death+penalty&sort=-year"),
    ("list, issue across all States", "/recommendations?term=Women%27s+rights&page=3"),
    ("review page (129)", "/states/KAZ/UPR/1"),
    ("recommendation page", "/recommendations/{first}"),
    ("filtered list as JSON", "/recommendations.json?state=KAZ&cycle=1"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=60, help="requests per page (default 60)")
    args = parser.parse_args()
    export = DATA / "upr-info" / "recommendations_train.csv"
    if not export.exists():
        sys.exit(f"{export} is absent: this benchmark needs ../shared/data beside the project")
    configure()
    from django.test import Client

    from rightstrack.documents.importing import import_files
    from rightstrack.recommendations.models import Recommendation

    started = time.perf_counter()
    migrate_with_vocabularies()
    import_files([export, ROOT / "examples" / "kazakhstan" / "upr-info-mia-2012.txt"])
    built = time.perf_counter() - started
    print(f"database: {Recommendation.objects.count():,} recommendations, built in {built:.1f} s")
    first = Recommendation.objects.filter(review__state_id="KAZ").order_by("sort_key").first()
    from rightstrack.config.gc_tuning import tune_gc

    tuned = tune_gc()  # as the WSGI application and `rightstrack serve` do
    print(f"garbage-collector tuning: {'on' if tuned else 'off (RIGHTSTRACK_GC_TUNING=0)'}")
    client = Client()
    print(f"{'page':36} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    worst = 0.0
    for name, url in PAGES:
        url = url.format(first=first.pk if first else 1)
        assert client.get(url).status_code == 200, url  # warm-up, and a check
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        p95 = percentile(times, 0.95)
        worst = max(worst, p95)
        print(f"{name:36} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f}")
    load = os.getloadavg()
    print(
        f"worst p95: {worst:.1f} ms (goal ≤ 150 ms); "
        f"load average {load[0]:.2f} {load[1]:.2f} on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
