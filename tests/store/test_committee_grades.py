"""The Committee's grades on treaty-body recommendations: shown as given, and as a comparable level.

The Kazakhstan example (seeds 001 and 003 in examples/kazakhstan, the Committee's 2018 follow-up JSON):
15 Human Rights Committee paragraphs, graded B and C by the Committee (2018, scheme ``hrc``) and
B2, C, N/A by an NGO (2012, scheme ``hrc-2012``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client

from rightstrack.documents.importing import import_files
from rightstrack.recommendations.models import Recommendation
from tests.conftest import ROOT, shared_path

EXAMPLE = ROOT / "examples" / "kazakhstan"


@pytest.fixture
def kazakhstan_committee(db: None) -> None:
    import_files(
        [
            EXAMPLE / "ccpr-centre-fact-sheets-2019.txt",
            EXAMPLE / "hrc-follow-up-grades-2012.txt",
            shared_path("data", "kazakhstan", "ccpr_followup_2018.json"),
        ]
    )


def _paragraph(cycle: int, number: str) -> Recommendation:
    return Recommendation.objects.get(
        review__state_id="KAZ", review__mechanism__code="CCPR", review__cycle=cycle, refs__value=number
    )


def test_no_graded_treaty_body_paragraph_of_the_kazakhstan_example_is_undetermined(
    kazakhstan_committee: None, client: Client
) -> None:
    rows = []
    for cycle in (1, 2):
        data = client.get(f"/states/KAZ/CCPR/{cycle}.json").json()
        rows += [(cycle, row) for row in data["recommendations"]]
        assert data["counts"]["undetermined"] == 0
        assert (
            '<td class="level-undetermined"' not in client.get(f"/states/KAZ/CCPR/{cycle}").content.decode()
        )
    assert len(rows) == 15
    graded = {(cycle, row["ref"]): row for cycle, row in rows if any(a["grade"] for a in row["assessments"])}
    assert set(graded) == {(1, "7"), (1, "21"), (1, "25"), (1, "26"), (2, "18"), (2, "24"), (2, "54")}
    levels = {key: (row["level"], row["score"], row["basis"]) for key, row in graded.items()}
    # the Committee's 2018 grades: 18 [C]; 24 [B] (a)-(b), [C] (c)-(f); 54 [C] (a), [C] (b), [B] (c)
    assert levels[(2, "18")] == ("not implemented", 0.0, "grades")
    assert levels[(2, "24")] == ("partially implemented", 0.25, "grades")
    assert levels[(2, "54")][:1] == ("partially implemented",)
    # an NGO's 2012 grades: 7 B2, N/A, B2 (N/A carries no level); 21 C, C, C
    assert levels[(1, "7")] == ("partially implemented", 0.5, "grades")
    assert levels[(1, "21")] == ("not implemented", 0.0, "grades")


def test_the_stored_level_of_a_graded_paragraph_feeds_lists_and_filters(
    kazakhstan_committee: None, client: Client
) -> None:
    paragraph = _paragraph(2, "24")
    assert (paragraph.level, float(paragraph.level_score or -1)) == ("partially implemented", 0.25)
    assert _paragraph(2, "18").level == "not implemented"
    assert _paragraph(2, "9").level == "no answer"  # not under follow-up: nobody graded it
    listed = client.get("/states/KAZ/CCPR/2?level=partially+implemented").content.decode()
    assert f"/recommendations/{paragraph.pk}" in listed


def test_a_recommendation_page_shows_the_committees_grade_code_and_meaning(
    kazakhstan_committee: None, client: Client
) -> None:
    paragraph = _paragraph(2, "24")
    page = client.get(f"/recommendations/{paragraph.pk}").content.decode()
    assert "undetermined" not in page
    assert "grade B" in page and "Response/action partially satisfactory" in page
    assert "grade C" in page and "Response/action not satisfactory" in page
    assert "(c) to (f)" in page  # the limb the grade is for
    data = client.get(f"/recommendations/{paragraph.pk}.json").json()
    assert (data["level"], data["score"], data["basis"]) == ("partially implemented", 0.25, "grades")
    grades = {(a["grade"]["code"], a["grade"]["scheme"]) for a in data["assessments"] if a["grade"]}
    assert grades == {("B", "hrc"), ("C", "hrc")}


def test_a_later_rounds_grades_replace_an_earlier_rounds(db: None, client: Client) -> None:
    """Denmark's paragraph graded in the Committee's follow-up report: the report's grades decide."""
    folder = ("data", "treaty-bodies", "concluding-observations", "denmark", "CO.txt")
    import_files([shared_path(*folder), shared_path("data", "ccpr-followup", "reports", "125_2_Add4.txt")])
    followed = Recommendation.objects.filter(review__state_id="DNK").exclude(follow_up_due=None)
    assert followed.count() == 3
    assert not followed.filter(level="undetermined").exists()
    assert set(followed.values_list("level", flat=True)) <= {
        "not implemented",
        "partially implemented",
        "fully implemented",
    }


def test_a_paragraph_quoted_without_a_grade_stays_undetermined_until_graded(db: None) -> None:
    """Seed 001 quotes §54's evaluation in words only ("(a): Not implemented"): no grade, no level
    invented; the Committee's 2018 grades then give it one."""
    import_files([EXAMPLE / "ccpr-centre-fact-sheets-2019.txt"])
    assert _paragraph(2, "54").level == "undetermined"
    import_files([shared_path("data", "kazakhstan", "ccpr_followup_2018.json")])
    assert _paragraph(2, "54").level == "partially implemented"


def _kazakhstan_with_the_report() -> None:
    import_files([shared_path("data", "ccpr-followup", "reports", "123_2.txt")])


def test_the_states_json_gives_each_treaty_body_paragraph_and_each_grade_as_given(
    kazakhstan_committee: None, client: Client
) -> None:
    _kazakhstan_with_the_report()
    data = client.get("/states/KAZ.json").json()
    [review] = [r for r in data["reviews"] if r["mechanism"] == "CCPR" and r["cycle"] == 2]
    paragraphs = {p["paragraph"]: p for p in review["paragraphs"]}
    assert set(paragraphs) >= {"9", "10", "18", "24", "54"}
    grades = paragraphs["24"]["grades"]
    from_report = {(g["address"], g["code"]) for g in grades if g["report"] == "CCPR/C/123/2"}
    assert from_report == {("24 (a) and (b)", "B"), ("24 (c) to (f)", "C")}
    assert {(g["scheme"], g["meaning"]) for g in grades} == {
        ("hrc", "Response/action partially satisfactory"),
        ("hrc", "Response/action not satisfactory"),
    }
    assert paragraphs["24"]["level"] == "partially implemented"
    assert [d["kind"] for d in review["follow_up_decisions"]] == ["discontinued"]
    assert not [r for r in data["reviews"] if r["mechanism"] == "UPR" and "paragraphs" in r]


def test_export_all_carries_paragraph_numbers_grades_and_decisions(
    kazakhstan_committee: None, tmp_path: Path
) -> None:
    from rightstrack.documents.backup import export_everything

    _kazakhstan_with_the_report()
    export_everything(tmp_path)
    data = json.loads((tmp_path / "KAZ.json").read_text(encoding="utf-8"))
    [review] = [r for r in data["reviews"] if r["mechanism"] == "CCPR" and r["cycle"] == 2]
    by_paragraph = {r["paragraph"]: r for r in review["recommendations"]}
    assert len(by_paragraph) == 11 and None not in by_paragraph
    graded = [a["grade"] for a in by_paragraph["54"]["assessments"] if a["grade"]]
    # the Committee's JSON of CCPR/C/123/2 and the report itself give the same grades
    from_report = {(g["address"], g["code"]) for g in graded if g["report"] == "CCPR/C/123/2"}
    assert from_report == {("54 (a)", "C"), ("54 (b)", "C"), ("54 (c)", "B")}
    assert all(g["scheme"] == "hrc" and g["scheme_name"] and g["meaning"] for g in graded)
    assert review["follow_up_decisions"][0]["next_report_due"] == "2020-07-15"
    [older] = [r for r in data["reviews"] if r["mechanism"] == "CCPR" and r["cycle"] == 1]
    ngo = [a["grade"] for r in older["recommendations"] for a in r["assessments"] if a["grade"]]
    assert {g["scheme"] for g in ngo} == {"hrc-2012"} and "N/A" in {g["code"] for g in ngo}
    upr = [r for r in data["reviews"] if r["mechanism"] == "UPR"]
    assert all(rec["paragraph"] is None for r in upr for rec in r["recommendations"])


def test_the_states_page_counts_each_grade_once_however_many_documents_repeat_it(
    kazakhstan_committee: None, client: Client
) -> None:
    """The fact sheets, the Committee's JSON and its report all give paragraph 24's B and C: the
    Committee graded 6 limbs, B twice and C four times (the JSON's own grade_dist)."""
    _kazakhstan_with_the_report()
    data = client.get("/states/KAZ.json").json()
    [review] = [r for r in data["reviews"] if r["mechanism"] == "CCPR" and r["cycle"] == 2]
    assert review["committee_grades"] == {"B": 2, "C": 4}
    assert "grades: B × 2, C × 4" in client.get("/states/KAZ").content.decode()


def test_the_upgrade_recomputes_graded_levels_stored_as_undetermined(kazakhstan_committee: None) -> None:
    from importlib import import_module

    from django.apps import apps

    migration = import_module("rightstrack.treaties.migrations.0002_follow_up_decision")
    ccpr = Recommendation.objects.filter(review__state_id="KAZ", review__mechanism__code="CCPR")
    ccpr.exclude(level="no answer").update(level="undetermined", level_score=None)  # as stored before
    migration._graded_levels(apps, None)
    assert (_paragraph(2, "24").level, float(_paragraph(2, "24").level_score or -1)) == (
        "partially implemented",
        0.25,
    )
    assert _paragraph(1, "21").level == "not implemented"
    assert not ccpr.filter(level="undetermined").exists()
