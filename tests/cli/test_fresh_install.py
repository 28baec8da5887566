"""A fresh install: ``rightstrack migrate`` then ``rightstrack import <seed 000>``, with no other step."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import rightstrack
from tests.conftest import EXAMPLE_MIA

SOURCES = Path(rightstrack.__file__).resolve().parents[1]  # the package under test


def _rightstrack(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {"RIGHTSTRACK_DATA_DIR": str(data_dir), "PYTHONPATH": str(SOURCES)}
    command = [sys.executable, "-c", "from rightstrack.cli.main import app; app()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)


def test_a_fresh_database_after_migrate_imports_seed_000_with_no_other_step(tmp_path: Path) -> None:
    migrated = _rightstrack(tmp_path, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    imported = _rightstrack(tmp_path, "import", str(EXAMPLE_MIA), "--json")
    assert imported.returncode == 0, imported.stderr
    document = json.loads(imported.stdout)["documents"][0]
    assert (document["kind"], document["created"]["recommendations"]) == ("upr-info-mia", 129)
    assert not [problem for problem in document["problems"] if "vocabulary" in problem]
