"""A Committee follow-up report in the layout seed 001 quotes (examples/kazakhstan, the fact sheets):
"Follow-up letter from the HR Committee, 1 August 2018", "Committee's evaluation of §54", then per limb
"[B] (a) and (b): Partially implemented." or, in words only, "(a): Not implemented" with the evaluation
on the lines below. The fixture is hand-made from the seed's quotes (tests/ingest/fixtures/).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.test import Client

from rightstrack.documents.importing import import_files
from rightstrack.ingest.sources.ccpr_followup_report.parser import detect, parse
from rightstrack.recommendations.models import Recommendation
from tests.conftest import ROOT, shared_path

FIXTURE = Path(__file__).parent / "fixtures" / "ccpr_followup_report" / "letter_layout.txt"


def _grades(text: str) -> list[tuple[str, str | None, str, str]]:
    return [
        (a.recommendation_ref, a.level, a.sub_item, a.scheme)
        for a in parse(text).assessments
        if a.stakeholder.acronym == "CCPR"
    ]


def test_a_report_in_the_layout_seed_001_quotes_is_read_paragraph_by_paragraph() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert detect(text)
    assert _grades(text) == [
        ("18", "C", "", "hrc"),
        ("24", "B", "(a) and (b)", "hrc"),
        ("24", "C", "(c) to (f)", "hrc"),
        ("54", "C", "(a)", "hrc"),
        ("54", "C", "(b)", "hrc"),
        ("54", "B", "(c)", "hrc"),
    ]
    document = parse(text)
    worded = [a for a in document.assessments if a.recommendation_ref == "54"]
    assert worded[0].level_basis == "read from the words 'Not implemented'"
    assert worded[0].text.startswith("The Committee reiterates its recommendation and requests")
    [decision] = document.follow_up_decisions
    assert (decision.kind, decision.next_report_due) == ("discontinued", date(2020, 7, 15))


def test_its_grades_land_on_the_kazakhstan_paragraphs(db: None, client: Client) -> None:
    example = ROOT / "examples" / "kazakhstan" / "ccpr-centre-fact-sheets-2019.txt"
    import_files([example, shared_path("data", "kazakhstan", "ccpr_followup_2018.json")])
    before = Recommendation.objects.count()
    import_files([FIXTURE])
    assert Recommendation.objects.count() == before
    paragraph = Recommendation.objects.get(review__state_id="KAZ", review__cycle=2, refs__value="54")
    assert paragraph.level == "partially implemented"
    data = client.get(f"/recommendations/{paragraph.pk}.json").json()
    worded = {
        a["grade"]["address"] for a in data["assessments"] if a["grade"] and "words" in a["level_basis"]
    }
    assert worded == {"54 (a)", "54 (b)", "54 (c)"}
