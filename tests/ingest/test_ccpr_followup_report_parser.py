"""The Human Rights Committee's follow-up progress reports, read from real reports.

Expectations were checked by reading the reports in ../shared/data/ccpr-followup/reports/.
Runs without Django: ``pytest tests/ingest/test_ccpr_followup_report_parser.py -p no:django``.
"""

from __future__ import annotations

import doctest
import importlib
from datetime import date

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.grading import SCHEMES
from rightstrack.core.records import ParsedDocument, ReviewKey
from rightstrack.ingest.reading import load_bytes
from rightstrack.ingest.registry import source_for
from rightstrack.ingest.sources.ccpr_followup_json.parser import parse as parse_json
from rightstrack.ingest.sources.ccpr_followup_report.parser import KIND, detect, parse
from rightstrack.ingest.sources.ccpr_followup_report.report import read
from tests.conftest import shared_path


def _report(name: str) -> str:
    return shared_path("data", "ccpr-followup", "reports", name).read_text(encoding="utf-8")


def _grades(document: ParsedDocument, state: str) -> list[tuple[str, str | None, str, str]]:
    return [
        (a.recommendation_ref, a.level, a.sub_item, a.scheme)
        for a in document.assessments
        if a.stakeholder.acronym == "CCPR"
        and a.recommendation_review
        and a.recommendation_review.state == state
    ]


def test_the_modules_examples_hold() -> None:
    for module in ("parser", "report"):
        imported = importlib.import_module(f"rightstrack.ingest.sources.ccpr_followup_report.{module}")
        assert doctest.testmod(imported).failed == 0


def test_slovakias_addendum_gives_each_limb_its_grade_and_the_committees_words() -> None:
    document = parse(_report("131_2_Add2.txt"))
    slovakia = ReviewKey("SVK", "CCPR", 4, year=2016)
    assert document.kind == KIND and document.symbol == "CCPR/C/131/2/Add.2"
    assert document.review == slovakia
    assert document.published_on == date(2021, 3, 26)  # adopted at the 131st session, 1–26 March 2021
    assert _grades(document, "SVK") == [
        ("13", "B", "(a), (b), (c) and (d)", "hrc"),
        ("25", "B", "(a), (b) and (c)", "hrc"),
        ("25", "C", "(d) and (e)", "hrc"),
        ("33", "C", "(a)", "hrc"),
        ("33", "B", "(b)", "hrc"),
        ("33", "C", "(c)", "hrc"),
    ]
    assert [(r.ref, r.ref_scheme, r.review) for r in document.recommendations] == [
        ("13", "ccpr-co-paragraph", slovakia),
        ("25", "ccpr-co-paragraph", slovakia),
        ("33", "ccpr-co-paragraph", slovakia),
    ]
    paragraph_25 = document.recommendations[1]
    assert paragraph_25.theme_heading == "Violence against women, including domestic violence"
    assert paragraph_25.text.startswith("The State party should: (a) ensure that women victims of violence")
    assert paragraph_25.text.endswith("(the Istanbul Convention).")
    committee = [a for a in document.assessments if a.stakeholder.acronym == "CCPR"]
    # "[C]: (d) and (e)" stands mid-line after the (a)–(c) evaluation: each keeps its own words
    assert committee[1].text.endswith("and the sanctions imposed.")
    assert committee[2].text.startswith("The Committee regrets the lack of specific information")
    # the running header "CCPR/C/131/2/Add.2" glued to the text at a page break is dropped
    assert "guarantee educational access to those children. It also requests" in committee[5].text
    assert all("CCPR/C/131" not in a.text for a in document.assessments)
    replies = [a for a in document.assessments if a.stakeholder.kind == "state"]
    assert [a.recommendation_ref for a in replies] == ["13", "25", "33"]
    assert replies[0].stakeholder.name == "Slovakia" and replies[0].level is None
    assert replies[0].text.startswith("(a) The Ministry of the Interior coordinates the Committee")
    assert not document.problems


def test_slovakias_addendum_keeps_the_decision_on_the_procedure() -> None:
    (state,) = read(_report("131_2_Add2.txt")).states
    assert (state.co_symbol, state.co_date) == ("CCPR/C/SVK/CO/4", "31 October 2016")
    assert state.header_grades == {"13": ["B"], "25": ["B", "C"], "33": ["C", "B", "C"]}
    assert state.decision.startswith(
        "A letter should be sent informing the State party of the discontinuation"
    )
    assert state.decision.endswith("should be included in the State party’s next periodic report.")
    assert state.next_report_due.startswith("2024 (country review in 2025")


def test_australias_addendum_reads_stakeholder_information_and_sub_limbs() -> None:
    document = parse(_report("134_3_Add1.txt"))
    assert _grades(document, "AUS") == [
        ("34", "C", "(a), (b) and (c)", "hrc"),
        ("36", "E", "(a)", "hrc"),  # "[E]: (a) The Committee notes ..." grades limb (a)
        ("36", "C", "(b)", "hrc"),
        ("36", "B", "(c)", "hrc"),
        ("38", "C", "(a), (c), (d) and (e) (ii)", "hrc"),
        ("38", "B", "(b)", "hrc"),
        ("38", "B", "(e) (i)", "hrc"),
    ]
    others = [a for a in document.assessments if a.stakeholder.kind == "ngo"]
    assert [a.recommendation_ref for a in others] == ["34", "36", "38"]
    assert others[0].text.startswith("Kaldor Centre for International Refugee Law")
    # this report does not quote the recommendations: each is filed under its title, and said so
    assert document.recommendations[0].text == "Non-refoulement"  # footnote mark "1" dropped
    assert [p.message for p in document.problems] == [
        *["the recommendation is not quoted: filed under its title"] * 3,
        # the heading says "38[C][B]", the evaluation grades three limbs of 38: C, B and B
        "the heading lists the grades ['C', 'E', 'C', 'B', 'C', 'B'],"
        " the evaluations give ['C', 'E', 'C', 'B', 'C', 'B', 'B']",
    ]


def test_an_evaluation_heading_in_mid_line_still_opens_the_evaluation() -> None:
    document = parse(_report("131_2_Add1.txt"))  # "... visit them. Committee’s evaluation [B]: The ..."
    assert [(ref, level) for ref, level, _, _ in _grades(document, "JAM")] == [
        ("26", "C"),
        ("32", "B"),
        ("32", "C"),
        ("44", "B"),
    ]


def test_kazakhstans_grades_in_the_report_are_those_of_the_follow_up_json() -> None:
    document = parse(_report("123_2.txt"))  # five States, Kazakhstan last
    assert [info.review.state for info in document.review_infos] == ["MLT", "KHM", "CAN", "SUR", "KAZ"]
    from_json = parse_json(shared_path("data", "kazakhstan", "ccpr_followup_2018.json").read_text())
    json_grades = [(a.recommendation_ref, a.level, a.sub_item, a.scheme) for a in from_json.assessments]
    assert _grades(document, "KAZ") == json_grades
    kazakhstan = {r.review for r in document.recommendations if r.review and r.review.state == "KAZ"}
    assert kazakhstan == {from_json.review}  # same review, same refs: the store merges them


def test_an_older_report_grades_under_its_own_scheme_a_b1_b2_c1_c2_d_e() -> None:
    document = parse(_report("118_2.txt"))
    angola = _grades(document, "AGO")
    assert angola[:5] == [
        ("7", "B2", "", "hrc-2013"),
        ("10", "B1", "(a)", "hrc-2013"),
        ("10", "B2", "(b)", "hrc-2013"),
        ("10", "C1", "(c)", "hrc-2013"),
        ("10", "C1", "(d)", "hrc-2013"),
    ]
    scheme = SCHEMES["hrc-2013"]
    assert scheme.grade("C2").label == "Response received but not relevant to the recommendation"
    assert scheme.grade("D1").score is None


def test_the_registry_picks_this_parser_for_an_addendum_and_no_other_sample() -> None:
    loaded = load_bytes(
        shared_path("data", "ccpr-followup", "reports", "125_2_Add1.txt").read_bytes(), "a.txt"
    )
    assert source_for(loaded).kind == KIND
    for sample in sorted(shared_path("seeds").glob("*.txt")):
        assert not detect(sample.read_text(encoding="utf-8", errors="replace")), sample


def test_a_report_without_any_state_evaluation_is_refused_with_the_reason() -> None:
    text = _report("131_2_Add2.txt")
    cut = text[: text.index("Concluding observations (118th session)")]
    with pytest.raises(DocumentRejected, match="no State evaluation") as refused:
        parse(cut + "\n[B]")
    assert refused.value.place.line == 1


def test_a_truncated_addendum_is_refused_at_its_last_paragraph() -> None:
    text = _report("131_2_Add2.txt")
    with pytest.raises(
        DocumentRejected, match="ends without the Committee's 'Recommended action'"
    ) as refused:
        parse(text[: text.index("[C] (c):")])
    assert refused.value.place.paragraph == "33"


def test_the_table_of_states_graded_d_is_not_taken_for_a_states_evaluation() -> None:
    document = parse(_report("119_2.txt"))  # opens with "State party | Concluding observations | ..."
    assert "SLE" not in {info.review.state for info in document.review_infos}
    assert document.review_infos and all(r.review for r in document.recommendations)


def test_an_evaluation_without_paragraph_headings_is_refused_naming_the_state() -> None:
    text = _report("131_2_Add2.txt").replace("Paragraph ", "Para. ")  # a layout this parser does not read
    with pytest.raises(
        DocumentRejected, match=r"evaluation of Slovakia .* this layout is not read"
    ) as refused:
        parse(text)
    assert refused.value.place.line == 15


def test_a_second_round_evaluation_with_bare_paragraph_headings_is_read() -> None:
    # 112_2, Hungary: "Paragraph 6" alone on its line; running headers "Hungary" inside the text dropped
    document = parse(_report("112_2.txt"))
    hungary = [(ref, level) for ref, level, _, _ in _grades(document, "HUN")]
    assert hungary == [("6", "B1"), ("15", "B1"), ("18", "B2"), ("18", "D1")]
    assert not any(a.text.startswith("Hungary") for a in document.assessments)


def test_a_paragraph_heading_run_on_after_a_sentence_still_opens_the_paragraph() -> None:
    # Bosnia and Herzegovina: "... its recommendation. Paragraph 36: Refugees and displaced persons The ..."
    document = parse(_report("129_2_Add3.txt"))
    assert [(ref, level) for ref, level, _, _ in _grades(document, "BIH")] == [
        ("14", "C"),
        ("20", "C"),
        ("36", "C"),
    ]
    paragraph_36 = document.recommendations[2]
    assert paragraph_36.theme_heading == "Refugees and displaced persons"
    assert paragraph_36.text.startswith("The State party should strengthen its efforts")
    replies = [a.text for a in document.assessments if a.stakeholder.kind == "state"]
    assert replies[-1] == "No information provided."


def test_an_older_report_keeps_each_state_apart_and_reads_labels_written_before_the_grade() -> None:
    document = parse(_report("115_2.txt"))
    states = [info.review.state for info in document.review_infos]
    assert states == ["ARM", "KEN", "PRY", "ALB", "FIN", "TJK", "NPL", "GEO"]  # "Georgia Concluding ..."
    nepal = _grades(document, "NPL")
    assert [(ref, level, label) for ref, level, label, _ in nepal[:5]] == [
        ("5", "B2", "(a)"),  # "(a)[B2]: The Committee welcomes ..."
        ("5", "C1", "(b)"),
        ("5", "B2", "(c)"),
        ("5", "C2", "(d)"),
        ("5", "C2", "(e)"),
    ]
    # Nepal's heading: 10[C2][B2][C1][D1]; Georgia's grades do not run into it
    assert [level for ref, level, _, _ in nepal if ref == "10"] == ["C2", "B2", "C1", "D1"]
    assert [(ref, level) for ref, level, _, _ in _grades(document, "GEO")] == [
        ("13", "B1"),
        ("13", "B2"),
        ("14", "B2"),
    ]
    # four grades of paragraph 10 without letters: each sub-item opens with its evaluation's words
    assert nepal[6][2].startswith("Concerning steps taken to prevent the excessive use of force")


def test_a_footnote_quoting_earlier_grades_is_not_read_as_grades() -> None:
    # 119_2: "3 Committee’s evaluation of the first follow-up report (see CCPR/C/113/2): paragraphs 8 [B2]..."
    document = parse(_report("119_2.txt"))
    assert [level for ref, level, _, _ in _grades(document, "CHL") if ref == "7"] == ["B"]


def test_kosovos_evaluation_is_set_aside_with_the_reason_and_the_other_states_kept() -> None:
    document = parse(_report("109_2.txt"))  # CCPR/C/UNK/CO/1: Kosovo (UNMIK), no State of the register
    assert "UNK" not in {info.review.state for info in document.review_infos}
    assert document.review_infos
    (set_aside,) = [p for p in document.problems if "'UNK' is not a State of the register" in p.message]
    assert set_aside.place.line == 74
