"""Parser of NGO follow-up grades of concluding observations, proven on seed 003 (Kazakhstan, 2012).

Runs without Django: ``.venv/bin/pytest tests/ingest/test_hrc_followup_grades_parser.py -p no:django``.
"""

from __future__ import annotations

import doctest
import importlib
import random
import re
from pathlib import Path

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.grading import SCHEMES
from rightstrack.core.records import AssessmentRecord, ParsedDocument, ReviewKey
from rightstrack.ingest.sources.hrc_followup_grades.cells import read_tokens
from rightstrack.ingest.sources.hrc_followup_grades.grades import read_definitions
from rightstrack.ingest.sources.hrc_followup_grades.parser import KIND, detect, parse

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
SEED = SEEDS / "003_b5d61f395197da52.txt"
FOLLOW_UP_JSON = SHARED / "data" / "kazakhstan" / "ccpr_followup_2018.json"
SAMPLES = [*sorted(SEEDS.glob("*.txt")), FOLLOW_UP_JSON]
CO_1 = ReviewKey("KAZ", "CCPR", 1, year=2011)
GRADE_CELL = re.compile(r"^ ?\t\s*(A1|A2|B1|B2|B3|C|N/A|В2|С)\s*$")  # Latin and Cyrillic look-alikes
MODULES = ("blocks", "build", "cells", "grades", "parser")


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed follow-up report not found at {SEED} (../shared absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(seed_text: str) -> ParsedDocument:
    return parse(seed_text)


@pytest.fixture(scope="module")
def graded(document: ParsedDocument) -> dict[str, list[AssessmentRecord]]:
    found: dict[str, list[AssessmentRecord]] = {}
    for assessment in document.assessments:
        found.setdefault(assessment.recommendation_ref, []).append(assessment)
    return found


def rejection(text: str) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught:
        parse(text)
    return caught.value


@pytest.mark.parametrize("module", MODULES)
def test_its_docstring_examples_hold(module: str) -> None:
    imported = importlib.import_module(f"rightstrack.ingest.sources.hrc_followup_grades.{module}")
    assert doctest.testmod(imported).failed == 0


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name[:3])
def test_it_detects_the_report_and_no_other_sample(sample: Path) -> None:
    if not sample.exists():
        pytest.skip(f"sample {sample} not found (../shared absent)")
    assert detect(sample.read_text(encoding="utf-8")) is (sample == SEED)


def test_it_names_kind_review_and_an_unnamed_author(document: ParsedDocument) -> None:
    assert document.kind == KIND == "hrc-followup-grades"
    assert document.review == CO_1
    assert document.title.startswith(
        "NGO follow-up of the Human Rights Committee's concluding observations on Kaz"
    )
    assert document.author is not None and document.author.kind == "ngo"
    assert document.stakeholders == [document.author]
    messages = [p.message for p in document.problems]
    assert "the document does not name its authors" in messages
    named = [m for m in messages if m.startswith("the document does not name the concluding observations")]
    assert len(named) == 1 and "CCPR/C/KAZ/CO/1 (2011)" in named[0]


def test_every_graded_sentence_of_both_parts_is_accounted_for(
    document: ParsedDocument, seed_text: str
) -> None:
    lines = seed_text.split("\n")
    first_table = next(i for i, line in enumerate(lines) if line.startswith("Paragraph "))
    overview = [i + 1 for i, line in enumerate(lines[:first_table]) if GRADE_CELL.match(line)]
    detailed = [i + 1 for i, line in enumerate(lines[first_table:], first_table) if GRADE_CELL.match(line)]
    assert len(overview) == len(detailed) == len(document.assessments) == 11
    assert [a.place.line for a in document.assessments] == overview
    assert [r.ref for r in document.recommendations] == ["7", "21", "25", "26"]


def test_it_reads_the_grades_under_the_documents_scheme(graded: dict[str, list[AssessmentRecord]]) -> None:
    levels = {ref: [a.level for a in items] for ref, items in graded.items()}
    assert levels == {
        "7": ["B2", "N/A", "B2"],
        "21": ["C", "C", "C"],
        "25": ["C", "C", "C"],
        "26": ["C", "C"],
    }
    assert all(
        a.scheme == "hrc-2012" and a.recommendation_review == CO_1 for items in graded.values() for a in items
    )
    assert all(a.level_basis == "stated" for items in graded.values() for a in items)


def test_it_builds_one_recommendation_per_paragraph(document: ParsedDocument) -> None:
    seven = document.recommendations[0]
    assert (seven.ref, seven.ref_scheme, seven.review) == ("7", "ccpr-co-paragraph", CO_1)
    assert seven.text.startswith(
        "The State party should strengthen its efforts to ensure that the Commissioner"
    )
    assert "The Commissioner for Human Rights should apply for accreditation" in seven.text
    assert document.recommendations[3].text.endswith(
        "comply with the strict requirements of article 21 of the Covenant."
    )


def test_it_labels_overview_state_action_and_other_comments(
    graded: dict[str, list[AssessmentRecord]],
) -> None:
    second = graded["7"][1]
    assert second.sub_item == "The Commissioner for Human Rights should apply for…"
    assert second.text == "Overview: Not known\n\nAction taken by the State: No information available."
    judge = graded["21"][1]  # the action cell is empty, the comment filled
    assert judge.sub_item == "The State party should, in particular, take measures…"
    assert judge.text == (
        "Overview: For handing down an acquittal, a judge was called to the Disciplinary Commission"
        " and was imposed a penalty (Aliya Zhumasheva).\n\nOther comments: In October 2012, Judge Aliya"
        " Zhumasheva of the Kachirsk District Court of Pavlodar Region was subjected to disciplinary"
        " sanctions for having resisted demands from the Prosecutor’s Office to issue convictions."
    )
    first = graded["21"][0]
    assert "Action taken by the State: The additions to the Constitution" in first.text
    assert "\n\nOther comments: In the past two years 15% of the judges" in first.text
    assert first.text.endswith(
        "sentencing the opposition leader Vladimir Kozlov to seven years of imprisonment."
    )
    assert "the ODIHR (OSCE). In the past two years, 15% of the judges" in first.text  # wrapped lines joined
    attacks = graded["25"][2].text
    assert (
        "1) In April 2012, Lukpan Akhmedyarov was attacked in the city of Uralsk.\n\n2) In August" in attacks
    )


def test_it_reports_its_repairs(document: ParsedDocument) -> None:
    reported = {(p.place.line, p.message) for p in document.problems}
    assert (94, "grade written 'В2', read as 'B2'") in reported
    assert (153, "grade written 'С', read as 'C'") in reported
    assert (154, "cell holding only '1.' joined to the next") in reported
    assert any(message.startswith("14 footnotes not attached") for _, message in reported)
    assert not any(p.fatal for p in document.problems)


def test_the_documents_grade_key_matches_scheme_hrc_2012(seed_text: str, document: ParsedDocument) -> None:
    key = read_tokens(seed_text.split("\n")).definitions
    definitions = read_definitions(key)
    assert definitions == {
        "A1": ["Response fully satisfactory"],
        "A2": ["Response largely satisfactory"],
        "B1": [
            "Implementation partially satisfactory: progress made, but need for additional information",
            "some progress has been achieved but there is a need for additional information.",
        ],
        "B2": [
            "Implementation partially satisfactory: progress made, but additional action required",
            "some progress has been achieved but considerable additional measures are needed",
        ],
        "B3": ["Implementation partially satisfactory: initial action taken - implementation still pending"],
        "C": [
            "No action taken by the State Party to implement the recommendation.",
            "No measures were taken by the State to implement the recommendations.",
        ],
        "N/A": ["no information available"],
    }
    scheme = SCHEMES["hrc-2012"]
    assert set(definitions) == {grade.code for grade in scheme.grades}
    # the same meanings: each scheme label's key words appear in the document's lines for that grade
    key_words = {
        **{"A1": "fully satisfactory", "A2": "largely satisfactory", "B1": "additional information"},
        **{"B2": "additional action", "B3": "pending", "C": "not satisfactory", "N/A": "no information"},
    }
    for code, words in key_words.items():
        lines = [text.casefold() for _, text in key if text.startswith((code, f"Grade {code}:"))]
        assert words in scheme.grade(code).label.casefold()
        assert any(words in line for line in lines), code
    assert not any("grade key" in p.place.section for p in document.problems)


def test_an_unknown_grade_is_a_problem_and_gives_no_level(seed_text: str) -> None:
    changed = seed_text.replace("\tN/A\n\tNot known", "\tD\n\tNot known", 1).replace(
        "\tN/A\n\tNo information available.", "\tD\n\tNo information available.", 1
    )
    document = parse(changed)
    unknown = document.assessments[1]
    assert unknown.level is None and unknown.level_basis == ""
    messages = [p.describe() for p in document.problems]
    assert (
        "paragraph 7, row 2, line 10 (overview): grade 'D' is not in scheme 'hrc-2012': no level" in messages
    )
    assert (
        "paragraph 7, row 2, line 10 (overview): grade 'D' is used but not defined by the document's key"
        in messages
    )


def test_it_rejects_an_empty_text() -> None:
    assert str(rejection("")) == "line 1: the text is empty"


def test_it_rejects_a_text_truncated_at_half(seed_text: str) -> None:
    assert str(rejection(seed_text[: len(seed_text) // 2])) == (
        "line 130 (detailed table): the overview grades paragraphs 7, 21, 25, 26 but the detailed tables are"
        " for 7, 21: the document looks truncated or out of order"
    )


def test_it_rejects_a_text_cut_before_its_grade_key(seed_text: str) -> None:
    cut = seed_text[: seed_text.index("\ufffd")]
    rejected = rejection(cut)
    assert (
        rejected.reason
        == "the text does not end with the grade key ('Grade A: …'): the document looks truncated"
    )


def test_it_rejects_shuffled_lines(seed_text: str) -> None:
    lines = seed_text.split("\n")
    random.Random(1).shuffle(lines)
    rejected = rejection("\n".join(lines))
    assert rejected.place is not None and rejected.place.line is not None
    assert rejected.reason in ("text outside any table", "table cell before the first 'Recommendation N'")


def test_it_rejects_another_kind_of_document() -> None:
    other = SEEDS / "001_b998712814038148.txt"
    if not other.exists():
        pytest.skip(f"seed {other} not found (../shared absent)")
    assert str(rejection(other.read_text(encoding="utf-8"))) == (
        "line 1: not a graded follow-up report: no 'Recommendation N' table"
    )


def test_it_rejects_an_overview_and_a_table_that_disagree(seed_text: str) -> None:
    changed = seed_text.replace("\tC\n\tNo progress is noted.", "\tNo progress is noted.", 1)
    assert str(rejection(changed)) == (
        "paragraph 21, line 101 (detailed table): paragraph 21: the overview grades 2 sentences,"
        " the detailed table 3"
    )
