"""Background imports: queued in the database and run by `rightstrack worker`, or sent to Redis (RQ)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rightstrack.cli.main import app
from rightstrack.recommendations.models import Review
from tests.conftest import EXAMPLE_MIA, shared_path

runner = CliRunner()
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_queued_import_waits_for_the_worker_and_is_run_by_it(vocabularies: None) -> None:
    result = runner.invoke(app, ["import", str(EXAMPLE_MIA), "--background"])
    assert result.exit_code == 0, result.output
    assert "queued as task" in result.stdout
    assert not Review.objects.exists()  # nothing happens before a worker runs
    result = runner.invoke(app, ["worker", "--batch"])
    assert result.exit_code == 0, result.output
    assert Review.objects.get(state_id="KAZ", cycle=1).recommendations.count() == 129


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(
            "redis-server is absent (apt-get install redis-server): the RQ queue test needs a real broker"
        )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as client:
            if client.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


def test_with_rq_an_import_goes_through_a_real_redis_broker_to_a_worker(
    redis_server: str, tmp_path: Path
) -> None:
    """A worker process of its own, on a database file of its own, fed through Redis."""
    env = {
        **os.environ,
        "RIGHTSTRACK_TASKS": "rq",
        "REDIS_URL": redis_server,
        "RIGHTSTRACK_DATA_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "rightstrack.cli.main"]
    subprocess.run([*command, "migrate"], env=env, check=True, capture_output=True)
    for name in ("upr_info_issues_2008-2014.txt", "upr_info_issues_2019.txt"):
        taxonomy = shared_path("data", "taxonomies", name)
        subprocess.run([*command, "vocab", "import", str(taxonomy)], env=env, check=True, capture_output=True)
    queued = subprocess.run(
        [*command, "import", str(EXAMPLE_MIA), "--background"], env=env, capture_output=True, text=True
    )
    assert queued.returncode == 0, queued.stderr
    assert "queued as task" in queued.stdout
    worked = subprocess.run(
        [*command, "worker", "--batch"], env=env, capture_output=True, text=True, timeout=300
    )
    assert worked.returncode == 0, worked.stderr
    summary = subprocess.run(
        [*command, "iri", "--state", "KAZ", "--cycle", "1"], env=env, capture_output=True, text=True
    )
    assert summary.returncode == 0, summary.stderr
    assert "66" in summary.stdout and "129" in summary.stdout
