"""Every command, run in a folder with no database, says which database it looked for — no traceback,
no empty ``var/`` left behind — and every option with fixed values lists them in ``--help`` and in
the shell's completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
import typer.rich_utils
from typer.testing import CliRunner

import rightstrack
from rightstrack.cli.main import (
    ExportFormat,
    ImportKind,
    Language,
    ReportFormat,
    ReportKind,
    StakeholderKind,
    app,
)

SOURCES = Path(rightstrack.__file__).resolve().parents[1]

# Each command with arguments a person would give it. Commands that need no database (classify,
# evaluate, train) get a missing input and must say so in words too.
ARGUMENTS: dict[str, list[str]] = {
    "import": ["report.txt"],
    "iri": ["--state", "KAZ", "--cycle", "1"],
    "analyse": [],
    "link-evidence": ["--state", "KAZ"],
    "draft-assessment": ["DNK:60.1", "--stakeholder", "DIHR", "--grade", "iri:partially", "--user", "editor"],
    "export": ["--state", "KAZ", "--format", "xlsx"],
    "fetch": ["A/HRC/28/10"],
    "sheet": ["--state", "KAZ", "--stakeholder", "Coalition", "-o", "sheet.xlsx"],
    "report": ["mia", "--state", "KAZ"],
    "backup": [],
    "restore": ["backup.sqlite3", "--yes"],
    "migrate-db": ["postgres://rightstrack@localhost:5432/rightstrack", "--yes"],
    "export-all": ["-o", "open-data"],
    "worker": ["--batch"],
    "serve": ["--port", "8765"],
    "example": [],
    "manage": ["createsuperuser", "--noinput", "--username", "admin", "--email", "a@example.org"],
    "vocab import": ["issues_2019.txt"],
}
WITHOUT_DATABASE: dict[str, tuple[list[str], str]] = {
    "classify": (["recommendations.csv", "-o", "out.csv"], "recommendations.csv: no such file"),
    "evaluate": (["--data", "nowhere"], "nowhere: not the shared data folder"),
    "train": (["--data", "nowhere"], "nowhere: not the shared data folder"),
}
MAKES_THE_DATABASE = {"migrate"}

# A fresh Python, so that settings are read in the empty folder as a person's shell would.
CHILD = """
import json, sys
from typer.testing import CliRunner
from rightstrack.cli.main import app
runner = CliRunner()
results = []
for args in json.loads(sys.argv[1]):
    result = runner.invoke(app, args)
    results.append({"args": args, "code": result.exit_code, "output": result.output,
                    "exception": None if result.exception is None or isinstance(result.exception, SystemExit)
                    else repr(result.exception)})
print(json.dumps(results))
"""


def _commands() -> set[str]:
    group = typer.main.get_command(app)
    names: set[str] = set()
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names |= {f"{name} {inner}" for inner in sub} if sub else {name}
    return names


def test_every_command_is_tried_here() -> None:
    assert set(ARGUMENTS) | set(WITHOUT_DATABASE) | MAKES_THE_DATABASE == _commands()


def _run_all(folder: Path, commands: list[list[str]]) -> list[dict[str, object]]:
    env = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "RIGHTSTRACK_DATA_DIR"}
    }
    env |= {"PYTHONPATH": str(SOURCES), "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(commands)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, object]] = json.loads(done.stdout)
    return results


def test_every_command_in_a_folder_with_no_database_says_which_it_looked_for(tmp_path: Path) -> None:
    commands = [name.split() + args for name, args in ARGUMENTS.items()]
    commands += [[name, *args] for name, (args, _message) in WITHOUT_DATABASE.items()]
    results = _run_all(tmp_path, commands)

    expected = str(tmp_path / "var" / "rightstrack.sqlite3")
    messages = {name: message for name, (_args, message) in WITHOUT_DATABASE.items()}
    for result in results:
        args = result["args"]
        output = str(result["output"])
        assert isinstance(args, list)
        assert result["exception"] is None, (args, result["exception"], output)
        assert result["code"] == 1, (args, output)
        assert "Traceback" not in output, (args, output)
        wanted = messages.get(args[0]) or f"looked for the SQLite database {expected}"
        assert wanted in " ".join(output.split()), (args, output)
        if args[0] not in messages:
            assert "run `rightstrack migrate`" in output, (args, output)
    assert not (tmp_path / "var").exists(), "a command made an empty data folder where it was run"


def test_a_postgres_database_url_without_the_driver_says_which_extra_to_install() -> None:
    from rightstrack.config import settings

    assert "pip install 'rightstrack[postgres]'" in Path(settings.__file__).read_text(encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "RIGHTSTRACK_DATA_DIR"}
    env |= {
        "PYTHONPATH": str(SOURCES),
        "DATABASE_URL": "postgres://rightstrack@localhost:5432/rightstrack",
        "RIGHTSTRACK_TASKS": "rq",
    }
    # Hide psycopg and django_tasks_rq as an install without the extras would.
    hide = (
        "import importlib.util, sys; real = importlib.util.find_spec;"
        "importlib.util.find_spec = lambda name, *a: None if name in {'psycopg', 'django_tasks_rq'} "
        "else real(name, *a);"
        "from rightstrack.cli.main import app; sys.argv = ['rightstrack', 'iri', '--state', 'KAZ']; app()"
    )
    done = subprocess.run(
        [sys.executable, "-c", hide], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "pip install 'rightstrack[postgres]'" in done.stderr
    env["DATABASE_URL"] = ""
    done = subprocess.run(
        [sys.executable, "-c", hide], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "pip install 'rightstrack[rq]'" in done.stderr


runner = CliRunner()


@pytest.fixture(autouse=True)
def _wide_help(monkeypatch: pytest.MonkeyPatch) -> None:
    """Help as on a wide terminal, so that a long list of choices stays on one or two lines."""
    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 300)


def _help(*command: str) -> str:
    # a terminal wide enough that no choice list wraps inside a word
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


@pytest.mark.parametrize(
    ("command", "choices"),
    [
        (["import"], ImportKind),
        (["report"], ReportKind),
        (["report"], ReportFormat),
        (["report"], Language),
        (["export"], ExportFormat),
        (["sheet"], StakeholderKind),
    ],
)
def test_help_lists_the_choices_of_options_with_fixed_values(command: list[str], choices: type) -> None:
    shown = _help(*command).replace("│", " ")
    words = shown.split()  # a long list wraps inside its column
    listed = {item.strip("[]") for word in words if "|" in word for item in word.split("|")}
    if "one of:" in shown:  # a list too long for the option's column is given in its help, comma-separated
        listed |= {item.strip(" .") for item in shown.split("one of:", 1)[1].split(".")[0].split(",")}
    assert {choice.value for choice in choices} <= listed


def test_no_help_shows_python_type_tags() -> None:
    for name in sorted(_commands()):
        shown = _help(*name.split())
        for tag in ("<bool>", "<str>", "<int>", "<path>", "<list[", "<Path>"):
            assert tag not in shown, (name, tag)


def test_the_shell_completes_report_kinds_and_formats(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "RIGHTSTRACK_DATA_DIR"}
    env |= {"PYTHONPATH": str(SOURCES), "_RIGHTSTRACK_COMPLETE": "complete_bash"}
    code = "from rightstrack.cli.main import app; app(prog_name='rightstrack')"

    def complete(words: str) -> list[str]:
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(words.split(" ")) - 1))
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        return done.stdout.split()

    assert complete("rightstrack report ") == [kind.value for kind in ReportKind]
    assert complete("rightstrack export --format ") == [fmt.value for fmt in ExportFormat]
    assert complete("rightstrack report mia --language ") == ["en", "ru"]
    assert "--install-completion" in _help()


def test_the_cli_choices_are_the_registries_own() -> None:
    from django.conf import settings

    from rightstrack.core.stakeholders import STAKEHOLDER_KINDS
    from rightstrack.ingest.registry import SOURCES as IMPORT_SOURCES
    from rightstrack.reports.api import KINDS

    assert [kind.value for kind in ImportKind] == [source.kind for source in IMPORT_SOURCES]
    assert [kind.value for kind in ReportKind] == list(KINDS)
    assert {fmt.value for fmt in ReportFormat} == {fmt for kind in KINDS.values() for fmt in kind.formats}
    assert [language.value for language in Language] == [code for code, _name in settings.LANGUAGES]
    assert [kind.value for kind in StakeholderKind] == list(STAKEHOLDER_KINDS)


@pytest.mark.django_db(transaction=True)
def test_export_as_xlsx_without_a_file_writes_one_named_after_the_state(
    kazakhstan_mia: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "--state", "KAZ", "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "KAZ-export.xlsx"
    assert f"wrote {written.name}" in result.output
    sheet = load_workbook(written, read_only=True).worksheets[0]
    assert sum(1 for _row in sheet.iter_rows()) == 129 + 1  # a row per recommendation, and the header


def test_the_readme_lists_every_command_and_serve_points_to_a_deployment_guide_that_exists() -> None:
    root = SOURCES.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    missing = [name for name in sorted(_commands()) if f"`rightstrack {name}" not in readme]
    assert missing == []
    assert "[DEPLOY.md](DEPLOY.md)" in readme
    shown = _help("serve")
    assert "DEPLOY.md" in shown
    assert (root / "DEPLOY.md").is_file()
