"""Finding 8 of issue 14 (health check) and `check --deploy` with production settings."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_json_with_the_database_and_the_queue(db: None) -> None:
    answer = Client().get("/healthz")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["database"]["migrations_applied"] > 0
    assert body["queue"] == {
        "ok": True,
        "backend": "database",
        "waiting": 0,
        "oldest_waiting_seconds": 0,
        "running": 0,
        "failed_last_day": 0,
    }


def test_healthz_fails_when_no_worker_takes_the_queued_tasks(db: None, settings: Any) -> None:
    settings.RIGHTSTRACK_HEALTH_QUEUE_SECONDS = 900
    from rightstrack.assist.tasks import queue_after_import

    queue_after_import()
    assert Client().get("/healthz").status_code == 200  # just queued: a worker has time
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    answer = Client().get("/healthz")
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "failing" and not body["queue"]["ok"]
    assert body["queue"]["waiting"] >= 1 and "rightstrack worker" in body["queue"]["error"]


def test_check_deploy_is_clean_with_the_production_settings_of_deploy_md(tmp_path: Path) -> None:
    # the environment of a production server: none of this test run's own settings (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright's event loop)
    skipped = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("RIGHTSTRACK_") and k not in skipped}
    env |= {
        "PYTHONPATH": str(ROOT / "src"),
        "SECRET_KEY": "kR3v9-" + "q" * 20 + "Zx81_" + "m7" * 15,
        "ALLOWED_HOSTS": "rightstrack.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://rightstrack.example.org",
        "RIGHTSTRACK_BEHIND_PROXY": "true",
        "RIGHTSTRACK_PROXY_COUNT": "1",
        "RIGHTSTRACK_SECURE_COOKIES": "true",
        "RIGHTSTRACK_HSTS_SECONDS": "31536000",
        "RIGHTSTRACK_HSTS_INCLUDE_SUBDOMAINS": "true",
        "RIGHTSTRACK_HSTS_PRELOAD": "true",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "RIGHTSTRACK_DATA_DIR": str(tmp_path),
    }
    checked = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "System check identified no issues (0 silenced)." in checked.stdout
