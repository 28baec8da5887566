"""Records from the readings: one per reference, its final position, the State's replies, the checks.

Every reference named gets one :class:`RecommendationRecord` (``ohchr-paragraph`` scheme, as the
Working Group report numbers it), with the first position read for it; a second, different position
is reported, not applied. A reference no position reaches keeps ``response=""`` and is reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rightstrack.core.records import AssessmentRecord, Place, Problem, RecommendationRecord, StakeholderRecord

from .readings import Read, Reading
from .refs import ref_key
from .wording import SPLIT, SUPPORTED

REF_SCHEME = "ohchr-paragraph"  # as wg_report/build.py numbers the report's recommendations
FINAL = "final"
#: Paragraphs named by fewer references than this, far from the document's main ones, are suspect.
MAIN_PARAGRAPH_REFS = 3


@dataclass
class Built:
    records: list[RecommendationRecord] = field(default_factory=list)
    assessments: list[AssessmentRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # supported / noted / supported/noted / ""


def _place(line: int, section: str, paragraph: str, row: int | None = None) -> Place:
    return Place(line=line, section=section or "addendum", paragraph=paragraph, row=row)


def _where(reading: Reading) -> str:
    if reading.row is not None:
        return f"row {reading.row}"
    if reading.paragraph:
        return f"paragraph {reading.paragraph}"
    return f"line {reading.line}"


def _source(symbol: str, reading: Reading) -> str:
    return f"{symbol}, {_where(reading)}"


def _main_paragraphs(refs: Sequence[str]) -> set[int]:
    numbers = Counter(ref_key(ref)[0] for ref in refs)
    main = [number for number, count in numbers.items() if count >= MAIN_PARAGRAPH_REFS]
    if not main:
        return set(numbers)
    return set(range(min(main) - 1, max(main) + 2))


def build(read: Read, symbol: str, state_name: str) -> Built:
    built = Built()
    by_ref: dict[str, list[Reading]] = defaultdict(list)
    for reading in read.readings:
        by_ref[reading.ref].append(reading)
    main = _main_paragraphs(list(by_ref))
    for ref, readings in by_ref.items():
        positioned = [reading for reading in readings if reading.position]
        chosen = next((r for r in positioned if r.how != "reply"), positioned[0] if positioned else None)
        first = readings[0]
        if chosen is None:
            built.problems.append(
                Problem(
                    _place(first.line, first.section, first.paragraph, first.row),
                    f"no position could be read for recommendation {ref}",
                )
            )
        positions = {reading.position for reading in positioned}
        if len(positions) > 1 and chosen is not None:
            said = "; ".join(f"{reading.position} ({_where(reading)})" for reading in positioned)
            built.problems.append(
                Problem(
                    _place(chosen.line, chosen.section, chosen.paragraph, chosen.row),
                    f"recommendation {ref} is given two different positions: {said}; "
                    f"the first, {chosen.position!r}, is kept",
                )
            )
        if ref_key(ref)[0] not in main:
            built.problems.append(
                Problem(
                    _place(first.line, first.section, first.paragraph, first.row),
                    f"recommendation {ref} is outside the paragraphs the addendum otherwise answers "
                    f"({', '.join(str(number) for number in sorted(main))}): an unknown reference?",
                )
            )
        at = chosen or first
        position = chosen.position if chosen else ""
        qualified = chosen.qualifier if chosen else ""  # the list's, not a reply's filed elsewhere
        built.counts[position] += 1
        built.records.append(
            RecommendationRecord(
                ref=ref,
                ref_scheme=REF_SCHEME,
                text=next((reading.quoted for reading in readings if reading.quoted), ""),
                recommending_states=list(next((r.states for r in readings if r.states), ())),
                place=_place(at.line, at.section, at.paragraph, at.row),
                response=position,
                response_kind=FINAL if position else "",
                position_qualifier=qualified if position in {SUPPORTED, SPLIT} else "",
                position_source=_source(symbol, at) if position else "",
            )
        )
    state = StakeholderRecord(state_name, kind="state")
    for reply in read.replies:
        for ref in reply.refs:
            built.assessments.append(
                AssessmentRecord(
                    recommendation_ref=ref,
                    stakeholder=state,
                    text=reply.text,
                    place=_place(reply.line, reply.section, reply.paragraph or ref, reply.row),
                    level=None,
                    level_basis="",
                    scheme="iri",
                )
            )
    for line, problem in read.range_problems:
        built.problems.append(Problem(Place(line=line, section="addendum"), problem))
    for line, section, text in read.unplaced:
        built.problems.append(
            Problem(
                Place(line=line, section=section or "addendum"),
                f"a passage that names no recommendation and answers none, kept out: {text[:200]!r}",
            )
        )
    return built
