"""Claim extraction on seed 000's phrasings, and the IRI computed from extracted claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightstrack.analysis.claims import extract_claim, iri_from_claims
from rightstrack.core.iri import Outcome
from rightstrack.core.records import AssessmentRecord, Place, StakeholderRecord

from .conftest import EXAMPLES

#: Measured: 108 of 118 (0.915) with the rules as written; the test keeps a margin.
MEASURED_AGREEMENT = 108 / 118


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Recommendation has not been fulfilled.", "not"),
        (
            "Recommendation has not been implemented.\n\nAll religious associations must register again.",
            "not",
        ),
        ("Recommendation has been fulfilled partially.", "partially"),
        ("fulfilled partially", "partially"),
        ("Partially, the law on NPM is in the Parliament", "partially"),
        ("No change on Ombudsman legislation", "not"),
        ("Recommendation is practically not fulfilled.", "not"),
        # affirmed without reservation: UPR Info graded such sole claims "fully" in seed 000
        ("Recommendation is being implemented.", "fully"),
        # ... but a reservation makes it partial
        (
            "Recommendation is being fulfilled.\n\nJuvenile courts exist, not yet fully operational.",
            "partially",
        ),
        ("RK still has not repealed criminal libel law against journalists.", "not"),
        ("The government is supporting the creation of the Korgalzhin biosphere reserve.", "fully"),
        ("A visit by the Special Rapporteur would be welcome.", "partially"),
        ("See comments to recommendations 5, 15, 52.", "unclear"),
        ("ves", "unclear"),
    ],
)
def test_extract_claim_reads_typical_seed_000_phrasings(text: str, level: str) -> None:
    claim = extract_claim(text)
    assert claim.level == level, claim.reason
    assert 0.0 <= claim.confidence <= 1.0 and claim.reason


def _assessment(ref: str, who: str, text: str, level: str | None = None, basis: str = "") -> AssessmentRecord:
    return AssessmentRecord(ref, StakeholderRecord(who, who), text, Place(), level=level, level_basis=basis)


def test_iri_from_claims_follows_references_and_marks_the_result_suggested() -> None:
    results = iri_from_claims(
        [
            _assessment("1", "A", "Recommendation has not been fulfilled."),
            _assessment("2", "A", "See comments to recommendation 1."),
            _assessment("2", "B", "Partially, a draft law is in Parliament."),
            _assessment("3", "C", "anything", level="fully", basis="stated in the stakeholder's sheet"),
        ]
    )
    assert results["1"].level == "not" and results["1"].suggested
    assert results["2"].claims[0].source == "reference" and results["2"].claims[0].level == "not"
    assert results["2"].level == "not"  # mean of 0 and 0.5 = 0.25
    assert results["3"].level == "fully" and not results["3"].suggested  # a stated claim is kept


def test_recommendations_nobody_answered_have_no_answer() -> None:
    from rightstrack.core.records import RecommendationRecord

    record = RecommendationRecord("9", "test", "Ratify the CRPD", Place())
    assert iri_from_claims([], [record])["9"].result.outcome is Outcome.NO_ANSWER


def test_iri_from_extracted_claims_agrees_with_seed_000(data_dir: Path) -> None:
    from rightstrack.analysis.eval_tasks import claims_agreement

    same, graded = claims_agreement(EXAMPLES.parents[1], data_dir)
    assert graded == 118
    assert same / graded >= MEASURED_AGREEMENT - 0.03
