"""The Dockerfile and compose.yaml agree with DEPLOY.md, the settings and the CLI.

No container engine that can build the image runs where these tests were written (DEPLOY.md, section 6
says what was tried), so this checks what can be checked without one.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from typer.main import get_command

from rightstrack.cli.main import app
from tests.conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    return data


def _deploy_section(title: str) -> str:
    text = (ROOT / "DEPLOY.md").read_text(encoding="utf-8")
    return text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_compose_runs_web_worker_postgresql_and_redis_from_the_image() -> None:
    services = _compose()["services"]
    assert set(services) == {"web", "worker", "db", "redis"}
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    for name in ("web", "worker"):
        service = services[name]
        assert service["build"] == "." and service["image"] == "rightstrack:latest"
        assert set(service["depends_on"]) == {"db", "redis"}
        assert service["environment"]["RIGHTSTRACK_TASKS"] == "rq"
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert service["environment"]["DATABASE_URL"].endswith("@db:5432/rightstrack")
    data_dir = re.search(r"RIGHTSTRACK_DATA_DIR=(\S+)", DOCKERFILE)
    assert data_dir
    mount = f"data:{data_dir.group(1)}"  # web and worker share the reports cache and backups
    assert mount in services["web"]["volumes"] and mount in services["worker"]["volumes"]
    assert services["worker"]["command"] == ["rightstrack", "worker"]
    assert "rightstrack migrate" in services["web"]["command"]
    assert "gunicorn rightstrack.config.wsgi:application" in services["web"]["command"]


def test_every_setting_compose_sets_is_documented_in_architecture() -> None:
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", (ROOT / "ARCHITECTURE.md").read_text(), re.M))
    for name in ("web", "worker"):
        assert set(_compose()["services"][name]["environment"]) <= documented


def test_the_commands_compose_and_deploy_run_exist() -> None:
    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    assert {"migrate", "worker", "backup", "import", "export-all"} <= commands
    assert "backup --keep 14" in _deploy_section("5. Backups")


@pytest.mark.parametrize(
    "package",
    # WeasyPrint's libraries (its *First steps*: Debian and Ubuntu), fonts with Cyrillic, pg_dump
    ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b", "libharfbuzz-subset0", "fonts-dejavu-core"],
)
def test_the_image_installs_what_deploy_md_names(package: str) -> None:
    assert re.search(rf"\s{re.escape(package)}\s", DOCKERFILE), package
    assert re.search(rf"\s{re.escape(package)}\s", _deploy_section("0. System packages")), package


def test_the_image_is_a_python_3_12_or_later_distribution() -> None:
    base = re.search(r"^ARG BASE=(\S+)", DOCKERFILE, re.M)
    assert base and base.group(1) == "debian:trixie-slim"  # Python 3.13; Debian 12's 3.11 is too old
    assert "postgresql-client" in DOCKERFILE
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "var"} <= set(ignored)  # no local database or environment in the image
