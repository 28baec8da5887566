"""The ``rightstrack`` command, driven as a user would (in-process, on the test database)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rightstrack.cli.main import app
from tests.conftest import EXAMPLE_MIA, database_snapshot
from tests.ingest.uhri_builder import ROWS, csv_text

runner = CliRunner()

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_json_reports_what_was_created(vocabularies: None) -> None:
    code, out, _ = run("import", str(EXAMPLE_MIA), "--json")
    assert code == 0
    document = json.loads(out)["documents"][0]
    assert document["path"] == str(EXAMPLE_MIA)
    assert document["kind"] == "upr-info-mia"
    assert document["created"]["recommendations"] == 129
    assert document["created"]["stakeholders"] == 9  # the 8 responding organisations and UPR Info
    assert document["created"]["assessments"] > 129
    assert isinstance(document["problems"], list)


def test_iri_json_counts_exactly_the_documents_own_figures(kazakhstan_mia: Path) -> None:
    code, out, _ = run("iri", "--state", "KAZ", "--mechanism", "UPR", "--cycle", "1", "--json")
    assert code == 0
    picture = json.loads(out)
    assert picture["counts"] == {
        "not implemented": 66,
        "partially implemented": 41,
        "fully implemented": 11,
        "undetermined": 2,
        "no answer": 9,
    }
    assert len(picture["recommendations"]) == 129
    first = picture["recommendations"][0]
    assert set(first) >= {"ref", "text", "level", "score", "assessments"}
    assert first["ref"] == "1"
    assert first["level"] == "not implemented"
    assert {a["stakeholder"] for a in first["assessments"]} == {"F18", "TP", "KIHRRLC"}


def test_reimporting_the_same_file_changes_nothing(kazakhstan_mia: Path) -> None:
    before = database_snapshot()
    code, out, _ = run("import", str(EXAMPLE_MIA), "--json")
    assert code == 0
    assert json.loads(out)["documents"][0]["unchanged"] is True
    assert database_snapshot() == before


def test_a_state_can_be_named_instead_of_coded(kazakhstan_mia: Path) -> None:
    code, out, _ = run("iri", "--state", "Kazakhstan", "--cycle", "1")
    assert code == 0
    assert "66" in out and "not implemented" in out


def test_an_unknown_review_is_a_clear_error(kazakhstan_mia: Path) -> None:
    code, _, err = run("iri", "--state", "KAZ", "--cycle", "3")
    assert code == 1
    assert "no UPR review of KAZ in cycle 3 has been imported" in err


def _variants(tmp_path: Path) -> dict[str, Path]:
    lines = EXAMPLE_MIA.read_text(encoding="utf-8").splitlines(keepends=True)
    shuffled = lines[:]
    random.Random(7).shuffle(shuffled)
    files = {
        "truncated": "".join(lines[: len(lines) // 2]),
        "truncated-near-the-end": "".join(lines[: len(lines) - 60]),
        "shuffled": "".join(shuffled),
        "empty": "",
        "blank": "\n\n   \n",
    }
    paths = {}
    for name, text in files.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    paths["binary"] = binary
    paths["missing"] = tmp_path / "no-such-file.txt"
    return paths


@pytest.mark.parametrize(
    "variant", ["truncated", "truncated-near-the-end", "shuffled", "empty", "blank", "binary", "missing"]
)
def test_bad_input_is_a_clear_error_and_leaves_the_database_unchanged(
    variant: str, kazakhstan_mia: Path, tmp_path: Path
) -> None:
    path = _variants(tmp_path)[variant]
    before = database_snapshot()
    code, _, err = run("import", str(path))
    assert code == 1
    message = " ".join(err.split())
    assert str(path) in message  # the file
    assert "nothing was imported" in message
    assert database_snapshot() == before


def test_a_200_mb_file_is_refused_before_it_is_read(vocabularies: None, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no real disk space
    code, _, err = run("import", str(huge))
    assert code == 1
    assert "the limit is 52,428,800 bytes" in " ".join(err.split())


def test_text_in_a_legacy_encoding_is_decoded_not_refused(vocabularies: None, tmp_path: Path) -> None:
    legacy = tmp_path / "mia-cp1252.txt"
    legacy.write_bytes(
        EXAMPLE_MIA.read_text(encoding="utf-8").replace("\n", "\r\n").encode("cp1252", "replace")
    )
    code, out, err = run("import", str(legacy), "--json")
    assert code == 0, err
    assert json.loads(out)["documents"][0]["created"]["recommendations"] == 129


def test_one_bad_file_among_good_ones_writes_nothing_at_all(vocabularies: None, tmp_path: Path) -> None:
    bad = _variants(tmp_path)["truncated"]
    before = database_snapshot()
    code, _, err = run("import", str(EXAMPLE_MIA), str(bad))
    assert code == 1
    assert str(bad) in " ".join(err.split())
    assert database_snapshot() == before


def test_export_json_has_the_open_data_shape(kazakhstan_mia: Path, tmp_path: Path) -> None:
    target = tmp_path / "kaz.json"
    code, _, _ = run("export", "--state", "KAZ", "--format", "json", "-o", str(target))
    assert code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["state"] == "KAZ"
    review = data["reviews"][0]
    assert (review["mechanism"], review["cycle"]) == ("UPR", 1)
    recommendation = review["recommendations"][0]
    assert set(recommendation) >= {
        "refs",
        "text",
        "recommending_states",
        "response",
        "action_category",
        "terms",
        "level",
        "assessments",
    }
    assert recommendation["refs"] == {"upr-info-mia": "1"}
    assert recommendation["recommending_states"] == ["MEX"]
    assert recommendation["terms"] == {"upr-info-issues": ["Freedom of religion and belief"]}
    assert set(recommendation["assessments"][0]) >= {"stakeholder", "level", "text"}
    uncommented = next(r for r in review["recommendations"] if r["refs"]["upr-info-mia"] == "41")
    assert (uncommented["response"], uncommented["action_category"]) == ("supported", 4)
    assert uncommented["recommending_states"] == ["BLR"]
    assert uncommented["level"] == "no answer"


def test_export_csv_and_xlsx_hold_one_row_per_recommendation(kazakhstan_mia: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    code, out, _ = run("export", "--state", "KAZ", "--format", "csv")
    assert code == 0
    assert len(out.strip().splitlines()) == 130  # header + 129 (no text of this document spans lines)
    assert not out.startswith("\ufeff")  # a pipe gets plain UTF-8; a file gets the BOM Excel needs
    code, _, _ = run("export", "--state", "KAZ", "--format", "csv", "-o", str(tmp_path / "kaz.csv"))
    assert code == 0 and (tmp_path / "kaz.csv").read_bytes().startswith("\ufeff".encode())
    target = tmp_path / "kaz.xlsx"
    code, _, _ = run("export", "--state", "KAZ", "--format", "xlsx", "-o", str(target))
    assert code == 0
    workbook = load_workbook(target, read_only=True)
    assert workbook["Recommendations"].max_row == 130


def test_every_command_has_help() -> None:
    commands = (
        ["import"],
        ["iri"],
        ["export"],
        ["serve"],
        ["migrate"],
        ["vocab", "import"],
        ["sheet"],
        ["fetch"],
        ["report"],
        ["classify"],
        ["evaluate"],
        ["train"],
        ["backup"],
        ["restore"],
        ["export-all"],
        ["migrate-db"],
        ["worker"],
    )
    for command in commands:
        code, out, _ = run(*command, "--help")
        assert code == 0, command
        assert "Usage" in out


def test_classify_adds_predictions_to_any_csv_of_recommendations(tmp_path: Path) -> None:
    source = tmp_path / "mine.csv"
    source.write_text(
        "id,recommendation\n1,Ratify the Convention on the Rights of Persons with Disabilities\n"
        "2,Continue its efforts to combat trafficking in persons\n",
        encoding="utf-8",
    )
    target = tmp_path / "predicted.csv"
    code, _, err = run("classify", str(source), "-o", str(target))
    assert code == 0, err
    import csv

    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [row["pred_action_category"] for row in rows] == ["5", "2"]
    assert "Trafficking" in rows[1]["pred_issues"]
    assert all(0 < float(p) <= 1 for row in rows for p in row["pred_issues_p"].split(";") if p)


def test_import_notes_show_the_documents_words_as_written_brackets_included(
    vocabularies: None, tmp_path: Path
) -> None:
    row = {**ROWS[2], "Themes": "- [draft] Right to health\n- Obsolete heading [/]"}
    export = tmp_path / "uhri.csv"
    export.write_text(csv_text([row]), encoding="utf-8")
    code, out, _ = run("import", str(export))
    assert code == 0
    assert "theme '[draft] Right to health' is not in uhri-themes" in out
    assert "theme 'Obsolete heading [/]' is not in uhri-themes" in out
