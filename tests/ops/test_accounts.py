"""Finding 11 (part) of issue 14: passwords, API tokens, the secret key, password-reset e-mails."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

PASSWORD = "a-long-passphrase-1"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def alice(db: None) -> User:
    return User.objects.create_user("alice", "alice@example.org", PASSWORD)


def _token_for(username: str, password: str) -> Any:
    return APIClient().post("/api/token/", {"username": username, "password": password}, format="json")


def _my_assessments(key: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return int(client.get("/api/assessments/").status_code)


@pytest.mark.parametrize("weak", ["a", "password1", "12345678901", "alice@example.org"])
def test_a_weak_password_is_refused(alice: User, weak: str) -> None:
    form = SetPasswordForm(alice, {"new_password1": weak, "new_password2": weak})
    assert not form.is_valid()
    assert form.errors["new_password2"]


def test_an_api_token_expires_after_the_configured_days(alice: User, settings: Any) -> None:
    settings.API_TOKEN_DAYS = 30
    key = _token_for("alice", PASSWORD).json()["token"]
    assert _my_assessments(key) == 200
    Token.objects.filter(key=key).update(created=timezone.now() - timedelta(days=31))
    assert _my_assessments(key) == 401
    fresh = _token_for("alice", PASSWORD).json()["token"]
    assert fresh != key and _my_assessments(fresh) == 200


def test_a_password_change_ends_the_api_token(alice: User) -> None:
    key = _token_for("alice", PASSWORD).json()["token"]
    alice.set_password("another-long-passphrase-2")
    alice.save()
    assert _my_assessments(key) == 401
    alice.first_name = "Alice"  # any other change keeps a new token
    new_key = _token_for("alice", "another-long-passphrase-2").json()["token"]
    alice.save()
    assert _my_assessments(new_key) == 200


def test_password_reset_emails_are_throttled_per_address_and_per_account(alice: User, settings: Any) -> None:
    settings.PASSWORD_RESETS_ALLOWED = 3
    answers = [
        Client(REMOTE_ADDR="192.0.2.7").post("/accounts/password_reset/", {"email": "alice@example.org"})
        for _ in range(5)
    ]
    assert [a.status_code for a in answers] == [302, 302, 302, 429, 429]
    assert "Too many password-reset requests" in answers[3].content.decode()
    assert len(mail.outbox) == 3
    other_address = Client(REMOTE_ADDR="192.0.2.8")  # the account's budget is spent too
    assert other_address.post("/accounts/password_reset/", {"email": "alice@example.org"}).status_code == 429
    assert len(mail.outbox) == 3


def _gunicorn(environment: dict[str, str], tmp_path: Path) -> tuple[subprocess.Popen[str], int]:
    """gunicorn as DEPLOY.md starts it, on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "RIGHTSTRACK_DEBUG"}}
    env |= {"PYTHONPATH": str(ROOT / "src"), "RIGHTSTRACK_DATA_DIR": str(tmp_path), **environment}
    command = [str(Path(sys.executable).parent / "gunicorn"), "rightstrack.config.wsgi:application"]
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, port


def test_gunicorn_refuses_to_start_on_the_development_secret_key(tmp_path: Path) -> None:
    refused, _port = _gunicorn({}, tmp_path)
    _out, errors = refused.communicate(timeout=120)
    assert refused.returncode != 0
    assert "SECRET_KEY is not set" in errors


def test_gunicorn_starts_with_a_secret_key(tmp_path: Path) -> None:
    started, port = _gunicorn({"SECRET_KEY": "x" * 60}, tmp_path)
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
                    status = answer.status
                break
            except urllib.error.HTTPError as answer:  # any answer of the application will do
                status = answer.code
                break
            except OSError:
                assert started.poll() is None, started.communicate()[1]
                time.sleep(0.5)
        assert status in {200, 503}
    finally:
        started.terminate()
        started.communicate(timeout=60)


def test_check_deploy_reports_the_development_secret_key(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env |= {"PYTHONPATH": str(ROOT / "src"), "RIGHTSTRACK_DATA_DIR": str(tmp_path)}
    checked = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert checked.returncode != 0
    assert "rightstrack.E001" in checked.stderr and "SECRET_KEY" in checked.stderr
