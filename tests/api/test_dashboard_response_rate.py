"""The public dashboard's follow-up response rate counts published answers only, and changes as soon
as invitations and publications change, cache or not (finding 9 of issue 14)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from rightstrack.assessments.workflow import Move, perform
from rightstrack.portal.models import CampaignInvitation
from tests.api.conftest import World


def _response_rate(client: Client) -> list[list[object]]:
    rows: list[list[object]] = client.get("/states/KAZ.json").json()["charts"]["response_rate"]["rows"]
    return rows


def test_a_submission_waiting_for_an_editor_is_no_answer_on_the_public_dashboard(
    world: World, contributor_a: User, editor: User
) -> None:
    public = Client()
    CampaignInvitation.objects.create(campaign=world.campaign, stakeholder=world.organisation_a)
    perform(contributor_a, Move.SUBMIT, world.draft_a)
    assert _response_rate(public) == [["NGOs", 1, 0, "0%"]]  # contacted 1, answered (published) 0
    CampaignInvitation.objects.create(campaign=world.campaign, stakeholder=world.organisation_b)
    assert _response_rate(public) == [["NGOs", 2, 1, "50%"]]  # B's published answer counts
    perform(editor, Move.PUBLISH, world.draft_a)
    assert _response_rate(public) == [["NGOs", 2, 2, "100%"]]
