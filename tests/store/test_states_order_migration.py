"""The migration that keeps what earlier imports showed: their recommending States, written in no
particular order, are written again in name order; the States themselves do not change."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps

from rightstrack.recommendations.models import Mechanism, Recommendation, Review, State
from rightstrack.recommendations.states import in_order

pytestmark = pytest.mark.django_db

MIGRATION = import_module("rightstrack.recommendations.migrations.0009_states_in_name_order")


def test_states_written_before_are_shown_in_name_order_after_the_migration() -> None:
    review = Review.objects.create(
        state=State.objects.get(code="KAZ"), mechanism=Mechanism.objects.get(code="UPR"), cycle=1
    )
    first = Recommendation.objects.create(review=review, text="Ratify the Convention")
    second = Recommendation.objects.create(review=review, text="Abolish the death penalty")
    through = Recommendation.recommending_states.through.objects
    for rec, code in [(first, "MEX"), (second, "URY"), (first, "BRA"), (second, "FRA"), (first, "CHL")]:
        through.create(recommendation=rec, state_id=code)
    assert [s.code for s in in_order(first)] == ["MEX", "BRA", "CHL"]

    MIGRATION.forwards(apps, None)

    assert [s.code for s in in_order(Recommendation.objects.get(pk=first.pk))] == ["BRA", "CHL", "MEX"]
    assert [s.code for s in in_order(Recommendation.objects.get(pk=second.pk))] == ["FRA", "URY"]
    assert through.count() == 5
