"""Linking recommendations that ask the same thing, across cycles and mechanisms.

``link(a, b, embedder)`` scores every pair by ``w · cosine(embeddings) + (1 − w) · lexical``, where
the lexical part is the TF-IDF cosine of stemmed words and word pairs (IDF over both sides).
(Cutting long treaty-body paragraphs into limbs and keeping the best piece was tried: it found fewer
of seed 001's pairs.) ``recurring(items, embedder)`` groups what a State was asked again and again:
items of different cycles linked above a threshold, with the level each one reached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from .embed import Embedder
from .search import terms

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: Share of the embedding cosine in the score (the rest: lexical). 0.5 did best on seed 001's pairs
#: (58/60 rows found in top 3, against 57/60 at 0.7 and 55/60 with the embedding alone).
SEMANTIC_WEIGHT = 0.5


def _analyse(text: str) -> list[str]:
    words = terms(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def lexical_similarity(texts_a: Sequence[str], texts_b: Sequence[str]) -> NDArray[np.float32]:
    """TF-IDF cosine (stemmed words and word pairs, IDF over both sides), shape ``(len(a), len(b))``."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(analyzer=_analyse, sublinear_tf=True)
    matrix = vectoriser.fit_transform(list(texts_a) + list(texts_b))
    return np.asarray((matrix[: len(texts_a)] @ matrix[len(texts_a) :].T).toarray(), dtype=np.float32)


def semantic_similarity(
    texts_a: Sequence[str], texts_b: Sequence[str], embedder: Embedder
) -> NDArray[np.float32]:
    """Cosine of the texts' embeddings, shape ``(len(a), len(b))``."""
    import numpy as np

    return np.asarray(embedder.embed(texts_a) @ embedder.embed(texts_b).T, dtype=np.float32)


def similarity(
    texts_a: Sequence[str], texts_b: Sequence[str], embedder: Embedder | None, weight: float = SEMANTIC_WEIGHT
) -> NDArray[np.float32]:
    """The combined score of :func:`link` for every pair (lexical only when ``embedder`` is None)."""
    import numpy as np

    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)), dtype=np.float32)
    lexical = lexical_similarity(texts_a, texts_b)
    if embedder is None:
        return lexical
    return np.asarray(
        weight * semantic_similarity(texts_a, texts_b, embedder) + (1 - weight) * lexical, dtype=np.float32
    )


def link(
    candidates_a: Mapping[str, str],
    candidates_b: Mapping[str, str],
    embedder: Embedder | None,
    k: int = 3,
    min_score: float = 0.0,
    weight: float = SEMANTIC_WEIGHT,
) -> list[tuple[str, str, float]]:
    """For each item of ``a`` (id → text), its ``k`` best items of ``b``: ``(id_a, id_b, score)``.

    Results are grouped by ``a`` in its order, best first within each; scores lie in [-1, 1].
    """
    ids_a, ids_b = list(candidates_a), list(candidates_b)
    scores = similarity([candidates_a[i] for i in ids_a], [candidates_b[i] for i in ids_b], embedder, weight)
    import numpy as np

    links: list[tuple[str, str, float]] = []
    for row, item in enumerate(ids_a):
        order = np.argsort(-scores[row], kind="stable")[:k]
        kept = [j for j in order if scores[row, j] >= min_score]
        links += [(item, ids_b[j], round(float(scores[row, j]), 4)) for j in kept]
    return links


@dataclass(frozen=True)
class CycleItem:
    """A recommendation in a cycle, with the level it reached (``None``: unknown)."""

    id: str
    text: str
    cycle: int
    level: str | None = None


@dataclass(frozen=True)
class RecurringGroup:
    """Recommendations asking the same thing in several cycles, oldest first."""

    items: tuple[CycleItem, ...]
    score: float  # the weakest link that holds the group together

    @property
    def cycles(self) -> tuple[int, ...]:
        return tuple(sorted({item.cycle for item in self.items}))

    @property
    def levels(self) -> dict[int, list[str | None]]:
        return {cycle: [item.level for item in self.items if item.cycle == cycle] for cycle in self.cycles}


def recurring(
    items: Sequence[CycleItem],
    embedder: Embedder | None,
    threshold: float = 0.75,
    weight: float = SEMANTIC_WEIGHT,
) -> list[RecurringGroup]:
    """Groups of items linked (score ≥ ``threshold``) that span at least two cycles, most cycles first."""
    import numpy as np

    texts = [item.text for item in items]
    scores = similarity(texts, texts, embedder, weight)
    parent = list(range(len(items)))
    weakest: dict[int, float] = {}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    rows, cols = np.nonzero(np.triu(scores >= threshold, k=1))
    pairs = [(float(scores[i, j]), int(i), int(j)) for i, j in zip(rows, cols, strict=True)]
    for score, i, j in sorted(pairs, reverse=True):
        a, b = root(i), root(j)
        if a != b:
            parent[b] = a
            weakest[a] = min(score, weakest.get(a, 1.0), weakest.get(b, 1.0))
    members: dict[int, list[int]] = {}
    for k in range(len(items)):
        members.setdefault(root(k), []).append(k)
    groups: list[RecurringGroup] = []
    for head, ks in members.items():
        group = tuple(sorted((items[k] for k in ks), key=lambda item: (item.cycle, item.id)))
        if len({item.cycle for item in group}) >= 2:
            groups.append(RecurringGroup(group, round(weakest.get(head, 1.0), 4)))
    groups.sort(key=lambda group: (-len(group.cycles), -len(group.items), group.items[0].id))
    return groups
