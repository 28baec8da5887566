"""Cell text of the fact sheets: HTML-ish tags out, paragraphs in, pieces cut by page breaks joined.

A cell holds paragraphs marked by ``<p>``/``<li>`` tags or by a run of two spaces (a line break in
the source PDF). A bold run with no closing punctuation that stands alone is a sub-heading.

>>> [(p.text, p.heading) for p in paragraphs("<p><b>Peaceful assembly</b></p> <p>52. The State party</p>", 9)]
[('Peaceful assembly', True), ('52. The State party', False)]
>>> [p.text for p in paragraphs("<b>Follow-up letter, 2018</b> <b>Evaluation of §54</b> (a): Not done", 1)]
['Follow-up letter, 2018', 'Evaluation of §54', '(a): Not done']
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

_BLOCK_TAG = re.compile(r"</?(?:p|ul|ol|li|br)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_GAP = re.compile(r"\n|\s{2,}")
_SPACES = re.compile(r"\s+")
_MARKDOWN_BOLD = re.compile(r"\*\*")
_LEADING_BOLD = re.compile(r"^<b>([^<]*)</b>\s+(?=[A-Z0-9(\[]|<b>)")
_WHOLLY_BOLD = re.compile(r"^<b>[^<]*</b>$")
_SENTENCE_END = re.compile(r"[.!?;…][\"'”’»)\]]*$")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Para:
    """One paragraph of a cell: tags stripped, whitespace collapsed, with the line it starts on."""

    text: str
    line: int
    heading: bool = False

    @property
    def open_ended(self) -> bool:
        """Whether it stops in mid-sentence (so a page break may have cut it)."""
        return not self.heading and not _SENTENCE_END.search(self.text)

    @property
    def starts_lower(self) -> bool:
        match = _FIRST_LETTER.search(self.text)
        return match is not None and match.group().islower()


def clean(raw: str) -> str:
    """``raw`` without tags, markdown bold and runs of whitespace."""
    text = _MARKDOWN_BOLD.sub("", _TAG.sub("", raw))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def paragraphs(raw: str, line: int) -> list[Para]:
    """The paragraphs of one cell as written on ``line``."""
    found: list[Para] = []
    for piece in _GAP.split(_BLOCK_TAG.sub("\n", raw)):
        piece = piece.strip()
        while match := _LEADING_BOLD.match(piece):
            if _SENTENCE_END.search(match.group(1).strip()) or not match.group(1).strip():
                break
            found.append(Para(clean(match.group(1)), line, heading=True))
            piece = piece[match.end() :]
        text = clean(piece)
        if text:
            heading = bool(_WHOLLY_BOLD.match(piece)) and not _SENTENCE_END.search(text)
            found.append(Para(text, line, heading))
    return found


@dataclass
class Column:
    """The paragraphs of one column of a sheet, gathered over its rows in order."""

    name: str
    paras: list[Para]
    last_piece: str = ""  # the raw text of the last cell added, to drop cells repeated row after row

    def add(self, raw: str, line: int) -> str:
        """Adds one cell; returns "repeated" if it merely repeats the cell above, else ""."""
        if not raw.strip():
            return ""
        if raw.strip() == self.last_piece:
            return "repeated"
        self.last_piece = raw.strip()
        self.extend(paragraphs(raw, line))
        return ""

    def extend(self, new: Sequence[Para]) -> None:
        """Appends ``new``; a first paragraph carrying on one left open (page break) is joined to it."""
        new = list(new)
        if new and self.paras and self.paras[-1].open_ended and not new[0].heading:
            last = self.paras[-1]
            self.paras[-1] = replace(last, text=f"{last.text} {new[0].text}")
            new = new[1:]
        self.paras.extend(new)

    def open_ended(self) -> bool:
        return bool(self.paras) and self.paras[-1].open_ended


def join(paras: Sequence[Para]) -> str:
    """The paragraphs as text, separated by a blank line."""
    return "\n\n".join(para.text for para in paras)
