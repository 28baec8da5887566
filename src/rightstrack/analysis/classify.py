"""Classify recommendation texts with the shipped model: action category, issues, themes, groups, SDGs.

Every predicted label carries its probability. The model is read once from
``models/classifier.npz`` (or a path given) and needs no network and no scikit-learn model pickle.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .linear import Model, load_model

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "classifier.npz"
RETRAIN = "python -m rightstrack.analysis.training ../shared/data"
CSV_COLUMNS = (
    "pred_action_category",
    "pred_action_category_p",
    "pred_issues",
    "pred_issues_p",
    "pred_themes",
    "pred_themes_p",
    "pred_sdgs",
    "pred_sdgs_p",
)
_BATCH = 2000


@dataclass(frozen=True)
class Label:
    label: str
    probability: float


@dataclass(frozen=True)
class Classification:
    """What the model says of one text. Label tuples are sorted by falling probability."""

    action_category: int | None
    action_probability: float
    issues: tuple[Label, ...] = ()
    themes: tuple[Label, ...] = ()
    groups: tuple[Label, ...] = ()
    sdgs: tuple[Label, ...] = ()

    def labels(self, head: str) -> list[str]:
        chosen: tuple[Label, ...] = getattr(self, head)
        return [item.label for item in chosen]


class Classifier:
    """The heads of one :class:`~.linear.Model` applied to texts."""

    def __init__(self, model: Model) -> None:
        self.model = model

    @classmethod
    def load(cls, path: Path | None = None) -> Classifier:
        target = path or DEFAULT_MODEL
        if not target.is_file():
            raise FileNotFoundError(f"no classifier model at {target}; train one with: {RETRAIN}")
        return cls(load_model(target))

    @property
    def heads(self) -> tuple[str, ...]:
        return tuple(self.model.heads)

    def classify(self, texts: Sequence[str]) -> list[Classification]:
        """One :class:`Classification` per text, in order."""
        results: list[Classification] = []
        for start in range(0, len(texts), _BATCH):
            results.extend(self._batch(list(texts[start : start + _BATCH])))
        return results

    def probabilities(self, texts: Sequence[str], head: str) -> NDArray[np.float32]:
        """Every label's probability under ``head`` (columns in the order of the head's labels)."""
        import numpy as np

        model_head = self.model.heads[head]
        if not texts:
            return np.zeros((0, len(model_head.labels)), dtype=np.float32)
        return model_head.scores(self.model.space.transform(list(texts)))

    def _batch(self, texts: list[str]) -> Iterator[Classification]:
        if not texts:
            return
        features = self.model.space.transform(texts)
        chosen: dict[str, list[tuple[Label, ...]]] = {}
        action: list[tuple[int | None, float]] = [(None, 0.0)] * len(texts)
        for name, head in self.model.heads.items():
            proba = head.scores(features)
            if name == "action":
                best = proba.argmax(axis=1)
                action = [(int(head.labels[b]), float(proba[k, b])) for k, b in enumerate(best)]
                continue
            picked = head.chosen(proba)
            chosen[name] = [
                tuple(
                    sorted(
                        (Label(head.labels[j], round(float(proba[k, j]), 4)) for j in picked[k].nonzero()[0]),
                        key=lambda item: -item.probability,
                    )
                )
                for k in range(len(texts))
            ]
        for k in range(len(texts)):
            yield Classification(
                action[k][0],
                round(action[k][1], 4),
                **{
                    name: labels[k]
                    for name, labels in chosen.items()
                    if name in ("issues", "themes", "groups", "sdgs")
                },
            )


_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_MINOR = frozenset(
    re.findall(
        r"\w+",
        "a an and the of to in on for with by its it their as at from or be that this these those all any "
        "which who into under such other",
    )
)


def explain(classifier: Classifier, text: str, head: str, label: str, top: int = 3) -> list[str]:
    """The words of ``text`` that weigh most for ``label`` of ``head``: those whose removal lowers the
    label's score most (occlusion; works for every head, whatever its features). Best first; only
    words that raise the score.

    >>> classifier = default_classifier()
    >>> "death" in explain(classifier, "Abolish the death penalty", "issues", "Death penalty")
    True
    """
    model_head = classifier.model.heads[head]
    if label not in model_head.labels:
        return []
    words = list(dict.fromkeys(w for w in _WORD.findall(text) if w.casefold() not in _MINOR))[:60]
    if not words:
        return []
    variants = [text] + [
        re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, flags=re.IGNORECASE) for word in words
    ]
    scores = (classifier.model.space.transform(variants) @ model_head.coef.T).toarray()
    j = model_head.labels.index(label)
    # a multi-class head's score of a label is relative to the others'
    margin = scores[:, j] if model_head.multilabel else scores[:, j] - scores.mean(axis=1)
    drops = margin[0] - margin[1:]
    ranked = sorted(zip(words, drops, strict=True), key=lambda item: -item[1])
    return [word for word, drop in ranked[:top] if drop > 1e-6]


@lru_cache(maxsize=1)
def default_classifier() -> Classifier:
    """The shipped model, loaded once per process."""
    return Classifier.load()


def classify(texts: Sequence[str], classifier: Classifier | None = None) -> list[Classification]:
    """Classify ``texts`` with ``classifier`` (default: the shipped model)."""
    return (classifier or default_classifier()).classify(texts)


def _joined(labels: tuple[Label, ...]) -> tuple[str, str]:
    return ";".join(item.label for item in labels), ";".join(f"{item.probability:.3f}" for item in labels)


def classify_csv(
    path_in: Path | str,
    path_out: Path | str,
    text_column: str = "recommendation",
    classifier: Classifier | None = None,
) -> int:
    """Copy a CSV adding the ``pred_*`` columns (:data:`CSV_COLUMNS`); returns the number of rows.

    Multi-label columns are ';'-joined, their ``_p`` twins give each label's probability in the
    same order. Raises ``KeyError`` when ``text_column`` is missing.
    """
    with Path(path_in).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    if text_column not in fields:
        raise KeyError(f"{path_in}: no column {text_column!r} (columns: {', '.join(fields)})")
    results = classify([row.get(text_column) or "" for row in rows], classifier)
    for row, result in zip(rows, results, strict=True):
        row["pred_action_category"] = "" if result.action_category is None else str(result.action_category)
        row["pred_action_category_p"] = f"{result.action_probability:.3f}"
        for head in ("issues", "themes", "sdgs"):
            row[f"pred_{head}"], row[f"pred_{head}_p"] = _joined(getattr(result, head))
    from rightstrack.outputs.spreadsheets import csv_dict_writer  # openpyxl: not at package import

    with Path(path_out).open("w", encoding="utf-8", newline="") as handle:
        writer = csv_dict_writer(handle, fields + [c for c in CSV_COLUMNS if c not in fields])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
