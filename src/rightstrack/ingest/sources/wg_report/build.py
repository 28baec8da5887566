"""Recommendation records from the numbered paragraphs: text, States, decision, place.

>>> from .layout import Segment
>>> from .numbering import read_paragraphs
>>> numbering = read_paragraphs([Segment(1, "95. The recommendations below enjoy the support of Chad:"),
...     Segment(2, "95.1 Ratify CAT (Peru);"), Segment(3, "95.2 Adopt a law (Nowhere Land);"),
...     Segment(4, "96. Chad considers that recommendation 95.1 above is already implemented.")], 95)
>>> records, problems = recommendations(numbering)
>>> [(r.ref, r.text, r.recommending_states, r.response) for r in records]
[('95.1', 'Ratify CAT', ['Peru'], 'already implemented'), ('95.2', 'Adopt a law', [], 'accepted')]
>>> [p.message for p in problems]
["'Nowhere Land' is not a State: not kept as a recommending State"]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from string import ascii_lowercase

from rightstrack.core.records import Place, Problem, RecommendationRecord

from .decisions import all_above, decision, overrides, strip_overrides
from .numbering import Numbering, Paragraph
from .parts import split_clauses
from .tails import read_tail

REF_SCHEME = "ohchr-paragraph"
_IN_PARAGRAPHS = re.compile(
    r"recommendations\s+(?:contained\s+)?in\s+paragraphs?\s+(\d{1,3}(?:\s*(?:,|and)\s*\d{1,3})*)\b(?!\.\d)"
)
_DIGITS = re.compile(r"\d+")
SECTION = "recommendations"


def part_label(index: int) -> str:
    """The label of a paragraph's clause: "a" to "z", then "aa", "ab"... (a PDF that loses the numbers of
    a list may run more than 26 clauses into one paragraph).

    >>> part_label(0), part_label(25), part_label(26), part_label(27), part_label(52)
    ('a', 'z', 'aa', 'ab', 'ba')
    """
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = ascii_lowercase[rest] + label
    return label


def _decisions(paragraphs: Sequence[Paragraph]) -> dict[int, str | None]:
    """Each listing paragraph's decision: its own words, else those of the unlisted paragraphs after it."""
    found: dict[int, str | None] = {}
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.items:
            continue
        response = decision(strip_overrides(paragraph.intro_text))
        for following in paragraphs[index + 1 :]:
            if response is not None or following.items:
                break
            response = decision(following.intro_text)
        if response is None:  # "The response ... to the recommendations in paragraphs 84 and 85 will be ..."
            response = next(
                (
                    decision(later.intro_text)
                    for later in paragraphs[index + 1 :]
                    if _names(later, paragraph.number)
                ),
                None,
            )
        found[paragraph.number] = response
    return found


def _names(paragraph: Paragraph, number: int) -> bool:
    """Whether an unlisted paragraph speaks of "the recommendations in paragraph(s) ... ``number``"."""
    found = _IN_PARAGRAPHS.search(paragraph.intro_text)
    return not paragraph.items and found is not None and str(number) in _DIGITS.findall(found[1])


def _overrides(paragraphs: Sequence[Paragraph], notes: Sequence[tuple[int, str]]) -> dict[str, str]:
    """Refs re-decided by later statements, in the order the report makes them."""
    found: dict[str, str] = {}
    listing: Paragraph | None = None
    listings = {paragraph.number for paragraph in paragraphs if paragraph.items}
    for paragraph in paragraphs:
        if paragraph.items:
            listing = paragraph
            found.update(overrides(paragraph.intro_text, paragraph.number, listings))
            continue
        if listing is None:
            continue
        found.update(overrides(paragraph.intro_text, listing.number, listings))
        above = all_above(paragraph.intro_text)
        if above:
            found.update({item.ref: above for item in listing.items})
    by_number = {paragraph.number: paragraph for paragraph in paragraphs}
    for number, note in notes:
        found.update(overrides(note, number, listings))
        above = all_above(note)
        if above:
            found.update({item.ref: above for item in by_number[number].items})
    return found


def recommendations(numbering: Numbering) -> tuple[list[RecommendationRecord], list[Problem]]:
    """The records of every listed recommendation, and what could not be read of them."""
    paragraphs = numbering.paragraphs
    decided = _decisions(paragraphs)
    records: list[RecommendationRecord] = []
    problems: list[Problem] = []
    notes: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        if paragraph.items and decided[paragraph.number] is None:
            problems.append(
                Problem(
                    Place(line=paragraph.line, section=SECTION, paragraph=str(paragraph.number)),
                    f"no decision could be read in paragraph {paragraph.number}: "
                    "its recommendations have no response",
                )
            )
        for item in paragraph.items:
            place = Place(line=item.line, section=SECTION, paragraph=item.ref)
            tail = read_tail(item.text)
            if not tail.text:
                problems.append(Problem(place, f"recommendation {item.ref} has no text"))
            if not tail.states and not tail.unresolved:
                problems.append(Problem(place, f"recommendation {item.ref} names no recommending State"))
            problems += [
                Problem(place, f"{name!r} is not a State: not kept as a recommending State")
                for name in tail.unresolved
            ]
            problems += [
                Problem(place, f"recommending State {written!r} read as {name!r}")
                for written, name in tail.corrected
            ]
            if tail.trailing:
                notes.append((paragraph.number, tail.trailing))
                problems.append(
                    Problem(
                        place, f"text after recommendation {item.ref} kept out of it: {tail.trailing[:200]!r}"
                    )
                )
            clauses = split_clauses(tail.text, tail.states)
            for index, clause in enumerate(clauses):
                records.append(
                    RecommendationRecord(
                        ref=item.ref,
                        ref_scheme=REF_SCHEME,
                        text=clause.text,
                        place=place,
                        recommending_states=clause.states,
                        response=decided[paragraph.number] or "",
                        ref_part=part_label(index) if len(clauses) > 1 else "",
                    )
                )
    changed = _overrides(paragraphs, notes)
    for record in records:
        record.response = changed.get(record.ref, record.response)
    known = {record.ref for record in records}
    problems += [
        Problem(
            Place(section=SECTION, paragraph=ref), f"a statement on recommendation {ref} names none listed"
        )
        for ref in changed
        if ref not in known
    ]
    return records, problems
