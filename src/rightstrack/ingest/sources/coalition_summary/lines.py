"""Lines of the slides' text: non-blank lines with the blank lines before them, and paragraphs.

>>> [(line.number, line.clean, line.gap) for line in nonblank(["", "**A**", "b", "", "- c"])]
[(2, 'A', 1), (3, 'b', 0), (5, '- c', 1)]
>>> [text for _, text in paragraphs(nonblank(["**KAZAKH BUREAU FOR", "HUMAN RIGHTS**", "", "X"]))]
['KAZAKH BUREAU FOR HUMAN RIGHTS', 'X']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SHARE = 1000
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_MARKUP = re.compile(r"^[#*_\s]+|[*_\s]+$")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]*]*$")


@dataclass(frozen=True)
class Line:
    """A non-blank line: 0-based position, text as written, text without markup, blank lines before."""

    index: int
    raw: str
    clean: str
    gap: int

    @property
    def number(self) -> int:
        """1-based line number."""
        return self.index + 1


def clean(text: str) -> str:
    """``text`` without HTML tags, surrounding markdown marks and runs of whitespace."""
    return _SPACES.sub(" ", _MARKUP.sub("", _TAG.sub("", text))).strip()


def checked_lines(text: str) -> list[Line]:
    """The non-blank lines of a text fit to read; rejects an empty text or one of control characters."""
    if not text.strip():
        raise DocumentRejected("the text is empty", Place(line=1))
    controls = _CONTROL.findall(text)
    if len(controls) * _CONTROL_SHARE > len(text):
        raise DocumentRejected(
            f"the text is full of control characters ({len(controls)} of {len(text)} characters)",
            Place(line=1),
        )
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return nonblank([_CONTROL.sub("", line) for line in raw_lines])


def nonblank(lines: Sequence[str]) -> list[Line]:
    found: list[Line] = []
    gap = 0
    for index, raw in enumerate(lines):
        if not raw.strip():
            gap += 1
            continue
        found.append(Line(index, raw.rstrip(), clean(raw), gap))
        gap = 0
    return found


def paragraphs(lines: Sequence[Line]) -> list[tuple[Line, str]]:
    """(first line, text) of each run of adjacent lines, joined by a space and cleaned as a whole."""
    found: list[tuple[Line, list[str]]] = []
    for line in lines:
        if found and line.gap == 0:
            found[-1][1].append(line.raw.strip())
        else:
            found.append((line, [line.raw.strip()]))
    return [(first, clean(" ".join(parts))) for first, parts in found]


def ends_mid_sentence(text: str) -> bool:
    """Whether ``text`` stops without closing punctuation."""
    return not _SENTENCE_END.search(text.rstrip())
