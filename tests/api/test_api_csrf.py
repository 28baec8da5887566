"""A signed-in browser session writes only with the CSRF token; a script writes with its API token."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from tests.api.conftest import World, token_client


def _browser(user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/api/docs/")  # any page with a form sets the CSRF cookie
    return client


def test_a_session_post_without_the_csrf_token_is_refused(world: World, contributor_a: User) -> None:
    client = _browser(contributor_a)
    body = {"recommendation": world.fresh.pk, "text": "Forged"}
    refused = client.post("/api/assessments/", body, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    patch = client.patch(
        f"/api/assessments/{world.draft_a.pk}/",
        {"version": 1, "text": "Forged"},
        content_type="application/json",
    )
    assert patch.status_code == 403
    token = client.cookies["csrftoken"].value
    accepted = client.post("/api/assessments/", body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201


def test_a_token_needs_no_csrf_token(world: World, contributor_a: User) -> None:
    client = token_client(contributor_a)
    client.handler.enforce_csrf_checks = True
    response = client.post("/api/assessments/", {"recommendation": world.fresh.pk}, format="json")
    assert response.status_code == 201
