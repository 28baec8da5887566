"""An editor works through the machine's suggestions in a real browser: a group previewed, one
suggestion unticked, the rest accepted at once."""

from __future__ import annotations

from typing import Any

import pytest

from rightstrack.assist.models import Decision, Head, LabelSuggestion
from rightstrack.assist.suggestions import VOCABULARY_OF
from rightstrack.portal.models import Role
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Review
from rightstrack.recommendations.vocabularies import terms_by_label
from tests.browser.people import person, sign_in
from tests.browser.test_flows import kazakhstan  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_previews_a_group_unticks_one_and_accepts_the_rest(
    kazakhstan: Review,  # noqa: F811
    live_server: Any,
    page: Any,
) -> None:
    terms = terms_by_label(VOCABULARY_OF[Head.ISSUES], 2010)
    assert terms is not None
    death_penalty = terms["death penalty"]
    untagged = Recommendation.objects.filter(review=kazakhstan).exclude(terms=death_penalty)
    chosen = list(untagged.order_by("sort_key")[:3])
    # recommendations no document tagged with an issue (else each suggestion contradicts the document)
    RecommendationTerm.objects.filter(
        recommendation__in=chosen, term__vocabulary__code=VOCABULARY_OF[Head.ISSUES]
    ).delete()
    suggestions = [
        LabelSuggestion.objects.create(
            recommendation=rec,
            head=Head.ISSUES,
            value=death_penalty.label,
            term=death_penalty,
            probability=p,
            model="test",
        )
        for rec, p in zip(chosen, (0.97, 0.62, 0.55), strict=True)
    ]
    tagged = (
        untagged.exclude(pk__in=[r.pk for r in chosen])
        .filter(terms__vocabulary__code=VOCABULARY_OF[Head.ISSUES])
        .first()
    )
    assert tagged is not None
    contradicting = LabelSuggestion.objects.create(
        recommendation=tagged,
        head=Head.ISSUES,
        value=death_penalty.label,
        term=death_penalty,
        probability=0.9,
        model="test",
    )
    person("editor", Role.EDITOR)
    sign_in(page, live_server.url, "editor")

    page.goto(f"{live_server.url}/portal/suggestions/")
    row = page.locator("table.groups tbody tr", has_text="Death penalty")
    assert "\t4\t1\t" in row.inner_text()  # four suggestions, one contradicting the MIA's issues
    row.get_by_role("link", name="preview and decide").click()
    page.wait_for_selector("table.preview")
    assert page.locator("table.preview tbody tr").count() == 4
    assert page.get_by_text("adds the Issue “Death penalty”").count() == 4
    first = page.locator("table.preview tbody tr").first
    assert "a document or a person gave" in first.inner_text()  # the conflict first, unticked
    assert not page.is_checked(f"input[name=suggestion][value='{contradicting.pk}']")
    doubtful = suggestions[2]
    page.uncheck(f"input[name=suggestion][value='{doubtful.pk}']")
    page.get_by_role("button", name="Accept the ticked suggestions").click()
    page.wait_for_selector("text=2 suggestions accepted.")

    suggestions.append(contradicting)
    decisions = {s.pk: s.decision for s in LabelSuggestion.objects.filter(pk__in=[s.pk for s in suggestions])}
    assert decisions == {
        contradicting.pk: Decision.PENDING,
        suggestions[0].pk: Decision.ACCEPTED,
        suggestions[1].pk: Decision.ACCEPTED,
        doubtful.pk: Decision.PENDING,
    }
    assert RecommendationTerm.objects.filter(term=death_penalty, recommendation__in=chosen[:2]).count() == 2
    assert not RecommendationTerm.objects.filter(term=death_penalty, recommendation=chosen[2]).exists()
