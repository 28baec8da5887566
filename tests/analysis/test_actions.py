"""The action a recommendation asks for, read past its formula (the recurring view's chain titles)."""

from __future__ import annotations

from rightstrack.analysis.actions import action, action_label

# Kazakhstan's recommendations on the death penalty, 2010 and 2014 (A/HRC/14/10, A/HRC/28/10)
DEATH_PENALTY = [
    "Abolish the death penalty in all circumstances, although the existence of a moratorium on executions "
    "… are welcomed",
    "Introduce a moratorium on the death penalty in all cases, including penalties for the crime of "
    "terrorism",
    "Abolish the death penalty",
    "Abolish the death penalty",
    "Proceed with the abolition of the death penalty",
    "Maintain the moratorium on the death penalty with a view to its abolition",
    "Abolish the death penalty for all crimes, including war crimes, treason and terrorist acts",
]


def test_the_action_is_read_past_the_formula_and_through_generic_verbs() -> None:
    assert action("Consider ratifying the Convention on the Rights of Persons with Disabilities") == "ratify"
    assert action(
        "Finalize the ratification of the Convention on the Rights of Persons with Disabilities"
    ) == ("ratify")
    assert action("Continue the process of abolishing the death penalty and consider the ratification") == (
        "abolish"
    )
    assert action("The State party should take all measures necessary to safeguard the independence") == (
        "safeguard"
    )
    assert action("Introduce a moratorium on the death penalty in all cases") == "moratorium"
    assert action("The State party should: (a) Consider decriminalizing defamation") == "decriminalize"
    assert action("The Committee is concerned that the law does not define discrimination.") is None
    assert action("…") is None


def test_a_chain_of_death_penalty_requests_is_labelled_abolish_or_moratorium() -> None:
    assert action_label(DEATH_PENALTY) == "abolish / moratorium"
    assert action_label([]) == ""
