"""The layout of a UN document's text: page furniture, numbered paragraphs, headings, notes.

Paragraph N is found after paragraph N − 1: at the start of a line that is not a heading, right
after the end of a sentence and its note number ("… in 2022.2 3. Denmark made …"), or after a
heading on the same line ("Institutional infrastructure 4. In 2025 …"). The lines between two
paragraphs that read like headings (short, no closing punctuation) are the headings of the next
one. Notes (at the foot of pages or after a "Notes" line) are split by their running numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FURNITURE = re.compile(
    r"^(?:A/HRC/WG\.6/\d+/[A-Z]{3}/\d|GE\.\d{2}-\d+.*|\d{1,3}|\* The present document.*)$"
)
_SYMBOL_PREFIX = re.compile(r"^A/HRC/WG\.6/\d+/[A-Z]{3}/\d\s+")
_ROMAN = re.compile(r"^[IVX]+\.\s")
_LETTER = re.compile(r"^[A-H]\.\s")
_NUMBER = re.compile(r"^\d{1,2}\.\s")
_CLOSING = re.compile(r"(?:[.,;:]|[.,;:)\"”]\d{1,3})$")
_NOTE_START = re.compile(r"^\d{1,3}\s+(?=\S)")
_PARAGRAPH_START = re.compile(r"^\d{1,3}\.\s+[A-Z(“\"‘']")
_ACRONYMS = re.compile(r"^[A-Z][A-Z0-9-]+(?:\s+[A-Z][A-Z0-9-]+)*$")
_SENTENCE_END = re.compile(r"[.;:)\"”’\]]\d{0,3}\s*$")
_FOOTNOTE = re.compile(r"(?<=[A-Za-z)\]\"”’.,;:])(\d{1,3})(?=[\s,;.)]|$)")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based in the document's text
    text: str


@dataclass
class Paragraph:
    number: int
    text: str
    line: int
    headings: list[str]


def clean_lines(text: str) -> tuple[list[Line], list[Line]]:
    """The document's body and notes, without page furniture (symbol, job number, page number).

    A line starting with a note number ("12 CAT/C/DNK/CO/8, para. 4.") opens notes; the lines after it
    stay notes until a paragraph ("13. The …"), a short heading or the page's furniture: notes sit at
    the foot of each page or after a "Notes" line, and the next page may continue a paragraph.
    """
    body: list[Line] = []
    notes: list[Line] = []
    in_notes = before_break = False
    for index, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if _FURNITURE.match(stripped) or stripped == "Notes":
            before_break = before_break or in_notes
            in_notes = False
            continue
        line = _SYMBOL_PREFIX.sub("", stripped)
        if line != stripped or (before_break and _ACRONYMS.match(line)):
            # the next page's header glued to its first words, or a note's table of abbreviations
            # carried over to the next page: what went on goes on
            in_notes = before_break
        before_break = False
        if _NOTE_START.match(line):
            in_notes = True
        elif _PARAGRAPH_START.match(line):
            in_notes = False
        (notes if in_notes else body).append(Line(index, line))
    return body, notes


def is_heading(text: str) -> bool:
    """A line that reads like a heading: short, capitalised, with no closing punctuation."""
    text = text.strip()
    if not text or len(text) > 160 or _CLOSING.search(text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in '(“"'


def heading_level(text: str) -> int:
    if _ROMAN.match(text):
        return 0
    if _LETTER.match(text):
        return 1
    if _NUMBER.match(text):
        return 2
    return 3


def _start(number: int) -> re.Pattern[str]:
    return re.compile(rf"(?<!\S){number}\.\s+(?=[A-Z(“\"‘'])")


def _starts_here(joined: str, start: int) -> bool:
    line_start = joined.rfind("\n", 0, start) + 1
    line_end = joined.find("\n", start)
    prefix = joined[line_start:start]
    if not prefix.strip():
        return not is_heading(joined[start : line_end if line_end >= 0 else len(joined)])
    return bool(_SENTENCE_END.search(prefix)) or is_heading(prefix)


def paragraphs(body: list[Line]) -> list[Paragraph]:
    """The numbered paragraphs of ``body`` in order, each with the headings above it."""
    joined = "\n".join(line.text for line in body)
    offsets: list[int] = []
    position = 0
    for line in body:
        offsets.append(position)
        position += len(line.text) + 1
    starts: list[tuple[int, int]] = []  # (number, offset)
    cursor, number = 0, 1
    while True:
        found = next(
            (m for m in _start(number).finditer(joined, cursor) if _starts_here(joined, m.start())), None
        )
        if found is None:
            break
        starts.append((number, found.start()))
        cursor = found.end()
        number += 1
    if not starts:
        return []

    def line_of(offset: int) -> int:
        low, high = 0, len(offsets) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if offsets[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return body[low].number

    result: list[Paragraph] = []
    stack: dict[int, str] = {}
    pending = _cover_headings(joined[: starts[0][1]])
    for index, (number, offset) in enumerate(starts):
        for heading in pending:
            level = heading_level(heading)
            for deeper in [key for key in stack if key >= level]:
                del stack[deeper]
            stack[level] = heading
        end = starts[index + 1][1] if index + 1 < len(starts) else len(joined)
        lines = joined[offset:end].rstrip().split("\n")
        pending = []
        while len(lines) > 1 and is_heading(lines[-1]):
            pending.insert(0, lines.pop().strip())
        text = re.sub(rf"^{number}\.\s+", "", "\n".join(lines).strip())
        # a heading on the line of the next paragraph ("Institutional infrastructure 4. In 2025 …")
        tail = text.rsplit("\n", 1)[-1] if index + 1 < len(starts) else ""
        if tail and not _SENTENCE_END.search(tail) and is_heading(tail) and "\n" in text:
            pending.insert(0, tail.strip())
            text = text.rsplit("\n", 1)[0]
        else:
            inline = _inline_heading(text) if index + 1 < len(starts) else ""
            if inline:
                pending.insert(0, inline)
                text = text[: len(text.rstrip()) - len(inline)].rstrip()
        result.append(Paragraph(number, " ".join(text.split()), line_of(offset), list(stack.values())))
    return result


def _inline_heading(text: str) -> str:
    """A heading printed before the next paragraph's number on the last line of ``text``."""
    last = text.rstrip().rsplit("\n", 1)[-1]
    match = re.search(r"[.;:)\"”’\]]\d{0,3}\s+([^.;:]*)$", last)
    if match and match[1].strip() and is_heading(match[1]):
        return match[1].strip()
    return ""


def _cover_headings(cover: str) -> list[str]:
    """The headings just above paragraph 1, from the last numbered part ("I. Introduction") on."""
    headings: list[str] = []
    for line in reversed(cover.rstrip().split("\n")):
        if not is_heading(line):
            break
        headings.insert(0, line.strip())
        if _ROMAN.match(line.strip()):
            return headings
    return []


def footnote_numbers(text: str, expected: int) -> tuple[list[int], int]:
    """The note numbers in a paragraph's text, read in order from ``expected``; and the next one."""
    found: list[int] = []
    for match in _FOOTNOTE.finditer(text):
        value = int(match[1])
        if expected <= value <= expected + 2:
            found.append(value)
            expected = value + 1
    return found, expected


def split_notes_text(notes: list[Line]) -> dict[int, str]:
    """Note number → its text, read by the running numbers."""
    joined = " ".join(line.text for line in notes)
    found: dict[int, str] = {}
    number, cursor = 1, 0
    previous: tuple[int, int] | None = None
    while True:
        match = re.compile(rf"(?<!\S){number}\s+(?=\S)").search(joined, cursor)
        if match is None:
            break
        if previous is not None:
            found[previous[0]] = joined[previous[1] : match.start()].strip()
        previous = (number, match.end())
        cursor = match.end()
        number += 1
    if previous is not None:
        found[previous[0]] = joined[previous[1] :].strip()
    return found
