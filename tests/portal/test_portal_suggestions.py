"""The editors' queue of machine suggestions: groups, in the order an editor should decide them
(conflicts, then the least certain, then the largest), each previewed then accepted at once."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.test import Client

from rightstrack.assist.models import Decision, Head, LabelSuggestion
from rightstrack.assist.suggestions import VOCABULARY_OF
from rightstrack.recommendations.models import RecommendationTerm, Term
from rightstrack.recommendations.vocabularies import terms_by_label
from tests.api.conftest import World


def _term(head: Head, label: str) -> Term:
    terms = terms_by_label(VOCABULARY_OF[head], 2010)
    assert terms is not None, "the vocabularies ship with the package"
    return terms[label.casefold()]


def _suggest(world_rec: object, head: Head, label: str, probability: float) -> LabelSuggestion:
    term = _term(head, label)
    return LabelSuggestion.objects.create(
        recommendation=world_rec, head=head, value=term.label, term=term, probability=probability, model="t"
    )


def _editor_client(editor: User) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def _group_titles(html: str) -> list[str]:
    """The groups of the queue page, top to bottom: each row's second cell."""
    body = html.split('<table class="groups">', 1)[1].split("</table>", 1)[0]
    return [
        cells[1] for cells in (re.findall(r"<td[^>]*>(.*?)</td>", row) for row in body.split("<tr")) if cells
    ]


def test_the_queue_puts_a_conflict_first_then_the_least_certain_then_the_largest(
    world: World, editor: User
) -> None:
    # world.suggestion: "4 – general action" for world.fresh, at 80 %; a document has since said 5
    world.fresh.action_category = 5
    world.fresh.save(update_fields=["action_category"])
    _suggest(world.other, Head.THEMES, "Death penalty", 0.55)  # nearly an even chance
    for rec in (world.recommendation, world.other):  # two near-certain ones
        _suggest(rec, Head.SDGS, "Gender equality", 0.999)

    queue = _editor_client(editor).get("/portal/suggestions/").content.decode()
    assert "4 suggestions wait for a decision" in queue
    titles = _group_titles(queue)
    assert titles == [world.suggestion.label, "Death penalty", "Gender equality"]


def test_an_editor_previews_a_group_then_accepts_it_each_acceptance_recorded(
    world: World, editor: User
) -> None:
    first = _suggest(world.recommendation, Head.THEMES, "Death penalty", 0.9)
    second = _suggest(world.other, Head.THEMES, "Death penalty", 0.7)
    refused = _suggest(world.fresh, Head.THEMES, "Death penalty", 0.95)
    refused.decision = Decision.REJECTED
    refused.save(update_fields=["decision"])
    client = _editor_client(editor)

    preview = client.get("/portal/suggestions/group/", {"by": "label", "key": "themes:Death penalty"})
    html = preview.content.decode()
    assert html.count('name="suggestion"') == 2  # the rejected one stays out
    assert html.count("adds the UHRI theme “Death penalty”") == 2
    assert f'value="{first.pk}" checked' in html and f'value="{second.pk}" checked' in html
    assert not RecommendationTerm.objects.filter(term=first.term).exists()  # a preview changes nothing

    done = client.post(
        "/portal/suggestions/decide/",
        {"action": "accept", "suggestion": [first.pk, second.pk, refused.pk], "next": "/portal/suggestions/"},
    )
    assert done.status_code == 302
    for suggestion in (first, second):
        suggestion.refresh_from_db()
        assert (suggestion.decision, suggestion.decided_by, suggestion.decided_at is not None) == (
            Decision.ACCEPTED,
            editor,
            True,
        )
        assert RecommendationTerm.objects.filter(
            recommendation=suggestion.recommendation, term=suggestion.term, confirmed=True
        ).exists()
    refused.refresh_from_db()
    assert refused.decision == Decision.REJECTED  # a rejection is remembered, whatever is posted
    assert "2 suggestions accepted." in client.get("/portal/suggestions/").content.decode()


def test_a_suggestion_that_contradicts_a_document_is_shown_with_it_and_left_unticked(
    world: World, editor: User
) -> None:
    world.fresh.action_category = 5
    world.fresh.save(update_fields=["action_category"])
    preview = _editor_client(editor).get(
        "/portal/suggestions/group/", {"key": f"action:{world.suggestion.value}"}
    )
    html = preview.content.decode()
    assert "already set to 5 – specific action" in html
    assert "action category: 5 – specific action (ratify, adopt, abolish, amend) →" in html
    assert f'value="{world.suggestion.pk}" aria-label' in html  # not checked


def test_the_queue_groups_by_recommendation_too(world: World, editor: User) -> None:
    _suggest(world.fresh, Head.THEMES, "Death penalty", 0.6)
    queue = _editor_client(editor).get("/portal/suggestions/", {"by": "recommendation"}).content.decode()
    assert len(_group_titles(queue)) == 1 and "Protect journalists" in _group_titles(queue)[0]
    preview = _editor_client(editor).get(
        "/portal/suggestions/group/", {"by": "recommendation", "key": str(world.fresh.pk)}
    )
    assert preview.content.decode().count('name="suggestion"') == 2
