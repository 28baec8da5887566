"""The OHCHR letter's priorities and the chart of "noted" recommendations.

The letter is summarised as bullets under bold headings (``**B. Civil and political rights**``) and
italic sub-headings (``*Fundamental freedoms*``), from the paragraph naming the letter to the next
sub-section (``**d. ...**``). A bullet that cites paragraph numbers of the review
(``(recommendations 130.12, 130.15)``) becomes one recommendation per number (scheme
``ohchr-paragraph``); a bullet without numbers cannot be placed and is reported.

>>> paragraph_refs("Ratify CED (recommendations 130.12 and 130.15).")
('Ratify CED.', ('130.12', '130.15'))
>>> paragraph_refs("Ratify CED.")
('Ratify CED.', ())
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rightstrack.core.records import Place, Problem, RecommendationRecord

from .tables import find_header
from .text import Outline, cell_text, heading_text, is_footnote, is_heading, is_rule

SCHEME = "ohchr-paragraph"
NOTED_HEADER = ("theme", "noted")
_LETTER = re.compile(r"High Commissioner for Human Rights\b.*\bletter\b|\bOHCHR\b.*\bletter\b", re.IGNORECASE)
_END = re.compile(r"^(?:[a-z]|[IVXL]+)\.\s")
_ITALIC = re.compile(r"^\s*\*(?P<text>[^*].*[^*])\*\s*$")
_BULLET = re.compile(r"^\s*[-•]\s+(?P<text>.+)$")
_REFS = re.compile(
    r"\s*\((?:recommendations?|paras?\.?|paragraphs?)?\s*"
    r"(?P<refs>\d{2,3}\.\d{1,3}(?:\s*(?:,|and|–|-)\s*\d{2,3}\.\d{1,3})*)\)",
    re.IGNORECASE,
)
_REF = re.compile(r"\d{2,3}\.\d{1,3}")
_SHOWN = 70


def paragraph_refs(text: str) -> tuple[str, tuple[str, ...]]:
    """(text without its cited paragraph numbers, the numbers)."""
    refs = tuple(ref for match in _REFS.finditer(text) for ref in _REF.findall(match.group("refs")))
    return _REFS.sub("", text).strip(), refs


def letter_priorities(
    lines: Sequence[str], outline: Outline, problems: list[Problem]
) -> list[RecommendationRecord]:
    """Recommendations the letter cites by number; a problem for each priority it does not number."""
    start = next((index for index, raw in enumerate(lines) if _LETTER.search(raw)), None)
    if start is None:
        return []
    end = outline.next_heading(start, _END) or len(lines)
    heading, sub_heading = "", ""
    records: list[RecommendationRecord] = []
    unplaced = 0
    for index in range(start + 1, end):
        raw = lines[index]
        if not raw.strip() or is_rule(raw) or is_footnote(raw):
            continue
        italic = _ITALIC.match(raw)
        if is_heading(raw):
            heading, sub_heading = heading_text(raw), ""
        elif italic is not None:
            sub_heading = cell_text(italic.group("text"))
        elif (bullet := _BULLET.match(raw)) is not None:
            theme = " / ".join(part for part in (heading, sub_heading) if part)
            place = Place(line=index + 1, section=f"OHCHR letter: {theme}" if theme else "OHCHR letter")
            text, refs = paragraph_refs(cell_text(bullet.group("text")))
            records += [RecommendationRecord(ref, SCHEME, text, place, theme_heading=theme) for ref in refs]
            if not refs:
                unplaced += 1
                shown = text if len(text) <= _SHOWN else text[:_SHOWN].rstrip() + "…"
                problems.append(
                    Problem(place, f"OHCHR priority {shown!r} cites no recommendation number: not placed")
                )
    if not records and not unplaced:
        problems.append(
            Problem(Place(line=start + 1, section="OHCHR letter"), "the OHCHR letter lists no priorities")
        )
    return records


def noted_chart(lines: Sequence[str], outline: Outline, problems: list[Problem]) -> None:
    """The chart of recommendations Kazakhstan "noted" has no numbers: reported, not imported."""
    header = find_header(lines, *NOTED_HEADER)
    if header is not None:
        problems.append(
            Problem(
                Place(line=header + 1, section=outline.section_at(header)),
                "the chart of 'noted' recommendations quotes them by theme without their numbers: "
                "not imported",
            )
        )
