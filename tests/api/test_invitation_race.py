"""One invitation link makes one account, even when several people post it at the same moment
(finding 3 of issue 14): six sessions post the same invitation at once to the application served by
gunicorn as DEPLOY.md configures it (3 workers, 2 threads each), on its own database — a SQLite
file, or the PostgreSQL server of ``scripts/with-postgres`` when DATABASE_URL names one."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

SESSIONS = 6


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 302 is the answer we want to see, not follow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, capture_output=True, text=True
    )
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""  # the last line: what the command printed


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """The application under gunicorn on a free loopback port, with a migrated database of its own."""
    env = {
        **os.environ,
        "RIGHTSTRACK_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "a-test-secret-key-for-the-invitation-race-0123456789",
        "RIGHTSTRACK_MACHINE_HELP": "false",
    }
    _manage(env, "migrate", "-v0")
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "rightstrack.config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
            "--threads",
            "2",
            "--timeout",
            "60",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield base, env
    finally:
        server.terminate()
        server.wait(timeout=30)


def _post_at_once(url: str, n: int) -> list[tuple[int, str]]:
    """``n`` sessions open the invitation page, then all post the form at the same instant."""
    barrier = threading.Barrier(n)
    answers: list[tuple[int, str]] = [(0, "")] * n

    def session(index: int) -> None:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
        page = opener.open(url, timeout=30).read().decode()
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert found is not None
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": found[1],
                "username": f"person{index}",
                "password": "a-long-passphrase-2",
            }
        ).encode()
        barrier.wait(timeout=60)
        try:
            response = opener.open(urllib.request.Request(url, body, headers={"Referer": url}), timeout=60)
            answers[index] = (response.status, response.read().decode())
        except urllib.error.HTTPError as answer:
            answers[index] = (answer.code, answer.read().decode())

    threads = [threading.Thread(target=session, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def test_six_sessions_posting_one_invitation_at_once_create_exactly_one_account(
    served: tuple[str, dict[str, str]],
) -> None:
    base, env = served
    token = _manage(
        env,
        "shell",
        "-c",
        "from rightstrack.portal.models import Invitation as I;"
        "print(I.objects.create(email='new@example.org', role='viewer').token)",
    )
    answers = _post_at_once(f"{base}/portal/invitations/{token}/", SESSIONS)
    codes = sorted(code for code, _ in answers)
    assert codes == [302] + [410] * (SESSIONS - 1), codes
    assert all("already been used" in text for code, text in answers if code == 410)
    accounts = _manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User;"
        "print(User.objects.filter(email='new@example.org').count())",
    )
    assert accounts == "1"
