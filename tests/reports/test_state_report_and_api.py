"""The whole picture of a State, the API's errors, and the same bytes from the same data."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from rightstrack.reports import ReportError, render
from tests.reports.conftest import AGAIN, Kazakhstan


def test_the_json_is_the_open_data_export(kazakhstan: Kazakhstan) -> None:
    rendered = kazakhstan.files["state", "json", "en"]
    assert (rendered.filename, rendered.content_type) == ("KAZ-state.json", "application/json")
    assert json.loads(rendered.content) == kazakhstan.expected["state_export"]


def test_the_workbook_has_a_sheet_per_review_mechanism_and_plan(kazakhstan: Kazakhstan) -> None:
    workbook = load_workbook(io.BytesIO(kazakhstan.content("state", "xlsx")))
    names = workbook.sheetnames
    assert {
        "About",
        "Summary",
        "UPR 1 (2010)",
        "UPR 2 (2014)",
        "CCPR 2 (2016)",
        "UPR assessments",
        "CCPR assessments",
    } <= set(names)
    assert any(name.startswith("Plan ") for name in names)
    review = workbook["UPR 1 (2010)"]
    assert review.max_row == 1 + 129 and review.freeze_panes == "A2"
    assert all(cell.font.b for cell in review[1])
    levels = [row[6] for row in review.iter_rows(min_row=2, values_only=True)]
    assert levels.count("not implemented") == 66 and levels.count("no answer") == 9
    summary = {row[0:2]: row for row in workbook["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["UPR", 1][5:8] == (129, 11, 41)


def test_the_same_data_gives_the_same_bytes(kazakhstan: Kazakhstan) -> None:
    for key in AGAIN:
        assert kazakhstan.files[key].content == kazakhstan.again[key].content, key


def test_files_are_named_and_typed_for_download(kazakhstan: Kazakhstan) -> None:
    mia = kazakhstan.files["mia", "pdf", "en"]
    assert (mia.filename, mia.content_type) == ("KAZ-mia-upr1-en.pdf", "application/pdf")
    assert kazakhstan.files["coalition", "pptx", "en"].filename == "KAZ-coalition-upr3-en.pptx"
    assert kazakhstan.content("mia", "pdf").startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (("brochure", "KAZ", "pdf"), "unknown report 'brochure'"),
        (("mia", "KAZ", "xlsx"), "the mia report is made as html, pdf, docx, not 'xlsx'"),
        (("mia", "Atlantis", "pdf"), "unknown State 'Atlantis'"),
        (("state", "KAZ", "json", "fr"), "unknown language 'fr'"),
    ],
)
def test_a_wrong_request_says_what_is_wrong(call: tuple[str, ...], message: str) -> None:
    with pytest.raises(ReportError, match=message.replace("(", r"\(")):
        render(*call)


def test_an_unknown_option_or_missing_data_says_so(db: None) -> None:
    with pytest.raises(ReportError, match="the mia report has no option colour; its options: cycle, date"):
        render("mia", "KAZ", "pdf", colour="red")
    with pytest.raises(ReportError, match="no UPR review of KAZ has data for this report"):
        render("mia", "KAZ", "html")
    with pytest.raises(ReportError, match="no action plan of KAZ has been imported"):
        render("actionplan", "KAZ", "xlsx")
    with pytest.raises(ReportError, match="write it as YYYY-MM-DD"):
        render("state", "KAZ", "xlsx", date="yesterday")
