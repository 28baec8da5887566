"""Ranked search over the recommendations: keyword (the database's full-text index), semantic (stored
embeddings) and hybrid (reciprocal-rank fusion of the two), always within a filtered set.

Semantic search embeds the query with the installation's embedder: with the multilingual default a
Russian or French query finds the English recommendation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rightstrack.assist.embeddings import configured_embedder, current_index
from rightstrack.recommendations import fulltext
from rightstrack.recommendations.models import Recommendation

MODES = ("keyword", "semantic", "hybrid")
#: How many hits the ranking by meaning contributes; the keyword side gives every match up to
#: ``KEYWORD_DEPTH``, so that a hybrid search keeps whatever a keyword search finds.
DEPTH = 200
KEYWORD_DEPTH = 5000
#: Below this cosine a semantic hit is noise (USE multilingual: unrelated UN sentences score 0.1–0.3).
MIN_SIMILARITY = 0.3
#: The same within a filtered set (a State, a mechanism…): the visitor narrowed the set, so its closest
#: texts are shown down to a looser cosine. A treaty body's long paragraph scores lower against a short
#: query: "freedom of assembly" meets the Human Rights Committee's paragraph on it at 0.29.
NARROWED_MIN_SIMILARITY = 0.2
#: A text's closeness of meaning gains ``LENGTH_PRIOR · ln(words)``: short texts ("Abolish the death
#: penalty") sit close to every query in the embedding space and otherwise crowd the top. On the 191
#: judged queries of ``bench/search.py`` (UPR Info's labelled rows, four languages) P@10 of the ranking by
#: meaning goes 0.829 → 0.880 at 0.08 (0.867 at 0.05, 0.878 at 0.1, 0.837 at 0.15), and the median
#: length of the top 10 from 8 to 11 words (all recommendations: 19). Chosen on those queries.
LENGTH_PRIOR = 0.08
#: Candidates read by cosine before the length prior reorders them (the prior spans about 0.3).
CANDIDATES = 5


def semantic_ranking(query: str, allowed: Sequence[int] | None = None, depth: int = DEPTH) -> list[int]:
    """Recommendation ids most similar in meaning to ``query``, best first (within ``allowed``)."""
    index = current_index()
    if not len(index) or not query.strip():
        return []
    import numpy as np

    vector = configured_embedder().embed([query])[0]
    only = None if allowed is None else np.asarray(allowed, dtype=np.int64)
    floor = MIN_SIMILARITY if allowed is None else NARROWED_MIN_SIMILARITY
    close = {
        int(item): score
        for item, score in index.search(vector, depth * CANDIDATES, only=only)
        if score >= floor
    }
    words = dict(Recommendation.objects.filter(pk__in=list(close)).values_list("pk", "text"))
    adjusted = {
        pk: score + LENGTH_PRIOR * math.log(max(1, len(words.get(pk, "").split())))
        for pk, score in close.items()
    }
    return sorted(adjusted, key=lambda pk: (-adjusted[pk], pk))[:depth]


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
    keyword = keyword_ranking(words, allowed, KEYWORD_DEPTH)
    fused = rrf([[str(pk) for pk in keyword], [str(pk) for pk in semantic]])
    return [int(item) for item, _ in fused]
