"""Finding 10 of issue 14: sign-in throttling that holds behind nginx and across gunicorn processes."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

PASSWORD = "a-long-passphrase-1"
ATTACKER = "203.0.113.5"
ALICE_AT_HOME = "198.51.100.7"


@pytest.fixture(autouse=True)
def behind_nginx(settings: Any) -> None:
    """As DEPLOY.md configures it: one trusted proxy that appends the client to X-Forwarded-For."""
    settings.RIGHTSTRACK_PROXY_COUNT = 1
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def alice(db: None) -> User:
    return User.objects.create_user("alice", "alice@example.org", PASSWORD)


def _sign_in(username: str, password: str, address: str) -> Any:
    # nginx connects from 127.0.0.1 and appends the address it saw; a client may forge what is left of it
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.9.9, {address}").post(
        "/accounts/login/", {"username": username, "password": password}
    )


def _token(username: str, password: str, address: str) -> Any:
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address).post(
        "/api/token/", {"username": username, "password": password}, content_type="application/json"
    )


def test_five_bad_tries_by_an_attacker_do_not_lock_the_account_for_its_owner(alice: User) -> None:
    for _ in range(5):
        assert _sign_in("alice", "wrong", ATTACKER).status_code == 200
    refused = _sign_in("alice", PASSWORD, ATTACKER)
    assert refused.status_code == 429
    assert "Too many failed sign-ins" in refused.content.decode()
    assert _sign_in("alice", PASSWORD, ALICE_AT_HOME).status_code == 302  # signed in, from her address
    assert _token("alice", PASSWORD, ALICE_AT_HOME).status_code == 200


def test_thirty_usernames_from_one_address_are_throttled(alice: User) -> None:
    answers = [_sign_in(f"user{n}", "guess", ATTACKER).status_code for n in range(30)]
    assert answers[:5] == [200] * 5
    assert set(answers[5:]) == {429}
    assert _sign_in("alice", PASSWORD, ATTACKER).status_code == 429  # even a right password, from there
    assert _sign_in("alice", PASSWORD, ALICE_AT_HOME).status_code == 302


def test_failures_are_counted_for_every_process_not_in_one_processes_memory(alice: User) -> None:
    for _ in range(5):
        _sign_in("alice", "wrong", ATTACKER)
    cache.clear()  # another gunicorn process: nothing in its memory or cache
    assert _sign_in("alice", PASSWORD, ATTACKER).status_code == 429


def test_the_token_endpoint_counts_towards_the_same_lockout(alice: User) -> None:
    for _ in range(5):
        assert _token("alice", "wrong", ATTACKER).status_code == 400
    locked = _token("alice", PASSWORD, ATTACKER)
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.json()["non_field_errors"][0]
    assert _token("alice", PASSWORD, ALICE_AT_HOME).status_code == 200


def test_without_a_trusted_proxy_a_forged_forwarded_header_changes_nothing(
    alice: User, settings: Any
) -> None:
    settings.RIGHTSTRACK_PROXY_COUNT = 0
    for n in range(5):
        forged = Client(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        forged.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    again = Client(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert again.post("/accounts/login/", {"username": "alice", "password": PASSWORD}).status_code == 429
