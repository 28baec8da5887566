"""Search over recommendation texts: BM25 keywords, semantic (embeddings), and both fused by rank.

:class:`KeywordIndex` scores with Okapi BM25 (k1 = 1.2, b = 0.75) over folded, lightly stemmed
words. :class:`SearchIndex` keeps a keyword index and a :class:`~.vectors.VectorIndex` side by
side; ``search(query, mode="hybrid")`` merges the two rankings by reciprocal-rank fusion (RRF:
score = Σ 1 / (60 + rank)), so a Russian query still finds English texts through the semantic side.

>>> index = KeywordIndex()
>>> index.add({"a": "Abolish the death penalty", "b": "Ratify the CRPD", "c": "Penalties for torture"})
>>> [hit[0] for hit in index.search("death penalties", k=2)]
['a', 'c']
>>> rrf([["a", "b"], ["b", "c"]])[0][0]
'b'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .embed import Embedder
from .vectors import VectorIndex

if TYPE_CHECKING:
    from scipy.sparse import csc_matrix

RRF_K = 60
_TOKEN = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(
    re.findall(r"\w+", "the a an and or of to in on for by with its their that this be as at from all")
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "penalties"/"penalty", "ratifying"/"ratify"."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def terms(text: str) -> list[str]:
    return [stem(word) for word in _TOKEN.findall(text.casefold()) if word not in _STOP]


def rrf(rankings: Iterable[Sequence[str]], k: int = RRF_K) -> list[tuple[str, float]]:
    """Reciprocal-rank fusion of ranked id lists, best first."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


class KeywordIndex:
    """BM25 over texts under string ids; the term matrix is rebuilt lazily after changes."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.texts: dict[str, str] = {}
        self._matrix: csc_matrix | None = None
        self._vocabulary: dict[str, int] = {}
        self._ids: list[str] = []

    def __len__(self) -> int:
        return len(self.texts)

    def add(self, texts: Mapping[str, str]) -> None:
        self.texts.update(texts)
        self._matrix = None

    def remove(self, ids: Iterable[str]) -> None:
        for item in ids:
            self.texts.pop(item, None)
        self._matrix = None

    def _build(self) -> csc_matrix:
        import numpy as np
        from scipy.sparse import csc_matrix as csc

        self._ids = list(self.texts)
        self._vocabulary = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[float] = []
        lengths = np.zeros(len(self._ids), dtype=np.float64)
        for row, item in enumerate(self._ids):
            bag: dict[int, int] = {}
            words = terms(self.texts[item])
            lengths[row] = len(words)
            for word in words:
                column = self._vocabulary.setdefault(word, len(self._vocabulary))
                bag[column] = bag.get(column, 0) + 1
            rows += [row] * len(bag)
            cols += list(bag)
            counts += [float(c) for c in bag.values()]
        tf = np.array(counts)
        row_index = np.array(rows, dtype=np.int64)
        col_index = np.array(cols, dtype=np.int64)
        df = np.bincount(col_index, minlength=len(self._vocabulary))
        n = max(1, len(self._ids))
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        average = lengths.mean() if len(lengths) else 1.0
        norm = self.k1 * (1 - self.b + self.b * lengths[row_index] / max(average, 1e-9))
        weights = idf[col_index] * tf * (self.k1 + 1) / (tf + norm)
        self._matrix = csc((weights, (row_index, col_index)), shape=(len(self._ids), len(self._vocabulary)))
        return self._matrix

    def search(self, query: str, k: int = 10) -> list[tuple[str, float]]:
        """The ``k`` best ids for ``query`` with their BM25 scores (ids with no shared term left out)."""
        import numpy as np

        matrix = self._matrix if self._matrix is not None else self._build()
        columns = [self._vocabulary[word] for word in set(terms(query)) if word in self._vocabulary]
        if not columns or not self._ids:
            return []
        scores = np.asarray(matrix[:, columns].sum(axis=1)).ravel()
        hits = np.flatnonzero(scores > 0)
        best = hits[np.argsort(-scores[hits], kind="stable")][:k]
        return [(self._ids[j], float(scores[j])) for j in best]


@dataclass(frozen=True)
class Hit:
    """One result: fused score and the rank it had on each side (``None``: not among that side's hits)."""

    id: str
    score: float
    keyword_rank: int | None = None
    semantic_rank: int | None = None


class SearchIndex:
    """Keyword + semantic index over the same texts, with one embedder."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.keywords = KeywordIndex()
        self.vectors = VectorIndex(embedder.dim)

    def __len__(self) -> int:
        return len(self.keywords)

    def add(self, texts: Mapping[str, str], vectors: Any = None) -> None:
        """Index ``texts`` (id → text); ``vectors`` may give their embeddings already computed."""
        ids = list(texts)
        self.keywords.add(texts)
        embedded = self.embedder.embed([texts[item] for item in ids]) if vectors is None else vectors
        self.vectors.add(ids, embedded)

    def remove(self, ids: Iterable[str]) -> None:
        gone = list(ids)
        self.keywords.remove(gone)
        self.vectors.remove(gone)

    def search(self, query: str, k: int = 10, mode: str = "hybrid", depth: int = 50) -> list[Hit]:
        """``mode``: ``"keyword"``, ``"semantic"`` or ``"hybrid"`` (RRF of both, each ``depth`` deep)."""
        if mode not in ("keyword", "semantic", "hybrid"):
            raise ValueError(f"unknown search mode {mode!r}")
        depth = max(depth, k)
        keyword = self.keywords.search(query, depth) if mode != "semantic" else []
        semantic = self.vectors.search(self.embedder.embed([query])[0], depth) if mode != "keyword" else []
        if mode == "keyword":
            return [Hit(item, score, rank, None) for rank, (item, score) in enumerate(keyword[:k], 1)]
        if mode == "semantic":
            return [Hit(item, score, None, rank) for rank, (item, score) in enumerate(semantic[:k], 1)]
        keyword_rank = {item: rank for rank, (item, _) in enumerate(keyword, 1)}
        semantic_rank = {item: rank for rank, (item, _) in enumerate(semantic, 1)}
        fused = rrf([[item for item, _ in keyword], [item for item, _ in semantic]])
        return [
            Hit(item, score, keyword_rank.get(item), semantic_rank.get(item)) for item, score in fused[:k]
        ]

    def save(self, folder: Path | str) -> None:
        """Write ``texts.json`` and the vectors (``vectors.npy``, ``vectors.ids.json``) into ``folder``."""
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        (target / "texts.json").write_text(
            json.dumps(self.keywords.texts, ensure_ascii=False), encoding="utf-8"
        )
        self.vectors.save(target / "vectors")

    @classmethod
    def load(cls, folder: Path | str, embedder: Embedder) -> SearchIndex:
        index = cls(embedder)
        source = Path(folder)
        index.keywords.add(json.loads((source / "texts.json").read_text(encoding="utf-8")))
        index.vectors = VectorIndex.load(source / "vectors")
        if index.vectors.dim != embedder.dim:
            raise ValueError(
                f"{source}: vectors of dimension {index.vectors.dim}, embedder of {embedder.dim}"
            )
        return index
