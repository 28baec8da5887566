"""`rightstrack backup --keep N` keeps the N newest backups it wrote and nothing else is touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import override_settings
from typer.testing import CliRunner

from rightstrack.cli.main import app

runner = CliRunner()
pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_keep_removes_the_oldest_backups_only(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    old = [backups / f"rightstrack-2026010{day}-020000.sqlite3" for day in range(1, 5)]
    for path in old:
        path.write_bytes(b"an old backup")
    safety = backups / "before-restore-20260102-030000.sqlite3"  # written by restore: never pruned
    safety.write_bytes(b"kept")
    mine = backups / "rightstrack-notes.txt"  # not a name backup writes
    mine.write_text("kept", encoding="utf-8")
    with override_settings(DATA_DIR=tmp_path):
        result = runner.invoke(app, ["backup", "--keep", "3"])
    assert result.exit_code == 0, result.output
    left = sorted(path.name for path in backups.iterdir())
    new = [name for name in left if name.startswith("rightstrack-2026") and name not in {p.name for p in old}]
    assert len(new) == 1
    assert left == sorted([old[2].name, old[3].name, *new, safety.name, mine.name])
    assert "removed 2 older backups" in result.output
    assert old[0].name in result.output and old[1].name in result.output


def test_backup_keep_must_be_at_least_one(tmp_path: Path) -> None:
    with override_settings(DATA_DIR=tmp_path):
        result = runner.invoke(app, ["backup", "--keep", "0"])
    assert result.exit_code != 0
    assert not (tmp_path / "backups").exists()
