"""What each unit of an addendum says of the references it names: positions, replies, stray sentences.

A reference's position is read from the sentence that names it: the position phrase before it
("The Government accepts the following recommendations: 122.1, …"), else the one after it
("Recommendations 89.3 and 89.4 are accepted"), else the section's heading ("Noted recommendations"),
else the paragraph's earlier phrase. A reply (reference line, entry, table row, or a short paragraph
about a few references with an explanation) is kept as the State's words on each reference it names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rightstrack.core.states import resolve_state

from .refs import find_refs
from .serial import serial_lists
from .units import Unit, join
from .wording import SUPPORTED, cell_position, qualifier, verbs

#: A paragraph naming at most this many references and saying more than their position is a reply.
REPLY_REFS = 5
#: An entry saying no more than this many words with a position ("89.3 – Accepted.") holds no reply.
POSITION_WORDS = 5
#: A reply's first sentence gives a position only when it is this short ("Supported.", "Not accepted.").
SHORT_SENTENCE = 12
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z\u201c\"(])")
_OBJECT = re.compile(r"\s+(?:(?:this|these|the|both|that|those)\s+)?(?:recommendations?\b|it\b|them\b)", re.I)
#: A table's position cell starts with the position ("Accepted – already implemented", "Not accepted"),
#: unlike a quoted recommendation that starts with the verb ("Accept the competence of …").
_POSITION_CELL = re.compile(
    r"\s*(?:(?:partially|partly)\s+)?(?:not\s+|does\s+not\s+|do\s+not\s+)?"
    r"(?:accepted|supported|noted|rejected|enjoys?\s+(?:the\s+)?support|support(?:ed)?\s+in\s+part)\b",
    re.I,
)
_TAIL = re.compile(r"\(([^()]*)\)[\s.;]*$")
_ONLY_STATES = re.compile(r"^\s*\((?:[^()]|\([^()]*\))*\)[\s.;:,]*")


@dataclass(frozen=True)
class Reading:
    ref: str
    position: str  # "" when none could be read
    qualifier: str
    line: int
    paragraph: str  # the addendum's paragraph number, "" when it has none
    section: str
    how: str  # "list", "reply", "entry", "row"
    row: int | None = None
    quoted: str = ""  # the recommendation's text when the addendum quotes it
    states: tuple[str, ...] = ()  # the recommending States after a quoted text, as written


@dataclass(frozen=True)
class Reply:
    refs: tuple[str, ...]
    text: str
    line: int
    paragraph: str
    section: str
    row: int | None = None


@dataclass
class Section:
    title: str = ""
    line: int = 0
    position: str = ""
    qualifier: str = ""


@dataclass
class Read:
    readings: list[Reading] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)
    unplaced: list[tuple[int, str, str]] = field(default_factory=list)  # line, section, text
    range_problems: list[tuple[int, str]] = field(default_factory=list)
    opening: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of the opening paragraphs


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE.split(text) if part.strip()]


def section_of(unit: Unit) -> Section:
    title = " ".join(unit.text.split())
    found = verbs(title)
    position = found[0].position if found else ""
    return Section(title, unit.line, position, qualifier(title) if position == SUPPORTED else "")


def _line_of(unit: Unit, needle: str, from_line: int = 0) -> int:
    """The first line of ``unit`` at or after ``from_line`` that holds the start of ``needle``."""
    head = " ".join(needle.split()[:3])
    for line, raw in unit.lines:
        if line >= from_line and head and head in " ".join(raw.split()):
            return line
    first = needle.split()[0] if needle.split() else ""
    for line, raw in unit.lines:
        if line >= from_line and first and first in raw:
            return line
    return max(from_line, unit.line)


def _paragraph(unit: Unit, section: Section, read: Read, serial: int | None) -> bool:
    """Positions of the references a paragraph names; whether it named any."""
    text = serial_lists(unit.text, serial) if serial else unit.text
    parts = sentences(text)
    earlier = ""
    named: list[str] = []
    explaining = False
    listing = False  # a phrase before the references gives their position: a list, not a reply
    for sentence in parts:
        found = find_refs(sentence)
        phrases = verbs(sentence)
        if not found:
            explaining = True
            if phrases:
                earlier = phrases[-1].position
            continue
        line = _line_of(unit, sentence)
        sentence_qualifier = qualifier(sentence)
        for refs in found:
            if refs.problem:
                read.range_problems.append((line, refs.problem))
            before = [verb for verb in phrases if verb.end <= refs.start]
            listing = listing or bool(before)
            after = [verb for verb in phrases if verb.start >= refs.end]
            position = (
                before[-1].position if before else after[0].position if after else section.position or earlier
            )
            how_qualified = sentence_qualifier or (section.qualifier if position == section.position else "")
            at = _line_of(unit, refs.written, line)
            for ref in refs.refs:
                named.append(ref)
                read.readings.append(
                    Reading(
                        ref,
                        position,
                        how_qualified if position == SUPPORTED else "",
                        at,
                        unit.number,
                        section.title,
                        "list",
                    )
                )
        if phrases:
            earlier = phrases[-1].position
    if named and explaining and not listing and len(set(named)) <= REPLY_REFS:
        read.replies.append(Reply(tuple(dict.fromkeys(named)), text, unit.line, unit.number, section.title))
    return bool(named)


def _first_position(text: str, short_only: bool) -> tuple[str, str]:
    """The position the first sentence gives; in a reply, only a short one ("Supported.") or one
    whose phrase governs the recommendation itself ("does not support this recommendation")."""
    parts = sentences(text)
    if not parts:
        return "", ""
    first = parts[0]
    if short_only and len(first.split()) > SHORT_SENTENCE:
        governing = [verb for verb in verbs(first) if _OBJECT.match(first, verb.end)]
        position = governing[0].position if governing else ""
    else:
        position = cell_position(first)
    return position, qualifier(first) if position == SUPPORTED else ""


def _entry(unit: Unit, section: Section, read: Read) -> None:
    text = unit.text
    rest = join([unit.after, *(line for _, line in unit.lines[1:])])
    rest = _ONLY_STATES.sub("", rest).lstrip(" :–—-.")
    position, qualified = _first_position(rest, short_only=False)
    if not position:
        position, qualified = section.position, section.qualifier
    for ref in unit.refs:
        reading = Reading(ref, position, qualified, unit.line, unit.number, section.title, "entry")
        read.readings.append(reading)
    parts = sentences(rest)
    only_position = len(parts) == 1 and len(parts[0].split()) <= POSITION_WORDS and cell_position(parts[0])
    if parts and not only_position:  # more than "Accepted." / "Not accepted, already implemented."
        read.replies.append(Reply(unit.refs, text, unit.line, unit.number, section.title))


def _reply(unit: Unit, section: Section, read: Read) -> None:
    text = unit.text
    position, qualified = _first_position(text, short_only=True)
    if not position:
        position, qualified = section.position, section.qualifier
    for ref in unit.refs:
        reading = Reading(ref, position, qualified, unit.line, unit.number, section.title, "reply")
        read.readings.append(reading)
    if text:
        read.replies.append(Reply(unit.refs, text, unit.line, unit.number, section.title))


def _row(unit: Unit, section: Section, read: Read, row: int) -> None:
    cells = unit.cells
    at = next(
        (i for i, cell in enumerate(cells[1:], 1) if _POSITION_CELL.match(cell) and cell_position(cell)),
        None,
    )
    first = cells[0]
    for found in find_refs(first)[:1]:
        first = first[found.end :]
    quoted_parts = [_ONLY_STATES.sub("", first).strip(" :–—-.,")]
    if at is None:
        position, qualified, comment = "", "", " ".join(cells[1:]).strip()
    else:
        position = cell_position(cells[at])
        qualified = qualifier(cells[at]) if position == SUPPORTED else ""
        quoted_parts += list(cells[1:at])
        comment = " ".join(cell for cell in cells[at + 1 :] if cell).strip()
    more = " ".join(text for _, text in unit.lines[1:])  # a cell's text on several lines
    comment = f"{comment} {more}".strip()
    quoted, states = _tail_states(" ".join(part for part in quoted_parts if part).strip())
    for ref in unit.refs:
        read.readings.append(
            Reading(
                ref, position, qualified, unit.line, unit.number, section.title, "row", row, quoted, states
            )
        )
    if comment:
        read.replies.append(Reply(unit.refs, comment, unit.line, unit.number, section.title, row))


def _tail_states(text: str) -> tuple[str, tuple[str, ...]]:
    """A quoted text without its final "(France, Peru)" when every name there is a State."""
    found = _TAIL.search(text)
    if found is None:
        return text, ()
    names = tuple(name.strip() for name in re.split(r"[,;]", found[1]) if name.strip())
    if not names or any(resolve_state(name) is None for name in names):
        return text, ()
    return text[: found.start()].rstrip(" ,;"), names


def read_units(units: Sequence[Unit], serial: int | None = None) -> Read:
    """Every reading, reply and stray sentence of the units, in order (``serial``: see :func:`cut`)."""
    read = Read()
    section = Section()
    opening = True
    previous: Unit | None = None
    rows = 0
    for unit in units:
        read.range_problems += unit.problems
        if unit.kind == "heading":
            section = section_of(unit)
            if section.position:
                opening = False
            previous = unit
            continue
        if unit.kind == "row":
            rows += 1
            _row(unit, section, read, rows)
            opening = False
        elif unit.kind == "entry":
            _entry(unit, section, read)
            opening = False
        elif unit.kind == "reply":
            _reply(unit, section, read)
            opening = False
        elif find_refs(serial_lists(unit.text, serial) if serial else unit.text):
            _paragraph(unit, section, read, serial)
            opening = False
        elif opening:
            read.opening.append((unit.line, unit.text))
        elif previous is not None and previous.kind == "heading" and "following" in unit.text.casefold():
            pass  # it announces what the section holds
        else:
            read.unplaced.append((unit.line, section.title, unit.text))
        previous = unit
    replied = {(reply.line, reply.refs) for reply in read.replies}
    read.unplaced += [
        (unit.line, "", f"a reply to {', '.join(unit.refs)} without any words")
        for unit in units
        if unit.kind == "reply" and (unit.line, unit.refs) not in replied
    ]
    return read
