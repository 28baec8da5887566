"""Human Rights Committee follow-up JSON parser, proven on Kazakhstan's 2018 assessment (CCPR/C/123/2).

Runs without Django: ``.venv/bin/pytest tests/ingest/test_ccpr_followup_json_parser.py -p no:django``.
"""

from __future__ import annotations

import copy
import doctest
import importlib
import json
import random
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.grading import SCHEMES
from rightstrack.core.records import ParsedDocument, Place, ReviewKey
from rightstrack.ingest.sources.ccpr_followup_json.parser import KIND, detect, parse

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data" / "kazakhstan" / "ccpr_followup_2018.json"
SAMPLES = [*sorted(SEEDS.glob("*.txt")), DATA]
CO_2 = ReviewKey("KAZ", "CCPR", 2, year=2016)
MODULES = ("paragraphs", "parser", "shape")


@pytest.fixture(scope="module")
def text() -> str:
    if not DATA.exists():
        pytest.skip(f"follow-up JSON not found at {DATA} (../shared absent)")
    return DATA.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@pytest.fixture(scope="module")
def document(text: str) -> ParsedDocument:
    return parse(text)


def rejection(text: str) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught:
        parse(text)
    return caught.value


def edited(data: dict[str, Any], *changes: str) -> str:
    """The JSON after edits, each written as ``path=value`` or ``path`` (delete)."""
    copied = copy.deepcopy(data)
    for change in changes:
        path, _, value = change.partition("=")
        *parents, last = path.split("/")
        target: Any = copied
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if value:
            target[int(last) if isinstance(target, list) else last] = json.loads(value)
        else:
            del target[last]
    return json.dumps(copied)


@pytest.mark.parametrize("module", MODULES)
def test_its_docstring_examples_hold(module: str) -> None:
    imported = importlib.import_module(f"rightstrack.ingest.sources.ccpr_followup_json.{module}")
    assert doctest.testmod(imported).failed == 0


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name[:3])
def test_it_detects_the_follow_up_json_and_no_other_sample(sample: Path) -> None:
    if not sample.exists():
        pytest.skip(f"sample {sample} not found (../shared absent)")
    assert detect(sample.read_text(encoding="utf-8")) is (sample == DATA)


def test_it_names_kind_review_symbols_and_dates(document: ParsedDocument) -> None:
    assert document.kind == KIND == "ccpr-followup-json"
    assert document.review == CO_2
    assert document.symbol == "CCPR/C/123/2"
    assert document.published_on == date(2018, 7, 27)
    assert (
        document.title
        == "Human Rights Committee follow-up assessment CCPR/C/123/2: Kazakhstan (CCPR/C/KAZ/CO/2)"
    )
    assert document.author == document.stakeholders[0]
    assert (document.author.name, document.author.acronym, document.author.kind) == (
        "Human Rights Committee",
        "CCPR",
        "treaty_body",
    )
    (info,) = document.review_infos
    assert (info.review, info.symbols, info.adopted_on) == (
        CO_2,
        ("CCPR/C/KAZ/CO/2", "CCPR/C/123/2"),
        date(2016, 7, 11),
    )


def test_every_paragraph_and_limb_is_accounted_for(document: ParsedDocument, data: dict[str, Any]) -> None:
    paragraphs = data["hrc"]["paragraphs"]
    limbs = [(p["para"], limb["limb"], limb["grade"]) for p in paragraphs for limb in p["limbs"]]
    assert [r.ref for r in document.recommendations] == [p["para"] for p in paragraphs] == ["18", "24", "54"]
    assert [(a.recommendation_ref, a.sub_item, a.level) for a in document.assessments] == limbs
    assert len(document.assessments) == data["hrc"]["meta"]["n"] == 6
    assert document.stated_counts == {
        "follow-up paragraphs": 3,
        "graded limbs": 6,
        **{"grade A": 0, "grade B": 2, "grade C": 4, "grade D": 0, "grade E": 0},
    }


def test_it_reads_recommendations_with_their_places(document: ParsedDocument) -> None:
    torture = document.recommendations[1]
    assert (torture.ref, torture.ref_scheme, torture.review) == ("24", "ccpr-co-paragraph", CO_2)
    assert torture.theme_heading == "Torture and ill-treatment"
    assert torture.text.startswith("The State party should take robust measures to eradicate torture")
    assert torture.text.endswith(
        "exercised by an agency independent of the police and internal security forces"
    )
    assert torture.place == Place(section="hrc.paragraphs[1]", paragraph="24")


def test_it_grades_each_limb_under_scheme_hrc(document: ParsedDocument) -> None:
    assert [(a.sub_item, a.level) for a in document.assessments] == [
        ("", "C"),
        ("(a) and (b)", "B"),
        ("(c) to (f)", "C"),
        ("(a)", "C"),
        ("(b)", "C"),
        ("(c)", "B"),
    ]
    codes = {grade.code for grade in SCHEMES["hrc"].grades}
    assert all(
        a.scheme == "hrc" and a.level in codes and a.recommendation_review == CO_2
        for a in document.assessments
    )
    second = document.assessments[1]
    assert second.place == Place(section="hrc.paragraphs[1].limbs[0]", paragraph="24")
    assert second.text.startswith(
        "The Committee welcomes the State party’s reply, but requests further information"
    )
    assert second.text.endswith(
        "comments on information received that the units delegate investigative work"
        " to law enforcement agencies"
    )
    assert Counter(a.level for a in document.assessments) == {"C": 4, "B": 2}


def test_it_reports_what_it_keeps_as_is(document: ParsedDocument) -> None:
    reported = [p.describe() for p in document.problems]
    assert reported == [
        "paragraph 54 (hrc.paragraphs[2]): limb (b) starts in lower case: the text may be scrambled there",
        "paragraph 54 (hrc.paragraphs[2].limbs[2]): the evaluation runs on into the report's"
        " 'Recommended action' (kept as is)",
        "paragraph 54 (hrc.paragraphs[2].limbs[2]): the evaluation ends with a stray '22' (a page number?)",
    ]
    assert document.assessments[-1].text.endswith("Next periodic report: 15 July 2020. 22")


def test_an_unknown_grade_or_meaning_is_a_problem(data: dict[str, Any]) -> None:
    document = parse(
        edited(
            data, 'hrc/paragraphs/0/limbs/0/grade="F"', "hrc/meta/grade_dist/C=3", "hrc/meta/grade_dist/F=1"
        )
    )
    assert (document.assessments[0].level, document.assessments[0].level_basis) == (None, "")
    assert "paragraph 18 (hrc.paragraphs[0].limbs[0]): grade 'F' is not in scheme 'hrc': no level" in [
        p.describe() for p in document.problems
    ]
    changed = edited(data, 'hrc/paragraphs/0/limbs/0/meaning="Response/action largely satisfactory"')
    problems = [p.describe() for p in parse(changed).problems]
    assert any("meaning 'Response/action largely satisfactory' differs from" in p for p in problems)


def test_it_rejects_an_empty_text() -> None:
    assert str(rejection("  ")) == "line 1: the text is empty"


def test_it_rejects_a_text_truncated_at_half(text: str) -> None:
    assert str(rejection(text[: len(text) // 2])) == (
        "line 70 (json): not valid JSON (Unterminated string starting) at column 15"
    )


def test_it_rejects_shuffled_lines(text: str) -> None:
    lines = text.split("\n")
    random.Random(1).shuffle(lines)
    rejected = rejection("\n".join(lines))
    assert rejected.place is not None and rejected.place.section == "json"
    assert rejected.reason.startswith("not valid JSON")


def test_it_rejects_another_kind_of_document() -> None:
    other = SEEDS / "003_b5d61f395197da52.txt"
    if not other.exists():
        pytest.skip(f"seed {other} not found (../shared absent)")
    assert str(rejection(other.read_text(encoding="utf-8"))) == (
        "line 1 (json): not valid JSON (Expecting value) at column 3"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("hrc/meta", "document (hrc): missing 'meta'"),
        ("hrc/paragraphs={}", "document (hrc.paragraphs): expected an array, found an object"),
        (
            "hrc/paragraphs/1/limbs/0/grade=2",
            "document (hrc.paragraphs[1].limbs[0].grade): expected a string, found an integer",
        ),
        ('hrc/meta/mechanism="cescr"', "document (hrc.meta.mechanism): mechanism 'cescr' is not 'hrc'"),
        (
            'hrc/meta/co_symbol="CCPR/C/KAZ/2"',
            "document (hrc.meta.co_symbol): co_symbol 'CCPR/C/KAZ/2' is not CCPR/C/XXX/CO/N",
        ),
        ('a3="KGZ"', "document (a3): a3 'KGZ' differs from the State of CCPR/C/KAZ/CO/2"),
        ("hrc/meta/n=7", "document (hrc.meta.n): n is 7 but 6 limbs are graded"),
        (
            'hrc/meta/followup_paras=["18", "24"]',
            "document (hrc.meta.followup_paras): followup_paras lists 18, 24"
            " but the paragraphs are 18, 24, 54",
        ),
        ("hrc/meta/grade_dist/B=3", "document (hrc.meta.grade_dist): grade_dist gives 3 × B, the limbs 2"),
        ('hrc/paragraphs/2/para="24"', "paragraph 24 (hrc.paragraphs[2]): para '24' is given twice"),
    ],
)
def test_it_rejects_json_of_another_shape(data: dict[str, Any], change: str, message: str) -> None:
    assert str(rejection(edited(data, change))) == message


def test_it_rejects_json_that_is_not_an_object() -> None:
    assert str(rejection("[1, 2]")) == "document (top level): expected an object, found an array"
    assert str(rejection('{"a3": "KAZ"}')) == "document (top level): missing 'hrc'"
