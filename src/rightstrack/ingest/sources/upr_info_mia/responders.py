"""Stakeholder response headers ("F18 response:", "Forum 18 News Service (F18) response:").

A header names its stakeholder by acronym, by full name with the acronym in brackets, or (rarely)
by full name alone. The acronym is the key; the full name comes from whichever header spells it out.

>>> parse_header("Forum 18 News Service (F18) response:")
Responder(key='F18', name='Forum 18 News Service', acronym='F18')
>>> parse_header("KIHRRLC response:")
Responder(key='KIHRRLC', name='', acronym='KIHRRLC')
>>> parse_header("The government gave the following response:") is None
True
>>> stakeholder_kind("UNESCO Almaty Office", "UNESCO"), stakeholder_kind("Tandem Project", "TP")
('un_agency', 'ngo')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rightstrack.core.records import Place, Problem, StakeholderRecord
from rightstrack.core.states import resolve_state

_HEADER = re.compile(r"^(?P<who>.{1,160}?)\s+response\s*:$", re.IGNORECASE)
_WITH_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[^()\s]{1,20})\)$")
_ACRONYM = re.compile(r"^(?=[^\s]*[A-Z0-9])[A-Za-z0-9][\w&.'\-]{0,19}$")
_CONNECTORS = frozenset(
    {"of", "the", "for", "and", "on", "in", "to", "de", "du", "des", "la", "le", "et", "&", "-"}
)
_MAX_NAME_WORDS = 10
_UN_BODY = re.compile(
    r"\b(?:UN|UNESCO|UNICEF|UNHCR|UNDP|UNFPA|UNAIDS|UNODC|OHCHR|WHO|ILO|IOM|FAO|WFP|UN\s+Women|"
    r"United\s+Nations|UN\s+Agency|UN\s+Country\s+Team)\b"
)
_NHRI = re.compile(
    r"ombuds|human\s+rights\s+commission|\bnational\s+human\s+rights|\bNHRI\b|\bnational\s+institution",
    re.IGNORECASE,
)

SECTION = "feedback"


@dataclass(frozen=True)
class Responder:
    """Who a response header names."""

    key: str  # the acronym, or the full name when the header gives no acronym
    name: str  # full name, "" when the header gives only the acronym
    acronym: str


def parse_header(text: str) -> Responder | None:
    """The responder a cleaned line names, or ``None`` when the line is not a response header."""
    match = _HEADER.match(text)
    if match is None:
        return None
    who = match.group("who").strip()
    full = _WITH_ACRONYM.match(who)
    if full is not None:
        return Responder(full.group("acronym"), full.group("name").strip(), full.group("acronym"))
    if _ACRONYM.match(who):
        return Responder(who, "", who)
    if _looks_like_name(who):
        return Responder(who, who, "")
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 < len(words) <= _MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word[:1].isdigit() or word.lower() in _CONNECTORS for word in words)


def stakeholder_kind(name: str, acronym: str) -> str:
    """``"un_agency"``, ``"nhri"``, ``"state"`` or ``"ngo"``, from the name and acronym."""
    both = f"{name} {acronym}"
    if _UN_BODY.search(both):
        return "un_agency"
    if _NHRI.search(both):
        return "nhri"
    if name and resolve_state(name) is not None:
        return "state"
    return "ngo"


@dataclass(frozen=True)
class Registry:
    """Every stakeholder of a document, once, by key."""

    by_key: dict[str, StakeholderRecord]
    problems: tuple[Problem, ...]

    def __getitem__(self, key: str) -> StakeholderRecord:
        return self.by_key[key]


def build_registry(headers: Sequence[tuple[Responder, int]]) -> Registry:
    """One record per key from ``(responder, line number)`` pairs, in order of first appearance.

    >>> short, full = parse_header("TP response:"), parse_header("Tandem Project (TP) response:")
    >>> build_registry([(short, 9), (full, 30)])["TP"]
    StakeholderRecord(name='Tandem Project', acronym='TP', kind='ngo')
    """
    names: dict[str, str] = {}
    first_line: dict[str, int] = {}
    acronyms: dict[str, str] = {}
    problems: list[Problem] = []
    for responder, line in headers:
        first_line.setdefault(responder.key, line)
        acronyms.setdefault(responder.key, responder.acronym)
        if not responder.name:
            continue
        known = names.setdefault(responder.key, responder.name)
        if known != responder.name:
            problems.append(
                Problem(
                    Place(line=line, section=SECTION),
                    f"stakeholder {responder.key!r} is also named {responder.name!r}; "
                    f"kept the first full name {known!r}",
                )
            )
    records: dict[str, StakeholderRecord] = {}
    for key, line in first_line.items():
        name = names.get(key, "")
        if not name:
            problems.append(
                Problem(
                    Place(line=line, section=SECTION),
                    f"stakeholder {key!r} is never named in full; its acronym stands for its name",
                )
            )
        records[key] = StakeholderRecord(name or key, acronyms[key], stakeholder_kind(name, acronyms[key]))
    return Registry(records, tuple(problems))
