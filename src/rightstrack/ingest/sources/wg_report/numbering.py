"""The numbered paragraphs of the conclusions section and the recommendations listed in them.

Two numberings exist. From 2010 on, each recommendation carries its full number, ``95.1`` or
``95.1.``, under an introductory paragraph ``95.``. In 2008–2010 reports the recommendations are
numbered ``1.``, ``2.``... within their paragraph, so that ``96.`` may be the 96th recommendation of
paragraph 95 or paragraph 96 itself: the number expected next decides, and when both fit, the next
number (a new paragraph's list starts again at ``1.``) and the wording (an introduction says what the
State decided, a recommendation ends with its "(State);") decide.

Real reports have slips, each read and reported (:class:`Event`): a number printed wrong
("146.18" between 147.17 and 147.19), a number skipped, items moved by the PDF export to the foot
of the next paragraph ("114.2" after "115."), a marker lost ("73 Take", or no number at all). A
number that fits no count is read as text and reported as a ``"jump"``.

>>> from .layout import Segment
>>> parts = [Segment(1, "95. Listed below enjoy the support of Chad:"), Segment(2, "1."),
...          Segment(3, "Ratify (Peru);"),
...          Segment(4, "96. All conclusions and/or recommendations contained in the report reflect ...")]
>>> found = read_paragraphs(parts, 95)
>>> [(p.number, [i.ref for i in p.items]) for p in found.paragraphs], found.events
([(95, ['95.1']), (96, [])], [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .layout import Segment, join_lines
from .sections import CLOSING

_MARKER = re.compile(r"^(\d{1,3})\.(?:(\d{1,3})\.?)?(?=\s|$)\s*")
#: A recommendation's number printed "125-15." or "111. 29" (a dash for its dot, a space after it).
_LOOSE = re.compile(r"^(\d{1,3})(?:\s?[-–]\s?|\.\s)(\d{1,3})\.?(?=\s|$)\s*")
_UNDOTTED = re.compile(r"^(\d{1,3})\s+(?=[A-Z“\"])")  # "73 Take ...": the dot lost
_INTRO = re.compile(
    r"enjoys?\s+(?:the\s+|its\s+)?support|did\s+not\s+enjoy|will\s+be\s+examined|will\s+examine|reflects?\s+the\s+"
    r"position|considers\s+that|(?:following|listed\s+below|below|above|formulated)\s+(?:the\s+)?recommendations?|"
    r"recommendations?\s+(?:listed|formulated|below|above|noted|contained|were\s+made|Nos?\.)|"
    r"will\s+provide\s+responses|will\s+respond|were\s+noted|rejects?\b|\bnoted\s+the\s+following",
    re.I,
)
_TAIL_END = re.compile(r"\)\s*[;.,]?\s*\d{0,2}\s*$")
#: "The following recommendation(s) ... :" announcing a list, and the end of a recommendation "(Chile)."
_FOLLOWING = re.compile(r"following\s+recommendations?\b|recommendations?\s+(?:listed\s+)?below", re.I)
_ITEM_END = re.compile(r"\)\s*[.;]\s*$")
_CAPITAL = re.compile(r"^[“\"(]?[A-Z]")


@dataclass
class Item:
    """One listed recommendation: ``ref`` as the reference gives it ("95.1"), its text pieces."""

    ref: str
    sub: int
    line: int
    parts: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines([part.text for part in self.parts])


@dataclass
class Paragraph:
    """A numbered paragraph of the section: its introduction and the recommendations listed under it."""

    number: int
    line: int
    intro: list[Segment] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    explicit: bool = False  # items numbered "95.1" rather than "1."

    @property
    def intro_text(self) -> str:
        return join_lines([part.text for part in self.intro])

    @property
    def next_sub(self) -> int:
        return self.items[-1].sub + 1 if self.items else 1


@dataclass(frozen=True)
class Event:
    """A slip of the numbering: ``kind`` is "jump" (read as text), "order" (an item out of turn), "typo",
    "gap", "moved" or "recovered"."""

    line: int
    kind: str
    message: str


@dataclass
class Numbering:
    paragraphs: list[Paragraph]
    events: list[Event]
    preamble: list[Segment]  # text before the first numbered paragraph


Marker = tuple[int, int | None, str]


def _marker(segment: Segment) -> Marker | None:
    found = _MARKER.match(segment.text)
    if found:
        return int(found[1]), int(found[2]) if found[2] else None, segment.text[found.end() :]
    return None


def _next_marker(segments: Sequence[Segment], index: int) -> Marker | None:
    for segment in segments[index + 1 :]:
        marker = _marker(segment)
        if marker is not None:
            return marker
    return None


def _starts_paragraph(segments: Sequence[Segment], index: int, rest: str) -> bool:
    """Whether bare ``n.`` at ``index``, which could be a paragraph or a listed item, opens a paragraph."""
    text = [rest]
    for segment in segments[index + 1 :]:
        marker = _marker(segment)
        if marker is not None:
            if marker[0] == 1 or marker[1] == 1:
                return True  # a new list starts right after it
            break
        text.append(segment.text)
    joined = " ".join(text).strip()
    return bool(_INTRO.search(joined)) and not _TAIL_END.search(joined)


class _Reader:
    def __init__(self, segments: Sequence[Segment], first: int | None) -> None:
        self.segments = segments
        self.first = first
        self.paragraphs: list[Paragraph] = []
        self.events: list[Event] = []
        self.preamble: list[Segment] = []
        self.item: Item | None = None

    @property
    def current(self) -> Paragraph | None:
        return self.paragraphs[-1] if self.paragraphs else None

    def read(self) -> Numbering:
        for index, segment in enumerate(self.segments):
            if self._loose(segment):
                continue
            marker = _marker(segment)
            if marker is None or not self._place(index, segment, marker):
                self._text(index, segment, marker)
        for paragraph in self.paragraphs:
            self._unnumbered(paragraph)
            self._check_gaps(paragraph)
        return Numbering(self.paragraphs, self.events, self.preamble)

    def _event(self, line: int, kind: str, message: str) -> None:
        self.events.append(Event(line, kind, message))

    def _text(self, index: int, segment: Segment, marker: Marker | None) -> None:
        current = self.current
        undotted = _UNDOTTED.match(segment.text)
        if (
            current
            and undotted
            and not current.explicit
            and int(undotted[1]) == current.next_sub
            and not CLOSING.search(current.intro_text)
        ):
            self._add_item(current, current.next_sub, segment.line, segment.text[undotted.end() :])
            self._event(
                segment.line, "typo", f"item {self.item.ref if self.item else ''} is numbered without a dot"
            )
            return
        if marker is not None:
            found = f"{marker[0]}.{marker[1]}" if marker[1] is not None else f"{marker[0]}."
            self._event(
                segment.line, "jump", f"number {found} fits neither the paragraphs nor the list: read as text"
            )
        target = self.item.parts if self.item else current.intro if current else self.preamble
        target.append(segment)

    def _add_paragraph(self, number: int, line: int, rest: str) -> None:
        self.paragraphs.append(Paragraph(number, line, [Segment(line, rest)] if rest else []))
        self.item = None

    def _add_item(self, paragraph: Paragraph, sub: int, line: int, rest: str, explicit: bool = False) -> None:
        self.item = Item(f"{paragraph.number}.{sub}", sub, line, [Segment(line, rest)] if rest else [])
        paragraph.explicit = paragraph.explicit or explicit
        paragraph.items.append(self.item)
        paragraph.items.sort(key=lambda item: item.sub)

    def _loose(self, segment: Segment) -> bool:
        """Read "125-15." or "111. 29" as the next recommendation of the current paragraph, when it is."""
        found = _LOOSE.match(segment.text)
        current = self.current
        if not found or current is None or int(found[1]) != current.number or not current.items:
            return False
        if int(found[2]) != current.next_sub:
            return False
        printed = found[0].strip()
        self._add_item(current, current.next_sub, segment.line, segment.text[found.end() :], explicit=True)
        self._event(segment.line, "typo", f"{current.number}.{current.items[-1].sub} is printed {printed!r}")
        return True

    def _place(self, index: int, segment: Segment, marker: Marker) -> bool:
        number, sub, rest = marker
        current = self.current
        if current is None:
            if self.first is not None and number != self.first:
                return False
            self._add_paragraph(number, segment.line, rest)
            return True
        if sub is not None:
            return self._place_explicit(index, segment, marker, current)
        as_paragraph = number == current.number + 1
        as_item = number == current.next_sub and not current.explicit
        if as_paragraph and (not as_item or _starts_paragraph(self.segments, index, rest)):
            self._add_paragraph(number, segment.line, rest)
            return True
        if as_item:
            self._add_item(current, number, segment.line, rest)
            return True
        if not current.explicit and current.items and current.next_sub < number <= current.next_sub + 2:
            self._recover(current, number)
            self._add_item(current, number, segment.line, rest)
            return True
        return False

    def _place_explicit(self, index: int, segment: Segment, marker: Marker, current: Paragraph) -> bool:
        number, sub, rest = marker
        assert sub is not None
        if number == current.number and sub not in {item.sub for item in current.items}:
            if sub != current.next_sub:
                after = f"{current.items[-1].ref}" if current.items else f"paragraph {number}"
                self._event(segment.line, "order", f"{number}.{sub} comes after {after}")
            self._add_item(current, sub, segment.line, rest, explicit=True)
            return True
        earlier = next((p for p in self.paragraphs if p.number == number), None)
        if (
            earlier is not None
            and earlier is not current
            and sub < earlier.next_sub
            and sub not in {item.sub for item in earlier.items}
        ):
            self._add_item(earlier, sub, segment.line, rest, explicit=True)
            self._event(
                segment.line, "moved", f"{number}.{sub} stands after paragraph {current.number} began"
            )
            return True
        following = _next_marker(self.segments, index)
        expected = current.next_sub
        if following is not None and following[:2] == (current.number, expected + 1):
            self._add_item(current, expected, segment.line, rest, explicit=True)
            self._event(segment.line, "typo", f"{current.number}.{expected} is printed {number}.{sub}")
            return True
        if number == current.number + 1 and sub == 1 and current.explicit:
            self._add_paragraph(number, segment.line, "")
            self._add_item(self.paragraphs[-1], 1, segment.line, rest, explicit=True)
            self._event(segment.line, "gap", f"paragraph {number} has no introduction")
            return True
        return False

    def _recover(self, paragraph: Paragraph, number: int) -> None:
        """Items lost their number: split them off the previous item where a new sentence begins a line."""
        previous = paragraph.items[-1]
        missing = list(range(paragraph.next_sub, number))
        cuts = [
            i
            for i in range(1, len(previous.parts))
            if _TAIL_END.search(previous.parts[i - 1].text) and _CAPITAL.match(previous.parts[i].text)
        ][-len(missing) :]
        if len(cuts) != len(missing):
            return
        parts = previous.parts
        previous.parts = parts[: cuts[0]]
        for sub, start, end in zip(missing, cuts, [*cuts[1:], len(parts)], strict=True):
            line = parts[start].line
            paragraph.items.append(Item(f"{paragraph.number}.{sub}", sub, line, parts[start:end]))
            self._event(line, "recovered", f"item {paragraph.number}.{sub} has lost its number")

    def _unnumbered(self, paragraph: Paragraph) -> None:
        """A paragraph announcing "the following recommendation" whose one recommendation has no number:
        "100. The following recommendation did not enjoy the support of Bolivia: Continue to support ...
        (United Kingdom)." It becomes the paragraph's item 1, with the text after it, as a recommendation
        followed by the State's comments is read (:mod:`.tails`)."""
        if paragraph.items or not paragraph.intro:
            return
        start = next((i for i, part in enumerate(paragraph.intro) if part.text.rstrip().endswith(":")), None)
        if start is None or not _FOLLOWING.search(join_lines([p.text for p in paragraph.intro[: start + 1]])):
            return
        end = next(
            (i for i in range(start + 1, len(paragraph.intro)) if _ITEM_END.search(paragraph.intro[i].text)),
            None,
        )
        if end is None or not _CAPITAL.match(paragraph.intro[start + 1].text):
            return
        parts = paragraph.intro[start + 1 :]  # what follows it (the State's comments) is its note
        paragraph.intro = paragraph.intro[: start + 1]
        paragraph.items.append(Item(f"{paragraph.number}.1", 1, parts[0].line, parts))
        self._event(
            parts[0].line, "recovered", f"recommendation {paragraph.number}.1 is printed without a number"
        )

    def _check_gaps(self, paragraph: Paragraph) -> None:
        subs = [item.sub for item in paragraph.items]
        missing = sorted(set(range(1, subs[-1] + 1)) - set(subs)) if subs else []
        if missing:
            refs = ", ".join(f"{paragraph.number}.{sub}" for sub in missing)
            self._event(paragraph.line, "gap", f"paragraph {paragraph.number} has no recommendation {refs}")


def read_paragraphs(segments: Sequence[Segment], first: int | None) -> Numbering:
    """Paragraphs and items of the section's ``segments``; ``first``: the first paragraph's number, if
    known (from the table of contents)."""
    return _Reader(segments, first).read()
