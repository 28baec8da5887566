"""Held-out evaluation of the classifiers, each beside a TF-IDF + logistic-regression baseline.

UPR Info heads: K folds **by State under review** (``state_folds``: no State is ever in both the
training and the test part of a fold); every fold fits its own feature space, heads and issue
threshold (tuned on States held out of the fold's training part), exactly as ``train`` does, with
the weights pruned and quantised as in the shipped file. Out-of-fold predictions of all rows are
pooled, then scored. The baseline is word 1–2-gram TF-IDF + logistic regression (C=10), its issue
threshold tuned on the same inner States.

OHCHR heads (China only, so no held-out State exists): themes and groups learned on the 2013
review and scored on the 2018 one; SDGs (2018 only) by 5 folds of rows. Small data: 252 / 346 rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .data import Labelled, MatrixRow
from .features import fit_space
from .linear import Head, quantised
from .training import (
    DEFAULTS,
    HEAD_BLOCKS,
    SDGS_FROM,
    Settings,
    fit_labels,
    fit_upr_heads,
    held_out_states,
    label_matrix,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


class Figure(NamedTuple):
    """One measured figure: ``(name, figure, baseline, target, note)``; ``None`` where not applicable."""

    name: str
    figure: float
    baseline: float | None = None
    target: str = ""
    note: str = ""


def state_folds(states: Sequence[str], n: int = 5) -> list[tuple[list[int], list[int]]]:
    """``n`` (train, test) row splits in which each State falls in exactly one test part."""
    from sklearn.model_selection import GroupKFold

    folds = [
        (list(map(int, a)), list(map(int, b))) for a, b in GroupKFold(n_splits=n).split(states, groups=states)
    ]
    for train, test in folds:
        if {states[k] for k in train} & {states[k] for k in test}:
            raise AssertionError("a State is in both the training and the test part of a fold")
    return folds


def f1_scores(truth: NDArray[Any], picked: NDArray[Any]) -> tuple[float, float]:
    """Micro- and macro-F1 over the labels (columns) present in ``truth``."""
    import numpy as np

    t, p = truth.astype(bool), picked.astype(bool)
    tp, fp, fn = (t & p).sum(axis=0), (~t & p).sum(axis=0), (t & ~p).sum(axis=0)
    micro = 2 * tp.sum() / max(1, 2 * tp.sum() + fp.sum() + fn.sum())
    present = t.sum(axis=0) > 0
    per_label = 2 * tp / np.maximum(1, 2 * tp + fp + fn)
    return float(micro), float(per_label[present].mean()) if present.any() else 0.0


def _baseline(
    train_texts: list[str], train_rows: Sequence[Labelled], test_texts: list[str], labels: Sequence[str]
) -> tuple[list[int], NDArray[np.int8]]:
    """TF-IDF (1–2-grams) + LR: action categories and issue picks for the test texts."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from threadpoolctl import threadpool_limits

    def fit(texts: list[str], sets: Sequence[Sequence[str]]) -> tuple[Any, Any]:
        vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        features = vectoriser.fit_transform(texts)
        with threadpool_limits(1):
            model = OneVsRestClassifier(LogisticRegression(C=10, max_iter=1000), n_jobs=2)
            model.fit(features, label_matrix(sets, labels))
        return vectoriser, model

    sets = [row.issues for row in train_rows]
    inner = held_out_states([row.state for row in train_rows])
    fit_part = [k for k, row in enumerate(train_rows) if row.state not in inner]
    tune_part = [k for k, row in enumerate(train_rows) if row.state in inner]
    vectoriser, model = fit([train_texts[k] for k in fit_part], [sets[k] for k in fit_part])
    proba = model.predict_proba(vectoriser.transform([train_texts[k] for k in tune_part]))
    truth = label_matrix([sets[k] for k in tune_part], labels)
    threshold = max(np.arange(0.2, 0.61, 0.05), key=lambda th: f1_scores(truth, proba >= th)[0])
    vectoriser, model = fit(train_texts, sets)
    test = vectoriser.transform(test_texts)
    picked = (model.predict_proba(test) >= threshold).astype(np.int8)
    with threadpool_limits(2):
        action = LogisticRegression(C=10, max_iter=3000).fit(
            vectoriser.transform(train_texts), [row.action_category or 0 for row in train_rows]
        )
    return [int(c) for c in action.predict(test)], picked


def evaluate_upr(rows: Sequence[Labelled], n_folds: int = 5, settings: Settings = DEFAULTS) -> list[Figure]:
    """Action-category accuracy and issue micro/macro-F1 on held-out States, with the baseline."""
    import numpy as np

    rows = [row for row in rows if row.action_category is not None and row.issues]
    texts = [row.text for row in rows]
    labels = sorted({label for row in rows for label in row.issues})
    truth = label_matrix([row.issues for row in rows], labels)
    action = np.zeros(len(rows), dtype=np.int64)
    base_action = np.zeros(len(rows), dtype=np.int64)
    picked = np.zeros(truth.shape, dtype=np.int8)
    base_picked = np.zeros(truth.shape, dtype=np.int8)
    folds = state_folds([row.state for row in rows], n_folds)
    for train, test in folds:
        train_rows = [rows[k] for k in train]
        test_texts = [texts[k] for k in test]
        space = fit_space([texts[k] for k in train])
        heads = {
            name: quantised(head, settings.keep_of(name))
            for name, head in fit_upr_heads(space, train_rows, settings).items()
        }
        features = space.transform(test_texts)
        proba = heads["action"].scores(features)
        action[test] = [int(heads["action"].labels[j]) for j in proba.argmax(axis=1)]
        head = heads["issues"]
        chosen = head.chosen(head.scores(features))
        columns = [labels.index(label) for label in head.labels]
        picked[np.ix_(test, columns)] = chosen
        base_action[test], base_picked[test] = _baseline(
            [texts[k] for k in train], train_rows, test_texts, labels
        )
    gold = np.array([row.action_category for row in rows])
    micro, macro = f1_scores(truth, picked)
    base_micro, base_macro = f1_scores(truth, base_picked)
    note = f"{len(rows)} rows, {len({row.state for row in rows})} States, {n_folds} folds by State"
    return [
        Figure(
            "action category accuracy (held-out States)",
            float((action == gold).mean()),
            float((base_action == gold).mean()),
            ">= 0.92",
            note,
        ),
        Figure("issues micro-F1 (held-out States)", micro, base_micro, ">= 0.91", f"{len(labels)} labels"),
        Figure("issues macro-F1 (held-out States)", macro, base_macro, ">= 0.86", f"{len(labels)} labels"),
    ]


def _matrix_f1(
    train: Sequence[MatrixRow], test: Sequence[MatrixRow], head: str
) -> tuple[float, float, float, float]:
    """Micro/macro-F1 of the shipped method and of the baseline (TF-IDF + LR, threshold 0.5)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    space = fit_space([row.text for row in train])
    fitted: Head = fit_labels(
        head,
        space,
        space.transform([row.text for row in train]),
        [row.terms[head] for row in train],
        Settings(),
        HEAD_BLOCKS["matrix"],
    )
    truth = label_matrix([row.terms[head] for row in test], fitted.labels)
    ours = f1_scores(truth, fitted.chosen(fitted.scores(space.transform([row.text for row in test]))))
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
    train_x = vectoriser.fit_transform([row.text for row in train])
    model = OneVsRestClassifier(LogisticRegression(C=10, max_iter=1000))
    model.fit(train_x, label_matrix([row.terms[head] for row in train], fitted.labels))
    proba = model.predict_proba(vectoriser.transform([row.text for row in test]))
    base = f1_scores(truth, (proba >= 0.5).astype(np.int8))
    return ours[0], ours[1], base[0], base[1]


def evaluate_matrices(rows: Sequence[MatrixRow]) -> list[Figure]:
    """Themes and groups 2013 → 2018; SDGs by 5 folds of the 2018 rows (one State: China only)."""
    early = [row for row in rows if row.year < SDGS_FROM]
    late = [row for row in rows if row.year >= SDGS_FROM]
    figures: list[Figure] = []
    for head in ("themes", "groups"):
        micro, macro, base_micro, base_macro = _matrix_f1(early, late, head)
        note = f"China 2013 ({len(early)} rows) -> 2018 ({len(late)} rows); small data"
        figures.append(Figure(f"{head} micro-F1 (2013 -> 2018)", micro, base_micro, "", note))
        figures.append(Figure(f"{head} macro-F1 (2013 -> 2018)", macro, base_macro, "", note))
    scores = [
        _matrix_f1(
            [r for k, r in enumerate(late) if k % 5 != f],
            [r for k, r in enumerate(late) if k % 5 == f],
            "sdgs",
        )
        for f in range(5)
    ]
    mean = [sum(s[i] for s in scores) / len(scores) for i in range(4)]
    note = f"China 2018, {len(late)} rows, 5 folds of rows (no held-out State possible); small data"
    figures.append(Figure("SDGs micro-F1 (rows of one review)", mean[0], mean[2], "", note))
    return figures
