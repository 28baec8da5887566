"""Splitting an MIA "Issue" cell into UPR Info issue labels.

The cells are comma-separated lists with slips: a comma missing between two labels, a trailing
comma, garbled words after a label. Known labels are matched greedily (longest first, ignoring
case) at word boundaries; whatever is left is returned as unmatched fragments, kept as written.

>>> matcher = IssueMatcher.of(["Detention", "Detention conditions", "Freedom of the press", "Elections"])
>>> matcher.split("Detention conditions Freedom of the press,")
IssueSplit(labels=('Detention conditions', 'Freedom of the press'), unmatched=())
>>> matcher.split("Elections Financiary of policies and halief")
IssueSplit(labels=('Elections',), unmatched=('Financiary of policies and halief',))
>>> IssueMatcher.of([]).split("Justice, International instruments,")
IssueSplit(labels=('Justice', 'International instruments'), unmatched=())
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SEPARATORS = frozenset(" ,;")
_LIST_SEPARATORS = frozenset(",;")
_SPACES = re.compile(r"\s+")
_COMMAS = re.compile(r"[,;]")


@dataclass(frozen=True)
class IssueSplit:
    labels: tuple[str, ...]  # known labels, spelt as in the vocabulary, in cell order, once each
    unmatched: tuple[str, ...]  # leftover fragments, as written


@dataclass(frozen=True)
class IssueMatcher:
    """Greedy longest-match splitter over a vocabulary of labels."""

    labels: tuple[tuple[str, str], ...]  # (case-folded label, label as given), longest first

    @classmethod
    def of(cls, labels: Iterable[str]) -> IssueMatcher:
        """A matcher for ``labels`` (blank entries ignored, first spelling of a label wins)."""
        seen: dict[str, str] = {}
        for label in labels:
            label = _SPACES.sub(" ", label).strip()
            if label:
                seen.setdefault(label.casefold(), label)
        ordered = sorted(seen.items(), key=lambda item: -len(item[1]))
        return cls(tuple(ordered))

    def split(self, cell: str) -> IssueSplit:
        """The labels and leftovers of one cell."""
        text = _SPACES.sub(" ", cell).strip()
        if not self.labels:
            parts = (part.strip() for part in _COMMAS.split(text))
            return IssueSplit(_unique(part for part in parts if part), ())
        return self._split_known(text)

    def _split_known(self, text: str) -> IssueSplit:
        found: list[str] = []
        unmatched: list[str] = []
        pending: int | None = None  # start of an unknown fragment
        position = 0
        while position < len(text):
            char = text[position]
            if char in _SEPARATORS:
                if char in _LIST_SEPARATORS and pending is not None:
                    unmatched.append(_fragment(text, pending, position))
                    pending = None
                position += 1
                continue
            label = self._match_at(text, position)
            if label is not None:
                if pending is not None:
                    unmatched.append(_fragment(text, pending, position))
                    pending = None
                found.append(label)
                position += len(label)
                continue
            if pending is None:
                pending = position
            position = _word_end(text, position)
        if pending is not None:
            unmatched.append(_fragment(text, pending, len(text)))
        return IssueSplit(_unique(found), tuple(part for part in unmatched if part))

    def _match_at(self, text: str, position: int) -> str | None:
        for folded, label in self.labels:
            end = position + len(label)
            if text[position:end].casefold() != folded:
                continue
            if end == len(text) or text[end] in _SEPARATORS:
                return label
        return None


def _word_end(text: str, position: int) -> int:
    while position < len(text) and text[position] not in _SEPARATORS:
        position += 1
    return position


def _fragment(text: str, start: int, end: int) -> str:
    return text[start:end].strip(" ,;")


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
