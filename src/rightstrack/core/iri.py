"""The Implementation Recommendation Index (IRI) of UPR Info, as pure functions.

The Methodology of UPR Info's Mid-term Implementation Assessments (seed 000, part C):

* every stakeholder's claim scores 0 (not implemented), 0.5 (partially) or 1 (fully);
* a recommendation's IRI is the mean of its claims;
* the score becomes a level: 0–0.32 not implemented, 0.33–0.65 partially, 0.66–1 fully;
* a recommendation nobody commented on has "no answer".

The bands are printed with two decimals, so a mean that falls between them (such as 0.325)
is placed by rounding the score to two decimals first: 0.325 rounds half-up to 0.33 → partially.

>>> iri_score([Level.FULLY, Level.PARTIALLY])
Decimal('0.75')
>>> level_for_score(iri_score([Level.PARTIALLY, Level.NOT]))
<Level.NOT: 'not'>
>>> level_for_score(Decimal("0.33"))
<Level.PARTIALLY: 'partially'>
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Level(StrEnum):
    """A claimed or computed implementation level on UPR Info's three-step scale."""

    NOT = "not"
    PARTIALLY = "partially"
    FULLY = "fully"

    @property
    def score(self) -> Decimal:
        return CLAIM_SCORES[self]

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


class Outcome(StrEnum):
    """Where a recommendation stands in a review's implementation picture."""

    NOT = "not implemented"
    PARTIALLY = "partially implemented"
    FULLY = "fully implemented"
    UNDETERMINED = "undetermined"  # assessed, but no level could be given ("-" in an MIA)
    NO_ANSWER = "no answer"  # nobody commented on it


CLAIM_SCORES: dict[Level, Decimal] = {
    Level.NOT: Decimal("0"),
    Level.PARTIALLY: Decimal("0.5"),
    Level.FULLY: Decimal("1"),
}

LEVEL_LABELS: dict[Level, str] = {
    Level.NOT: "not implemented",
    Level.PARTIALLY: "partially implemented",
    Level.FULLY: "fully implemented",
}

OUTCOME_OF_LEVEL: dict[Level, Outcome] = {
    Level.NOT: Outcome.NOT,
    Level.PARTIALLY: Outcome.PARTIALLY,
    Level.FULLY: Outcome.FULLY,
}

#: Lower bound of each band, as printed in the Methodology table.
PARTIALLY_FROM = Decimal("0.33")
FULLY_FROM = Decimal("0.66")

_HUNDREDTH = Decimal("0.01")


def iri_score(claims: Iterable[Level]) -> Decimal:
    """Mean score of the claims. Raises ``ValueError`` when there is no claim."""
    scores = [CLAIM_SCORES[Level(claim)] for claim in claims]
    if not scores:
        raise ValueError("an IRI needs at least one claim")
    return sum(scores, Decimal(0)) / len(scores)


def level_for_score(score: Decimal) -> Level:
    """The Methodology's band for a score between 0 and 1."""
    if score < 0 or score > 1:
        raise ValueError(f"an IRI score lies between 0 and 1, not {score}")
    rounded = score.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
    if rounded >= FULLY_FROM:
        return Level.FULLY
    if rounded >= PARTIALLY_FROM:
        return Level.PARTIALLY
    return Level.NOT


@dataclass(frozen=True)
class IriResult:
    """The IRI of one recommendation.

    ``basis`` says where the level comes from: ``"claims"`` (computed from every claim),
    ``"published"`` (the level the source document published, used when some claims carry no
    stated level), or ``""`` when there is nothing to go on.
    """

    outcome: Outcome
    score: Decimal | None
    claims: int
    basis: str

    @property
    def level(self) -> Level | None:
        for level, outcome in OUTCOME_OF_LEVEL.items():
            if outcome is self.outcome:
                return level
        return None


def recommendation_iri(
    claims: Sequence[Level | None],
    published: Level | None = None,
    published_undetermined: bool = False,
) -> IriResult:
    """The IRI of one recommendation from its assessments' claims.

    ``claims`` has one entry per assessment: its claimed level, or ``None`` where the
    assessment states none. With no assessment at all the outcome is "no answer". When every
    assessment has a level, the IRI is computed. Otherwise the level the source document
    published is used (``published``), or "undetermined" if it published none (an MIA's "-",
    ``published_undetermined``) or there is nothing to go on.

    >>> recommendation_iri([Level.FULLY, Level.PARTIALLY]).score
    Decimal('0.75')
    >>> recommendation_iri([]).outcome
    <Outcome.NO_ANSWER: 'no answer'>
    >>> recommendation_iri([None], published=Level.NOT).basis
    'published'
    """
    if not claims:
        return IriResult(Outcome.NO_ANSWER, None, 0, "")
    levels = [claim for claim in claims if claim is not None]
    if len(levels) == len(claims):
        score = iri_score(levels)
        return IriResult(OUTCOME_OF_LEVEL[level_for_score(score)], score, len(claims), "claims")
    if published is not None:
        return IriResult(OUTCOME_OF_LEVEL[published], None, len(claims), "published")
    return IriResult(Outcome.UNDETERMINED, None, len(claims), "published" if published_undetermined else "")


def count_outcomes(results: Iterable[IriResult]) -> dict[str, int]:
    """Counts per outcome, every outcome present (zero when absent), in the Methodology's order."""
    counter = Counter(result.outcome for result in results)
    return {outcome.value: counter.get(outcome, 0) for outcome in Outcome}
