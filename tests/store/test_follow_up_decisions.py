"""The Committee's decision on its follow-up procedure, read from each follow-up report and stored on
the review it is about, shown on the State's page and in its JSON.

Read in the reports (../shared/data/ccpr-followup/reports/): CCPR/C/123/2 ends Kazakhstan's
evaluation with "Recommended action: A letter should be sent informing the State party of the
discontinuation of the follow-up procedure. ... Next periodic report: 15 July 2020."; CCPR/C/112/2
decides on Turkey "A letter should be sent reflecting the analysis of the Committee. Next periodic
report: 31 October 2018" and on Hungary "... in its next periodic report, which is due on 29 October
2014. Next periodic report: 29 October 2014 ...".
"""

from __future__ import annotations

from datetime import date

from django.test import Client

from rightstrack.core.followup import DECISION_KINDS
from rightstrack.documents.importing import import_files
from rightstrack.ingest.sources.ccpr_followup_report.parser import parse
from rightstrack.treaties.models import FollowUpDecision
from tests.conftest import shared_path


def _report(name: str) -> str:
    return shared_path("data", "ccpr-followup", "reports", name).read_text(encoding="utf-8")


def test_each_states_decision_is_read_with_its_kind_words_and_next_report_date() -> None:
    decisions = {d.review.state: d for d in parse(_report("123_2.txt")).follow_up_decisions}
    kazakhstan = decisions["KAZ"]
    assert kazakhstan.kind == "discontinued"
    assert kazakhstan.text == (
        "A letter should be sent informing the State party of the discontinuation of the follow-up"
        " procedure. The information requested should be included in the State party’s next periodic report."
    )
    assert (kazakhstan.next_report_due, kazakhstan.report_symbol) == (date(2020, 7, 15), "CCPR/C/123/2")
    older = {d.review.state: d for d in parse(_report("112_2.txt")).follow_up_decisions}
    assert older["TUR"].kind == "next-letter"
    assert older["TUR"].text == "A letter should be sent reflecting the analysis of the Committee."
    assert older["TUR"].next_report_due == date(2018, 10, 31)
    assert (older["HUN"].kind, older["HUN"].next_report_due) == ("discontinued", date(2014, 10, 29))
    assert set(DECISION_KINDS) >= {d.kind for d in [*decisions.values(), *older.values()]}


def test_a_decision_without_a_next_report_date_keeps_what_the_report_says() -> None:
    [jamaica] = parse(_report("131_2_Add1.txt")).follow_up_decisions
    assert jamaica.kind == "discontinued" and jamaica.next_report_due is None
    assert jamaica.next_report_due_text.startswith("2024 (country review in 2025")
    [djibouti] = [d for d in parse(_report("114_2.txt")).follow_up_decisions if d.review.state == "DJI"]
    # the next State's heading ("110th session (March 2014)") is not part of the decision
    assert djibouti.text == "A letter should be sent reflecting the analysis of the Committee."


def test_the_decision_is_stored_on_the_review_and_shown_on_the_states_page(db: None, client: Client) -> None:
    import_files([shared_path("data", "ccpr-followup", "reports", "123_2.txt")])
    decision = FollowUpDecision.objects.get(review__state_id="KAZ")
    assert (decision.review.mechanism.code, decision.review.cycle) == ("CCPR", 2)
    assert (decision.kind, decision.next_report_due) == ("discontinued", date(2020, 7, 15))
    assert decision.document.symbol == "CCPR/C/123/2"
    data = client.get("/states/KAZ.json").json()
    [review] = [r for r in data["reviews"] if r["mechanism"] == "CCPR"]
    [shown] = review["follow_up_decisions"]
    assert shown["kind"] == "discontinued" and shown["meaning"] == "follow-up procedure ended"
    assert shown["report"] == "CCPR/C/123/2" and shown["next_report_due"] == "2020-07-15"
    assert shown["text"].startswith("A letter should be sent informing the State party")
    page = client.get("/states/KAZ").content.decode()
    assert "decision (CCPR/C/123/2): <strong>follow-up procedure ended</strong>" in page
    assert "next periodic report due 15 July 2020" in page


def test_each_report_adds_its_decision_to_the_reviews_history(db: None, client: Client) -> None:
    """Norway: a letter in CCPR/C/110/2, the procedure ended in CCPR/C/114/2; both kept, in order."""
    import_files(
        [shared_path("data", "ccpr-followup", "reports", name) for name in ("114_2.txt", "110_2.txt")]
    )
    decisions = FollowUpDecision.objects.filter(review__state_id="NOR")
    assert [(d.report_symbol, d.kind) for d in decisions] == [
        ("CCPR/C/110/2", "next-letter"),
        ("CCPR/C/114/2", "discontinued"),
    ]
    data = client.get("/states/NOR.json").json()
    [review] = [r for r in data["reviews"] if r["mechanism"] == "CCPR"]
    assert [d["kind"] for d in review["follow_up_decisions"]] == ["next-letter", "discontinued"]
    assert "<strong>follow-up procedure ended</strong>" in client.get("/states/NOR").content.decode()
