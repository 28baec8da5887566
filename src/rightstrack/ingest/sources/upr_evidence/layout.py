"""The layout of a UN document's text: page furniture, numbered paragraphs, headings, notes.

Paragraph N is found after paragraph N − 1: at the start of a line that is not a heading, right
after the end of a sentence and its note number ("… in 2022.2 3. Denmark made …"), or after a
heading on the same line ("Institutional infrastructure 4. In 2025 …"). The lines between two
paragraphs that read like headings (short, no closing punctuation) are the headings of the next
one. Notes (at the foot of pages or after a "Notes" line) are split by their running numbers.

The same rules read a PDF's text layer, where lines wrap: a number printed alone in the margin
("12.") is joined to the words after it; a paragraph's first line that reads like a heading still
opens it when the words go on below or paragraph N + 1 follows; a line that begins with a number
opens the notes only if the text above called that note ("… in 2022.12"), so "15 January 2024" at
a line's start stays in the paragraph; after a page's notes or the "Notes" title, what follows a
finished sentence is notes until the next paragraph or heading; a heading's wrapped second line and
a word parted at its hyphen are joined again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rightstrack.core.evidence import NOTE_MARK

_FURNITURE = re.compile(
    r"^(?:A/HRC/WG\.6/\d+/[A-Z]{3}/\d|GE\.\d{2}-\d+.*|\d{1,3}|\* The present document.*)$"
)
_SYMBOL_PREFIX = re.compile(r"^A/HRC/WG\.6/\d+/[A-Z]{3}/\d\s+")
_ROMAN = re.compile(r"^[IVX]+\.\s")
_LETTER = re.compile(r"^[A-H]\.\s")
_NUMBER = re.compile(r"^\d{1,2}\.\s")
_CLOSING = re.compile(r"(?:[.,;:]|[.,;:)\"”]\d{1,3})$")
_NOTE_START = re.compile(r"^(\d{1,3})\s+(?=\S)")
_PARAGRAPH_START = re.compile(r"^(\d{1,3})\.\s+[A-Z(“\"‘']")
#: A paragraph's or a heading's number alone on its line: a PDF whose numbers hang in the margin
_NUMBERING = re.compile(r"^(?:\d{1,3}|[IVX]+|[A-H])\.\s+")
_INNER_SENTENCE = re.compile(r"[a-z)\]”\"][.;:]\d{0,3}\s+(?:\d{1,3}\s+)?[A-Z]")
_NOTE_NUMBER = re.compile(r"(?:^|(?<=[.;)\]]\s))(\d{1,3})\s+(?=\S)")
_WRAPPED_HYPHEN = re.compile(r"(?<=\w)-\n(?=\w)")
_LONE_NUMBER = re.compile(r"^(?:\d{1,3}|[IVX]+|[A-H])\.$")
_ACRONYMS = re.compile(r"^[A-Z][A-Z0-9-]+(?:\s+[A-Z][A-Z0-9-]+)*$")
_SENTENCE_END = re.compile(r"[.;:)\"”’\]]\d{0,3}\s*$")


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
    in_notes = before_break = endnotes = False
    next_note, last = 1, 0  # the note expected next; the last paragraph number met
    called: set[str] = set()  # the note numbers the body has called ("… in 2022.12")
    for index, line in _merged_numbers(text):
        if _FURNITURE.match(line) or line == "Notes":
            before_break = before_break or in_notes
            in_notes = False
            endnotes = endnotes or line == "Notes"
            continue
        stripped = line
        line = _SYMBOL_PREFIX.sub("", stripped)
        # notes went on past a page's end, or the endnotes began, where the body had come to an end
        ended = bool(body) and bool(_SENTENCE_END.search(body[-1].text))
        notes_go_on = before_break
        if line != stripped or (before_break and _ACRONYMS.match(line)):
            # the next page's header glued to its first words, or a note's table of abbreviations
            # carried over to the next page: what went on goes on
            in_notes = before_break
        before_break = False
        note = _NOTE_START.match(line)
        if note and (in_notes or (next_note <= int(note[1]) <= next_note + 2 and note[1] in called)):
            # the next note by number, which the text above called: a wrapped line that begins
            # "15 January 2024", "23 hours a day" or "01 September" is not
            in_notes = True
        elif (start := _PARAGRAPH_START.match(line)) and last < int(start[1]) <= last + 3:
            in_notes = False  # the next paragraph (a note's "13. JS1 made …" is not)
        elif (endnotes or notes_go_on) and ended and not is_heading(line):
            in_notes = True  # after "Notes" all is notes but the body's rest, the next paragraph, a heading
        if in_notes:
            next_note = _after_notes(line, next_note)
        else:
            called.update(match[1] for match in NOTE_MARK.finditer(line))
            if start := _PARAGRAPH_START.match(line):
                last = max(last, int(start[1]))
        (notes if in_notes else body).append(Line(index, line))
    return body, notes


def _after_notes(line: str, expected: int) -> int:
    """The number of the note expected after the notes that ``line`` opens or runs on with."""
    return _in_order((int(match[1]) for match in _NOTE_NUMBER.finditer(line)), expected)[1]


def _in_order(values: Iterable[int], expected: int) -> tuple[list[int], int]:
    """The ``values`` that run on from ``expected`` (one or two may be missed); and the next one."""
    found: list[int] = []
    for value in values:
        if expected <= value <= expected + 2:
            found.append(value)
            expected = value + 1
    return found, expected


def _merged_numbers(text: str) -> list[tuple[int, str]]:
    """The document's non-blank lines (numbered from 1, stripped), a number standing alone on its line
    ("12.", "B.", "IV.") joined to the words of the line after it."""
    lines: list[tuple[int, str]] = []
    waiting: tuple[int, str] | None = None
    for index, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if waiting is not None and not _FURNITURE.match(stripped):
            lines.append((waiting[0], f"{waiting[1]} {stripped}"))
            waiting = None
        elif _LONE_NUMBER.match(stripped):
            if waiting is not None:
                lines.append(waiting)
            waiting = (index, stripped)
        else:
            lines.append((index, stripped))
    if waiting is not None:
        lines.append(waiting)
    return lines


def is_heading(text: str) -> bool:
    """A line that reads like a heading: short, capitalised, with no closing punctuation."""
    text = text.strip()
    if not text or len(text) > 160 or _CLOSING.search(text):
        return False
    if _INNER_SENTENCE.search(_NUMBERING.sub("", text)):
        return False  # "… in 2025. However, the" is a wrapped line of a paragraph
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


def _starts_here(joined: str, start: int, strict: bool = True) -> bool:
    line_start = joined.rfind("\n", 0, start) + 1
    line_end = joined.find("\n", start)
    prefix = joined[line_start:start]
    if not prefix.strip():
        line = joined[start : line_end if line_end >= 0 else len(joined)]
        return not strict or not is_heading(line) or _continued(joined, line_end)
    return bool(_SENTENCE_END.search(prefix)) or is_heading(prefix)


def _continued(joined: str, line_end: int) -> bool:
    """Whether the line after ``line_end`` goes on with the words before it (the PDF wrapped a
    paragraph's first line) rather than opening a paragraph or a heading of its own."""
    if line_end < 0:
        return False
    after = joined[line_end + 1 :].split("\n", 1)[0].strip()
    if not after or _PARAGRAPH_START.match(after):
        return False
    return after[0].islower() or not is_heading(after)


def _find(joined: str, number: int, cursor: int) -> re.Match[str] | None:
    """Where paragraph ``number`` starts after ``cursor``: the first place after a sentence's end or a
    heading, or at a line's start, or at a line's start that reads like a heading when paragraph
    ``number + 1`` follows (a PDF wrapped its first line: "3. The Government has adopted the")."""
    following = _start(number + 1)
    for match in _start(number).finditer(joined, cursor):
        if _starts_here(joined, match.start()):
            return match
        if _starts_here(joined, match.start(), strict=False) and any(
            _starts_here(joined, later.start(), strict=False)
            for later in following.finditer(joined, match.end())
        ):
            return match
    return None


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
        found = _find(joined, number, cursor)
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
        pending = _trailing_headings(lines)
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
        text = _WRAPPED_HYPHEN.sub("-", text)  # "under-\nresourcing" wrapped at its hyphen
        result.append(Paragraph(number, " ".join(text.split()), line_of(offset), list(stack.values())))
    return result


def _trailing_headings(lines: list[str]) -> list[str]:
    """Take the headings off the end of a paragraph's ``lines`` (they belong to the next one), a
    heading's wrapped second line ("… taking into account applicable international" / "humanitarian
    law") joined to it."""
    taken: list[str] = []
    while len(lines) > 1:
        last, before = lines[-1].strip(), lines[-2].strip()
        opened = before[:1].isupper() and before.count("(") > before.count(")")
        if len(lines) > 2 and _wraps(before, last) and (is_heading(before) or opened):
            lines.pop()
            taken.insert(0, f"{lines.pop().strip()} {last}")
        elif is_heading(last):
            taken.insert(0, lines.pop().strip())
        else:
            break
    return taken


def _wraps(heading: str, line: str) -> bool:
    """Whether ``line`` is the wrapped rest of ``heading``: it goes on in small letters, or inside
    the heading's open bracket ("Recommendations (138.12, 14) (SDGs: 3," / "5, 10, 16)"), or with a
    bracket of its own ("(SDGs: 5, 10, 16)")."""
    if _CLOSING.search(line) and not line.endswith(")"):
        return False
    return line[:1].islower() or line[:1] == "(" or heading.count("(") > heading.count(")")


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
    return _in_order((int(match[1]) for match in NOTE_MARK.finditer(text)), expected)


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
