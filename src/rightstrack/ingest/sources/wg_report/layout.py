"""Lines of a report as the numbering reads them: page furniture dropped, run-in items split.

PDF → text exports keep some page furniture (the symbol repeated at the top of a page, the
``GE.10-12345`` job number and its barcode, page numbers, "Page 3") and sometimes run two numbered
items into one line ("... (Chile); 118.66 Intensify ..."). A :class:`Segment` is one piece of
text with the 1-based line it comes from.

>>> is_furniture("A/HRC/14/10"), is_furniture("GE.10-12345  (E)  140410"), is_furniture("  17 ")
(True, True, True)
>>> is_furniture("*1012345*"), is_furniture("A/HRC/8/33 Page 3"), is_furniture("95.1 To ratify (Chile);")
(True, True, False)
>>> [s.text for s in segments(["92.1 Ratify it (Chile); 92.2 Adopt a law (Peru);"], 0, 1)]
['92.1 Ratify it (Chile);', '92.2 Adopt a law (Peru);']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_FURNITURE = (
    re.compile(
        r"A/HRC/(?:WG\.6/)?\d+/[\w.]+(?:/Add\.\d+)?[*\u2217]?(?:\s+[Pp]age\s+\d+)?"
    ),  # the symbol as a page header
    re.compile(r"(?:[Pp]age\s+)?\d{1,3}(?:\s+A/HRC/\d+/\d+)?"),  # a page number, alone or beside the symbol
    re.compile(r"GE\.\s?\d\d-\d{4,6}\b.*"),  # job number ("GE.09-16299", "GE. 09-16299"), "(E)", date
    re.compile(r"\*\d{6,8}\*"),  # barcode
    re.compile(r"-\s*\d{1,3}\s*-"),  # "- 12 -"
)
#: Footnotes: the wording a recommendation had in the room, and the "** not edited" notes.
_FOOTNOTE = re.compile(
    r"\d{1,2}\s+(?:The\s+)?(?:text\s+of\s+the\s+)?(?:original\s+)?(?:recommendations?\s+(?:as|originally|read|made|was)|wording)\b.*"
    r"|[*\u2217]{1,3}(?:\s*\S.*)?|(?:the\s+)?conclusions\s+and(?:/or)?\s+recommendations\s+(?:have|will)\s+not\s+be(?:en)?\s+edited\.?",
    re.I,
)
FOOTNOTE_RUN_ON = 3
_SENTENCE_END = re.compile(r"[.;:!?”\"’)]\s*$")
_ITEM = re.compile(r"\d{1,3}\.\d{0,3}")
#: A numbered item that a PDF export ran into the end of the previous one.
_RUN_IN = re.compile(
    r"(?<=\)[;.])\s+(?=\d{1,3}(?:(?:\.\s?|\s?[-–]\s?)\d{1,3})?\.?\s+[A-Z“\"])"
    r"|(?<=\))\s+(?=\d{1,3}(?:\.|[-–])\d{1,3}\.?\s+[A-Z“\"])"
)


#: A line that ends in a word's hyphen ("awareness-", "non-"), and a line that starts with a word that
#: is not "and"/"or" ("pre- and post-natal" keeps its space).
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_WORD_START = re.compile(r"^(?!(?:and|or|to|nor)\b)[^\W\d_]")


def join_lines(lines: Sequence[str]) -> str:
    """Lines of one paragraph as one text: a space between them, none after a line-end hyphen (a PDF
    breaks "awareness-raising" at its hyphen; the report's words keep it).

    >>> join_lines(["public awareness-", "raising campaigns", "pre-", "and post-natal"])
    'public awareness-raising campaigns pre- and post-natal'
    """
    text = ""
    for line in lines:
        if text and not (_HYPHEN_END.search(text) and _WORD_START.match(line)):
            text += " "
        text += line
    return text


@dataclass(frozen=True)
class Segment:
    line: int  # 1-based line of the text
    text: str  # stripped


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture (header, footer, page number, job number, barcode)."""
    stripped = line.strip()
    return bool(stripped) and any(pattern.fullmatch(stripped) for pattern in _FURNITURE)


def segments(lines: Sequence[str], start: int, end: int) -> list[Segment]:
    """The non-blank pieces of ``lines[start:end]`` (0-based) that are neither furniture nor footnotes,
    run-in items split apart.

    A footnote may run on: while its quotation is open (for a few lines, numbered items excepted) or,
    when it stops mid-sentence, on lines that start in lower case.

    >>> lines = ["2 The recommendation as read: “Ratify", "95.3 Adopt (Peru);", "it”."]
    >>> [s.text for s in segments(lines, 0, 3)]
    ['95.3 Adopt (Peru);']
    """
    found: list[Segment] = []
    footnote_open = 0  # lines a footnote may still run on
    lower_run_on = False
    for index in range(start, min(end, len(lines))):
        stripped = lines[index].strip()
        if not stripped or is_furniture(stripped):
            continue
        if _FOOTNOTE.fullmatch(stripped):
            footnote_open = FOOTNOTE_RUN_ON if stripped.count("“") > stripped.count("”") else 0
            lower_run_on = not _SENTENCE_END.search(stripped)
            continue
        if footnote_open:
            if not _ITEM.match(stripped):
                footnote_open = 0 if "”" in stripped else footnote_open - 1
                continue
            footnote_open -= 1
        if lower_run_on and stripped[:1].islower():
            lower_run_on = not _SENTENCE_END.search(stripped)  # the footnote ends with its sentence
            continue
        lower_run_on = False
        found.extend(Segment(index + 1, piece.strip()) for piece in _RUN_IN.split(stripped) if piece.strip())
    return found
