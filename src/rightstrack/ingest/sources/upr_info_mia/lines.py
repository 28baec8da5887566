"""Line-level helpers for MIA texts: splitting, cleaning, paragraphs and page-break joins.

MIA texts come from PDFs: one paragraph per line, paragraphs separated by one blank line, and
page breaks shown as a run of several blank lines that may fall in the middle of a sentence.

>>> clean("<u>UNESCO  response:</u>")
'UNESCO response:'
>>> starts_lower('"missionary activity" and religious education.'), ends_mid_sentence("in the")
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: A run of at least this many blank lines is a page break.
PAGE_BREAK_BLANKS = 3

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LEADING_MARKUP = re.compile(r"^[#*_\s]+")
_TRAILING_MARKUP = re.compile(r"[*_\s]+$")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]*]*$")
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_EMPHASIS = re.compile(r"[*_]+")


@dataclass(frozen=True)
class Line:
    """A non-blank line of the text."""

    index: int  # 0-based position in the text
    raw: str  # as written, trailing whitespace removed
    clean: str  # tags and emphasis markers removed, whitespace collapsed
    gap: int  # blank lines just before it

    @property
    def number(self) -> int:
        """1-based line number, as in a :class:`~rightstrack.core.records.Place`."""
        return self.index + 1


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, whatever its line ends (``\\n``, ``\\r\\n`` or ``\\r``).

    >>> split_lines("a\\r\\nb\\rc")
    ['a', 'b', 'c']
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def clean(text: str) -> str:
    """``text`` without HTML tags, leading/trailing markdown markers and runs of whitespace."""
    text = _TAG.sub("", text)
    text = _LEADING_MARKUP.sub("", text)
    text = _TRAILING_MARKUP.sub("", text)
    return _SPACES.sub(" ", text).strip()


def strip_emphasis(text: str) -> str:
    """``text`` without markdown emphasis: ``"*Ukraine*"`` → ``"Ukraine"``."""
    return _SPACES.sub(" ", _EMPHASIS.sub("", _TAG.sub("", text))).strip()


def nonblank(lines: Sequence[str], start: int, end: int) -> list[Line]:
    """The non-blank lines of ``lines[start:end]``, each with the count of blank lines before it."""
    found: list[Line] = []
    gap = 0
    for index in range(start, min(end, len(lines))):
        raw = lines[index].rstrip()
        if not raw.strip():
            gap += 1
            continue
        found.append(Line(index, raw, clean(raw), gap))
        gap = 0
    return found


def starts_lower(text: str) -> bool:
    """Whether the first letter of ``text`` (after quotes, dashes, digits...) is lower case."""
    match = _FIRST_LETTER.search(text)
    return match is not None and match.group().islower()


def ends_mid_sentence(text: str) -> bool:
    """Whether ``text`` stops without closing punctuation (``.``, ``!``, ``?``, ``:``, ``;``)."""
    return not _SENTENCE_END.search(text.rstrip())


def continues_across_page_break(previous: str, line: Line) -> bool:
    """Whether ``line`` carries on the sentence ``previous`` left open before a page break."""
    return line.gap >= PAGE_BREAK_BLANKS and ends_mid_sentence(previous) and starts_lower(line.raw)


def join_paragraphs(lines: Sequence[Line]) -> str:
    """The text of ``lines`` as paragraphs separated by a blank line.

    Adjacent lines stay in one paragraph (joined by a newline); a paragraph cut by a page break
    in mid-sentence is joined to its continuation by a space.

    >>> a, b, c = Line(0, "It was", "It was", 0), Line(5, "done.", "done.", 4), Line(7, "Then.", "Then.", 1)
    >>> join_paragraphs([a, b, c])
    'It was done.\\n\\nThen.'
    """
    paragraphs: list[str] = []
    for line in lines:
        if not paragraphs:
            paragraphs.append(line.raw)
        elif line.gap == 0:
            paragraphs[-1] += "\n" + line.raw
        elif continues_across_page_break(paragraphs[-1], line):
            paragraphs[-1] += " " + line.raw.lstrip()
        else:
            paragraphs.append(line.raw)
    return "\n\n".join(paragraphs)
