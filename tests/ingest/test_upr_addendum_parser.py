"""UPR addenda ("Views on conclusions and/or recommendations ... presented by the State under review").

No real addendum is in ../shared/data: the fixtures in ``fixtures/upr_addendum/`` are made by hand in
the layouts of 2009 (prose), 2014 (serial numbers), 2019 (lists and replies) and 2025, with the
artefacts of a PDF's text (page furniture, broken lines, ranges written ``122.34- 35``, ``122.14– 15``,
``122.46 to 122.47``); the table layout is built here as a Word file with python-docx. Their README
says what is invented. The parser tests run without Django (``-p no:django``) but the import test
(marked ``django_db``).
"""

from __future__ import annotations

import doctest
import importlib
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument
from rightstrack.ingest.reading import load, load_bytes
from rightstrack.ingest.registry import source_for
from rightstrack.ingest.sources.upr_addendum.parser import KIND, detect, parse
from tests.conftest import shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "upr_addendum"
CHAD = FIXTURES / "chad-2019-addendum.txt"
KAZAKHSTAN = FIXTURES / "kazakhstan-2014-addendum.txt"
BELIZE = FIXTURES / "belize-2009-addendum.txt"
URUGUAY = FIXTURES / "uruguay-2024-addendum.txt"
MALTA = FIXTURES / "malta-2014-addendum.txt"
MODULES = ("build", "front", "furniture", "parser", "readings", "refs", "totals", "units", "wording")
COVER = [
    "United Nations A/HRC/19/8/Add.1",
    "General Assembly Distr.: General",
    "29 February 2012",
    "Human Rights Council",
    "Nineteenth session",
    "Report of the Working Group on the Universal Periodic Review*",
    "Belgium",
    "Addendum",
    "Views on conclusions and/or recommendations, voluntary commitments and replies",
    "presented by the State under review",
]
TABLE = [
    ("Recommendation", "Position", "Comments"),
    ("100.1 Ratify the Optional Protocol to the Convention against Torture (France)", "Accepted", ""),
    ("100.2", "Accepted – already implemented", "The Federal Centre for Equal Opportunities handles it."),
    ("100.3, 100.4", "Not accepted", "The Constitution does not allow it."),
    ("100.5–100.7", "Partially accepted", "Belgium accepts the first part of these recommendations."),
    ("100.8", "Rejected", ""),
    ("100.9 Accept the competence of the Committee (Peru)", "Noted", ""),
]


def parsed(path: Path) -> ParsedDocument:
    return parse(load(path).text)


def by_ref(document: ParsedDocument) -> dict[str, Any]:
    return {record.ref: record for record in document.recommendations}


def table_addendum(rows: list[tuple[str, ...]] = TABLE) -> bytes:
    import docx

    document: Any = docx.Document()
    for text in COVER:
        document.add_paragraph(text)
    document.add_paragraph("1. Belgium received 9 recommendations on which it has given its position below.")
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("module", MODULES)
def test_the_examples_in_each_modules_documentation_hold(module: str) -> None:
    failures, _ = doctest.testmod(
        importlib.import_module(f"rightstrack.ingest.sources.upr_addendum.{module}")
    )
    assert failures == 0


def test_an_addendum_is_recognised_before_the_working_group_report_whose_title_it_carries() -> None:
    for path in (CHAD, KAZAKHSTAN, BELIZE, URUGUAY, MALTA):
        assert source_for(load(path)).kind == KIND
    report = shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt")
    assert not detect(load(report).text)
    assert source_for(load(report)).kind == "upr-wg-report"


def test_the_2019_layout_gives_every_listed_reference_its_final_position() -> None:
    document = parsed(CHAD)
    assert document.kind == KIND
    assert document.symbol == "A/HRC/43/14/Add.1"
    assert (document.review.state, document.review.mechanism, document.review.cycle) == ("TCD", "UPR", 3)
    assert document.published_on is not None and document.published_on.isoformat() == "2020-02-20"
    records = by_ref(document)
    assert len(document.recommendations) == len(records) == 157
    assert Counter(record.response for record in document.recommendations) == {"supported": 124, "noted": 33}
    assert {record.response_kind for record in document.recommendations} == {"final"}
    assert {record.ref_scheme for record in document.recommendations} == {"ohchr-paragraph"}
    assert {record.text for record in document.recommendations} == {""}
    assert document.creates_recommendations  # a record without text never creates one (the store)
    implemented = [r for r in document.recommendations if r.position_qualifier]
    assert len(implemented) == 30
    assert {r.position_qualifier for r in implemented} == {"already implemented or in process"}
    assert records["122.6"].position_source == "A/HRC/43/14/Add.1, paragraph 3"
    assert records["122.1"].position_qualifier == ""
    assert records["122.31"].response == "noted"
    assert records["122.31"].place.paragraph == "4"
    assert document.problems == []


def test_the_states_own_totals_are_read_and_reproduced() -> None:
    document = parsed(CHAD)
    assert document.stated_counts == {
        "total": 215,
        "immediately supported": 58,
        "remaining": 157,
        "now supported": 124,
        "now noted": 33,
    }
    assert not [problem for problem in document.problems if problem.place.section == "opening"]
    assert document.review_infos[0].symbols == ("A/HRC/43/14", "A/HRC/43/14/Add.1")
    assert (document.review_infos[0].total, document.review_infos[0].accepted) == (215, 182)


def test_ranges_with_odd_dashes_and_spaces_name_every_number_between_their_ends() -> None:
    records = by_ref(parsed(CHAD))
    text = CHAD.read_text(encoding="utf-8")
    for written, refs in {
        "122.26– 27": ("122.26", "122.27"),
        "122.38-39": ("122.38", "122.39"),
        "122.46 to 122.47": ("122.46", "122.47"),
        "122.180 – 183": ("122.180", "122.181", "122.182", "122.183"),
        "122.31- 32": ("122.31", "122.32"),
        "122.149–150": ("122.149", "122.150"),
    }.items():
        assert written in text
        assert {records[ref].response for ref in refs} == {records[refs[0]].response}
        assert all(records[ref].response for ref in refs)


def test_a_list_broken_by_page_furniture_goes_on_after_it() -> None:
    text = CHAD.read_text(encoding="utf-8")
    assert "\n2\nA/HRC/43/14/Add.1\n\n122.92, 122.94" in text
    records = by_ref(parsed(CHAD))
    assert records["122.92"].response == "supported"
    assert records["122.92"].position_qualifier == "already implemented or in process"
    assert records["122.187"].position_source == "A/HRC/43/14/Add.1, paragraph 3"


def test_each_reply_is_kept_as_the_states_own_words_with_its_place() -> None:
    document = parsed(CHAD)
    replies = {assessment.recommendation_ref: assessment for assessment in document.assessments}
    assert sorted(replies) == ["122.31", "122.32", "122.36", "122.40", "122.55", "122.56"]
    for assessment in document.assessments:
        assert assessment.stakeholder.name == "Chad"
        assert assessment.stakeholder.kind == "state"
        assert assessment.level is None and assessment.level_basis == ""
        assert assessment.source == ""  # the State cites no evidence; the document is the provenance
    assert replies["122.55"].text == replies["122.56"].text
    assert replies["122.55"].text.startswith("The Penal Code adopted in 2017 criminalizes torture")
    lines = CHAD.read_text(encoding="utf-8").split("\n")
    assert lines[replies["122.55"].place.line - 1] == "122.55– 56"
    # the reply runs over the page break, without the page furniture
    assert replies["122.40"].text.endswith("its conclusions will be submitted to Parliament.")
    assert "GE.20" not in replies["122.40"].text and "A/HRC" not in replies["122.40"].text


def test_the_2025_layout_reads_lists_with_stray_full_stops_and_reply_lines_naming_bare_numbers() -> None:
    document = parsed(URUGUAY)
    assert (document.review.state, document.review.cycle, document.symbol) == ("URY", 4, "A/HRC/58/12/Add.1")
    records = by_ref(document)
    assert len(records) == 30
    assert Counter(record.response for record in document.recommendations) == {"supported": 24, "noted": 6}
    assert (
        records["140.6"].response == records["140.10"].response == "supported"
    )  # "140.5. 140.6", "140.9. 140.10"
    qualified = {ref for ref, record in records.items() if record.position_qualifier}
    assert qualified == {f"140.{n}" for n in (11, 12, 13, 14, 15, 16, 21, 22, 23, 24)}
    replies = {assessment.recommendation_ref: assessment.text for assessment in document.assessments}
    # "140.14, 16" and "140.21-22, 24" name 140.16 and 140.24; a reply line before a page break keeps
    # its words
    assert replies["140.16"] == replies["140.14"]
    assert replies["140.24"].startswith("Free primary health care is provided to every child.")
    assert "140.23" not in replies
    assert (
        replies["140.15"]
        == "The national plan on gender-based violence 2022–2026 is being implemented in all departments."
    )
    assert replies["140.27"] == "The question is before Parliament."
    assert document.stated_counts == {"total": 30, "supported": 24, "noted": 6}
    assert document.problems == []


def test_serial_numbers_are_read_as_the_report_paragraph_the_addendum_says_they_follow() -> None:
    document = parsed(MALTA)  # "The serial numbers of recommendations follow the list in paragraph 104"
    records = by_ref(document)
    assert sorted(records, key=lambda ref: int(ref.split(".")[1])) == [f"104.{n}" for n in range(1, 21)]
    assert {ref for ref, record in records.items() if record.response == "noted"} == {
        "104.6",
        "104.8",
        "104.14",
    }
    assert {ref for ref, record in records.items() if record.position_qualifier} == {
        "104.5",
        "104.13",
        "104.19",
    }
    replies = {assessment.recommendation_ref: assessment.text for assessment in document.assessments}
    assert sorted(replies) == ["104.13", "104.14", "104.5", "104.6", "104.8"]
    assert replies["104.13"] == "Rec. 13 See recommendation 5."  # the State's words, its own numbering kept
    assert replies["104.14"] == "Rec. 14 Abortion is not permitted under the Criminal Code."  # not the notes
    assert document.stated_counts == {"total": 20, "supported": 17, "noted": 3}
    assert document.problems == []


def test_serial_numbers_without_the_report_paragraph_are_refused_with_the_reason() -> None:
    text = MALTA.read_text(encoding="utf-8")
    text = text[: text.index("Notes")]
    with pytest.raises(DocumentRejected, match="numbers the recommendations serially") as refused:
        parse(text)
    assert refused.value.place is not None and refused.value.place.section == "addendum"


def test_a_reply_printed_beside_its_reference_reads_as_one_under_it() -> None:
    lines = CHAD.read_text(encoding="utf-8").split("\n")
    beside: list[str] = []
    for line in lines:  # "122.31" then its text → "122.31      Chad has a de facto moratorium. …"
        if beside and re.fullmatch(r"122\.\d+(?:– \d+)?", beside[-1]) and line.strip():
            beside[-1] = f"{beside[-1]}      {line.strip()}"
        else:
            beside.append(line)
    assert len(beside) == len(lines) - 5
    expected, document = parsed(CHAD), parse("\n".join(beside))
    assert [(r.ref, r.response, r.position_qualifier) for r in document.recommendations] == [
        (r.ref, r.response, r.position_qualifier) for r in expected.recommendations
    ]
    assert [a.recommendation_ref for a in document.assessments] == [
        a.recommendation_ref for a in expected.assessments
    ]
    assert document.problems == []


def test_the_prose_layout_of_2009_gives_positions_and_replies_per_recommendation() -> None:
    document = parsed(BELIZE)
    assert document.symbol == "A/HRC/12/4/Add.1"
    assert (document.review.state, document.review.cycle, document.review.session) == ("BLZ", 1, 5)
    records = by_ref(document)
    assert sorted(records, key=lambda ref: int(ref.split(".")[1])) == [f"64.{n}" for n in range(1, 13)]
    noted = {ref for ref, record in records.items() if record.response == "noted"}
    assert noted == {"64.5", "64.9", "64.12"}
    assert {record.response for record in document.recommendations} == {"supported", "noted"}
    assert records["64.4"].position_qualifier == "already implemented"
    assert records["64.6"].position_source == "A/HRC/12/4/Add.1, paragraph 5"
    assert document.stated_counts == {"total": 12, "supported": 9, "noted": 3}
    replies = {assessment.recommendation_ref: assessment.text for assessment in document.assessments}
    assert set(replies) == set(records)
    assert replies["64.7"].endswith(
        "The Office of the Ombudsman will be strengthened and its mandate reviewed to that end."
    )
    assert "the decriminalization of the conduct" in replies["64.5"]
    assert "in the course of implementation of the national plan" in replies["64.11"]
    # the closing paragraph answers no recommendation: reported with its line, not lost silently
    assert [problem.place.line for problem in document.problems] == [59]
    assert "Belize reaffirms its commitment" in document.problems[0].message


def test_the_table_layout_in_word_gives_positions_quoted_texts_and_comments_by_row() -> None:
    loaded = load_bytes(table_addendum(), "belgium-addendum.docx")
    source = source_for(loaded)
    assert source.kind == KIND  # not taken for an OHCHR thematic list despite its table
    document = source.parse(loaded, [])
    records = by_ref(document)
    assert {ref: record.response for ref, record in records.items()} == {
        "100.1": "supported",
        "100.2": "supported",
        "100.3": "noted",
        "100.4": "noted",
        "100.5": "supported/noted",
        "100.6": "supported/noted",
        "100.7": "supported/noted",
        "100.8": "noted",
        "100.9": "noted",  # the quoted text's "Accept" is not the position
    }
    assert records["100.2"].position_qualifier == "already implemented"
    assert records["100.1"].text == "Ratify the Optional Protocol to the Convention against Torture"
    assert records["100.5"].position_source == "A/HRC/19/8/Add.1, row 4"
    assert records["100.5"].place.row == 4
    comments = {assessment.recommendation_ref: assessment for assessment in document.assessments}
    assert sorted(comments) == ["100.2", "100.3", "100.4", "100.5", "100.6", "100.7"]
    assert comments["100.3"].text == "The Constitution does not allow it."
    assert comments["100.3"].place.row == 3
    assert document.stated_counts == {"total": 9}
    assert (records["100.9"].text, records["100.9"].recommending_states) == (
        "Accept the competence of the Committee",
        ["Peru"],
    )
    assert document.problems == []


MONGOLIA = """United Nations A/HRC/46/9/Add.1
Distr.: General 18 February 2021
Report of the Working Group on the Universal Periodic Review*
Mongolia
Addendum
Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State
under review
1. Mongolia received 14 recommendations, of which it supports 7 and notes 9.
Supported recommendations
2. Mongolia supports the following recommendations: 114.1, 114.2, 114.3 and 114.4. Mongolia notes the
following recommendations: 114.5, 114.6 and
114.7, 114.8
114.9.
3. Recommendation 114.10 enjoys the support of Mongolia.
4. Recommendations 114.11 and 114.12 are supported in part: Mongolia supports the part on ratification and
notes the part on the death penalty.
Recommendation 114.13
(Germany)
5. Mongolia does not support this recommendation, as the matter is regulated by the Constitution.
6. Mongolia is not in a position to accept recommendation 114.14.
"""


def test_one_paragraph_may_support_some_references_note_others_and_split_its_answer() -> None:
    document = parse(MONGOLIA)
    records = by_ref(document)
    assert {ref: record.response for ref, record in records.items()} == {
        **{f"114.{n}": "supported" for n in (1, 2, 3, 4, 10)},
        **{f"114.{n}": "noted" for n in (5, 6, 7, 8, 9, 13, 14)},
        "114.11": "supported/noted",
        "114.12": "supported/noted",
    }
    assert records["114.9"].place.line == 13  # the list goes on over three lines
    assert document.stated_counts == {"total": 14, "supported": 7, "noted": 9}
    assert document.problems == []  # a split answer counts on both sides of the State's totals


def test_a_reply_under_its_reference_line_may_be_numbered_and_give_its_own_position() -> None:
    document = parse(MONGOLIA)
    replies = {assessment.recommendation_ref: assessment for assessment in document.assessments}
    assert list(replies) == ["114.11", "114.12", "114.13"]  # the split answer is explained, too
    assert replies["114.11"].text.endswith("and notes the part on the death penalty.")
    assert replies["114.13"].text == (
        "Mongolia does not support this recommendation, as the matter is regulated by the Constitution."
    )
    assert by_ref(document)["114.13"].response == "noted"  # its own words, not the section's heading
    assert by_ref(document)["114.13"].position_source == "A/HRC/46/9/Add.1, line 17"


def test_a_table_quoting_the_recommendation_in_a_column_reads_the_position_from_its_own_column() -> None:
    rows = [
        ("No.", "Recommendation", "Position", "Comments"),
        ("100.1", "Accept the competence of the Committee (Peru)", "Noted", "Under study."),
        ("100.2", "Support the national institution (Chile, Peru)", "Accepted", ""),
    ]
    loaded = load_bytes(table_addendum(rows), "belgium-addendum.docx")
    records = by_ref(source_for(loaded).parse(loaded, []))
    assert [(r.response, r.text, r.recommending_states) for r in records.values()] == [
        ("noted", "Accept the competence of the Committee", ["Peru"]),
        ("supported", "Support the national institution", ["Chile", "Peru"]),
    ]


def test_disagreements_unknown_references_and_stray_passages_are_problems_with_their_place() -> None:
    text = CHAD.read_text(encoding="utf-8")
    text = text.replace("122.197, 122.210, 122.213.", "122.197, 122.210, 122.1.")  # 122.1 also supported
    text = text.replace("122.199, 122.201,", "122.199, 12.201,")  # a misprint: paragraph 12
    text = text.replace(
        "IV. Replies to recommendations",
        "The Government thanks the delegations.\n\nIV. Replies to recommendations",
    )
    document = parse(text)
    messages = [(problem.place.line, problem.message) for problem in document.problems]
    assert not any(problem.fatal for problem in document.problems)
    lines = text.split("\n")

    def about(words: str) -> tuple[int | None, str]:
        found = [(line, message) for line, message in messages if words in message]
        assert len(found) == 1, messages
        return found[0]

    line, message = about("recommendation 122.1 is given two different positions")
    assert "supported (paragraph 2); noted (paragraph 4)" in message and line is not None
    assert "122.1," in lines[line - 1]
    line, _ = about("recommendation 12.201 is outside the paragraphs")
    assert line is not None and "12.201" in lines[line - 1]
    line, _ = about("The Government thanks the delegations")
    assert line is not None and lines[line - 1] == "The Government thanks the delegations."
    line, _ = about("the addendum's totals make 33 of the remaining 157 noted; 32 references were read noted")
    assert line is not None and lines[line - 1].startswith("1. Chad received 215 recommendations")
    assert about("gives positions on 157 remaining recommendations; 156 references were read with a position")
    assert by_ref(document)["122.1"].response == "supported"  # the first position stands


def test_a_document_that_is_no_addendum_or_gives_no_position_is_refused_with_its_place() -> None:
    with pytest.raises(DocumentRejected, match="not a UPR addendum"):
        parse(load(shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt")).text)
    cover = "\n".join(COVER)
    with pytest.raises(DocumentRejected, match="no position on any recommendation") as refused:
        parse(cover + "\n1. Belgium thanks all delegations.\n")
    assert refused.value.place is not None and refused.value.place.line == len(COVER) + 1
    own_numbers = "\n1.   Belgium accepts the recommendation.\n2.   Belgium accepts the recommendation.\n"
    with pytest.raises(DocumentRejected, match="under the addendum's own numbers") as refused:
        parse(cover + own_numbers + "3., 4.   Belgium cannot accept these recommendations.\n")
    assert refused.value.place is not None and refused.value.place.line == len(COVER) + 1
    with pytest.raises(DocumentRejected, match="symbol"):
        parse(cover.replace("A/HRC/19/8/Add.1", "") + "\n100.1 – Accepted.\n")
    with pytest.raises(DocumentRejected, match="not a known State"):
        parse(cover.replace("Belgium", "Ruritania") + "\n100.1 – Accepted.\n")


def test_the_same_addendum_as_pdf_gives_the_same_positions_as_its_text() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    from html import escape

    body = "".join(
        f"<p>{escape(line) or '&nbsp;'}</p>" for line in BELIZE.read_text(encoding="utf-8").split("\n")
    )
    pdf = weasyprint.HTML(string=f"<html><body style='font-size:9pt'>{body}</body></html>").write_pdf()
    loaded = load_bytes(pdf, "belize.pdf")
    assert loaded.format == "pdf"
    document = source_for(loaded).parse(loaded, [])
    expected = parsed(BELIZE)
    assert {(r.ref, r.response, r.position_qualifier) for r in document.recommendations} == {
        (r.ref, r.response, r.position_qualifier) for r in expected.recommendations
    }


@pytest.mark.django_db(transaction=True)
def test_an_addendum_read_before_its_report_waits_for_it_and_lands_on_its_recommendations() -> None:
    from typer.testing import CliRunner

    from rightstrack.cli.main import app
    from rightstrack.recommendations.models import Recommendation, RecommendationRef

    runner = CliRunner()
    report = shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt")
    first = runner.invoke(app, ["import", str(KAZAKHSTAN)])
    assert first.exit_code == 0, first.stdout + first.stderr
    # known by their numbers only, each with its final position, until the report gives their texts
    review = Recommendation.objects.filter(review__state_id="KAZ", review__cycle=2)
    assert review.count() == review.filter(text="").count() == 194
    assert "kept by its number with its position" in first.stdout + first.stderr
    assert review.exclude(response="").count() == 194
    assert runner.invoke(app, ["import", str(report)]).exit_code == 0
    assert review.count() == 194  # not duplicated
    assert not review.filter(text="").exists()
    refs = RecommendationRef.objects.filter(review__state_id="KAZ", review__cycle=2, scheme="ohchr-paragraph")
    assert refs.count() == 194
    assessed = Recommendation.objects.get(review__state_id="KAZ", review__cycle=2, refs__value="126.27")
    words = [
        a.original_text for a in assessed.assessments.model.private_objects.filter(recommendation=assessed)
    ]
    assert words == [
        "The registration procedure for religious associations is set out in the Law on Religious "
        "Activity and Religious Associations; the Government does not consider a review of that law "
        "necessary at present."
    ]


def test_the_cycle_follows_the_working_group_session_the_text_names_and_a_disagreement_is_reported() -> None:
    document = parsed(KAZAKHSTAN)  # "held during the twentieth session of the Working Group", A/HRC/28/...
    assert (document.review.cycle, document.review.session) == (2, 20)
    text = KAZAKHSTAN.read_text(encoding="utf-8").replace("twentieth session", "thirty-fourth session")
    document = parse(text)
    assert (document.review.cycle, document.review.session) == (3, 34)
    assert [problem.message for problem in document.problems if problem.place.section == "cover"] == [
        "the Council's session 28 (from the symbol) falls in cycle 2, the Working Group's session 34 in "
        "cycle 3: cycle 3 kept"
    ]
