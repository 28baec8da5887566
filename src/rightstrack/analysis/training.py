"""Training of the shipped classifier (scikit-learn, imported only here and only when training).

``train(data_dir)`` fits one feature space on UPR Info's export and China's two OHCHR matrices,
then the heads:

- ``action`` (UPR Info action category 1–5): one-vs-rest NB-weighted linear SVMs (C = 0.3, balanced
  class weights) on word n-grams, the verb cues and the main clause, their scores turned into
  probabilities by a softmax whose temperature is fitted on States held out of an inner split;
- ``issues`` (UPR Info issues, multi-label): one-vs-rest NB-weighted linear SVMs (squared hinge,
  C = 0.3) on word and character n-grams; on States held out of an inner split (never by row) one
  sigmoid maps the SVM scores to probabilities and one global threshold is chosen;
- ``themes``, ``groups``, ``sdgs`` (OHCHR matrices, 598 rows): one-vs-rest logistic regression
  (C = 10, balanced class weights, threshold 0.5); labels seen fewer than :data:`MIN_POSITIVES`
  times are not learned.

*NB-weighted* (Wang and Manning's NBSVM): before each label's SVM, every feature is multiplied by
``|r|^β`` (:data:`Settings.nb_beta`), ``r`` its log-count ratio for that label (how much more often it
occurs in the label's texts than in the others', smoothed by 1), so that the words that tell the label
weigh more; the factor is folded back into the weights, and the head stays linear over the features.

Retrain the shipped model: ``python -m rightstrack.analysis.training ../shared/data``.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data import MATRIX_HEADS, UPR_INFO_CSV, Labelled, MatrixRow, load_matrices, load_upr_info
from .features import FeatureSpace, fit_space
from .linear import Head, Model, quantised, save_model

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "classifier.npz"
MIN_POSITIVES = 3
PARALLEL_FROM = 5000
#: The SDGs date from 2015: earlier matrices have none, which says nothing about a text's SDGs.
SDGS_FROM = 2015
#: Which feature blocks each head reads (the others get zero weights).
HEAD_BLOCKS = {"action": ("word", "cue", "clause"), "issues": ("word", "char"), "matrix": ("word", "char")}


@dataclass(frozen=True)
class Settings:
    action_c: float = 0.3  # linear SVMs of the action head
    label_c: float = 10.0  # logistic regression of the OHCHR heads
    issues_c: float = 0.3  # linear SVMs of the issues head
    balanced: bool = True
    threshold: float | None = None  # None: tuned on held-out States
    keep: float = 0.2  # share of weights kept per label in the model file
    keep_action: float = 0.5  # the same for the action head (5 labels: small, and pruning costs more)
    nb_beta: float = 0.5  # exponent of the NB weights of the SVM heads (0: plain SVMs)

    def keep_of(self, head: str) -> float:
        return self.keep_action if head == "action" else self.keep


DEFAULTS = Settings()


def _mask(space: FeatureSpace, blocks: Sequence[str]) -> NDArray[np.int64]:
    import numpy as np

    spans = space.offsets()
    return np.concatenate([np.arange(*spans[kind]) for kind in blocks]).astype(np.int64)


def _full(space: FeatureSpace, columns: NDArray[np.int64], coef: NDArray[Any]) -> csr_matrix:
    import numpy as np
    from scipy.sparse import csr_matrix as csr

    full = np.zeros((coef.shape[0], space.dim), dtype=np.float32)
    full[:, columns] = coef
    return csr(full)


def label_matrix(sets: Sequence[Sequence[str]], labels: Sequence[str]) -> NDArray[np.int8]:
    import numpy as np

    index = {label: k for k, label in enumerate(labels)}
    matrix = np.zeros((len(sets), len(labels)), dtype=np.int8)
    for row, values in enumerate(sets):
        for value in values:
            if value in index:
                matrix[row, index[value]] = 1
    return matrix


def _jobs(rows: int) -> int:
    """Worker processes for one-vs-rest fits: 2 from :data:`PARALLEL_FROM` rows; below, starting them
    costs more than it saves."""
    return 2 if rows >= PARALLEL_FROM else 1


def nb_weights(features: csr_matrix, targets: NDArray[Any], beta: float) -> NDArray[np.float64]:
    """``|log-count ratio|^beta`` of every feature (rows) for every label (columns), smoothed by 1.

    The ratio compares how often a feature occurs (present or not) in the texts of the label and in
    the other texts, each as a share of all features' occurrences there.
    """
    import numpy as np

    present = features.copy()
    present.data = np.ones_like(present.data, dtype=np.float64)
    positive = np.asarray(present.T @ targets.astype(np.float64)) + 1.0
    total = np.asarray(present.sum(axis=0)).ravel()[:, None]
    negative = total - (positive - 1.0) + 1.0
    ratio = np.log((positive / positive.sum(axis=0)) / (negative / negative.sum(axis=0)))
    return np.asarray(np.abs(ratio) ** beta)


def _scaled_svm(
    features: csr_matrix, target: NDArray[Any], weights: NDArray[np.float64], c: float, balanced: bool
) -> tuple[NDArray[np.float64], float]:
    """A binary linear SVM on ``features`` whose columns are multiplied by ``weights``; the weights
    returned apply to the unscaled features."""
    from sklearn.svm import LinearSVC

    scaled = features.copy()
    scaled.data = scaled.data * weights[scaled.indices]
    model = LinearSVC(C=c, max_iter=5000, class_weight="balanced" if balanced else None)
    model.fit(scaled, target)
    return model.coef_.ravel() * weights, float(model.intercept_[0])


def fit_svms(
    features: csr_matrix, targets: NDArray[Any], c: float, beta: float, balanced: bool
) -> tuple[NDArray[np.float64], NDArray[np.float32]]:
    """One-vs-rest NB-weighted linear SVMs, one per column of ``targets``: (weights, intercepts)."""
    import numpy as np
    from sklearn.utils.parallel import Parallel, delayed
    from threadpoolctl import threadpool_limits

    matrix = features.tocsr()
    weights = nb_weights(matrix, targets, beta) if beta else np.ones((matrix.shape[1], targets.shape[1]))
    with threadpool_limits(1):
        fitted = Parallel(n_jobs=_jobs(matrix.shape[0]))(
            delayed(_scaled_svm)(matrix, targets[:, j], weights[:, j], c, balanced)
            for j in range(targets.shape[1])
        )
    coef = np.vstack([row for row, _ in fitted])
    return coef, np.array([intercept for _, intercept in fitted], dtype=np.float32)


def fit_action(space: FeatureSpace, features: csr_matrix, y: Sequence[int], settings: Settings) -> Head:
    """One-vs-rest NB-weighted linear SVMs with balanced class weights; a softmax of their scores."""
    import numpy as np

    columns = _mask(space, HEAD_BLOCKS["action"])
    labels = tuple(str(label) for label in sorted(set(y)))
    targets = label_matrix([[str(label)] for label in y], labels)
    coef, intercept = fit_svms(features[:, columns], targets, settings.action_c, settings.nb_beta, True)
    return Head(
        "action",
        labels,
        False,
        _full(space, columns, coef),
        intercept,
        np.zeros(len(labels), dtype=np.float32),
    )


def temperature(head: Head, features: csr_matrix, y: Sequence[int]) -> float:
    """The factor of the action scores whose softmax best fits held-out rows (log-likelihood)."""
    import numpy as np

    scores = np.asarray((features @ head.coef.T).toarray(), dtype=np.float64) + head.intercept
    gold = np.array([head.labels.index(str(label)) for label in y])

    def loss(factor: float) -> float:
        logits = scores * factor
        logits -= logits.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(logits).sum(axis=1))
        return float((log_norm - logits[np.arange(len(gold)), gold]).mean())

    return min((float(f) for f in np.arange(0.5, 12.01, 0.25)), key=loss)


def fit_labels(
    name: str,
    space: FeatureSpace,
    features: csr_matrix,
    sets: Sequence[Sequence[str]],
    settings: Settings,
    blocks: Sequence[str],
    threshold: float = 0.5,
    svm: bool = False,
) -> Head:
    """One-vs-rest logistic regression (or NB-weighted linear SVMs, ``svm``) over the labels seen at
    least :data:`MIN_POSITIVES` times. SVM scores read as probabilities through a plain sigmoid until
    :func:`calibrate` fits one."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from threadpoolctl import threadpool_limits

    counts: dict[str, int] = {}
    for values in sets:
        for value in set(values):
            counts[value] = counts.get(value, 0) + 1
    labels = tuple(sorted(label for label, count in counts.items() if MIN_POSITIVES <= count < len(sets)))
    targets = label_matrix(sets, labels)
    columns = _mask(space, blocks)
    if svm:
        coef, intercept = fit_svms(features[:, columns], targets, settings.issues_c, settings.nb_beta, False)
    else:
        weight = "balanced" if settings.balanced else None
        estimator = LogisticRegression(C=settings.label_c, max_iter=1000, class_weight=weight)
        with threadpool_limits(1):
            model = OneVsRestClassifier(estimator, n_jobs=_jobs(len(sets))).fit(features[:, columns], targets)
        coef = np.vstack([fitted.coef_ for fitted in model.estimators_])
        intercept = np.array([fitted.intercept_[0] for fitted in model.estimators_], dtype=np.float32)
    thresholds = np.full(len(labels), threshold, dtype=np.float32)
    return Head(name, labels, True, _full(space, columns, coef), intercept, thresholds)


def micro_f1(truth: NDArray[Any], picked: NDArray[Any]) -> float:
    true_positive = float((truth.astype(bool) & picked.astype(bool)).sum())
    denominator = float(truth.sum() + picked.sum())
    return 2 * true_positive / denominator if denominator else 0.0


def calibrate(head: Head, features: csr_matrix, sets: Sequence[Sequence[str]]) -> tuple[float, float]:
    """``(a, b)`` of the one sigmoid ``1 / (1 + exp(-(a·score + b)))`` fitted to held-out rows."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    scores = np.asarray((features @ head.coef.T).toarray()) + head.intercept
    truth = label_matrix(sets, head.labels)
    fitted = LogisticRegression(C=100.0).fit(scores.reshape(-1, 1), truth.ravel())
    return float(fitted.coef_[0, 0]), float(fitted.intercept_[0])


def rescaled(head: Head, a: float, b: float) -> Head:
    """``head`` whose scores are ``a·score + b`` (a calibrated sigmoid stays a linear head)."""
    import numpy as np
    from scipy.sparse import csr_matrix as csr

    intercept = (head.intercept * a + b).astype(np.float32)
    return Head(head.name, head.labels, head.multilabel, csr(head.coef * a), intercept, head.thresholds)


def tune_threshold(head: Head, features: csr_matrix, sets: Sequence[Sequence[str]]) -> float:
    """The global threshold (0.10 … 0.80) that maximises micro-F1 on held-out rows."""
    import numpy as np

    proba = head.scores(features)
    truth = label_matrix(sets, head.labels)
    best, best_f1 = 0.5, -1.0
    for threshold in np.arange(0.10, 0.801, 0.025):
        head.thresholds = np.full(len(head.labels), threshold, dtype=np.float32)
        f1 = micro_f1(truth, head.chosen(proba))
        if f1 > best_f1:
            best, best_f1 = float(threshold), f1
    head.thresholds = np.full(len(head.labels), best, dtype=np.float32)
    return best


def held_out_states(states: Sequence[str], share: float = 0.2, seed: int = 0) -> set[str]:
    """A fixed share of the States (by a hash of their name and ``seed``): an inner split by State."""

    def rank(state: str) -> str:
        return hashlib.sha256(f"{seed}:{state}".encode()).hexdigest()

    unique = sorted(set(states), key=rank)
    return set(unique[: max(1, round(len(unique) * share))])


def fit_upr_heads(space: FeatureSpace, rows: Sequence[Labelled], settings: Settings) -> dict[str, Head]:
    """The ``action`` and ``issues`` heads; the issues sigmoid and threshold are tuned on held-out
    States first (with a ``settings.threshold`` given, the plain sigmoid and that threshold)."""
    features = space.transform([row.text for row in rows])
    inner = held_out_states([row.state for row in rows])
    train = [k for k, row in enumerate(rows) if row.state not in inner]
    test = [k for k, row in enumerate(rows) if row.state in inner]
    categories = {k: row.action_category for k, row in enumerate(rows) if row.action_category is not None}
    fit_part, tune_part = [k for k in train if k in categories], [k for k in test if k in categories]
    probe_action = fit_action(space, features[fit_part], [categories[k] for k in fit_part], settings)
    factor = temperature(probe_action, features[tune_part], [categories[k] for k in tune_part])
    action = fit_action(space, features[list(categories)], list(categories.values()), settings)
    action = rescaled(action, factor, 0.0)
    sets = [row.issues for row in rows]
    threshold = settings.threshold
    a, b = 1.0, 0.0
    if threshold is None:
        probe = fit_labels(
            "issues",
            space,
            features[train],
            [sets[k] for k in train],
            settings,
            HEAD_BLOCKS["issues"],
            svm=True,
        )
        a, b = calibrate(probe, features[test], [sets[k] for k in test])
        threshold = tune_threshold(rescaled(probe, a, b), features[test], [sets[k] for k in test])
    issues = fit_labels("issues", space, features, sets, settings, HEAD_BLOCKS["issues"], threshold, svm=True)
    return {"action": action, "issues": rescaled(issues, a, b)}


def fit_matrix_heads(space: FeatureSpace, rows: Sequence[MatrixRow], settings: Settings) -> dict[str, Head]:
    """Themes, groups and SDGs; SDGs are learned from reviews held after 2015 only (none before)."""
    heads: dict[str, Head] = {}
    for name in MATRIX_HEADS:
        usable = [row for row in rows if name != "sdgs" or row.year >= SDGS_FROM]
        features = space.transform([row.text for row in usable])
        heads[name] = fit_labels(
            name,
            space,
            features,
            [row.terms[name] for row in usable],
            settings,
            HEAD_BLOCKS["matrix"],
            settings.threshold or 0.5,
        )
    return heads


def train(
    data_dir: Path,
    out: Path | None = DEFAULT_MODEL,
    *,
    sample: int | None = None,
    seed: int = 0,
    settings: Settings = DEFAULTS,
) -> Model:
    """Fit every head on ``data_dir`` and write the model to ``out`` (unless ``None``).

    ``sample`` trains on that many UPR Info rows only (taken by a fixed stride), for tests.
    """
    started = time.monotonic()
    rows = load_upr_info(data_dir)
    if sample is not None and sample < len(rows):
        step = len(rows) / sample
        rows = [rows[int(k * step)] for k in range(sample)]
    matrices = load_matrices(data_dir)
    space = fit_space([row.text for row in rows] + [row.text for row in matrices])
    heads = fit_upr_heads(space, rows, settings)
    heads.update(fit_matrix_heads(space, matrices, settings))
    digest = hashlib.sha256((data_dir / UPR_INFO_CSV).read_bytes()).hexdigest()[:16]
    info = {
        "trained_on": datetime.now(UTC).isoformat(timespec="seconds"),
        "upr_info_rows": len(rows),
        "upr_info_sha256": digest,
        "matrix_rows": len(matrices),
        "seed": seed,
        "seconds": round(time.monotonic() - started, 1),
        "settings": settings.__dict__,
    }
    shipped = {name: quantised(head, settings.keep_of(name)) for name, head in heads.items()}
    model = Model(space, shipped, info)
    if out is not None:
        save_model(model, out, keep={name: settings.keep_of(name) for name in heads})
    return model


def main(argv: Sequence[str]) -> int:
    if not argv:
        print("usage: python -m rightstrack.analysis.training DATA_DIR [OUT.npz]", file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_MODEL
    model = train(Path(argv[0]), out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB): {model.info}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
