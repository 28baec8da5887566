"""``evaluate(data_dir)``: every figure of the analysis core beside its baseline and target.

Run it: ``python -m rightstrack.analysis.evaluation ../shared/data`` (about 10–15 minutes on 2
cores: five folds by State, each training the shipped method and the baseline). The classifier
speed figure uses the shipped model (``models/classifier.npz``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .data import load_matrices, load_upr_info, repository_root
from .embed import Embedder, default_embedder
from .eval_classify import Figure, evaluate_matrices, evaluate_upr
from .eval_tasks import evaluate_claims, evaluate_linking, measure_speed

__all__ = ["Figure", "evaluate", "format_report"]


def evaluate(
    data_dir: Path,
    *,
    folds: int = 5,
    examples_root: Path | None = None,
    embedder: Embedder | None = None,
    parts: Sequence[str] = ("classify", "matrices", "claims", "linking", "speed"),
) -> list[Figure]:
    """The figures, as ``Figure(name, figure, baseline, target, note)`` tuples, in report order.

    ``examples_root`` is the checkout holding ``examples/kazakhstan`` (default: this source tree);
    ``parts`` chooses what to measure.
    """
    root = examples_root or repository_root()
    chosen = embedder or default_embedder()
    figures: list[Figure] = []
    if "classify" in parts:
        figures += evaluate_upr(load_upr_info(data_dir), folds)
    if "matrices" in parts:
        figures += evaluate_matrices(load_matrices(data_dir))
    if "claims" in parts:
        figures += evaluate_claims(root, data_dir)
    if "linking" in parts:
        figures += evaluate_linking(root, data_dir, chosen)
    if "speed" in parts:
        figures += measure_speed([row.text for row in load_upr_info(data_dir)], chosen)
    return figures


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def format_report(figures: Sequence[Figure]) -> str:
    """A plain-text table: figure, baseline, target, and whether the target is met."""
    width = max((len(figure.name) for figure in figures), default=10)
    lines = [f"{'measure':<{width}}  {'figure':>8}  {'baseline':>8}  {'target':>8}  met", "-" * (width + 38)]
    for figure in figures:
        met = _met(figure)
        lines.append(
            f"{figure.name:<{width}}  {_number(figure.figure):>8}  {_number(figure.baseline):>8}  "
            f"{figure.target or '-':>8}  {met}"
        )
        if figure.note:
            lines.append(f"{'':<{width}}    {figure.note}")
    return "\n".join(lines)


def _met(figure: Figure) -> str:
    target = figure.target.strip()
    if not target:
        return ""
    if target == "all":
        return "yes" if figure.figure >= 0.9999 else "NO"
    operator, _, number = target.partition(" ")
    limit = float(number)
    ok = figure.figure >= limit if operator == ">=" else figure.figure <= limit
    return "yes" if ok else "NO"


def main(argv: Sequence[str]) -> int:
    if not argv:
        print("usage: python -m rightstrack.analysis.evaluation DATA_DIR [PART ...]", file=sys.stderr)
        return 2
    started = time.monotonic()
    parts = tuple(argv[1:]) or ("classify", "matrices", "claims", "linking", "speed")
    print(format_report(evaluate(Path(argv[0]), parts=parts)))
    print(f"({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
