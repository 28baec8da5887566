"""`rightstrack migrate-db`: everything copied to another database, every table's count verified."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE_MIA, shared_path

COMMAND = [sys.executable, "-m", "rightstrack.cli.main"]


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*COMMAND, *args], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def _export(env: dict[str, str], folder: Path) -> dict[str, str]:
    _run(env, "export-all", "-o", str(folder))
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.json"))}


def test_everything_moves_to_another_database_with_the_counts_verified(tmp_path: Path) -> None:
    # `make test` hands the SQLite run a throwaway PostgreSQL as the target: the real SQLite → PostgreSQL move
    target = os.environ.get("RIGHTSTRACK_MOVE_TARGET_URL") or f"sqlite:///{tmp_path / 'moved.sqlite3'}"
    source = {**os.environ, "RIGHTSTRACK_DATA_DIR": str(tmp_path / "source")}
    source.pop("DATABASE_URL", None)
    _run(source, "migrate")
    _run(source, "vocab", "import", str(shared_path("data", "taxonomies", "upr_info_issues_2008-2014.txt")))
    _run(source, "import", str(EXAMPLE_MIA))
    moved = _run(source, "migrate-db", target, "--yes")
    assert "every count verified" in moved.stdout
    assert "recommendations_recommendation" in moved.stdout
    again = _run(source, "migrate-db", target, "--yes")  # the target's content is replaced, not doubled
    assert again.stdout.split("copied")[1] == moved.stdout.split("copied")[1]
    there = {**source, "DATABASE_URL": target}
    assert _export(there, tmp_path / "after") == _export(source, tmp_path / "before")
    summary = _run(there, "iri", "--state", "KAZ", "--cycle", "1", "--json")
    assert '"not implemented": 66' in summary.stdout
