"""The deck's title (cycle and State), the organisations that present it and the closing slide.

>>> read_title_text("4th Cycle of the Universal Periodic Review of the Republic of Kazakhstan")
(4, 'the Republic of Kazakhstan')
>>> title_case("KAZAKHSTANI NGOS COALITION ON UNIVERSAL PERIODIC REVIEW (UPR)")
'Kazakhstani NGOs Coalition on Universal Periodic Review (UPR)'
>>> title_case("KAZAKHSTAN INTERNATIONAL BUREAU FOR HUMAN RIGHTS AND THE RULE OF LAW")
'Kazakhstan International Bureau for Human Rights and the Rule of Law'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem, StakeholderRecord
from rightstrack.core.states import resolve_state

from .lines import Line

_TITLE = re.compile(
    r"^(?P<cycle>\d+)(?:st|nd|rd|th)\s+Cycle\s+of\s+the\s+Universal\s+Periodic\s+Review\s+of\s+(?P<state>.+?)$",
    re.IGNORECASE,
)
_COALITION = re.compile(r"\bcoalition\b", re.IGNORECASE)
_CLOSING = re.compile(r"^thank you\b", re.IGNORECASE)
_SMALL = frozenset({"a", "an", "and", "the", "of", "on", "for", "in", "to", "by", "at"})
_PLURAL_ACRONYM = re.compile(r"^(?P<stem>[A-Z]{2,})S$")
_ACRONYMS = frozenset({"UPR", "UN", "NGO", "CSO", "NHRI", "OSCE", "ODIHR", "RK", "LGBT", "LGBTI", "HIV"})
_NOT_THIS = "not an NGO coalition summary of a UPR cycle"


def read_title_text(text: str) -> tuple[int, str] | None:
    """(cycle, State as written) from ``"4th Cycle of the Universal Periodic Review of <State>"``."""
    match = _TITLE.match(text)
    return (int(match.group("cycle")), match.group("state").strip()) if match else None


def read_title(lines: Sequence[Line]) -> tuple[Line, int, str]:
    """(title line, cycle, ISO code of the State); rejects a text whose first line is no such title."""
    first = lines[0]
    place = Place(line=first.number, section="title")
    found = read_title_text(first.clean)
    if found is None:
        raise DocumentRejected(
            f"{_NOT_THIS}: the first line is not '<N>th Cycle of the Universal Periodic Review of <State>' "
            f"but {first.clean[:80]!r}",
            place,
        )
    state = resolve_state(found[1])
    if state is None:
        raise DocumentRejected(f"the title names no known State: {found[1]!r}", place)
    return first, found[0], state


def title_case(text: str) -> str:
    """An upper-case slide name in title case; acronyms in brackets and known acronyms (also plural) kept."""
    words = []
    for position, word in enumerate(text.split()):
        plural = _PLURAL_ACRONYM.match(word)
        if word.startswith("(") or word in _ACRONYMS:
            words.append(word)
        elif plural is not None and plural.group("stem") in _ACRONYMS:
            words.append(f"{plural.group('stem')}s")
        elif position and word.casefold() in _SMALL:
            words.append(word.casefold())
        else:
            words.append(word[:1].upper() + word[1:].casefold())
    return " ".join(words)


def is_closing(line: Line) -> bool:
    """Whether a line is the closing slide ("THANK YOU FOR YOUR ATTENTION!")."""
    return bool(_CLOSING.match(line.clean))


def organisations(
    paragraphs: Sequence[tuple[Line, str]], problems: list[Problem]
) -> tuple[StakeholderRecord | None, list[StakeholderRecord]]:
    """(the coalition, every organisation named) from the paragraphs between title and first issue."""
    named = [
        (line, StakeholderRecord(title_case(text), kind="coalition" if _COALITION.search(text) else "ngo"))
        for line, text in paragraphs
    ]
    coalition = next((record for _, record in named if record.kind == "coalition"), None)
    if coalition is None:
        place = Place(line=named[0][0].number if named else 1, section="front matter")
        problems.append(
            Problem(place, "no coalition is named before the first issue: the summary has no author")
        )
    return coalition, [record for _, record in named]
