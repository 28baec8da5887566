"""The stakeholder Excel round trip: write a review's sheet, fill it in, import it back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from rightstrack.assessments.models import Assessment, AssessmentHistory, Status
from rightstrack.cli.main import app
from tests.conftest import database_snapshot

runner = CliRunner()
STAKEHOLDER = "Kazakhstan Bureau for Human Rights"


def _sheet(tmp_path: Path) -> Path:
    target = tmp_path / "sheet.xlsx"
    result = runner.invoke(
        app,
        [
            "sheet",
            "--state",
            "KAZ",
            "--cycle",
            "1",
            "--stakeholder",
            STAKEHOLDER,
            "--acronym",
            "KIBHR",
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.output
    return target


def _fill(path: Path, edits: dict[str, str], name: str = "filled.xlsx") -> Path:
    workbook = load_workbook(path)
    sheet = workbook["Assessment"]
    for cell, value in edits.items():
        sheet[cell] = value
    target = path.with_name(name)
    workbook.save(target)
    return target


def _import(path: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["import", str(path), "--json", *extra])
    return result.exit_code, result.stdout + result.stderr


def test_the_sheet_lists_every_recommendation_with_locked_references_and_a_level_list(
    kazakhstan_mia: Path, tmp_path: Path
) -> None:
    workbook = load_workbook(_sheet(tmp_path))
    sheet = workbook["Assessment"]
    assert [c.value for c in sheet[1]] == [
        "n°",
        "Recommendation",
        "Recommended by",
        "Response",
        "Implementation level",
        "Comment",
        "Source",
    ]
    assert sheet.max_row == 130
    assert (sheet["A2"].value, sheet["C2"].value) == ("1", "Mexico")
    assert sheet.protection.sheet is True
    assert sheet["B2"].protection.locked is True and sheet["E2"].protection.locked is False
    (validation,) = sheet.data_validations.dataValidation
    assert "partially implemented" in validation.formula1
    assert "E2:E130" in str(validation.sqref)
    assert workbook["_rightstrack"].sheet_state == "veryHidden"


def test_a_filled_sheet_records_the_stakeholders_assessments_awaiting_moderation(
    kazakhstan_mia: Path, tmp_path: Path
) -> None:
    filled = _fill(
        _sheet(tmp_path),
        {
            "E2": "not implemented",
            "F2": "Registration is still compulsory.",
            "G2": "https://example.org/r1",
            "E3": "partially implemented",
        },
    )
    code, output = _import(filled)
    assert code == 0, output
    assert json.loads(output)["documents"][0]["created"]["assessments"] == 2
    mine = Assessment.private_objects.filter(stakeholder__name=STAKEHOLDER).order_by(
        "recommendation__sort_key"
    )
    assert [(a.grade.code if a.grade else None, a.status) for a in mine] == [
        ("not", Status.SUBMITTED),
        ("partially", Status.SUBMITTED),
    ]
    assert mine[0].original_text == "Registration is still compulsory."
    assert mine[0].source_note == "https://example.org/r1"
    assert not Assessment.public_objects.filter(stakeholder__name=STAKEHOLDER).exists()


def test_a_second_version_of_the_sheet_changes_the_assessments_with_history(
    kazakhstan_mia: Path, tmp_path: Path
) -> None:
    blank = _sheet(tmp_path)
    assert _import(_fill(blank, {"E2": "not implemented"}, "v1.xlsx"))[0] == 0
    code, output = _import(
        _fill(blank, {"E2": "partially implemented", "F2": "A draft law is in Parliament."}, "v2.xlsx")
    )
    assert code == 0, output
    (assessment,) = Assessment.private_objects.filter(stakeholder__name=STAKEHOLDER)
    assert assessment.grade is not None and assessment.grade.code == "partially"
    history = list(AssessmentHistory.objects.filter(assessment=assessment).values_list("action", flat=True))
    assert history == ["created", "changed"]
    last = AssessmentHistory.objects.filter(assessment=assessment).last()
    assert last is not None and last.changes["original_text"] == ["", "A draft law is in Parliament."]


def test_an_editor_can_publish_a_sheet_on_import(kazakhstan_mia: Path, tmp_path: Path) -> None:
    code, _ = _import(_fill(_sheet(tmp_path), {"E5": "fully implemented"}), "--publish")
    assert code == 0
    assert Assessment.public_objects.filter(stakeholder__name=STAKEHOLDER).count() == 1


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            {"B2": "Abolish everything", "E2": "not implemented"},
            "Assessment!B2: the reference cell was changed",
        ),
        ({"A3": "999"}, "Assessment!A3: the reference cell was changed from '2' to '999'"),
        ({"E4": "mostly done"}, "Assessment!E4: unknown level 'mostly done'"),
    ],
)
def test_edited_references_and_unknown_levels_are_reported_cell_by_cell_and_nothing_is_written(
    kazakhstan_mia: Path, tmp_path: Path, edits: dict[str, str], expected: str
) -> None:
    before = database_snapshot()
    code, output = _import(_fill(_sheet(tmp_path), edits))
    assert code == 1
    assert expected in " ".join(output.split())
    assert database_snapshot() == before


def test_merged_cells_are_refused(kazakhstan_mia: Path, tmp_path: Path) -> None:
    path = _sheet(tmp_path)
    workbook = load_workbook(path)
    workbook["Assessment"].merge_cells("F2:F3")
    merged = tmp_path / "merged.xlsx"
    workbook.save(merged)
    before = database_snapshot()
    code, output = _import(merged)
    assert code == 1
    assert "merged cells F2:F3" in " ".join(output.split())
    assert database_snapshot() == before


def test_a_sheet_for_another_review_is_refused(kazakhstan_mia: Path, tmp_path: Path) -> None:
    code, output = _import(_fill(_sheet(tmp_path), {"E2": "not implemented"}), "--review", "KAZ/UPR/2")
    assert code == 1
    assert "is about KAZ UPR cycle 1, not KAZ UPR cycle 2" in " ".join(output.split())


def test_a_zip_bomb_disguised_as_a_sheet_is_refused_before_unpacking(
    vocabularies: None, tmp_path: Path
) -> None:
    import zipfile

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    code, output = _import(bomb)
    assert code == 1
    assert "zip bomb" in " ".join(output.split())


def test_a_workbook_that_is_not_a_rightstrack_sheet_is_refused(vocabularies: None, tmp_path: Path) -> None:
    from openpyxl import Workbook

    other = tmp_path / "budget.xlsx"
    workbook = Workbook()
    workbook.active["A1"] = "Budget"  # type: ignore[index]
    buffer = io.BytesIO()
    workbook.save(buffer)
    other.write_bytes(buffer.getvalue())
    code, output = _import(other)
    assert code == 1
    assert "not a document kind RightsTrack can import" in " ".join(output.split())
