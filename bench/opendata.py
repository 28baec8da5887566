"""The open-data downloads at scale: a fresh database with UPR Info's export of ../shared/data (32,837
recommendations), then each streamed download read to its end through Django's test client, printing
its size, the time taken and the peak Python memory traced meanwhile (``tracemalloc``, a second pass).

    .venv/bin/python -m bench.opendata
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Iterator
from typing import TYPE_CHECKING

from bench.fresh import DATA, configure, migrate_with_vocabularies

if TYPE_CHECKING:
    from django.http import HttpResponseBase

ADDRESSES = (
    "/open-data/rightstrack-open-data.zip",
    "/open-data/recommendations.csv",
    "/recommendations/download.csv",
    "/recommendations/download.json",
)


def main() -> None:
    source = DATA / "upr-info" / "recommendations_train.csv"
    if not source.exists():
        sys.exit(f"{source} is absent: this benchmark reads the shared data set")
    configure()
    migrate_with_vocabularies()
    from django.test import Client

    from rightstrack.documents.importing import import_files
    from rightstrack.recommendations.models import Recommendation

    start = time.perf_counter()
    import_files([source])
    print(
        f"imported {Recommendation.objects.count():,} recommendations in {time.perf_counter() - start:.0f} s"
    )
    client = Client()
    for address in ADDRESSES:
        start = time.perf_counter()
        size = sum(len(chunk) for chunk in _chunks(client.get(address), address))
        seconds = time.perf_counter() - start
        tracemalloc.start()
        for _ in _chunks(client.get(address), address):
            pass
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{address}: {size / 1e6:.1f} MB in {seconds:.1f} s, peak traced memory {peak / 1e6:.1f} MB")


def _chunks(response: HttpResponseBase, address: str) -> Iterator[bytes]:
    """The chunks of a streamed download (the test client's are synchronous: an iterator of bytes)."""
    from django.http import StreamingHttpResponse

    assert isinstance(response, StreamingHttpResponse), address
    content = response.streaming_content
    assert isinstance(content, Iterator), address
    return content


if __name__ == "__main__":
    main()
