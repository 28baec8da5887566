"""Backups round-trip to an identical export; an import killed half-way leaves the database as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from typer.testing import CliRunner

from rightstrack.cli.main import app
from tests.conftest import ROOT, database_snapshot, shared_path

runner = CliRunner()
pytestmark = pytest.mark.django_db(transaction=True)


def _export(folder: Path) -> dict[str, str]:
    result = runner.invoke(app, ["export-all", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.json"))}


def test_a_backup_restored_gives_an_identical_full_export(kazakhstan_mia: Path, tmp_path: Path) -> None:
    before = _export(tmp_path / "before")
    assert "KAZ.json" in before
    backup_file = tmp_path / "backup.bin"
    result = runner.invoke(app, ["backup", "-o", str(backup_file)])
    assert result.exit_code == 0, result.output
    runner.invoke(app, ["import", str(ROOT / "examples" / "kazakhstan" / "coalition-upr4-summary-2024.txt")])
    from rightstrack.assessments.models import Assessment

    Assessment.private_objects.filter(stakeholder__acronym="GS").delete()
    assert _export(tmp_path / "changed") != before
    result = runner.invoke(app, ["restore", str(backup_file), "--yes"])
    assert result.exit_code == 0, result.output
    assert _export(tmp_path / "after") == before


def test_restoring_something_that_is_no_backup_is_refused(kazakhstan_mia: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    message = _restore_refused(bogus)
    assert "is not a SQLite backup" in message or "is not a PostgreSQL backup" in message


def _restore_refused(backup_file: Path) -> str:
    before = database_snapshot()
    result = runner.invoke(app, ["restore", str(backup_file), "--yes"])
    assert result.exit_code == 1, result.output
    assert "nothing was restored" in result.stderr
    assert database_snapshot() == before
    after = runner.invoke(app, ["export", "--state", "KAZ", "--format", "csv"])  # still a working database
    assert after.exit_code == 0 and after.stdout.count("\n") == 1 + 129
    return " ".join(result.stderr.split())


def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("a SQLite file is checked by SQLite; pg_restore reads its own format")


def test_any_other_sqlite_file_is_refused_before_anything_is_replaced(
    kazakhstan_mia: Path, tmp_path: Path
) -> None:
    _sqlite_only()
    notes = tmp_path / "notes.sqlite3"
    with sqlite3.connect(notes) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO notes (text) VALUES ('shopping list')")
    db.close()
    message = _restore_refused(notes)
    assert f"{notes} is not a RightsTrack backup: it has no django_migrations table" in message


def test_another_django_database_is_refused(kazakhstan_mia: Path, tmp_path: Path) -> None:
    _sqlite_only()
    other = tmp_path / "blog.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute(
            "CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app TEXT, name TEXT, applied TEXT)"
        )
        db.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('blog', '0001_initial', '')")
    db.close()
    message = _restore_refused(other)
    assert "is not a RightsTrack backup: it lacks recommendations_state" in message
    assert "recommendations.0001_initial" in message


def test_a_backup_with_migrations_this_version_does_not_know_is_refused(
    kazakhstan_mia: Path, tmp_path: Path
) -> None:
    from django.utils import timezone

    backup_file = tmp_path / "future.bin"
    future = ["assessments", "0099_from_the_future"]
    with connection.cursor() as cursor:  # a later version's database, as far as the backup can tell
        insert = "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, %s)"
        cursor.execute(insert, [*future, timezone.now()])
    try:
        assert runner.invoke(app, ["backup", "-o", str(backup_file)]).exit_code == 0
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM django_migrations WHERE app = %s AND name = %s", future)
    message = _restore_refused(backup_file)
    assert "written by another version of RightsTrack" in message
    assert "assessments.0099_from_the_future" in message


def test_a_damaged_backup_is_refused(kazakhstan_mia: Path, tmp_path: Path) -> None:
    _sqlite_only()
    backup_file = tmp_path / "damaged.sqlite3"
    assert runner.invoke(app, ["backup", "-o", str(backup_file)]).exit_code == 0
    data = bytearray(backup_file.read_bytes())
    page = 4096
    for start in range(page * 3, len(data) - page, page * 7):  # every seventh page's cells overwritten
        data[start + 100 : start + 900] = bytes(range(256)) * 3 + bytes(32)
    backup_file.write_bytes(bytes(data))
    message = _restore_refused(backup_file)
    assert "is damaged (SQLite integrity check)" in message or "is not a readable SQLite database" in message


def test_a_restore_keeps_the_database_it_replaced_and_names_it(kazakhstan_mia: Path, tmp_path: Path) -> None:
    backup_file = tmp_path / "backup.bin"
    assert runner.invoke(app, ["backup", "-o", str(backup_file)]).exit_code == 0
    runner.invoke(app, ["import", str(ROOT / "examples" / "kazakhstan" / "coalition-upr4-summary-2024.txt")])
    changed = _export(tmp_path / "changed")
    with override_settings(DATA_DIR=tmp_path / "data"):
        result = runner.invoke(app, ["restore", str(backup_file), "--yes"])
    assert result.exit_code == 0, result.output
    kept = (
        " ".join(result.stdout.split()).split("the database as it was before is kept in ")[1].split(" (")[0]
    )
    assert Path(kept).parent == tmp_path / "data" / "backups" and Path(kept).is_file()
    assert _export(tmp_path / "restored") != changed
    assert runner.invoke(app, ["restore", str(kept), "--yes"]).exit_code == 0
    assert _export(tmp_path / "undone") == changed


def _counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}


def _writing(database: Path) -> bool:
    """Whether another connection holds the database's write lock (a write transaction is open)."""
    probe = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    else:
        probe.execute("ROLLBACK")
        return False
    finally:
        probe.close()


def test_an_import_killed_half_way_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    export = shared_path("data", "upr-info", "recommendations_train.csv")
    env = {**os.environ, "RIGHTSTRACK_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)  # a file database of its own, whatever the suite runs on
    command = [sys.executable, "-m", "rightstrack.cli.main"]
    subprocess.run([*command, "migrate"], env=env, check=True, capture_output=True)
    for name in ("upr_info_issues_2008-2014.txt", "upr_info_issues_2019.txt"):
        taxonomy = shared_path("data", "taxonomies", name)
        subprocess.run([*command, "vocab", "import", str(taxonomy)], env=env, check=True, capture_output=True)
    database = tmp_path / "rightstrack.sqlite3"
    before = _counts(database)
    process = subprocess.Popen([*command, "import", str(export)], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    # the import stores everything in one write transaction, which holds the write lock throughout
    # (its rows stay in the page cache until it commits, so the write-ahead log does not show them);
    # still held a second later: the storing, not a short write before or after it
    while time.monotonic() < deadline and process.poll() is None:
        if _writing(database):
            time.sleep(1.0)
            if _writing(database):
                break
        time.sleep(0.05)
    assert process.poll() is None, "the import ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert _counts(database) == before
