"""Embeddings of recommendations, stored in the database (no extra server), and the in-memory index.

``embed_pending`` computes the vectors of recommendations whose text changed or that were never
embedded by the configured embedder; ``current_index`` gives a process its :class:`VectorIndex` of
every stored vector, reloaded only when the stored vectors changed (checked by one small query).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Max, QuerySet

from rightstrack.assist.models import Analysis
from rightstrack.recommendations.models import Recommendation

if TYPE_CHECKING:
    from rightstrack.analysis.embed import Embedder
    from rightstrack.analysis.vectors import VectorIndex

BATCH = 256
Progress = Callable[[int, int], None]


@lru_cache(maxsize=1)
def configured_embedder() -> Embedder:
    """The embedder of this installation (``RIGHTSTRACK_EMBEDDER``: ``use`` or ``hashing``)."""
    from rightstrack.analysis.embed import HashingEmbedder, UseEmbedder, use_available

    choice = settings.RIGHTSTRACK_EMBEDDER
    if choice == "use" or (choice == "auto" and use_available()):
        return UseEmbedder()
    return HashingEmbedder()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stale(ids: Iterable[int] | None, embedder: Embedder) -> list[int]:
    """Recommendations (of ``ids``, or all) with no vector by ``embedder`` for their current text."""
    rows = Recommendation.objects.all()
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    stored = {
        pk: (digest, name)
        for pk, digest, name in Analysis.objects.filter(recommendation__in=rows).values_list(
            "recommendation_id", "text_sha256", "embedder"
        )
    }
    return [
        pk
        for pk, text in rows.values_list("id", "text").iterator(chunk_size=2000)
        if stored.get(pk) != (text_digest(text), embedder.name)
    ]


def embed(ids: Iterable[int], embedder: Embedder | None = None, progress: Progress | None = None) -> int:
    """Compute and store the vectors of these recommendations; returns how many were stored."""
    import numpy as np

    embedder = embedder or configured_embedder()
    todo = sorted(set(ids))
    done = 0
    for start in range(0, len(todo), BATCH):
        chunk = list(
            Recommendation.objects.filter(pk__in=todo[start : start + BATCH]).values_list("id", "text")
        )
        vectors = embedder.embed([text for _, text in chunk])
        with transaction.atomic():
            existing = {
                a.pk: a for a in Analysis.objects.filter(recommendation_id__in=[pk for pk, _ in chunk])
            }
            fresh, changed = [], []
            for (pk, text), vector in zip(chunk, vectors, strict=True):
                payload = np.asarray(vector, dtype=np.float32).tobytes()
                row = existing.get(pk)
                if row is None:
                    fresh.append(
                        Analysis(
                            recommendation_id=pk,
                            text_sha256=text_digest(text),
                            embedder=embedder.name,
                            vector=payload,
                        )
                    )
                else:
                    row.text_sha256, row.embedder, row.vector = text_digest(text), embedder.name, payload
                    changed.append(row)
            Analysis.objects.bulk_create(fresh, batch_size=BATCH)
            Analysis.objects.bulk_update(changed, ["text_sha256", "embedder", "vector", "updated_at"])
        done += len(chunk)
        if progress:
            progress(done, len(todo))
    return done


#: How long a process trusts its vectors before asking the database whether they changed.
RECHECK_SECONDS = 2.0


@dataclass
class _Cached:
    key: tuple[str, int, str]
    index: VectorIndex
    checked: float


_cache: dict[str, _Cached] = {}
_lock = threading.Lock()


def current_index(embedder: Embedder | None = None) -> VectorIndex:
    """Every stored vector of ``embedder``, by recommendation id (as a string); cached per process."""
    embedder = embedder or configured_embedder()
    with _lock:
        cached = _cache.get(embedder.name)
        if cached is not None and time.monotonic() - cached.checked < RECHECK_SECONDS:
            return cached.index
    rows = Analysis.objects.filter(embedder=embedder.name, vector__isnull=False)
    # two queries answered from indexes (one aggregate of both would read every row, vectors and all:
    # 0.7 s at 270k rows instead of 10 ms)
    count = Analysis.objects.count()
    latest = Analysis.objects.aggregate(latest=Max("updated_at"))["latest"]
    key = (embedder.name, count, str(latest))
    with _lock:
        cached = _cache.get(embedder.name)
        if cached is not None and cached.key == key:
            cached.checked = time.monotonic()
            return cached.index
        index = _load(rows, embedder.dim, count)
        _cache[embedder.name] = _Cached(key, index, time.monotonic())
        return index


def _load(rows: QuerySet[Analysis], dim: int, expected: int) -> VectorIndex:
    """The stored vectors in one preallocated matrix: memory is the matrix itself (2 kB a row at 512-d),
    not a list of byte strings, their join and normalised copies."""
    import numpy as np

    from rightstrack.analysis.vectors import VectorIndex

    matrix = np.empty((expected, dim), dtype=np.float32)
    ids: list[str] = []
    for pk, vector in rows.values_list("recommendation_id", "vector").iterator(chunk_size=2000):
        if len(ids) == len(matrix):  # rows added since the count: grow
            matrix = np.concatenate([matrix, np.empty((1024, dim), dtype=np.float32)])
        matrix[len(ids)] = np.frombuffer(bytes(vector or b""), dtype=np.float32)
        ids.append(str(pk))
    return VectorIndex.from_unit_rows(ids, matrix[: len(ids)])


def forget_cached() -> None:
    """Drop the in-memory indexes (tests, after a database switch)."""
    with _lock:
        _cache.clear()
