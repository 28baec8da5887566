"""Where the "Conclusions and/or recommendations" section starts and ends.

The section is headed ``II. Conclusions and/or recommendations`` (``III.`` when the report has a
section on its first review; capitals in 2008–2009; ``**``, or ``∗∗`` in some PDFs, for an unedited
text; the numeral on a line of its own in some PDFs) and ends with the
paragraph "All conclusions and/or recommendations contained in the present report reflect the
position of ...", followed by ``III. Voluntary pledges and commitments`` and/or the annex
(composition of the delegation). The table of contents gives its paragraph range ("95–98").

>>> bool(HEADING.match(" II. \\tConclusions and/or recommendations** "))
True
>>> bool(HEADING.match("II. Conclusions and/or recommendations ........ 95–98 14"))
False
>>> bool(CLOSING.search("98. All conclusions and/or recommendations contained in the present report"))
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

#: Footnote marks after the heading: "**", or "∗∗" (U+2217) as some PDFs print them.
STARS = "*\u2217"
HEADING = re.compile(
    rf"^\s*(?:I{{1,3}}|IV)\.?\s+conclusions\s+and(?:/or)?\s+recommendations[\s{STARS}.:]*$", re.I
)
#: The heading's words alone on their line, when the PDF put its number "II." on the line before.
_HEADING_WORDS = re.compile(rf"^\s*conclusions\s+and(?:/or)?\s+recommendations[\s{STARS}.:]*$", re.I)
_NUMERAL = re.compile(r"^\s*(?:I{1,3}|IV)\.?\s*$")
_TOC_ENTRY = re.compile(
    r"^\s*(?:I{1,3}|IV)\.?\s+conclusions\s+and(?:/or)?\s+recommendations\s*\.{3,}\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\b",
    re.I,
)
#: The closing paragraph (numbered or not; "All the ..." or without "All").
CLOSING = re.compile(r"conclusions\s+and(?:/or)?\s+recommendations\s+(?:contained|set\s+out)\s+in", re.I)
_AFTER = re.compile(
    r"^\s*(?:(?:I{1,3}|IV)\.?\s+voluntary\s+(?:pledges|commitments)\b.*"
    r"|annex\b.{0,40}|composition\s+of\s+the\s+delegation\b.{0,40}|\[end conclusions.*)$",
    re.I,
)


@dataclass(frozen=True)
class Section:
    """The conclusions section: ``heading``, ``end`` (exclusive) 0-based; ``closed``: its end was found."""

    heading: int
    end: int
    closed: bool
    toc_range: tuple[int, int] | None  # paragraph range the table of contents gives
    closing_line: int | None  # 0-based line of the closing paragraph, when there is one


def find_section(lines: Sequence[str]) -> Section:
    """The conclusions section; :class:`DocumentRejected` when the text has none."""
    headings = [index for index, line in enumerate(lines) if _is_heading(lines, index)]
    toc = next((found for line in lines[:150] if (found := _TOC_ENTRY.match(line))), None)
    toc_range = (int(toc[1]), int(toc[2])) if toc else None
    if not headings:
        raise DocumentRejected(
            "no 'Conclusions and/or recommendations' section heading: the report has no recommendations "
            "section (or the text stops before it)",
            Place(line=len(lines), section="recommendations"),
        )
    heading = headings[-1]
    closing_line = None
    for index in range(heading + 1, len(lines)):
        line = lines[index]
        if closing_line is None and CLOSING.search(line):
            closing_line = index
            continue
        if _AFTER.match(line):
            return Section(heading, index, True, toc_range, closing_line)
    if closing_line is not None:
        return Section(heading, _paragraph_end(lines, closing_line), True, toc_range, closing_line)
    return Section(heading, len(lines), False, toc_range, None)


def _is_heading(lines: Sequence[str], index: int) -> bool:
    """Whether line ``index`` is the section's heading: "II. Conclusions and/or recommendations", or its
    words alone after a line "II.".

    >>> _is_heading(["II.", "", "Conclusions and/or recommendations\u2217\u2217"], 2)
    True
    >>> _is_heading(["in its", "conclusions and/or recommendations"], 1)
    False
    """
    if HEADING.match(lines[index]):
        return True
    if not _HEADING_WORDS.match(lines[index]):
        return False
    before = next((line for line in reversed(lines[max(0, index - 3) : index]) if line.strip()), "")
    return bool(_NUMERAL.match(before))


def _paragraph_end(lines: Sequence[str], start: int) -> int:
    """The line after the paragraph that starts at ``start`` (its first blank line)."""
    for index in range(start + 1, len(lines)):
        if not lines[index].strip():
            return index
    return len(lines)
