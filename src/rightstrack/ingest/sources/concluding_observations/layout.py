"""The numbered paragraphs of concluding observations, under their section and subject headings.

Text converted from PDF loses the layout: page numbers, the repeated symbol and the job number
(``GE.16-14016(E)``) stand between the lines; a subject heading and one or more paragraphs may share a
line (``Family reunification 35. The Committee … (art. 23). 36. The State party should …``); a short
limb's words may come out after its letter (``(g) 2011;`` then ``The strengthening of … in``).
Paragraphs are numbered 1, 2, 3…: the next number is looked for where a paragraph can begin, so that
numbers inside sentences (``article 14 (5)``, ``Act No. 7``) are not taken for paragraphs.

>>> body = read_body(["A. Introduction", "1. Text.", "Gender equality 2. The Committee is concerned.",
...                   "3. The State party should:", "(a) law;", "Repeal the discriminatory", "7"], 1)
>>> [(p.number, p.section, p.heading, p.text) for p in body.paragraphs]  # doctest: +NORMALIZE_WHITESPACE
[('1', 'A. Introduction', '', '1. Text.'),
 ('2', 'A. Introduction', 'Gender equality', '2. The Committee is concerned.'),
 ('3', 'A. Introduction', 'Gender equality',
  '3. The State party should:\\n(a) Repeal the discriminatory law;')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rightstrack.core.records import Place, Problem

SECTION = re.compile(r"^(?:[A-H]|[IVX]{1,4})\.\s+[A-Z].{0,200}(?<![.;:,])$")
LIMB = re.compile(r"^\(([a-z])\)\s*(.*)$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_JOB_NUMBER = re.compile(r"^GE\.\d{2}-\d{4,6}")
_FOOTNOTE_MARK = re.compile(r"^\*+$")
_ADOPTED_NOTE = re.compile(r"^\*?\s*Adopted by the [Cc]ommittee at its (\d{1,3})(?:st|nd|rd|th) session")
_SENTENCE_END = re.compile(r"[.;:,]\s*$")
_SHORT_LIMB = 3  # words: a limb this short followed by a loose line lost its words to that line
_HEADING_WORDS = 20


@dataclass
class Paragraph:
    number: str
    line: int
    section: str
    heading: str
    parts: list[str] = field(default_factory=list)  # the opening, then one "(a) …" part per limb

    @property
    def text(self) -> str:
        return "\n".join(self.parts)

    @property
    def place(self) -> Place:
        return Place(line=self.line, section=self.heading or self.section, paragraph=self.number)


@dataclass
class Body:
    paragraphs: list[Paragraph] = field(default_factory=list)
    session: int | None = None
    problems: list[Problem] = field(default_factory=list)


def is_furniture(line: str, symbol: str) -> bool:
    """Page numbers, the symbol repeated at the head of each page, the job number, footnote marks."""
    return bool(
        _PAGE_NUMBER.match(line)
        or line == symbol
        or _JOB_NUMBER.match(line)
        or _FOOTNOTE_MARK.match(line)
        or _ADOPTED_NOTE.match(line)
    )


def _start(number: int) -> re.Pattern[str]:
    """Where paragraph ``number`` begins: at the line's start or after a sentence, before a capital."""
    return re.compile(rf"(?<!\S){number}\.\s+(?=[A-Z\"“])")


def read_body(lines: list[str], first_line: int, symbol: str = "") -> Body:
    """The paragraphs of ``lines`` (numbered from ``first_line``), the session of the adoption footnote."""
    body = Body()
    kept: list[tuple[int, str]] = []
    for offset, raw in enumerate(lines):
        line = raw.strip()
        note = _ADOPTED_NOTE.match(line)
        if note:
            body.session = int(note.group(1))
        if line and not is_furniture(line, symbol):
            kept.append((first_line + offset, line))
    section = heading = ""
    current: Paragraph | None = None
    expected = 1
    for index, (number, line) in enumerate(kept):
        if SECTION.match(line) and not _start(expected).match(line):
            section, heading = line, ""
            continue
        rest = line
        match = _start(expected).search(rest)
        if match is None and current is not None and _start(expected + 1).match(rest):
            body.problems.append(
                Problem(
                    Place(line=number, section=heading or section, paragraph=str(expected + 1)),
                    f"no paragraph {expected}: the numbering goes from {expected - 1} to {expected + 1}",
                )
            )
            expected += 1
            match = _start(expected).match(rest)
        if match is None:
            following = kept[index + 1][1] if index + 1 < len(kept) else ""
            if _is_heading(line, following, expected):
                heading = line
            elif current is None:
                body.problems.append(
                    Problem(Place(line=number), f"text before paragraph 1 left out: {line!r}")
                )
            else:
                _continue(current, line)
            continue
        lead = rest[: match.start()].strip()
        if lead:
            if current is not None and (_SENTENCE_END.search(lead) or lead[:1].islower()):
                _continue(current, lead)
            elif _is_heading(lead, rest[match.start() :], expected):
                heading = lead
            elif current is not None:
                _continue(current, lead)
        rest = rest[match.start() :]
        while match is not None:
            current = Paragraph(str(expected), number, section, heading)
            body.paragraphs.append(current)
            expected += 1
            match = _start(expected).search(rest, 1)
            end = match.start() if match else len(rest)
            current.parts.append(rest[:end].strip())
            rest = rest[end:]
    return body


def _is_heading(line: str, following: str, expected: int) -> bool:
    """A subject heading: short, no closing punctuation, a capital first, the next paragraph right after."""
    return (
        line[:1].isupper()
        and not _SENTENCE_END.search(line)
        and not LIMB.match(line)
        and len(line.split()) <= _HEADING_WORDS
        and _start(expected).match(following) is not None
    )


def _continue(paragraph: Paragraph, line: str) -> None:
    """A limb on its own line; the words a short limb lost; else the rest of the paragraph's last part."""
    last = paragraph.parts[-1]
    limb = LIMB.match(last)
    if LIMB.match(line):
        paragraph.parts.append(line)
    elif limb and len(limb.group(2).split()) <= _SHORT_LIMB and not line[:1].islower():
        paragraph.parts[-1] = f"({limb.group(1)}) {line} {limb.group(2)}"
    else:
        paragraph.parts[-1] = f"{last} {line}"
