"""Text features of the classifiers: hashed word n-grams, character n-grams and action-verb cues.

A :class:`FeatureSpace` is what the shipped model keeps of its vectorisers: for each block
(``word``, ``char``, ``cue``) the hashed columns seen often enough in training and their IDF. It
needs no vocabulary of strings, so the model file stays small, and hashing (MurmurHash3, as in
scikit-learn's ``HashingVectorizer``) is stable across versions.

The ``cue`` block carries UPR Info's rule for the action category: the first verb of the
recommendation decides the category (1 share/seek, 2 continue/maintain, 3 consider/review,
4 ensure/strengthen, 5 ratify/adopt/abolish...), so the cues name the first word(s), the first
verb after adverbs and "continue to", and the verbs that open later clauses; then what tells a
general action (4) from a specific one (5): the verb with its object ("adopt_measures" against
"adopt_law"), the verb after "continue"/"pursue", and the verb crossed with the signs of a specific
object (capitalised names, acronyms, numbers, years, a law or treaty named), with the length and
the number of clauses. The ``clause`` block reads the main clause alone (up to the first comma,
"by", "including", "in order to"...), where the action itself is stated.

>>> cue_tokens("Continue to take steps to ratify the CRPD")[:5]
['F1_continue', 'F2_continue_to', 'F3_continue_to_take', 'V_continue', 'V2_continue_to']
>>> "VN_take" in cue_tokens("Continue to take steps to ratify the CRPD")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

#: Hashed columns per block before selection (2**20: collisions are rare at this size).
N_FEATURES = 2**20
BLOCKS = ("word", "char", "cue", "clause")


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
    verb = words[k] if k < len(words) else ""
    return out + _specific_cues(text, low, words, k, verb)


_DETERMINER = _words(
    "a an the all its their necessary appropriate further any relevant adequate effective concrete additional"
)
_CONTINUED = _SKIP | _FILLER | _words("with on in efforts effort work working")
_CAPITALISED = re.compile(r"(?<!^)(?<![.;:] )\b[A-Z][a-zA-Z\-]+")
_ACRONYM = re.compile(r"\b[A-Z]{2,}[A-Z\-]*\b")
_NUMBER = re.compile(r"\b\d+\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLAUSES = re.compile(r"[,;:]|\band\b|\bincluding\b|\bby\b")
_INCLUDING = re.compile(r"\bincluding\b|\binter alia\b|\bin particular\b")
_INSTRUMENT = re.compile(r"\b(?:law|act|bill|code|legislation|convention|protocol|covenant|statute|decree)\b")


def _specific_cues(text: str, low: str, words: list[str], k: int, verb: str) -> list[str]:
    """Verb × object, verb after "continue", and verb × signs of a specific object."""
    out: list[str] = []
    j = k + 1
    while j < min(len(words), k + 6) and words[j] in _DETERMINER:
        j += 1
    if verb and j < len(words):
        out.append(f"VO_{verb}_{words[j]}")
    if verb in ("continue", "pursue", "maintain", "keep"):
        j = k + 1
        while j < len(words) and words[j] in _CONTINUED:
            j += 1
        if j < len(words):
            out.append(f"CV_{words[j]}")
    capitals = len(_CAPITALISED.findall(text))
    signs = {
        "caps": capitals,
        "acr": len(_ACRONYM.findall(text)),
        "num": len(_NUMBER.findall(text)),
        "year": len(_YEAR.findall(text)),
    }
    for sign, count in signs.items():
        if count:
            out += ["S_" + sign, f"VS_{verb}_{sign}"]
    clauses = len(_CLAUSES.findall(low))
    out += [
        f"CAPS_{min(capitals, 4)}",
        f"VL_{verb}_{min(len(words) // 8, 5)}",
        f"CL_{min(clauses, 6)}",
        f"VCL_{verb}_{min(clauses, 3)}",
    ]
    if _INCLUDING.search(low):
        out.append(f"VINC_{verb}")
    if _INSTRUMENT.search(low):
        out.append(f"VLAW_{verb}")
    return out


_CUT = re.compile(
    r"[,;:(]|\b(?:by|including|in order|with a view|through|so as|so that|which|that|as well as|"
    r"in particular|inter alia|notably|such as|and)\b"
)


def clause_tokens(text: str) -> list[str]:
    """Words, word pairs and the first words by position of the main clause (where the action is).

    >>> clause_tokens("Adopt a law, including by ratifying the CRPD")
    ['M_adopt', 'M_a', 'M_law', 'M2_adopt_a', 'M2_a_law', 'MP0_adopt', 'MP1_a', 'MP2_law', 'MLEN_3']
    """
    low = text.lower()
    found = _CUT.search(low, 3)
    words = _WORD.findall(low[: found.start()] if found else low)[:12]
    return (
        ["M_" + word for word in words]
        + [f"M2_{a}_{b}" for a, b in pairwise(words)]
        + [f"MP{position}_{word}" for position, word in enumerate(words[:5])]
        + [f"MLEN_{len(words)}"]
    )


def _hasher(kind: str) -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer

    common: dict[str, Any] = {"n_features": N_FEATURES, "alternate_sign": False, "norm": None}
    if kind == "word":
        return HashingVectorizer(ngram_range=(1, 2), **common)
    if kind == "char":
        return HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), **common)
    if kind == "cue":
        return HashingVectorizer(analyzer=cue_tokens, **common)
    if kind == "clause":
        return HashingVectorizer(analyzer=clause_tokens, **common)
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
    limits = {"word": 2, "char": 3, "cue": 2, "clause": 2, **(min_df or {})}
    return FeatureSpace([fit_block(kind, texts, limits[kind]) for kind in BLOCKS])
