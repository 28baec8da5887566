"""The body of an addendum cut into units: headings, numbered paragraphs, reply blocks, entries, table rows.

- a **heading** (``II. Noted recommendations``, also unnumbered) sets the section and its position;
- a **paragraph** (``2. The Government accepts the following recommendations: 122.1, 122.12,``) runs
  over the lines after it, including lists broken over several lines;
- a **reply** starts at a line holding only references (``122.11``, ``122.14– 15``) and runs, blank
  lines and all, until the next reference, heading or numbered paragraph without reference;
- an **entry** starts with references followed by words (``Recommendation 89.3: accepted. …``,
  ``89.3 – Accepted``, a PDF table row ``89.3 Accepted …``);
- a **row** is a table row (cells separated by tabs, as Word tables are read) whose first cell names
  references.

>>> [(u.kind, u.refs) for u in cut(["Replies", "122.11      It has started.", "122.12 See above."])]
[('heading', ()), ('entry', ('122.11',)), ('entry', ('122.12',))]
>>> leading_refs("140.82-85, 87")[0], leading_refs("140.120, 209")[0], leading_refs("122.1 and 122.3: yes")[0]
(('140.82', '140.83', '140.84', '140.85', '140.87'), ('140.120', '140.209'), ('122.1', '122.3'))
>>> [(u.kind, u.line, u.number, u.refs) for u in cut(["1. Intro.", "I. Noted recommendations",
...     "2. The Government notes 122.3, 122.4,", "122.7.", "122.3", "It cannot.", "", "More.",
...     "89.3 – Accepted", "89.4\\tNoted\\tNo."])]
[('paragraph', 1, '1', ()), ('heading', 2, '', ()), ('paragraph', 3, '2', ()), ('reply', 5, '', ('122.3',)), \
('entry', 9, '', ('89.3',)), ('row', 10, '', ('89.4',))]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .refs import find_refs
from .serial import serial_line
from .wording import cell_position

_NUMBERED = re.compile(r"^\s*(\d{1,3})\s?\.(?:,\s*\d{1,3}\.)*\s+(?=\S)")  # "5.", "5., 6., 7."
_HEADING = re.compile(r"^\s*(?:[IVX]{1,5}|[A-H])\s?\.\s+(?P<text>[A-Z\u201c\"].{2,200})$")
_PLAIN_HEADING = re.compile(
    r"^\s*(?:(?:Accepted|Supported|Noted|Rejected|Not\s+accepted|Pending)\s+recommendations\b.*"
    r"|(?:Replies|Responses|Explanations?|Comments|Introduction|Voluntary\s+commitments|Additional\s+information)"
    r"\b.{0,100})$",
    re.I,
)
_LEAD = re.compile(r"^\s*(?:Recommendations?|Recs?\.|Paragraphs?)\s*(?:No[s]?\.?\s*|n°\s*)?", re.I)
_LEAD_WORD = re.compile(r"^\s*(?:Recommendations?|Recs?\.)\s")  # capitalised: it opens a reply
_COLUMN_GAP = re.compile(r"\s{2,}[A-Z\u201c\"(]")
_WORDS = re.compile(r"\s[A-Z][a-z]")
_NOTES = re.compile(r"^\s*(?:End)?notes\s*$", re.I)
_BARE = re.compile(
    r"\s*(?:,|and|&)\s*(?P<num>\d{1,3})(?:\s*[-–—]\s*(?P<num2>\d{1,3}))?(?![\d.])(?=\s*(?:,|and\b|&|$)|\s{2,}|\s+[A-Z])"
)
_JOINER = re.compile(r"\s*(?:,|;|and\b|&)\s*", re.I)
_STATES = re.compile(r"^\s*\((?:[^()]|\([^()]*\))*\)[\s.;:,]*$")
_SEPARATOR = re.compile(r"^\s*[:–—\-.]\s*(?=\S)")
_OPEN_LIST = re.compile(r"(?:[,;:–\-]|\band|\bor|\d)\s*$")


@dataclass
class Unit:
    kind: str  # heading, paragraph, reply, entry, row
    line: int  # 1-based line of its start
    number: str = ""  # the addendum's own paragraph number
    refs: tuple[str, ...] = ()  # the references a reply, entry or row starts with
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of its body
    cells: tuple[str, ...] = ()
    problems: list[tuple[int, str]] = field(default_factory=list)  # range problems (line, message)
    after: str = ""  # an entry's words after its references, on its first line

    @property
    def text(self) -> str:
        return join([text for _, text in self.lines])


def join(lines: Sequence[str]) -> str:
    """Lines of a PDF's text as one: a word broken by a hyphen is mended, other breaks become a space."""
    out = ""
    for line in (" ".join(line.split()) for line in lines):  # columns' runs of spaces are layout
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def leading_refs(text: str) -> tuple[tuple[str, ...], str, list[str]] | None:
    """The references ``text`` starts with (after "Recommendation(s)"), what follows them, and problems."""
    lead = _LEAD.match(text)
    position = lead.end() if lead else 0
    while position < len(text) and text[position] == " ":
        position += 1
    refs: list[str] = []
    problems: list[str] = []
    for found in find_refs(text):
        if found.start < position:
            continue
        if found.start != position:
            break
        refs.extend(found.refs)
        if found.problem:
            problems.append(found.problem)
        position = found.end
        para = found.refs[0].split(".")[0]
        while True:  # "140.82-85, 87", "140.120, 209": numbers of the same paragraph
            bare = _BARE.match(text, position)
            if bare is None:
                break
            first, last = int(bare["num"]), int(bare["num2"] or bare["num"])
            refs.extend(f"{para}.{n}" for n in range(first, max(first, last) + 1))
            position = bare.end()
        joiner = _JOINER.match(text, position)
        if joiner and find_refs(text[joiner.end() :])[:1] and text[joiner.end() :].lstrip()[:1].isdigit():
            position = joiner.end()
            continue
        break
    if not refs:
        return None
    return tuple(refs), text[position:], problems


def _heading(text: str) -> bool:
    stripped = text.strip()
    if stripped.endswith((".", ",", ";")) or find_refs(stripped):
        return False
    return bool(_HEADING.match(stripped) or _PLAIN_HEADING.match(stripped))


def _closed(current: Unit | None) -> bool:
    """Whether the unit before a line has ended its sentence (or there is none to go on)."""
    if current is None or current.kind == "heading" or not current.lines:
        return True
    return current.lines[-1][1].rstrip().endswith((".", ":", ";"))


def cut(lines: Sequence[str], serial: int | None = None) -> list[Unit]:
    """The units of ``lines`` (cleaned body lines, ``lines[0]`` is line 1); ``serial``: the report's
    paragraph the addendum's serial numbers follow ("Rec. 18" is then 115.18)."""
    units: list[Unit] = []
    current: Unit | None = None
    blank = False
    for index, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text:
            blank = True
            continue
        if _NOTES.match(text):
            break  # the footnotes under "Notes" end the document
        after_blank, blank = blank, False
        if "\t" in raw:
            cells = tuple(cell.strip() for cell in raw.split("\t"))
            starts = leading_refs(cells[0])
            if starts is not None:
                current = Unit("row", index, refs=starts[0], lines=[(index, text)], cells=cells)
                current.problems += [(index, problem) for problem in starts[2]]
                units.append(current)
                continue
            if not any(find_refs(cell) for cell in cells):
                current = None  # a table's header row
                continue
            text = " ".join(cell for cell in cells if cell)
        heading_goes_on = current is not None and current.kind == "heading" and not text.endswith(".")
        if heading_goes_on and current is not None and text[:1].islower():
            current.lines.append((index, text))
            continue
        if current is not None and current.kind == "reply" and not current.lines and _STATES.match(text):
            continue  # the recommending States under the reference: "(Germany)"
        if _heading(text):
            current = Unit("heading", index, lines=[(index, text)])
            units.append(current)
            continue
        number = ""
        numbered = _NUMBERED.match(text)
        body = text
        if numbered:
            number, body = numbered[1], text[numbered.end() :]
        starts = leading_refs(serial_line(body, serial) if serial else body)
        if (
            starts is not None
            and not number
            and current is not None
            and current.kind in {"paragraph", "entry"}
            and current.lines
            and find_refs(current.lines[-1][1])
            and _OPEN_LIST.search(current.lines[-1][1])
        ):
            current.lines.append((index, text))  # a list broken over lines
            continue
        if starts is not None:
            refs, rest, problems = starts
            if not rest.strip() or _STATES.match(rest):
                current = Unit("reply", index, number, refs)
            elif (
                _SEPARATOR.match(rest)
                or _LEAD_WORD.match(body)
                or cell_position(" ".join(rest.split()[:4]))
                or _COLUMN_GAP.match(rest)  # "122.11      The activities …": the reply beside its number
                or (_WORDS.match(rest) and _closed(current))
            ):
                current = Unit("entry", index, number, refs, lines=[(index, body)], after=rest)
            else:
                starts = None
            if starts is not None:
                assert current is not None
                current.problems += [(index, problem) for problem in problems]
                units.append(current)
                continue
        if number and current is not None and current.kind == "reply" and not current.lines:
            current.lines.append((index, body))  # the explanation under a reference line, numbered
            continue
        if number:
            current = Unit("paragraph", index, number, lines=[(index, body)])
            units.append(current)
            continue
        new_paragraph = (
            after_blank
            and current is not None
            and current.kind == "paragraph"
            and text[:1].isupper()
            and current.lines[-1][1].rstrip().endswith((".", ":"))
        )
        if current is None or current.kind == "heading" or new_paragraph:
            current = Unit("paragraph", index, lines=[(index, text)])
            units.append(current)
            continue
        current.lines.append((index, text))
    return units
