"""A contributor's assessment through the portal as a professional meets it (issue 16, point 4): the
form says what the recommendation is and what others published, the editor sees the level and the
source given, the source reaches the public page once published, and the history speaks in words."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import formats, timezone

from rightstrack.assessments.models import Assessment, Stakeholder, Status
from rightstrack.portal.models import Invitation
from rightstrack.recommendations.models import RecommendationRef, State
from tests.api.conftest import World, iri

SOURCE = "https://example.org/ngo/report-2012.pdf"


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _contributors_draft(world: World, contributor: User, source: str = SOURCE) -> Assessment:
    response = _signed_in(contributor).post(
        f"/portal/recommendations/{world.fresh.pk}/assess/",
        {"grade": iri("partially").pk, "original_text": "A bill is in Parliament.", "source_note": source},
    )
    assert response.status_code == 302
    return Assessment.private_objects.get(recommendation=world.fresh, stakeholder=world.organisation_a)


def test_a_contributors_source_link_reaches_the_public_page_and_its_json_once_published(
    world: World, contributor_a: User, editor: User
) -> None:
    draft = _contributors_draft(world, contributor_a)
    public = Client()
    assert SOURCE not in public.get(f"/recommendations/{world.fresh.pk}").content.decode()
    assert _signed_in(contributor_a).post(f"/portal/assessments/{draft.pk}/submit/").status_code == 302
    assert _signed_in(editor).post(f"/portal/assessments/{draft.pk}/publish/").status_code == 302

    page = public.get(f"/recommendations/{world.fresh.pk}").content.decode()
    assert f'<a href="{SOURCE}"' in page
    (shown,) = public.get(f"/recommendations/{world.fresh.pk}.json").json()["assessments"]
    assert (shown["cited_source"], shown["cited_source_link"]) == (SOURCE, SOURCE)


def test_a_cited_source_that_is_no_web_address_is_shown_as_words_never_as_a_link(
    world: World, contributor_a: User, editor: User
) -> None:
    draft = _contributors_draft(world, contributor_a, source="javascript:alert(1)")
    _signed_in(contributor_a).post(f"/portal/assessments/{draft.pk}/submit/")
    _signed_in(editor).post(f"/portal/assessments/{draft.pk}/publish/")
    page = Client().get(f"/recommendations/{world.fresh.pk}").content.decode()
    assert "javascript:alert(1)" in page and 'href="javascript' not in page
    (shown,) = Client().get(f"/recommendations/{world.fresh.pk}.json").json()["assessments"]
    assert (shown["cited_source"], shown["cited_source_link"]) == ("javascript:alert(1)", None)


def test_the_moderation_screen_shows_the_level_and_the_source_the_contributor_gave(
    world: World, contributor_a: User, editor: User
) -> None:
    draft = _contributors_draft(world, contributor_a)
    _signed_in(contributor_a).post(f"/portal/assessments/{draft.pk}/submit/")
    editor_client = _signed_in(editor)
    waiting = editor_client.get("/portal/moderation/").content.decode()
    assert "partially implemented" in waiting and f'<a href="{SOURCE}"' in waiting
    screen = editor_client.get(f"/portal/assessments/{draft.pk}/").content.decode()
    assert "partially implemented" in screen and f'<a href="{SOURCE}"' in screen
    assert "A bill is in Parliament." in screen


def test_the_history_speaks_of_levels_and_sources_never_of_field_names(
    world: World, contributor_a: User, editor: User
) -> None:
    draft = _contributors_draft(world, contributor_a)
    contributor = _signed_in(contributor_a)
    contributor.post(
        f"/portal/assessments/{draft.pk}/",
        {
            "grade": iri("fully").pk,
            "original_text": "The law was adopted.",
            "source_note": "Official Gazette, 12 May 2012",
            "version": Assessment.private_objects.get(pk=draft.pk).version,
        },
    )
    contributor.post(f"/portal/assessments/{draft.pk}/submit/")
    _signed_in(editor).post(f"/portal/assessments/{draft.pk}/return/", {"reason": "Which law?"})

    english = contributor.get(f"/portal/assessments/{draft.pk}/history/").content.decode()
    for words in (
        "<td>level</td><td>partially implemented</td><td>fully implemented</td>",
        f"<td>source</td><td>{SOURCE}</td><td>Official Gazette, 12 May 2012</td>",
        "<td>status</td><td>Submitted, awaiting moderation</td><td>Draft</td>",
        "<td>reason for returning it</td><td>–</td><td>Which law?</td>",
    ):
        assert words in english
    for field_name in ("grade_id", "level_basis", "return_reason", "source_note", "submitted<"):
        assert field_name not in english

    russian = contributor.get(
        f"/portal/assessments/{draft.pk}/history/", HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    assert "<td>уровень</td><td>выполнена частично</td><td>выполнена полностью</td>" in russian
    assert "<td>источник</td>" in russian and "grade_id" not in russian
    assert "<td>откуда известен уровень</td><td>–</td><td>указан участником</td>" in russian


def test_the_invitation_email_says_until_when_and_how_to_make_the_account(
    world: World, organisation_a: Stakeholder, editor: User
) -> None:
    response = _signed_in(editor).post(
        "/portal/invitations/new/",
        {"email": "amina@example.org", "role": "contributor", "organisation": organisation_a.pk},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="amina@example.org")
    (message,) = mail.outbox
    expires = formats.date_format(timezone.localtime(invitation.expires_at), "DATETIME_FORMAT")
    assert f"before {expires} (UTC)" in message.body
    assert f"/portal/invitations/{invitation.token}/" in message.body
    assert "choose a user name and a password of at least 10 characters" in message.body
    assert "Organisation A" in message.body and "amina@example.org" in message.body


def test_the_assessment_form_shows_the_paragraph_the_states_in_order_the_position_and_what_was_published(
    world: World, contributor_a: User
) -> None:
    recommendation = world.other
    RecommendationRef.objects.create(
        review=world.review, recommendation=recommendation, scheme="ohchr-paragraph", value="90.12"
    )
    # the document names France first: the form follows the document, not the alphabet
    recommendation.recommending_states.add(State.objects.get(code="FRA"))
    recommendation.recommending_states.add(State.objects.get(code="BRA"))
    recommendation.response = "supported"
    recommendation.save(update_fields=["response"])
    someone = Stakeholder.objects.create(name="Organisation C", kind="ngo")
    Assessment.private_objects.create(
        recommendation=recommendation, stakeholder=someone, original_text="DRAFT OF C", status=Status.DRAFT
    )

    form = _signed_in(contributor_a).get(f"/portal/recommendations/{recommendation.pk}/assess/")
    page = form.content.decode()
    assert "paragraph 90.12" in page
    assert "France, Brazil" in page
    assert "Supported" in page
    assert "Organisation B</strong>: fully implemented" in page and "Ratified in 2008." in page
    assert "DRAFT OF C" not in page


def test_the_admins_history_of_an_assessment_speaks_the_same_words(
    world: World, contributor_a: User, administrator: User
) -> None:
    draft = _contributors_draft(world, contributor_a)
    _signed_in(contributor_a).post(
        f"/portal/assessments/{draft.pk}/",
        {
            "grade": iri("fully").pk,
            "original_text": "The law was adopted.",
            "source_note": SOURCE,
            "version": Assessment.private_objects.get(pk=draft.pk).version,
        },
    )
    page = _signed_in(administrator).get(f"/admin/assessments/assessment/{draft.pk}/change/")
    html = page.content.decode()
    assert "level: partially implemented → fully implemented" in html
    assert "grade_id" not in html


def test_on_the_kazakhstan_mia_the_form_shows_the_published_level_and_each_stakeholders_words(
    kazakhstan_mia: Path, contributor_a: User
) -> None:
    from rightstrack.assessments.models import PublishedLevel

    level = (
        PublishedLevel.objects.filter(grade__isnull=False, recommendation__assessments__isnull=False)
        .select_related("recommendation", "grade", "document")
        .first()
    )
    assert level is not None and level.grade is not None
    recommendation = level.recommendation
    page = _signed_in(contributor_a).get(f"/portal/recommendations/{recommendation.pk}/assess/")
    html = page.content.decode()
    assert f"<dd>{level.grade.label}</dd>" in html
    for assessment in Assessment.public_objects.filter(recommendation=recommendation):
        assert f"<strong>{assessment.stakeholder.name}</strong>" in html
    states = [s.name for s in recommendation.recommending_states.all()]
    assert states and all(name in html for name in states)


def test_an_editor_returning_work_from_the_admin_is_asked_for_the_reason_the_contributor_then_reads(
    world: World, contributor_a: User, administrator: User
) -> None:
    draft = _contributors_draft(world, contributor_a)
    _signed_in(contributor_a).post(f"/portal/assessments/{draft.pk}/submit/")
    admin = _signed_in(administrator)
    chosen = {"action": "return_submitted", "_selected_action": [draft.pk]}

    asked = admin.post("/admin/assessments/assessment/", chosen)
    assert asked.status_code == 200 and 'name="reason"' in asked.content.decode()
    assert Assessment.private_objects.get(pk=draft.pk).status == Status.SUBMITTED  # nothing yet

    admin.post("/admin/assessments/assessment/", {**chosen, "apply": "1", "reason": " "})
    assert Assessment.private_objects.get(pk=draft.pk).status == Status.SUBMITTED  # no reason: refused

    admin.post("/admin/assessments/assessment/", {**chosen, "apply": "1", "reason": "Cite the decree."})
    returned = Assessment.private_objects.get(pk=draft.pk)
    assert (returned.status, returned.return_reason) == (Status.DRAFT, "Cite the decree.")
    assert (
        "Cite the decree."
        in _signed_in(contributor_a).get(f"/portal/assessments/{draft.pk}/").content.decode()
    )


def test_a_rounds_invitation_says_by_when_answers_are_expected(
    world: World, organisation_a: Stakeholder, editor: User
) -> None:
    world.campaign.deadline = timezone.localdate().replace(
        year=timezone.localdate().year + 1, month=3, day=31
    )
    world.campaign.save(update_fields=["deadline"])
    response = _signed_in(editor).post(
        f"/portal/campaigns/{world.campaign.pk}/",
        {"stakeholder": organisation_a.pk, "email": "oa@example.org"},
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    expected = formats.date_format(world.campaign.deadline, "DATE_FORMAT")
    assert f"Answers are expected by {expected}." in message.body
    assert f"/portal/reviews/{world.review.pk}/" in message.body
