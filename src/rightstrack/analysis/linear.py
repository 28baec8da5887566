"""Linear classifier heads stored compactly, and the model bundle that holds them.

A :class:`Head` is a logistic-regression layer over a :class:`~.features.FeatureSpace`: one row of
weights per label. Multi-label heads score each label by a sigmoid and keep the labels at or above
their threshold (and always the best one: every recommendation has at least one label); the
multi-class head (action category) takes a softmax.

On disk (:func:`save_model`) each head keeps only its largest weights (``keep`` share per label),
quantised to int8 with one scale per label: the whole model is a few hundred kB to a few MB.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .features import Block, FeatureSpace

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

FORMAT_VERSION = 1


@dataclass
class Head:
    """Weights (labels × space dimension, sparse), intercepts and per-label thresholds."""

    name: str
    labels: tuple[str, ...]
    multilabel: bool
    coef: csr_matrix
    intercept: NDArray[np.float32]
    thresholds: NDArray[np.float32]

    def scores(self, features: csr_matrix) -> NDArray[np.float32]:
        """Probabilities: per label (sigmoid) or over labels (softmax), rows = texts."""
        import numpy as np

        logits = np.asarray((features @ self.coef.T).toarray(), dtype=np.float64) + self.intercept
        if self.multilabel:
            return (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)

    def chosen(self, proba: NDArray[np.float32]) -> NDArray[np.bool_]:
        """Which labels each row keeps: those above threshold, and at least the best one."""
        import numpy as np

        picked = proba >= self.thresholds if self.multilabel else np.zeros(proba.shape, dtype=bool)
        best = proba.argmax(axis=1)
        picked[np.arange(proba.shape[0]), best] = True
        return np.asarray(picked, dtype=bool)


@dataclass
class Model:
    """A feature space and the heads that read it, with what training said about itself."""

    space: FeatureSpace
    heads: dict[str, Head]
    info: dict[str, Any] = field(default_factory=dict)


def compress(coef: NDArray[np.floating[Any]], keep: float) -> tuple[csr_matrix, NDArray[np.float32]]:
    """Keep the ``keep`` share of largest |weights| per label, as int8 with a per-label scale."""
    import numpy as np
    from scipy.sparse import csr_matrix as csr

    dense = np.array(coef, dtype=np.float32)
    if 0 < keep < 1 and dense.shape[1]:
        cut = np.quantile(np.abs(dense), 1 - keep, axis=1, keepdims=True)
        dense[np.abs(dense) < cut] = 0
    scale = np.abs(dense).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    quantised = np.round(dense / scale[:, None]).astype(np.int8)
    return csr(quantised), scale.astype(np.float32)


def expand(quantised: csr_matrix, scale: NDArray[np.float32]) -> csr_matrix:
    from scipy.sparse import csr_matrix as csr

    result: csr_matrix = csr(quantised.astype("float32").multiply(scale[:, None]))
    return result


def quantised(head: Head, keep: float) -> Head:
    """``head`` with the weights it will have once saved (pruned to ``keep``, int8)."""
    coef = expand(*compress(head.coef.toarray(), keep))
    return Head(head.name, head.labels, head.multilabel, coef, head.intercept, head.thresholds)


def save_model(model: Model, path: Path, keep: float | Mapping[str, float] = 0.1) -> None:
    """Write ``model`` as one compressed ``.npz`` (no pickle: arrays and a JSON header).

    ``keep``: the share of weights kept per label, for every head or per head name (default 0.1).
    """
    import numpy as np

    arrays: dict[str, Any] = {}
    meta: dict[str, Any] = {"format": FORMAT_VERSION, "info": model.info, "blocks": [], "heads": []}
    for block in model.space.blocks:
        meta["blocks"].append(block.kind)
        arrays[f"block.{block.kind}.columns"] = block.columns.astype(np.int32)
        arrays[f"block.{block.kind}.idf"] = block.idf.astype(np.float16)
    for head in model.heads.values():
        meta["heads"].append({"name": head.name, "labels": list(head.labels), "multilabel": head.multilabel})
        share = keep if isinstance(keep, float | int) else keep.get(head.name, 0.1)
        quantised, scale = compress(head.coef.toarray(), share)
        prefix = f"head.{head.name}."
        arrays[prefix + "data"] = quantised.data.astype(np.int8)
        arrays[prefix + "indices"] = quantised.indices.astype(np.int32)
        arrays[prefix + "indptr"] = quantised.indptr.astype(np.int32)
        arrays[prefix + "scale"] = scale
        arrays[prefix + "intercept"] = head.intercept.astype(np.float32)
        arrays[prefix + "thresholds"] = head.thresholds.astype(np.float32)
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        np.savez_compressed(handle, **arrays)


def load_model(path: Path) -> Model:
    """Read a model written by :func:`save_model`."""
    import numpy as np
    from scipy.sparse import csr_matrix as csr

    with np.load(path, allow_pickle=False) as stored:
        arrays: Mapping[str, Any] = {name: stored[name] for name in stored.files}
    meta = json.loads(bytes(arrays["meta"]).decode("utf-8"))
    if meta.get("format") != FORMAT_VERSION:
        raise ValueError(f"{path}: model format {meta.get('format')!r}, expected {FORMAT_VERSION}")
    blocks = [
        Block(kind, arrays[f"block.{kind}.columns"], arrays[f"block.{kind}.idf"].astype(np.float32))
        for kind in meta["blocks"]
    ]
    space = FeatureSpace(blocks)
    heads: dict[str, Head] = {}
    for spec in meta["heads"]:
        prefix = f"head.{spec['name']}."
        labels = tuple(spec["labels"])
        quantised = csr(
            (arrays[prefix + "data"], arrays[prefix + "indices"], arrays[prefix + "indptr"]),
            shape=(len(labels), space.dim),
        )
        heads[spec["name"]] = Head(
            spec["name"],
            labels,
            bool(spec["multilabel"]),
            expand(quantised, arrays[prefix + "scale"]),
            arrays[prefix + "intercept"],
            arrays[prefix + "thresholds"],
        )
    return Model(space, heads, dict(meta.get("info", {})))
