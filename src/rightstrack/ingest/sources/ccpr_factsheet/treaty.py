"""The "Similar recommendations of the Human Rights Committee" cell: quoted paragraphs and follow-up.

The cell quotes paragraphs of the concluding observations (``50. The State party should: (a) …``,
lettered limbs on their own lines, sub-headings such as ``Freedom of expression``), and sometimes the
Committee's follow-up letter: ``Follow-up letter, 2018:`` then ``[B] (a) and (b): Partially
implemented.`` or ``Committee's evaluation of §54`` then ``(a): Not implemented`` and its reasons.

>>> from .cells import Para
>>> cell = read_cell([Para("50. The State party should:", 3), Para("(b) Repeal it;", 4),
...                   Para("Follow-up letter, 2018:", 5, True), Para("[C] (b): Not implemented.", 5)])
>>> cell.quoted[0].number, cell.quoted[0].text, cell.follow_ups[0].level, cell.follow_ups[0].sub_item
('50', 'The State party should: (b) Repeal it;', 'C', '(b)')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .cells import Para

_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)$", re.DOTALL)
_FOLLOW_UP = re.compile(r"^Follow-up letter\b", re.IGNORECASE)
_EVALUATION_OF = re.compile(r"evaluation of §\s*(\d{1,3})", re.IGNORECASE)
_SEGMENT = re.compile(
    r"^(?:\[([A-Z])\]\s*)?(\([a-z]\)(?:\s*(?:,|and|to|-|–)\s*\([a-z]\))*)\s*:\s*", re.IGNORECASE
)


@dataclass
class Quoted:
    """A paragraph of the concluding observations as the fact sheet quotes it."""

    number: str
    parts: list[str]
    line: int
    heading: str

    @property
    def text(self) -> str:
        return " ".join(self.parts)


@dataclass
class FollowUp:
    """The Committee's evaluation of one limb of a paragraph, as the fact sheet quotes it."""

    number: str
    sub_item: str
    level: str | None
    parts: list[str]
    line: int

    @property
    def text(self) -> str:
        return "\n\n".join(self.parts)


@dataclass
class TreatyCell:
    quoted: list[Quoted] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    unplaced: list[Para] = field(default_factory=list)  # text before any paragraph number


def read_cell(paras: Sequence[Para]) -> TreatyCell:
    """Splits the cell into quoted paragraphs (limbs joined by a space) and follow-up evaluations."""
    cell = TreatyCell()
    heading = ""
    current: Quoted | None = None
    follow_up_of: str | None = None  # the paragraph the follow-up letter speaks of; None: quoting
    for para in paras:
        text = para.text
        evaluation = _EVALUATION_OF.search(text) if para.heading or follow_up_of is not None else None
        if (para.heading and _FOLLOW_UP.match(text)) or evaluation:
            follow_up_of = evaluation.group(1) if evaluation else (current.number if current else "")
            continue
        numbered = _NUMBERED.match(text)
        if numbered:
            follow_up_of = None
            current = Quoted(numbered.group(1), [numbered.group(2)], para.line, heading)
            cell.quoted.append(current)
        elif para.heading and follow_up_of is None:
            heading = text
        elif follow_up_of is not None:
            _follow_up(cell, follow_up_of, para)
        elif current is None:
            cell.unplaced.append(para)
        else:
            current.parts.append(text)
    return cell


def _follow_up(cell: TreatyCell, number: str, para: Para) -> None:
    segment = _SEGMENT.match(para.text)
    last = cell.follow_ups[-1] if cell.follow_ups else None
    if segment:
        level = segment.group(1).upper() if segment.group(1) else None
        cell.follow_ups.append(FollowUp(number, segment.group(2), level, [para.text], para.line))
    elif last is not None and last.number == number:
        last.parts.append(para.text)
    else:
        cell.follow_ups.append(FollowUp(number, "", None, [para.text], para.line))
