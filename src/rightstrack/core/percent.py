"""Probabilities as people read them."""

from __future__ import annotations

NBSP = "\u00a0"


def confidence(probability: float) -> str:
    """A probability as a whole percentage that never claims a certainty a model cannot have.

    The spaces are non-breaking, so the figure never wraps between its parts.

    >>> [text.replace(NBSP, " ") for text in (confidence(0.934), confidence(0.9991), confidence(0.001))]
    ['93 %', '> 99 %', '< 1 %']
    """
    if probability >= 0.995:
        return f">{NBSP}99{NBSP}%"
    if probability < 0.005:
        return f"<{NBSP}1{NBSP}%"
    return f"{round(probability * 100)}{NBSP}%"
