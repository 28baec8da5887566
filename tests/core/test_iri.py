"""The IRI engine follows the Methodology of UPR Info's MIA (seed 000, part C) to the letter."""

from decimal import Decimal

import pytest

from rightstrack.core.iri import (
    Level,
    Outcome,
    count_outcomes,
    iri_score,
    level_for_score,
    recommendation_iri,
)

NOT, PARTIALLY, FULLY = Level.NOT, Level.PARTIALLY, Level.FULLY


def test_it_scores_each_claim_zero_half_or_one() -> None:
    assert iri_score([NOT]) == 0
    assert iri_score([PARTIALLY]) == Decimal("0.5")
    assert iri_score([FULLY]) == 1


def test_the_methodologys_first_example_state_fully_and_stakeholder_partially_is_075() -> None:
    result = recommendation_iri([FULLY, PARTIALLY])
    assert result.score == Decimal("0.75")
    assert result.outcome is Outcome.FULLY


def test_the_methodologys_second_example_state_partially_and_stakeholder_not_is_025_not_implemented() -> None:
    result = recommendation_iri([PARTIALLY, NOT])
    assert result.score == Decimal("0.25")
    assert result.outcome is Outcome.NOT


@pytest.mark.parametrize(
    ("score", "level"),
    [
        ("0", NOT),
        ("0.32", NOT),
        ("0.33", PARTIALLY),
        ("0.65", PARTIALLY),
        ("0.66", FULLY),
        ("1", FULLY),
    ],
)
def test_it_places_every_threshold_boundary_in_the_methodologys_band(score: str, level: Level) -> None:
    assert level_for_score(Decimal(score)) is level


def test_a_score_between_printed_bands_is_rounded_to_two_decimals_first() -> None:
    assert level_for_score(Decimal("0.3249")) is NOT
    assert level_for_score(Decimal("0.325")) is PARTIALLY
    assert level_for_score(Decimal("0.655")) is FULLY


def test_three_claims_average_as_a_mean_not_a_vote() -> None:
    result = recommendation_iri([NOT, NOT, FULLY])
    assert result.score == Decimal(1) / 3
    assert result.outcome is Outcome.PARTIALLY  # 0.333… rounds to 0.33


def test_a_recommendation_nobody_commented_on_has_no_answer() -> None:
    result = recommendation_iri([])
    assert result.outcome is Outcome.NO_ANSWER
    assert result.score is None


def test_it_uses_the_published_level_when_a_claim_states_no_level() -> None:
    result = recommendation_iri([PARTIALLY, None], published=NOT)
    assert (result.outcome, result.basis, result.score) == (Outcome.NOT, "published", None)


def test_an_assessed_recommendation_without_level_is_undetermined() -> None:
    assert recommendation_iri([None], published_undetermined=True).outcome is Outcome.UNDETERMINED
    assert recommendation_iri([None]).outcome is Outcome.UNDETERMINED


def test_computed_claims_win_over_a_published_level() -> None:
    result = recommendation_iri([FULLY], published=NOT)
    assert (result.outcome, result.basis) == (Outcome.FULLY, "claims")


def test_it_refuses_scores_outside_zero_and_one_and_empty_claims() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        level_for_score(Decimal("1.2"))
    with pytest.raises(ValueError, match="at least one claim"):
        iri_score([])


def test_counts_list_every_outcome_even_when_zero() -> None:
    counts = count_outcomes([recommendation_iri([NOT]), recommendation_iri([])])
    assert counts == {
        "not implemented": 1,
        "partially implemented": 0,
        "fully implemented": 0,
        "undetermined": 0,
        "no answer": 1,
    }
