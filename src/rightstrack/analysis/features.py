"""Text features of the classifiers: hashed word n-grams, character n-grams and action-verb cues.

A :class:`FeatureSpace` is what the shipped model keeps of its vectorisers: for each block
(``word``, ``char``, ``cue``) the hashed columns seen often enough in training and their IDF. It
needs no vocabulary of strings, so the model file stays small, and hashing (MurmurHash3, as in
scikit-learn's ``HashingVectorizer``) is stable across versions.

The ``cue`` block carries UPR Info's rule for the action category: the first verb of the
recommendation decides the category (1 share/seek, 2 continue/maintain, 3 consider/review,
4 ensure/strengthen, 5 ratify/adopt/abolish...), so the cues name the first word(s), the first
verb after adverbs and "continue to", and the verbs that open later clauses.

>>> cue_tokens("Continue to take steps to ratify the CRPD")[:5]
['F1_continue', 'F2_continue_to', 'F3_continue_to_take', 'V_continue', 'V2_continue_to']
>>> "VN_take" in cue_tokens("Continue to take steps to ratify the CRPD")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

#: Hashed columns per block before selection (2**20: collisions are rare at this size).
N_FEATURES = 2**20
BLOCKS = ("word", "char", "cue")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_SKIP = _words(
    "to that the it its government state should further fully also promptly urgently effectively "
    "immediately swiftly expeditiously actively duly seriously progressively recommended recommends "
    "please in particular without delay as soon possible resolutely systematically formally "
    "consistently strongly timely quickly rapidly vigorously firmly "
)
_FILLER = _words("its efforts the all necessary steps measures further their")
_CLAUSE = re.compile(r"(?:\band\b|;|,|:|\bby\b|\bto\b|\bincluding\b|\bthrough\b)\s+([a-z]+)\s+(\w+)?")


def cue_tokens(text: str) -> list[str]:
    """Tokens naming the verbs that decide UPR Info's action category."""
    low = text.lower()
    words = _WORD.findall(low)
    out: list[str] = []
    if words:
        out += ["F1_" + words[0], "F2_" + "_".join(words[:2]), "F3_" + "_".join(words[:3])]
    k = 0
    while k < min(len(words), 10) and words[k] in _SKIP:
        k += 1
    if k < len(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        out += ["V_" + words[k], f"V2_{words[k]}_{following}"]
        for word in words[k + 1 : k + 8]:
            if word not in _SKIP and word not in _FILLER:
                out.append("VN_" + word)
                break
    for match in _CLAUSE.finditer(low):
        out.append("C_" + match.group(1))
        if match.group(2):
            out.append(f"C2_{match.group(1)}_{match.group(2)}")
    out.append(f"LEN_{min(len(words) // 10, 6)}")
    return out


def _hasher(kind: str) -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer

    common: dict[str, Any] = {"n_features": N_FEATURES, "alternate_sign": False, "norm": None}
    if kind == "word":
        return HashingVectorizer(ngram_range=(1, 2), **common)
    if kind == "char":
        return HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), **common)
    if kind == "cue":
        return HashingVectorizer(analyzer=cue_tokens, **common)
    raise ValueError(f"unknown feature block {kind!r}")


def hashed_counts(kind: str, texts: Sequence[str]) -> csr_matrix:
    """Raw hashed counts of one block (rows: texts, columns: ``N_FEATURES`` buckets)."""
    matrix: csr_matrix = _hasher(kind).transform(list(texts)).tocsr()
    return matrix


@dataclass
class Block:
    """One block of a feature space: its kept hashed columns (sorted) and their IDF."""

    kind: str
    columns: NDArray[np.int32]
    idf: NDArray[np.float32]

    @property
    def size(self) -> int:
        return int(self.columns.shape[0])

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        """Sublinear TF × IDF on the kept columns, each row L2-normalised."""
        import numpy as np
        from scipy.sparse import csr_matrix as csr

        counts = hashed_counts(self.kind, texts)
        remap = np.full(N_FEATURES, -1, dtype=np.int64)
        remap[self.columns] = np.arange(self.size)
        new = remap[counts.indices]
        keep = new >= 0
        row_of = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))[keep]
        values = (1.0 + np.log(counts.data[keep])) * self.idf[new[keep]]
        matrix = csr((values.astype(np.float32), (row_of, new[keep])), shape=(counts.shape[0], self.size))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        scaled: csr_matrix = csr(matrix.multiply(1.0 / norms[:, None]))
        return scaled


@dataclass
class FeatureSpace:
    """Blocks side by side; ``offsets`` tells where each block's columns start."""

    blocks: list[Block]

    @property
    def dim(self) -> int:
        return sum(block.size for block in self.blocks)

    def offsets(self) -> dict[str, tuple[int, int]]:
        spans: dict[str, tuple[int, int]] = {}
        start = 0
        for block in self.blocks:
            spans[block.kind] = (start, start + block.size)
            start += block.size
        return spans

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        from scipy.sparse import hstack

        matrix: csr_matrix = hstack([block.transform(texts) for block in self.blocks], format="csr")
        return matrix


def fit_block(kind: str, texts: Sequence[str], min_df: int) -> Block:
    """The columns seen in at least ``min_df`` texts, with the smoothed IDF of scikit-learn."""
    import numpy as np

    counts = hashed_counts(kind, texts)
    df = np.bincount(counts.indices, minlength=N_FEATURES)
    columns = np.flatnonzero(df >= min_df).astype(np.int32)
    n = counts.shape[0]
    idf = (np.log((1.0 + n) / (1.0 + df[columns])) + 1.0).astype(np.float32)
    return Block(kind, columns, idf)


def fit_space(texts: Sequence[str], min_df: dict[str, int] | None = None) -> FeatureSpace:
    """A feature space of all :data:`BLOCKS` fitted on ``texts``."""
    limits = {"word": 2, "char": 3, "cue": 2, **(min_df or {})}
    return FeatureSpace([fit_block(kind, texts, limits[kind]) for kind in BLOCKS])
