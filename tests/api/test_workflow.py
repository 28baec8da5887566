"""The moderation workflow: an editor publishes only what the organisation submitted, returns it with a
reason the contributor reads, and the admin cannot set a status by hand (finding 4 of issue 14)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client, RequestFactory

from rightstrack.assessments.models import Assessment, AssessmentHistory, Status
from tests.api.conftest import World, token_client


def _status(assessment: Assessment) -> str:
    return Assessment.private_objects.get(pk=assessment.pk).status


def test_an_editor_cannot_publish_a_draft_the_organisation_never_submitted(
    world: World, editor: User
) -> None:
    api = token_client(editor).post(f"/api/assessments/{world.draft_a.pk}/publish/")
    portal = Client()
    portal.force_login(editor)
    page = portal.post(f"/portal/assessments/{world.draft_a.pk}/publish/")
    assert (api.status_code, page.status_code) == (409, 409)
    assert "Draft" in api.json()["detail"]
    assert _status(world.draft_a) == Status.DRAFT
    assert (
        Client().get(f"/recommendations/{world.recommendation.pk}").content.decode().count("DRAFT OF A") == 0
    )


def test_an_editor_cannot_submit_in_the_organisations_place(world: World, editor: User) -> None:
    response = token_client(editor).post(f"/api/assessments/{world.draft_a.pk}/submit/")
    assert response.status_code == 403
    assert _status(world.draft_a) == Status.DRAFT


def test_a_returned_assessment_is_a_draft_again_with_the_editors_reason_for_its_contributor(
    world: World, contributor_a: User, editor: User
) -> None:
    assert token_client(contributor_a).post(f"/api/assessments/{world.draft_a.pk}/submit/").status_code == 200
    editor_client = Client()
    editor_client.force_login(editor)
    back = editor_client.post(
        f"/portal/assessments/{world.draft_a.pk}/return/", {"reason": "Which law do you mean?"}
    )
    assert back.status_code == 302
    assert _status(world.draft_a) == Status.DRAFT
    contributor = Client()
    contributor.force_login(contributor_a)
    assert (
        "Which law do you mean?"
        in contributor.get(f"/portal/assessments/{world.draft_a.pk}/").content.decode()
    )
    last = AssessmentHistory.objects.filter(assessment_ref=world.draft_a.pk).order_by("at", "id").last()
    assert last is not None and (last.actor, last.changes) == (
        "editor",
        {"status": ["submitted", "draft"], "return_reason": ["", "Which law do you mean?"]},
    )
    # submitted again: the reason has done its work and is cleared
    assert token_client(contributor_a).post(f"/api/assessments/{world.draft_a.pk}/submit/").status_code == 200
    assert Assessment.private_objects.get(pk=world.draft_a.pk).return_reason == ""


def test_a_return_without_a_reason_is_refused(world: World, contributor_a: User, editor: User) -> None:
    token_client(contributor_a).post(f"/api/assessments/{world.draft_a.pk}/submit/")
    response = token_client(editor).post(f"/api/assessments/{world.draft_a.pk}/return/", {"reason": " "})
    assert response.status_code == 400 and "reason" in response.json()
    assert _status(world.draft_a) == Status.SUBMITTED


def test_the_admin_shows_the_status_read_only_and_publishes_only_submitted_work(
    world: World, contributor_a: User, administrator: User
) -> None:
    model_admin = admin.site._registry[Assessment]
    request = RequestFactory().get("/admin/")
    request.user = administrator
    assert "status" not in model_admin.get_form(request, world.draft_a).base_fields
    assert "status" in model_admin.get_readonly_fields(request, world.draft_a)
    submitted = Assessment.private_objects.create(
        recommendation=world.fresh,
        stakeholder=world.organisation_a,
        original_text="Sent.",
        status=Status.SUBMITTED,
    )
    client = Client()
    client.force_login(administrator)
    listing = client.post(
        "/admin/assessments/assessment/",
        {"action": "publish_submitted", "_selected_action": [world.draft_a.pk, submitted.pk]},
        follow=True,
    )
    assert listing.status_code == 200
    assert (_status(world.draft_a), _status(submitted)) == (Status.DRAFT, Status.PUBLISHED)
    assert "1 published." in listing.content.decode()
