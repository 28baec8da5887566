"""Speed of the analysis core: classification, embedding, semantic queries.

Run from the project root: ``.venv/bin/python -m bench.analysis [--vectors 41000] [--queries 200]``.
It prints the time to classify every row of UPR Info's export (32,837) with the shipped model, the
embedding throughput of the default embedder (USE multilingual when installed) on 2,000 of those
rows, and the p50/p95 of a semantic query (embed the query, brute-force top 10) over ``--vectors``
unit vectors (the 2,000 embedded rows plus random filler: a query's cost depends on the matrix
size only), with the machine's load average (timings triple when another job shares the 2 cores).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rightstrack.analysis.data import find_data_dir, load_upr_info
from rightstrack.analysis.embed import default_embedder
from rightstrack.analysis.eval_tasks import measure_speed
from rightstrack.analysis.evaluation import format_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=None, help="the shared data folder (default: ../shared/data)"
    )
    parser.add_argument("--vectors", type=int, default=41_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    data_dir = args.data or find_data_dir()
    if data_dir is None:
        print("../shared/data is absent: this benchmark reads UPR Info's export there", file=sys.stderr)
        return 1
    texts = [row.text for row in load_upr_info(data_dir)]
    embedder = default_embedder()
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}; embedder: {embedder.name}")
    print(format_report(measure_speed(texts, embedder, args.vectors, args.queries)))
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
