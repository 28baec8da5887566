"""Finding 8 of issue 14: writers wait their turn, and say "busy, retry" (logged) when they must give up.

The SQLite cases run on a real database file (the test database lives in memory, where another
connection cannot hold a write lock): a migrated folder shared by the module, a second connection
holding the write lock as a long import does, and the CLI or the site as separate processes.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from rightstrack.documents.importing import ImportBusy, import_files
from rightstrack.documents.locking import import_lock
from rightstrack.recommendations.models import Recommendation
from tests.conftest import EXAMPLE_MIA, shared_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    vocabulary_2008 = shared_path("data", "taxonomies", "upr_info_issues_2008-2014.txt")
    vocabulary_2019 = shared_path("data", "taxonomies", "upr_info_issues_2019.txt")
    made = tmp_path_factory.mktemp("busy")
    _run(made, [str(ROOT / "manage.py"), "migrate", "-v0"])
    _run(
        made,
        [
            "-c",
            "import django; django.setup(); from django.contrib.auth.models import User; "
            "User.objects.create_user('alice', 'alice@example.org', 'a-long-passphrase-1'); "
            "from rightstrack.recommendations.vocabularies import import_vocabulary as load; "
            f"load({str(vocabulary_2008)!r}); load({str(vocabulary_2019)!r})",
        ],
    )
    return made


def _run(folder: Path, arguments: list[str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "rightstrack.config.settings",
        "RIGHTSTRACK_DATA_DIR": str(folder),
        "RIGHTSTRACK_SQLITE_TIMEOUT": "1",
        "RIGHTSTRACK_TASKS": "immediate",
        "RIGHTSTRACK_MACHINE_HELP": "false",
    }
    return subprocess.run(
        [sys.executable, *arguments], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def another_writer(folder: Path) -> Iterator[None]:
    """A connection holding SQLite's write lock, as a long import does."""
    holder = sqlite3.connect(folder / "rightstrack.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield
    holder.execute("ROLLBACK")
    holder.close()


def test_an_import_that_cannot_get_the_database_says_busy_retry_not_a_refused_record(
    folder: Path, another_writer: None
) -> None:
    command = ["-c", "from rightstrack.cli.main import app; app()", "import", str(EXAMPLE_MIA)]
    answer = _run(folder, command)
    said = answer.stdout + answer.stderr
    assert answer.returncode != 0
    assert "busy" in said and "retry" in said and "nothing was imported" in said
    assert "refused a record" not in said and "vocabulary" not in said


def test_an_api_write_that_cannot_get_the_database_answers_503_retry_after_and_is_logged(
    folder: Path, another_writer: None
) -> None:
    script = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().post('/api/token/', {'username': 'alice', 'password': 'a-long-passphrase-1'}, "
        "content_type='application/json'); "
        "print(json.dumps([r.status_code, r.get('Retry-After'), r.json()['detail']]))"
    )
    answer = _run(folder, ["-c", script])
    status, retry_after, detail = __import__("json").loads(answer.stdout.strip().splitlines()[-1])
    assert (status, retry_after) == (503, "10")
    assert "busy" in detail and "retry" in detail
    assert "POST /api/token/ user=anonymous" in answer.stderr and "database is locked" in answer.stderr


@contextlib.contextmanager
def another_import(seconds: float) -> Iterator[None]:
    """The import lock held by another thread (its own database session) for ``seconds``."""
    started = threading.Event()

    def hold() -> None:
        try:
            with import_lock():
                started.set()
                time.sleep(seconds)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert started.wait(30)
    try:
        yield
    finally:
        holder.join()


def test_a_second_import_waits_for_the_first_to_finish(vocabularies: None, settings: Any) -> None:
    settings.RIGHTSTRACK_IMPORT_WAIT_SECONDS = 60
    with another_import(seconds=1.0):
        import_files([EXAMPLE_MIA])  # waits for the lock, then imports
    assert Recommendation.objects.filter(review__state_id="KAZ").count() > 0


def test_an_import_that_waited_too_long_says_busy_and_writes_nothing(
    vocabularies: None, settings: Any
) -> None:
    settings.RIGHTSTRACK_IMPORT_WAIT_SECONDS = 0
    with another_import(seconds=3.0), pytest.raises(ImportBusy) as refused:
        import_files([EXAMPLE_MIA])
    assert "busy" in str(refused.value) and "retry" in str(refused.value)
    assert str(EXAMPLE_MIA) in str(refused.value)
    assert not Recommendation.objects.exists()
