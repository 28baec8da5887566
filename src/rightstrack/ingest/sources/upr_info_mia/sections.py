"""The parts of an MIA and where they stand.

An MIA reads: title, introduction, "1. Sources and results", "2. Index", "3. Feedbacks on
recommendations", "Methodology", "Disclaimer", "Uncommented recommendations", "Contact". Only
section 3 is required; the parts found must come in that order (the last ones in any order
after section 3), else the document is rejected as disordered.

>>> heading_of("1.\\tSources and results\\t"), heading_of("3. Feedbacks on recommendations")
('sources', 'feedback')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

from .lines import clean

_HEADINGS: Mapping[str, re.Pattern[str]] = MappingProxyType(
    {
        "sources": re.compile(r"^(?:\d+\s*\.\s*)?Sources and results$", re.IGNORECASE),
        "index": re.compile(r"^(?:\d+\s*\.\s*)?Index$", re.IGNORECASE),
        "feedback": re.compile(r"^(?:\d+\s*\.\s*)?Feedbacks? on (?:the )?recommendations$", re.IGNORECASE),
        "methodology": re.compile(r"^Methodology$", re.IGNORECASE),
        "disclaimer": re.compile(r"^Disclaimer$", re.IGNORECASE),
        "uncommented": re.compile(r"^Uncommented recommendations$", re.IGNORECASE),
        "contact": re.compile(r"^Contact$", re.IGNORECASE),
    }
)

#: Human names of the sections, as used in :class:`~rightstrack.core.records.Place`.
SECTION_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "front": "front matter",
        "sources": "sources and results",
        "index": "index table",
        "feedback": "feedback",
        "methodology": "methodology",
        "disclaimer": "disclaimer",
        "uncommented": "uncommented recommendations",
        "contact": "contact",
    }
)

#: Sections that must precede section 3, in this order.
_LEADING = ("sources", "index", "feedback")
_TRAILING = ("methodology", "disclaimer", "uncommented", "contact")


@dataclass(frozen=True)
class Section:
    key: str
    heading: int  # 0-based line of its heading
    start: int  # first line after the heading
    end: int  # line after its last line

    @property
    def name(self) -> str:
        return SECTION_NAMES[self.key]


@dataclass(frozen=True)
class Sections:
    found: tuple[Section, ...]  # in document order

    def get(self, key: str) -> Section | None:
        return next((section for section in self.found if section.key == key), None)

    def require(self, key: str) -> Section:
        section = self.get(key)
        assert section is not None, key
        return section

    def name_at(self, index: int) -> str:
        """The name of the section holding the 0-based line ``index``."""
        holding = [section for section in self.found if section.heading <= index]
        return holding[-1].name if holding else SECTION_NAMES["front"]


def heading_of(line: str) -> str | None:
    """The section key a line heads, if it is a section heading."""
    text = clean(line.replace("\t", " "))
    for key, pattern in _HEADINGS.items():
        if pattern.match(text):
            return key
    return None


def find_sections(lines: Sequence[str]) -> Sections:
    """The sections of the text, by their first heading. Raises :class:`DocumentRejected`."""
    first: dict[str, int] = {}
    for index, line in enumerate(lines):
        if len(line) <= 80:
            key = heading_of(line)
            if key is not None:
                first.setdefault(key, index)
    if "feedback" not in first:
        raise DocumentRejected("no section '3. Feedbacks on recommendations'", Place(line=1))
    _check_order(first)
    ordered = sorted(first.items(), key=lambda item: item[1])
    found = []
    for position, (key, heading) in enumerate(ordered):
        end = ordered[position + 1][1] if position + 1 < len(ordered) else len(lines)
        found.append(Section(key, heading, heading + 1, end))
    return Sections(tuple(found))


def _check_order(first: dict[str, int]) -> None:
    leading = [(key, first[key]) for key in _LEADING if key in first]
    for (key_a, line_a), (key_b, line_b) in pairwise(leading):
        if line_a > line_b:
            raise DocumentRejected(
                f"section {SECTION_NAMES[key_a]!r} (line {line_a + 1}) comes after "
                f"{SECTION_NAMES[key_b]!r} (line {line_b + 1}): the document is out of order",
                Place(line=line_a + 1, section=SECTION_NAMES[key_a]),
            )
    feedback = first["feedback"]
    for key in _TRAILING:
        if key in first and first[key] < feedback:
            raise DocumentRejected(
                f"section {SECTION_NAMES[key]!r} (line {first[key] + 1}) comes before section 3 "
                f"(line {feedback + 1}): the document is out of order",
                Place(line=first[key] + 1, section=SECTION_NAMES[key]),
            )
