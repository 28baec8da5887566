"""Ranked search over the recommendations: keyword (the database's full-text index), semantic (stored
embeddings) and hybrid (reciprocal-rank fusion of the two), always within a filtered set.

Semantic search embeds the query with the installation's embedder: with the multilingual default a
Russian or French query finds the English recommendation.
"""

from __future__ import annotations

from collections.abc import Sequence

from rightstrack.assist.embeddings import configured_embedder, current_index
from rightstrack.recommendations import fulltext

MODES = ("keyword", "semantic", "hybrid")
#: How many hits each ranking contributes.
DEPTH = 200
#: Below this cosine a semantic hit is noise (USE multilingual: unrelated UN sentences score 0.1–0.3).
MIN_SIMILARITY = 0.3


def semantic_ranking(query: str, allowed: Sequence[int] | None = None, depth: int = DEPTH) -> list[int]:
    """Recommendation ids most similar in meaning to ``query``, best first (within ``allowed``)."""
    index = current_index()
    if not len(index) or not query.strip():
        return []
    import numpy as np

    vector = configured_embedder().embed([query])[0]
    only = None if allowed is None else np.asarray(allowed, dtype=np.int64)
    return [int(item) for item, score in index.search(vector, depth, only=only) if score >= MIN_SIMILARITY]


def keyword_ranking(
    words: Sequence[str], allowed: Sequence[int] | None = None, depth: int = DEPTH
) -> list[int]:
    """Ids whose text holds every word, best first by the full-text index's own rank."""
    found = fulltext.best_matching(words, depth * 5)
    if allowed is not None:
        permitted = set(allowed)
        found = [pk for pk in found if pk in permitted]
    return found[:depth]


def ranked(query: str, words: Sequence[str], mode: str, allowed: Sequence[int] | None = None) -> list[int]:
    """The ids answering ``query`` in ``mode`` (``semantic`` or ``hybrid``), best first."""
    from rightstrack.analysis.search import rrf

    semantic = semantic_ranking(query, allowed)
    if mode == "semantic":
        return semantic
    keyword = keyword_ranking(words, allowed)
    fused = rrf([[str(pk) for pk in keyword], [str(pk) for pk in semantic]])
    return [int(item) for item, _ in fused][:DEPTH]
