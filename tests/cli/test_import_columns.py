"""`rightstrack import FILE --columns …` / `--mapping FILE.json`: any spreadsheet of recommendations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rightstrack.cli.main import app
from rightstrack.documents.models import SourceDocument
from rightstrack.recommendations.models import Recommendation, RecommendationRef, Review
from tests.conftest import database_snapshot, shared_path
from tests.web.action_plan import xlsx

runner = CliRunner()
pytestmark = pytest.mark.django_db(transaction=True)

HEADER = ["No.", "Recommendation", "Country", "Recommending State(s)", "Status of acceptance", "Ministry"]
ACTION_PLAN = [
    HEADER,
    [
        "124.1",
        "Adopt legislative measures to criminalize torture, violence against women and trafficking in "
        "persons in line with international standards",
        "Kazakhstan",
        "Mexico",
        "Accepted",
        "Ministry of Justice",
    ],
    [
        "126.51",
        "Accede to the Convention on the non-applicability of statutory limitations to war crimes and crimes "
        "against humanity",
        "Kazakhstan",
        "- Uruguay",
        "Noted",
        "Ministry of Foreign Affairs",
    ],
]
COLUMNS = (
    "text=Recommendation,state=Country,paragraph=No.,position=Status of acceptance,"
    "recommending=Recommending State(s),cycle:=2"
)


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    path.write_bytes(xlsx(rows))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_an_action_plan_sheet_merges_with_the_working_group_report_through_its_column_mapping(
    vocabularies: None, tmp_path: Path
) -> None:
    code, _, _ = run("import", str(shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt")))
    assert code == 0
    review = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    sheet = _xlsx(tmp_path / "action-plan.xlsx", ACTION_PLAN)
    code, out, err = run("import", str(sheet), "--columns", COLUMNS, "--json")
    assert code == 0, err
    (document,) = json.loads(out)["documents"]
    assert document["kind"] == "mapped-sheet"
    assert review.recommendations.count() == 194  # both rows were the report's paragraphs
    torture = RecommendationRef.objects.get(
        review=review, scheme="ohchr-paragraph", value="124.1"
    ).recommendation
    assert torture.wg_stage == "already implemented"
    # the mapping is kept with the document's provenance
    stored = SourceDocument.objects.get(name="action-plan.xlsx")
    assert "columns: text=Recommendation, state=Country, paragraph=No." in stored.title
    assert any("cycle:=2" in problem for problem in map(str, stored.problems))


def test_every_cell_that_cannot_be_read_is_named_and_nothing_is_written(
    vocabularies: None, tmp_path: Path
) -> None:
    rows = [*ACTION_PLAN, ["126.52", "Ratify the Convention", "Atlantis", "Chile", "Accepted", ""]]
    rows.append(["126.53", "Abolish the death penalty", "Kazakhstan", "France", "Perhaps", ""])
    rows.append(["126.54", "", "Kazakhstan", "France", "Noted", ""])
    sheet = _xlsx(tmp_path / "tracker.xlsx", rows)
    before = database_snapshot()
    code, _, err = run("import", str(sheet), "--columns", COLUMNS)
    assert code == 1
    message = " ".join(err.split())
    assert "3 cell(s) cannot be read" in message
    assert "row 4, cell Country" in message and "unknown State 'Atlantis'" in message
    assert "row 5, cell Status of acceptance (rows): unknown position 'Perhaps'" in message
    assert "row 6, cell Recommendation (rows): the text cell is empty" in message
    assert database_snapshot() == before


def test_a_mapping_file_reads_a_treaty_body_csv(vocabularies: None, tmp_path: Path) -> None:
    sheet = tmp_path / "co.csv"
    sheet.write_text(
        "Para,Recommendation text,State,Symbol\n"
        '24,"The State party should:\n(a) Ensure that allegations of torture are investigated;",Denmark,'
        "CCPR/C/DNK/CO/6\n"
        "30,The State party should guarantee the right to privacy.,Denmark,CCPR/C/DNK/CO/6\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {
                    "text": "Recommendation text",
                    "state": "State",
                    "paragraph": "Para",
                    "symbol": "Symbol",
                },
                "values": {"mechanism": "CCPR"},
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run("import", str(sheet), "--mapping", str(mapping))
    assert code == 0, err
    review = Review.objects.get(state_id="DNK", mechanism__code="CCPR", cycle=6)
    refs = RecommendationRef.objects.filter(review=review, scheme="ccpr-co-paragraph")
    assert sorted(refs.values_list("value", flat=True)) == ["24", "30"]
    assert Recommendation.objects.get(refs__value="24").text.endswith("are investigated;")


def test_a_mapping_naming_absent_columns_is_refused_with_the_headers_the_file_has(
    vocabularies: None, tmp_path: Path
) -> None:
    sheet = _xlsx(tmp_path / "plan.xlsx", ACTION_PLAN)
    code, _, err = run("import", str(sheet), "--columns", "text=Recommendation,state=Nation")
    assert code == 1
    message = " ".join(err.split())
    assert "the header lacks the mapped column(s) 'Nation'" in message
    assert "'Country'" in message and "row 1 (header)" in message
    code, _, err = run("import", str(sheet), "--columns", "text=Recommendation")
    assert code == 1 and "the mapping lacks the field(s) state" in " ".join(err.split())


def test_another_trackers_assessment_sheet_imports_and_notes_the_words_that_are_not_states(
    vocabularies: None,
) -> None:
    """Denmark's 3rd-cycle assessment (issue 18's input): its recommending-States cells carry stray words
    ("No. 189; Namibia" where a convention's number spilled over); they are noted with row and cell, the
    States kept, and the file imports."""
    sheet = shared_path("data", "evidence", "denmark", "assessment.csv")
    code, out, err = run(
        "import",
        str(sheet),
        "--columns",
        "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
        "state:=DNK,mechanism:=UPR,cycle:=3",
        "--json",
    )
    assert code == 0, err
    (document,) = json.loads(out)["documents"]
    review = Review.objects.get(state_id="DNK", mechanism__code="UPR", cycle=3)
    assert review.recommendations.count() == document["created"]["recommendations"] > 250
    domestic_workers = RecommendationRef.objects.get(
        review=review, scheme="ohchr-paragraph", value="60.17"
    ).recommendation
    assert set(domestic_workers.recommending_states.values_list("code", flat=True)) == {"NAM"}
    problems = SourceDocument.objects.get(kind="mapped-sheet").problems
    noted = [p for p in problems if "No. 189" in str(p)]
    assert noted and "recommending_state" in str(noted[0]) and "line" in str(noted[0])


def test_a_theme_column_files_each_recommendation_under_its_theme(vocabularies: None) -> None:
    """Namibia's assessment sheet with its theme column mapped: the thematic list and the
    implementation report then group the recommendations by those themes."""
    sheet = shared_path("data", "evidence", "namibia", "assessment.csv")
    code, _, err = run(
        "import",
        str(sheet),
        "--columns",
        "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
        "theme=primary_theme,state:=NAM,mechanism:=UPR,cycle:=3",
    )
    assert code == 0, err
    review = Review.objects.get(state_id="NAM", mechanism__code="UPR", cycle=3)
    filed = RecommendationRef.objects.get(review=review, scheme="ohchr-paragraph", value="138.2")
    assert filed.recommendation.theme_heading == "Ratification of & accession to international instruments"
    assert review.recommendations.filter(theme_heading="").count() == 0


def test_a_trackers_own_spellings_of_the_positions_are_read_and_only_nonsense_is_refused(
    vocabularies: None, tmp_path: Path
) -> None:
    """Trackers write the State's split answer as "supported-noted" or "partially supported", mark a
    position with a footnote sign ("Noted*"), or write it in Russian; each is read as the position it
    names, and a word that names none is still refused with its row."""
    spelt = {
        "124.1": ("supported-noted", "supported/noted"),
        "124.2": ("Partially supported", "supported/noted"),
        "124.3": ("Supported / Noted", "supported/noted"),
        "124.4": ("Noted*", "noted"),
        "124.5": ("Supported (1)", "supported"),
        "124.6": ("Поддержана", "supported"),
        "124.7": ("Принята к сведению", "noted"),
        "124.8": ("Частично поддержана", "supported/noted"),
    }
    rows: list[list[object]] = [HEADER]
    for number, (word, _) in spelt.items():
        rows.append([number, f"Recommendation {number} to act", "Kazakhstan", "Chile", word, ""])
    code, _, err = run("import", str(_xlsx(tmp_path / "tracker.xlsx", rows)), "--columns", COLUMNS)
    assert code == 0, err
    read = {
        ref.value: ref.recommendation.response
        for ref in RecommendationRef.objects.filter(value__in=list(spelt)).select_related("recommendation")
    }
    assert read == {number: position for number, (_, position) in spelt.items()}

    rows.append(["124.9", "Recommendation 124.9 to act", "Kazakhstan", "Chile", "Supported-ish maybe", ""])
    before = database_snapshot()
    code, _, err = run("import", str(_xlsx(tmp_path / "again.xlsx", rows)), "--columns", COLUMNS)
    assert code == 1
    message = " ".join(err.split())
    assert "row 10, cell Status of acceptance (rows): 1 cell(s) cannot be read" in message
    assert "unknown position 'Supported-ish maybe' (known: supported, noted, supported/noted," in message
    assert database_snapshot() == before
