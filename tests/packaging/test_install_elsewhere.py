"""The package as a user installs it: the wheel and sdist hold everything, and the wheel installed
with the locked runtime requirements into a fresh virtual environment outside the checkout migrates,
imports the shipped example (seed 000 among it), serves, and draws the dashboard's charts in Chromium.

Slow-ish (marked ``packaging``): the wheel is built once per session, and the locked requirements are
kept as wheels in ``~/.cache/rightstrack/wheelhouse`` (or ``RIGHTSTRACK_WHEELHOUSE``), so only the first
run downloads them; the install itself is offline (``--no-index``) from that wheelhouse.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_LOCK = ROOT / "requirements" / "runtime.txt"
WHEELHOUSE = Path(
    os.environ.get("RIGHTSTRACK_WHEELHOUSE") or Path.home() / ".cache" / "rightstrack" / "wheelhouse"
)

pytestmark = pytest.mark.packaging

# What a site needs at run time and is not Python: each must be in the wheel and in the sdist.
SHIPPED = [
    "rightstrack/web/static/vendor/vega/vega.min.js",
    "rightstrack/web/static/vendor/vega/vega-lite.min.js",
    "rightstrack/web/static/vendor/vega/vega-embed.min.js",
    "rightstrack/web/static/vendor/vega/vega-interpreter.min.js",
    "rightstrack/web/static/vendor/vega/LICENSE-vega",
    "rightstrack/web/static/vendor/vega/LICENSE-vega-lite",
    "rightstrack/web/static/vendor/vega/LICENSE-vega-embed",
    "rightstrack/web/static/web/dashboard.js",
    "rightstrack/web/static/web/site.css",
    "rightstrack/web/templates/web/state.html",
    "rightstrack/locale/ru/LC_MESSAGES/django.mo",
    "rightstrack/analysis/models/classifier.npz",
    "rightstrack/examples/kazakhstan/upr-info-mia-2012.txt",
]
# Nothing the runtime requirements may pull in (the [postgres], [rq] and [dev] extras hold them).
NOT_AT_RUN_TIME = {"psycopg", "psycopg-binary", "redis", "rq", "rq-scheduler", "django-rq", "freezegun"}
TEST_LIBRARIES = {"pytest", "pytest-django", "hypothesis", "schemathesis", "playwright", "freezegun"}


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}"
    return done  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="session")
def outside() -> Iterator[Path]:
    """A folder outside the checkout, this session's own (not pytest's rotating temporary folders)."""
    with tempfile.TemporaryDirectory(prefix="rightstrack-elsewhere-") as folder:
        yield Path(folder)


@pytest.fixture(scope="session")
def built(outside: Path) -> Built:
    """The sdist of this checkout and the wheel built from that sdist (so the sdist is complete too)."""
    out = outside / "dist"
    _run(
        [
            sys.executable,
            "-m",
            "build",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ]
    )
    return Built(next(out.glob("rightstrack-*.whl")), next(out.glob("rightstrack-*.tar.gz")))


def _locked(lock: Path) -> dict[str, str]:
    """``name: version`` of every requirement a pip-compile lock file pins."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].strip()
        if "==" in requirement:
            name, version = requirement.split("==", 1)
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_the_runtime_lock_holds_no_database_driver_redis_client_or_test_library() -> None:
    runtime = _locked(RUNTIME_LOCK)
    assert {"django", "weasyprint", "vl-convert-python", "django-tasks-db"} <= set(runtime)
    assert not set(runtime) & (NOT_AT_RUN_TIME | TEST_LIBRARIES)
    development = _locked(ROOT / "requirements" / "dev.txt")
    assert {"psycopg", "django-tasks-rq", "pytest"} <= set(development)
    # One version of everything: the development environment is the runtime one plus the extras.
    assert {name: development[name] for name in runtime} == runtime


def test_the_wheel_and_the_sdist_hold_the_scripts_licences_models_translations_and_examples(
    built: Built,
) -> None:
    in_wheel = set(zipfile.ZipFile(built.wheel).namelist())
    assert [path for path in SHIPPED if path not in in_wheel] == []
    assert any(name.startswith("rightstrack/core/data/vocabularies/") for name in in_wheel)
    with tarfile.open(built.sdist) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert [path for path in SHIPPED if f"src/{path}" not in in_sdist] == []
    assert {"requirements/runtime.txt", "package.json"} <= in_sdist


@dataclass(frozen=True)
class Installed:
    bin: Path
    env: dict[str, str]
    folder: Path


@pytest.fixture(scope="session")
def installed(built: Built, outside: Path) -> Installed:
    """A fresh virtual environment outside the checkout with the wheel and the locked requirements."""
    folder = outside / "site"
    folder.mkdir()
    # Nothing of the checkout's environment: its sources on PYTHONPATH would pass for an installed
    # rightstrack (pip would then skip the wheel).
    unset = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DATABASE_URL", "RIGHTSTRACK_TASKS"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env |= {"RIGHTSTRACK_DATA_DIR": str(folder / "data"), "RIGHTSTRACK_MACHINE_HELP": "0"}
    WHEELHOUSE.mkdir(parents=True, exist_ok=True)
    # Wheels already in the wheelhouse are taken from it: only missing ones are downloaded.
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "wheel", "--quiet"]
    lock = ["-r", str(RUNTIME_LOCK)]
    _run([*pip, *lock, "-w", str(WHEELHOUSE), "--find-links", str(WHEELHOUSE)], cwd=folder, env=env)
    venv = folder / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=folder, env=env)
    offline = ["--no-index", "--find-links", str(WHEELHOUSE)]
    install = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *offline]
    _run([*install, *lock, str(built.wheel)], cwd=folder, env=env)
    return Installed(venv / "bin", env, folder)


def test_the_installed_package_is_the_wheel_with_no_extras(installed: Installed) -> None:
    where = _run(
        [str(installed.bin / "python"), "-c", "import rightstrack; print(rightstrack.__file__)"],
        cwd=installed.folder,
        env=installed.env,
    )
    assert where.stdout.startswith(str(installed.bin.parent)), where.stdout
    listed = _run([str(installed.bin / "python"), "-m", "pip", "list", "--format", "json"], env=installed.env)
    names = {item["name"].lower().replace("_", "-") for item in json.loads(listed.stdout)}
    assert not names & (NOT_AT_RUN_TIME | TEST_LIBRARIES)
    # ... and a PostgreSQL address then asks for the extra, in words.
    refused = subprocess.run(
        [str(installed.bin / "rightstrack"), "iri", "--state", "KAZ"],
        cwd=installed.folder,
        env=installed.env | {"DATABASE_URL": "postgres://rightstrack@localhost:5432/rightstrack"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 1
    assert "pip install 'rightstrack[postgres]'" in refused.stderr
    assert "Traceback" not in refused.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def served(installed: Installed) -> Iterator[str]:
    """``rightstrack migrate``, ``rightstrack example``, then ``rightstrack serve`` from the install."""
    rightstrack = str(installed.bin / "rightstrack")
    _run([rightstrack, "migrate"], cwd=installed.folder, env=installed.env)
    imported = _run([rightstrack, "example", "--json"], cwd=installed.folder, env=installed.env)
    kinds = {document["kind"]: document["created"] for document in json.loads(imported.stdout)["documents"]}
    assert kinds["upr-info-mia"]["recommendations"] == 129  # seed 000
    port = _free_port()
    log = (installed.folder / "serve.log").open("w")
    server = subprocess.Popen(
        [rightstrack, "serve", "--port", str(port), "--no-worker"],
        cwd=installed.folder,
        env=installed.env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{address}/", timeout=5) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError((installed.folder / "serve.log").read_text()) from None
                time.sleep(0.5)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_the_installed_site_draws_the_dashboards_charts(served: str, page: Any) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{served}/states/KAZ")
    # Every chart element of the dashboard gets its drawing (Vega's svg or canvas) from the wheel's scripts.
    page.wait_for_function(
        "() => { const charts = [...document.querySelectorAll('.vega')];"
        " return charts.length > 0 && charts.every("
        "   chart => chart.dataset.rendered === 'true' && chart.querySelector('svg, canvas')); }"
    )
    assert page.locator(".vega").count() >= 1
    assert errors == []
    for script in ("vendor/vega/vega.min.js", "vendor/vega/vega-interpreter.min.js", "web/dashboard.js"):
        with urllib.request.urlopen(f"{served}/static/{script}", timeout=10) as answer:
            assert answer.status == 200
