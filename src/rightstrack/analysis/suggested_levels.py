"""A suggested implementation level per source kind, read from the evidence paragraphs linked to a
recommendation (plain Python; the evidence app stores the result).

Each paragraph is read by the claim reader (:func:`~rightstrack.analysis.claims.extract_evidence_claim`)
on the sentences about the recommendation (:func:`~rightstrack.analysis.claims.evidence_window`). The
paragraphs of one kind (what the State says, what the UN says, what an NHRI or civil society says)
combine as the IRI combines claims: the mean of their scores (0, 0.5, 1) on the IRI's bands. The
confidence is the mean confidence of the readings times the share of them that agree with the result.

>>> found = suggest("Ratify the Convention on Enforced Disappearance", [Read(1, "The Committee "
...     "welcomed the ratification of the Convention on Enforced Disappearance in 2022.")])
>>> found.level, found.confidence, [quote.key for quote in found.quotes]
('fully', 0.7, [1])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rightstrack.analysis.claims import UNCLEAR, Claim, evidence_window, extract_evidence_claim
from rightstrack.analysis.search import terms
from rightstrack.core.iri import Level, iri_score, level_for_score


@dataclass(frozen=True)
class Read:
    """A paragraph to read: its key (a paragraph id) and its words."""

    key: int
    text: str


@dataclass(frozen=True)
class Quote:
    """The part of a paragraph the suggestion rests on, with the claim read from it."""

    key: int
    text: str
    claim: Claim


@dataclass(frozen=True)
class Suggested:
    level: str
    confidence: float
    reason: str
    quotes: tuple[Quote, ...]


def read(recommendation: str, paragraph: Read) -> Quote:
    """The claim of one paragraph, read on its sentences about ``recommendation``."""
    window = evidence_window(paragraph.text, set(terms(recommendation)), terms) or paragraph.text
    return Quote(paragraph.key, window, extract_evidence_claim(window))


def suggest(recommendation: str, paragraphs: Sequence[Read]) -> Suggested | None:
    """The level the ``paragraphs`` (all of one source kind) suggest, or ``None`` with nothing to read."""
    quotes = tuple(read(recommendation, paragraph) for paragraph in paragraphs)
    levels = [Level(quote.claim.level) for quote in quotes if quote.claim.level != UNCLEAR]
    if not levels:
        return None
    level = level_for_score(iri_score(levels))
    known = [quote for quote in quotes if quote.claim.level != UNCLEAR]
    agreeing = sum(1 for quote in known if quote.claim.level == level.value)
    confidence = sum(quote.claim.confidence for quote in known) / len(known) * agreeing / len(known)
    reasons = "; ".join(f"{quote.claim.level}: {quote.claim.reason}" for quote in known)
    return Suggested(level.value, round(confidence, 2), reasons, quotes)


def combined(per_kind: dict[str, str]) -> str | None:
    """One level from the per-kind levels, as the Human Rights Committee grades follow-up: fully when
    the State reports it done and the UN confirms it (independent sources agreeing, whatever civil
    society adds); otherwise action reported by any source, with concerns remaining elsewhere, is
    partial implementation (its "B: initial action taken, but additional steps required"); not when
    no source reports action. A State reporting a new plan while a UN committee remains concerned is
    the common case: the IRI mean of their scores (0.5 and 0) would say "not". Measured by
    ``bench.evidence`` against another project's grades: the IRI mean agreed 0.494, this rule 0.660
    (README, performance).

    >>> combined({"state": "partially", "un": "not", "civil-society": "not"})
    'partially'
    >>> combined({"state": "fully", "un": "fully", "civil-society": "not"})
    'fully'
    >>> combined({"state": "partially", "un": "fully"})
    'partially'
    >>> combined({"un": "not", "civil-society": "not"})
    'not'
    >>> combined({}) is None
    True
    """
    levels = [level for level in per_kind.values() if level != UNCLEAR]
    if not levels:
        return None
    if per_kind.get("state") == per_kind.get("un") == Level.FULLY.value:
        return Level.FULLY.value
    if any(level in (Level.FULLY.value, Level.PARTIALLY.value) for level in levels):
        return Level.PARTIALLY.value
    return Level.NOT.value
