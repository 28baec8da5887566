"""Paragraphs that gather several recommendations, each with its own States.

"To consider ratifying CRPD (Slovenia); ratify CRPD (Republic of Korea);" is one paragraph of the
report but two recommendations: UPR Info, the MIAs and the OHCHR matrices count them apart, each with
its State. A paragraph is cut after every group of States that ends a clause ("...(Slovenia); ...");
groups inside a clause ("Sign (Uganda) and ratify (Costa Rica) OP-CAT") do not cut it.

>>> text = "To consider ratifying CRPD (Slovenia); ratify CRPD"
>>> [(p.text, p.states) for p in split_clauses(text, ["Slovenia", "Republic of Korea"])]
[('To consider ratifying CRPD', ['Slovenia']), ('ratify CRPD', ['Republic of Korea'])]
>>> len(split_clauses("Sign (Uganda) and ratify (Costa Rica) OP-CAT", ["Uganda", "Costa Rica"]))
1
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rightstrack.core.records import RecommendationRecord

from .tails import _groups, _interior

_CLAUSE_END = re.compile(r"^\s*;\s*\S")


@dataclass(frozen=True)
class Clause:
    text: str
    states: list[str]


def split_clauses(text: str, states: list[str]) -> list[Clause]:
    """The clauses of a recommendation text whose tail States were ``states``; one clause if none."""
    clauses: list[Clause] = []
    start = 0
    named: list[str] = []
    for left, right in _groups(text):
        if not _CLAUSE_END.match(text[right:]):
            continue
        found = _interior(text[left + 1 : right - 1])
        if found is None:
            continue
        clause = text[start:left].strip(" ;,")
        if not clause:
            continue
        clauses.append(Clause(clause, list(found.states)))
        named += found.states
        start = right + text[right:].index(";") + 1
    if not clauses:
        return [Clause(text, states)]
    rest = [state for state in states if state not in named]
    clauses.append(Clause(text[start:].strip(" ;,"), rest or states[-1:]))
    return clauses


def paragraphs(records: list[RecommendationRecord]) -> dict[str, RecommendationRecord]:
    """The report's paragraphs as printed: the clauses of each joined again, States in order, once each.

    For comparisons with sources that number paragraphs (the researcher's reference, OHCHR lists).
    """
    merged: dict[str, RecommendationRecord] = {}
    for record in records:
        whole = merged.get(record.ref)
        if whole is None:
            merged[record.ref] = replace(
                record, ref_part="", recommending_states=list(record.recommending_states)
            )
            continue
        whole.text = f"{whole.text}; {record.text}"
        whole.recommending_states += [
            s for s in record.recommending_states if s not in whole.recommending_states
        ]
    return merged
