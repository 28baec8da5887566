"""Lines, table cells, headings and footnotes of the report's text.

The text is markdown converted from a PDF: headings are ``#`` lines or whole-line bold (``**...**``),
tables are tab-separated lines with HTML inside the cells (``<b>``, ``<u>``, ``<p>``, ``<sup>``),
footnotes are ``<sup>N</sup>text`` lines after a ``---`` rule.

>>> cell_text("<b>2 Dec 2003</b>")
'2 Dec 2003'
>>> cell_text("12 February 2010 (14 <sup>th</sup> Working Group)")
'12 February 2010 (14th Working Group)'
>>> cell_text("20/12/2019 <sup>24</sup>"), note_numbers("20/12/2019 <sup>24</sup>")
('20/12/2019', (24,))
>>> heading_text("## **XI. ANNEX I: Inventory**"), is_heading("**c. Reports**"), is_heading("a\\tb")
('XI. ANNEX I: Inventory', True, False)
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

#: Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SHARE = 1000  # more than one control character in this many characters rejects the text
_SUP_ORDINAL = re.compile(r"\s*<sup>\s*(st|nd|rd|th)\s*</sup>", re.IGNORECASE)
_SUP_NOTE = re.compile(r"\s*<sup>\s*(\d+)\s*</sup>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_SPACES = re.compile(r"\s+")
_HEADING = re.compile(r"^\s*(?:#{1,6}\s+\S.*|\*\*[^*\s].*\*\*)\s*$")
_HEADING_MARKS = " #*"
_FOOTNOTE = re.compile(r"^\s*<sup>\s*(\d+)\s*</sup>\s*(.*)$")
_RULE = re.compile(r"^[-\s]+$")


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, whatever its line ends.

    >>> split_lines("a\\r\\nb\\rc")
    ['a', 'b', 'c']
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def checked_lines(text: str) -> list[str]:
    """The lines of a text fit to read; rejects an empty text or one full of control characters."""
    if not text.strip():
        raise DocumentRejected("the text is empty", Place(line=1))
    controls = _CONTROL.findall(text)
    if len(controls) * _CONTROL_SHARE > len(text):
        first = _CONTROL.search(text)
        line = text.count("\n", 0, first.start()) + 1 if first else 1
        raise DocumentRejected(
            f"the text is full of control characters ({len(controls)} of {len(text)} characters): "
            "not a decoded text",
            Place(line=line),
        )
    return [_CONTROL.sub("", line) for line in split_lines(text)]


def cell_text(raw: str) -> str:
    """A cell's words: ordinals joined (``14 <sup>th</sup>`` → ``14th``), note marks, tags and entities
    removed, whitespace collapsed."""
    text = _SUP_ORDINAL.sub(lambda match: match.group(1), raw)
    text = _SUP_NOTE.sub(" ", text)
    text = html.unescape(_TAG.sub(" ", text))
    return _SPACES.sub(" ", text).strip()


def note_numbers(raw: str) -> tuple[int, ...]:
    """The footnote numbers marked in ``raw`` (``<sup>18</sup>``)."""
    return tuple(int(number) for number in _SUP_NOTE.findall(raw))


def heading_text(raw: str) -> str:
    """A heading's words, without ``#`` and ``**`` marks."""
    return cell_text(raw.strip().strip(_HEADING_MARKS).replace("**", ""))


def is_heading(raw: str) -> bool:
    """Whether a line is a heading: ``#`` markdown or a whole line in bold, with no table cells."""
    return "\t" not in raw and bool(_HEADING.match(raw))


def is_rule(raw: str) -> bool:
    """Whether a line is a ``---`` rule (also ``--<TAB>---`` in tables)."""
    return bool(raw.strip()) and bool(_RULE.match(raw))


def is_footnote(raw: str) -> bool:
    return bool(_FOOTNOTE.match(raw))


def footnotes(lines: Sequence[str]) -> dict[int, tuple[int, str]]:
    """Footnote number → (0-based line, text), for every ``<sup>N</sup>text`` line (first one wins)."""
    found: dict[int, tuple[int, str]] = {}
    for index, raw in enumerate(lines):
        match = _FOOTNOTE.match(raw)
        if match is not None and "\t" not in raw:
            found.setdefault(int(match.group(1)), (index, match.group(2).strip()))
    return found


@dataclass(frozen=True)
class Outline:
    """The headings of the document, in order, as (0-based line, text)."""

    headings: tuple[tuple[int, str], ...]

    @classmethod
    def of(cls, lines: Sequence[str]) -> Outline:
        return cls(tuple((index, heading_text(raw)) for index, raw in enumerate(lines) if is_heading(raw)))

    def section_at(self, index: int) -> str:
        """The heading last seen at or before line ``index`` ("" before the first)."""
        name = ""
        for at, text in self.headings:
            if at > index:
                break
            name = text
        return name

    def find(self, pattern: re.Pattern[str], start: int = 0) -> int | None:
        """The line of the first heading at or after ``start`` that ``pattern`` matches."""
        return next((at for at, text in self.headings if at >= start and pattern.search(text)), None)

    def next_heading(self, index: int, pattern: re.Pattern[str] | None = None) -> int | None:
        """The line of the first heading after ``index`` (matching ``pattern`` when given)."""
        return next(
            (at for at, text in self.headings if at > index and (pattern is None or pattern.search(text))),
            None,
        )
