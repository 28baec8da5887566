"""Writing through the API with a token: contributors draft, editors publish, history remembers."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from rest_framework.test import APIClient

from rightstrack.assessments.models import Assessment, AssessmentHistory, Status
from rightstrack.recommendations.models import Recommendation
from tests.api.conftest import PASSWORD, World, token_client


def _token(username: str, password: str = PASSWORD) -> Any:
    return APIClient().post("/api/token/", {"username": username, "password": password}, format="json")


def _signed_in(username: str) -> APIClient:
    response = _token(username)
    assert response.status_code == 200, response.content
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return client


def test_a_contributor_gets_a_token_and_creates_three_drafts_of_their_organisation(
    world: World, contributor_a: User
) -> None:
    client = _signed_in("contributor-a")
    third = world.review.recommendations.create(text="Protect human rights defenders", sort_key="0004")
    made = []
    for recommendation, grade in ((world.other, None), (world.fresh, "fully"), (third, "not")):
        response = client.post(
            "/api/assessments/",
            {"recommendation": recommendation.pk, "grade": grade, "text": "Our view.", "source": "report"},
            format="json",
        )
        assert response.status_code == 201, response.content
        made.append(response.json())
    for data in made:
        assessment = Assessment.private_objects.get(pk=data["id"])
        assert (assessment.stakeholder, assessment.status) == (world.organisation_a, Status.DRAFT)
        assert (assessment.original_text, assessment.source_note) == ("Our view.", "report")
        assert data["stakeholder"]["id"] == world.organisation_a.pk and data["version"] == 1
        assert "original_text" not in data  # contributors read the text; editors the original too
    assert [data["level"] for data in made] == [None, "fully", "not"]


def test_an_organisation_assesses_a_recommendation_once(world: World, contributor_a: User) -> None:
    response = token_client(contributor_a).post(
        "/api/assessments/", {"recommendation": world.recommendation.pk, "text": "Again"}, format="json"
    )
    assert response.status_code == 400
    assert str(world.draft_a.pk) in response.json()["recommendation"][0]


def test_a_wrong_password_gets_no_token_and_repeated_failures_lock_the_account(
    world: World, contributor_a: User
) -> None:
    for _ in range(5):
        assert _token("contributor-a", "wrong").status_code == 400
    locked = _token("contributor-a")  # the right password, too late
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.json()["non_field_errors"][0]


def test_the_same_token_is_given_each_time(world: World, contributor_a: User) -> None:
    assert _token("contributor-a").json() == _token("contributor-a").json()


def test_writing_needs_a_token(world: World) -> None:
    response = APIClient().post("/api/assessments/", {"recommendation": world.fresh.pk}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_contributor_cannot_write_for_another_organisation(world: World, contributor_a: User) -> None:
    client = token_client(contributor_a)
    response = client.post(
        "/api/assessments/",
        {"recommendation": world.fresh.pk, "stakeholder": world.organisation_b.pk, "text": "Theirs"},
        format="json",
    )
    assert response.status_code == 403
    assert not Assessment.private_objects.filter(recommendation=world.fresh).exists()


def test_another_organisations_draft_does_not_exist_for_a_contributor(
    world: World, contributor_b: User
) -> None:
    client = token_client(contributor_b)
    url = f"/api/assessments/{world.draft_a.pk}/"
    assert client.get(url).status_code == 404
    assert client.patch(url, {"version": 1, "text": "Hijacked"}, format="json").status_code == 404
    assert client.post(url + "submit/").status_code == 404
    listed = client.get("/api/assessments/", {"recommendation": world.recommendation.pk}).json()
    assert listed["count"] == 0
    world.draft_a.refresh_from_db()
    assert (world.draft_a.original_text, world.draft_a.version) == ("DRAFT OF A: not done yet", 1)
    assert client.get("/api/assessments/999999/").status_code == 404  # the same answer as a missing one


def test_a_stale_version_answers_409_with_the_current_values(world: World, contributor_a: User) -> None:
    client = token_client(contributor_a)
    url = f"/api/assessments/{world.draft_a.pk}/"
    first = client.patch(url, {"version": 1, "text": "First edit", "grade": "partially"}, format="json")
    assert first.status_code == 200
    assert (first.json()["version"], first.json()["text"], first.json()["level"]) == (
        2,
        "First edit",
        "partially",
    )
    stale = client.patch(url, {"version": 1, "text": "Second edit from an old form"}, format="json")
    assert stale.status_code == 409
    body = stale.json()
    assert body["current"]["version"] == 2 and body["current"]["text"] == "First edit"
    assert body["yours"] == {"text": "Second edit from an old form"}
    world.draft_a.refresh_from_db()
    assert world.draft_a.original_text == "First edit"


def test_a_change_must_say_which_version_it_changes(world: World, contributor_a: User) -> None:
    response = token_client(contributor_a).patch(
        f"/api/assessments/{world.draft_a.pk}/", {"text": "No version"}, format="json"
    )
    assert response.status_code == 400 and "version" in response.json()
    nothing = token_client(contributor_a).patch(
        f"/api/assessments/{world.draft_a.pk}/", {"version": 1, "status": "published"}, format="json"
    )
    assert nothing.status_code == 400  # status is not a field to change: publishing is an action
    assert "status" in nothing.json()
    empty = token_client(contributor_a).patch(
        f"/api/assessments/{world.draft_a.pk}/", {"version": 1}, format="json"
    )
    assert empty.status_code == 400
    world.draft_a.refresh_from_db()
    assert (world.draft_a.status, world.draft_a.version) == (Status.DRAFT, 1)


def test_contributors_change_their_words_and_editors_the_public_text(
    world: World, contributor_a: User, editor: User
) -> None:
    url = f"/api/assessments/{world.draft_a.pk}/"
    contributor, moderator = token_client(contributor_a), token_client(editor)
    assert contributor.patch(url, {"version": 1, "public_text": "Mine"}, format="json").status_code == 403
    refused = moderator.patch(url, {"version": 1, "text": "Editor's words"}, format="json")
    assert refused.status_code == 403  # never another organisation's original text
    edited = moderator.patch(url, {"version": 1, "public_text": "Shortened."}, format="json")
    assert edited.status_code == 200
    assert edited.json()["text"] == "Shortened."
    assert edited.json()["original_text"] == "DRAFT OF A: not done yet"  # editors see both
    assert "original_text" not in contributor.get(url).json()


def test_contributors_cannot_change_published_work(world: World, contributor_b: User) -> None:
    url = f"/api/assessments/{world.published.pk}/"
    response = token_client(contributor_b).patch(url, {"version": 1, "text": "Rewritten"}, format="json")
    assert response.status_code == 403


def test_an_editor_publishes_and_the_public_sees_it_but_never_a_draft(
    world: World, contributor_a: User, editor: User
) -> None:
    anonymous = APIClient()
    url = f"/api/assessments/{world.draft_a.pk}/"
    assert anonymous.get(url).status_code == 404
    assert world.draft_a.pk not in {a["id"] for a in anonymous.get("/api/assessments/").json()["results"]}
    submitted = token_client(contributor_a).post(url + "submit/")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert anonymous.get(url).status_code == 404  # submitted is not published
    assert token_client(contributor_a).post(url + "publish/").status_code == 403
    published = token_client(editor).post(url + "publish/")
    assert published.status_code == 200 and published.json()["status"] == "published"
    seen = anonymous.get(url).json()
    assert seen["text"] == "DRAFT OF A: not done yet" and "original_text" not in seen
    detail = anonymous.get(f"/api/recommendations/{world.recommendation.pk}/").json()
    assert [a["id"] for a in detail["assessments"]] == [world.draft_a.pk]
    assert detail["level"] == "not implemented"  # the published claim sets the IRI outcome
    assert "DRAFT OF A" in Client().get(f"/recommendations/{world.recommendation.pk}").content.decode()


def test_every_change_writes_a_history_row_with_its_actor(
    world: World, contributor_a: User, editor: User
) -> None:
    contributor, moderator = token_client(contributor_a), token_client(editor)
    created = contributor.post(
        "/api/assessments/", {"recommendation": world.fresh.pk, "grade": "not", "text": "New"}, format="json"
    ).json()
    url = f"/api/assessments/{created['id']}/"
    assert contributor.patch(url, {"version": 1, "text": "Newer"}, format="json").status_code == 200
    assert contributor.post(url + "submit/").status_code == 200
    assert moderator.patch(url, {"version": 3, "public_text": "Newest"}, format="json").status_code == 200
    assert moderator.post(url + "publish/").status_code == 200
    rows = list(AssessmentHistory.objects.filter(assessment_ref=created["id"]).order_by("at", "id"))
    assert [(r.action, r.actor, r.user_id) for r in rows] == [
        ("created", "contributor-a", contributor_a.pk),
        ("changed", "contributor-a", contributor_a.pk),
        ("changed", "contributor-a", contributor_a.pk),
        ("changed", "editor", editor.pk),
        ("changed", "editor", editor.pk),
    ]
    assert rows[1].changes == {"original_text": ["New", "Newer"]}
    assert rows[2].changes == {"status": ["draft", "submitted"]}
    assert rows[3].changes == {"public_text": ["", "Newest"]}
    assert rows[4].changes == {"status": ["submitted", "published"]}
    assert Recommendation.objects.get(pk=world.fresh.pk).level == "not implemented"


def test_only_a_draft_is_submitted_and_only_once_published(
    world: World, editor: User, contributor_b: User
) -> None:
    assert (
        token_client(contributor_b).post(f"/api/assessments/{world.published.pk}/submit/").status_code == 409
    )
    assert token_client(editor).post(f"/api/assessments/{world.published.pk}/publish/").status_code == 409


def test_editors_see_every_assessment_and_viewers_published_ones(
    world: World, editor: User, viewer: User, contributor_a: User
) -> None:
    def ids(user: User) -> set[int]:
        return {a["id"] for a in token_client(user).get("/api/assessments/").json()["results"]}

    assert ids(editor) == {world.draft_a.pk, world.published.pk}
    assert ids(viewer) == {world.published.pk}
    assert ids(contributor_a) == {world.draft_a.pk, world.published.pk}
