"""CCPR Centre fact sheet parser, proven on the Kazakhstan fact sheets (seed 001).

Runs without Django: ``.venv/bin/pytest tests/ingest/test_ccpr_factsheet_parser.py -p no:django``.
"""

from __future__ import annotations

import doctest
import importlib
import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, RecommendationRecord, ReviewKey
from rightstrack.ingest.sources.ccpr_factsheet.parser import KIND, detect, parse

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
SEED = SEEDS / "001_b998712814038148.txt"
FOLLOW_UP_JSON = SHARED / "data" / "kazakhstan" / "ccpr_followup_2018.json"
SAMPLES = [*sorted(SEEDS.glob("*.txt")), FOLLOW_UP_JSON]
TAG = re.compile(r"<[^>]+>")
UPR = ReviewKey("KAZ", "UPR", 2, 20, 2014)
CCPR = ReviewKey("KAZ", "CCPR", 2, year=2016)

needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason=f"seed fact sheets not found at {SEED} (../shared absent)"
)
MODULES = ("build", "cells", "parser", "table", "treaty")


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed fact sheets not found at {SEED} (../shared absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(seed_text: str) -> ParsedDocument:
    return parse(seed_text)


@pytest.fixture(scope="module")
def by_ref(document: ParsedDocument) -> dict[str, RecommendationRecord]:
    return {r.ref: r for r in document.recommendations}


def upr_rows(text: str) -> list[int]:
    """Line numbers of the UPR rows, counted independently: a third cell answering Accepted/Noted."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        cells = line.split("\t")
        if len(cells) >= 3 and re.match(r"(Accepted|Noted)\b", TAG.sub("", cells[2]).strip()):
            found.append(number)
    return found


def rejection(text: str) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught:
        parse(text)
    return caught.value


@pytest.mark.parametrize("module", MODULES)
def test_its_docstring_examples_hold(module: str) -> None:
    imported = importlib.import_module(f"rightstrack.ingest.sources.ccpr_factsheet.{module}")
    assert doctest.testmod(imported).failed == 0


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name[:3])
def test_it_detects_the_fact_sheets_and_no_other_sample(sample: Path) -> None:
    if not sample.exists():
        pytest.skip(f"sample {sample} not found (../shared absent)")
    assert detect(sample.read_text(encoding="utf-8")) is (sample == SEED)


def test_it_names_kind_title_reviews_and_authors(document: ParsedDocument) -> None:
    assert document.kind == KIND == "ccpr-factsheet"
    assert document.title == "Kazakhstan Fact Sheet – Third UPR cycle"
    assert document.review == UPR
    assert document.author is not None
    assert (document.author.name, document.author.acronym) == (
        "Centre for Civil and Political Rights",
        "CCPR Centre",
    )
    assert [s.name for s in document.stakeholders] == [
        "NGO Coalition from the Republic of Kazakhstan",
        "Centre for Civil and Political Rights",
        "Human Rights Committee",
    ]


@needs_seed
def test_it_parses_the_seed_in_well_under_half_a_second(seed_text: str) -> None:
    start = time.perf_counter()
    parse(seed_text)
    assert time.perf_counter() - start < 0.5


def test_every_upr_row_becomes_one_recommendation(document: ParsedDocument, seed_text: str) -> None:
    rows = upr_rows(seed_text)
    upr = [r for r in document.recommendations if r.ref_scheme == "ccpr-factsheet-row"]
    assert len(rows) == len(upr) == 60
    assert [r.place.line for r in upr] == rows
    assert all(r.review == UPR and len(r.recommending_states) == 1 for r in upr)
    per_sheet = Counter(r.ref.split(".")[0] for r in upr)
    assert per_sheet == {
        "art19": 11,
        "sheet2": 5,
        "sheet3": 4,
        "art7": 16,
        "art25": 2,
        "art14": 8,
        "art21-22": 14,
    }


def test_it_reads_texts_states_and_answers_of_real_rows(by_ref: dict[str, RecommendationRecord]) -> None:
    first = by_ref["art19.1"]
    assert first.text.startswith(
        "Define criminal offences, in particular those in article 164 of the Criminal Code"
    )
    assert first.text.endswith("giving special attention to the right to freedom of expression")
    assert (first.recommending_states, first.response) == (["Brazil"], "accepted")
    assert first.theme_heading == "Article 19 ICCPR – Freedom of expression"
    assert (by_ref["art19.8"].recommending_states, by_ref["art19.8"].response) == (["Japan"], "accepted")
    assert (by_ref["sheet3.2"].recommending_states, by_ref["sheet3.2"].response) == (["Switzerland"], "noted")
    france = by_ref["sheet3.4"]  # a row written with <p> tags in every cell
    assert france.text.startswith("Take all necessary measures to guarantee, in all circumstances, the full")
    assert (france.recommending_states, france.response) == (["France"], "accepted")
    assert (by_ref["art21-22.4"].recommending_states, by_ref["art21-22.4"].response) == (
        ["United States"],
        "noted",
    )
    assert (by_ref["art14.8"].response, by_ref["art21-22.13"].response) == ("accepted", "accepted")  # no ✓
    assert by_ref["art21-22.10"].response == "noted"  # "Noted" without ✗
    assert by_ref["sheet2.1"].theme_heading == "Equal access for people with disabilities"


def test_it_joins_a_recommendation_cut_by_a_page_break(by_ref: dict[str, RecommendationRecord]) -> None:
    assert by_ref["art7.9"].text == (
        "Develop external relations of the national preventative mechanism against torture with national"
        " human rights institutions"
    )
    assert by_ref["art21-22.9"].text == (
        "Abolish the requirement of mandatory registrations and memberships in umbrella associations"
        " and trade unions"
    )


def test_answers_agree_with_the_answer_cells(document: ParsedDocument, seed_text: str) -> None:
    lines = seed_text.split("\n")
    cells = [TAG.sub("", lines[number - 1].split("\t")[2]).strip() for number in upr_rows(seed_text)]
    assert Counter(cells) == {"Accepted ✓": 45, "Noted ✗": 8, "Noted": 4, "Accepted": 3}
    upr = [r for r in document.recommendations if r.ref_scheme == "ccpr-factsheet-row"]
    assert [r.response for r in upr] == [cell.split()[0].lower() for cell in cells]
    assert Counter(r.response for r in upr) == {"accepted": 48, "noted": 12}


def test_it_quotes_each_committee_paragraph_once(by_ref: dict[str, RecommendationRecord]) -> None:
    quoted = sorted((r.ref for r in by_ref.values() if r.ref_scheme == "ccpr-co-paragraph"), key=int)
    assert quoted == ["9", "10", "22", "24", "38", "40", "49", "50", "52", "54"]
    fifty = by_ref["50"]
    assert (fifty.review, fifty.theme_heading) == (CCPR, "Freedom of expression")
    assert fifty.text.startswith("The State party should: (a) Consider decriminalizing defamation")
    assert fifty.text.endswith(
        "as tools to suppress the expression of dissenting opinions beyond the narrow"
        " restrictions permitted under article 19 of the Covenant."
    )
    assert "(f) Ensuring that oversight of the penitentiary system" in by_ref["24"].text
    assert "independence of the judiciary is not undermined and the equality of arms" in by_ref["38"].text
    assert by_ref["52"].text.endswith("comply with the strict requirements of article 21 of the Covenant.")
    assert by_ref["52"].theme_heading == "Peaceful assembly"
    assert "Follow-up letter" not in by_ref["24"].text and "[B]" not in by_ref["24"].text


def test_it_links_every_upr_row_to_the_paragraphs_quoted_on_its_sheet(document: ParsedDocument) -> None:
    targets: dict[str, set[str]] = defaultdict(set)
    for link in document.links:
        assert (link.kind, link.source_review, link.target_review) == ("similar", UPR, CCPR)
        assert (link.source_scheme, link.target_scheme) == ("ccpr-factsheet-row", "ccpr-co-paragraph")
        targets[link.source_ref.split(".")[0]].add(link.target_ref)
    assert targets == {
        "art19": {"50"},
        "sheet2": {"9", "10"},
        "sheet3": {"49"},
        "art7": {"22", "24"},
        "art25": {"54"},
        "art14": {"38", "40"},
        "art21-22": {"52", "54"},
    }
    rows = {r.ref for r in document.recommendations if r.ref_scheme == "ccpr-factsheet-row"}
    assert {link.source_ref for link in document.links} == rows
    assert len(document.links) == 103
    assert len({(link.source_ref, link.target_ref) for link in document.links}) == 103


def test_the_coalition_assesses_each_row_with_its_sheets_narrative(document: ParsedDocument) -> None:
    narratives = [a for a in document.assessments if a.scheme == "iri"]
    assert len(narratives) == 60
    assert all(a.level is None and a.stakeholder.kind == "coalition" for a in narratives)
    assert all(a.recommendation_review == UPR and "<" not in a.text for a in narratives)
    by_sheet = defaultdict(set)
    for assessment in narratives:
        by_sheet[assessment.recommendation_ref.split(".")[0]].add(assessment.text)
    assert all(len(texts) == 1 for texts in by_sheet.values())
    (article19,) = by_sheet["art19"]
    assert article19.startswith("Of the many recommendations about freedom of expression raised in the UPR")
    assert (
        "This provision gives carte blanche to government agencies to freely block access to Internet"
        in article19
    )
    (assembly,) = by_sheet["art21-22"]
    assert (
        "near the buildings where authorities are located. Holding an assembly is only possible" in assembly
    )
    assert assembly.endswith("participate in peaceful assemblies for a certain period.")
    assert "**" not in assembly


def test_it_keeps_the_committees_follow_up_evaluations_it_quotes(document: ParsedDocument) -> None:
    evaluations = {(a.recommendation_ref, a.sub_item): a for a in document.assessments if a.scheme == "hrc"}
    assert {key: a.level for key, a in evaluations.items()} == {
        ("24", "(a) and (b)"): "B",
        ("24", "(c) to (f)"): "C",
        ("54", "(a)"): None,
        ("54", "(b)"): None,
        ("54", "(c)"): None,
    }
    first = evaluations[("24", "(a) and (b)")]
    assert first.stakeholder.name == "Human Rights Committee" and first.recommendation_review == CCPR
    assert first.text.startswith("[B] (a) and (b): Partially implemented.\n\nThe Committee (...) requests")
    assert first.text.count("The Committee requires that the State clarify") == 1  # repeated on 3 rows
    assert (
        evaluations[("54", "(b)")].text
        == "(b): Not implemented\n\nThe Committee reiterates its recommendation."
    )


def test_it_reads_the_suggested_recommendations(document: ParsedDocument) -> None:
    suggestions = document.suggestions
    assert len(suggestions) == 72
    assert all(s.for_review == ReviewKey("KAZ", "UPR", 3) for s in suggestions)
    assert all(s.author is not None and s.author.kind == "coalition" for s in suggestions)
    texts = [s.text for s in suggestions]
    assert texts[0].startswith("Decriminalize defamation and ensure that imprisonment is never pronounced")
    assert suggestions[0].theme == "Article 19 ICCPR – Freedom of expression"
    assert (
        "Ensure that blockage of Internet resources is only carried out after an executive order"
        " from a Court." in texts
    )
    mental = "UN Rules for the Protection of Persons with Mental Disorders, Beijing and Riyadh Rules, etc."
    assert any(t.endswith(mental) for t in texts)
    assert any("on 9-11 June 2019, especially in the cities of Nur Sultan and Almaty" in t for t in texts)
    assert "Freedom of association" not in texts and "Right to peaceful assembly" not in texts
    assert (
        Counter(s.theme for s in suggestions)["Protection of human rights defenders (HRDs) and civil society"]
        == 12
    )


def test_it_reports_the_repairs_it_made(document: ParsedDocument) -> None:
    reported = {(p.place.line, p.message.split(":")[0]) for p in document.problems}
    assert (114, "cell repeats the cell above word for word") in reported
    assert (134, "row has 5 cells") in reported
    assert any(line == 157 and "no CCPR/C/…/CO/N symbol" in message for line, message in reported)
    assert (184, "text starts in mid-sentence, the words before it are missing") in reported
    assert not any(p.fatal for p in document.problems)


def test_it_rejects_an_empty_text() -> None:
    assert str(rejection(" \n\n")) == "line 1: the text is empty"


def test_it_rejects_a_text_truncated_at_half(seed_text: str) -> None:
    rejected = rejection(seed_text[: len(seed_text) // 2])
    assert rejected.place is not None and rejected.place.line == 113
    assert rejected.place.section == "Article 7 ICCPR – torture and ill-treatment"
    assert "does not end with the closing 'An initiative of …' line" in rejected.reason
    assert "truncated" in rejected.reason


def test_it_rejects_a_text_cut_between_a_title_and_its_table(seed_text: str) -> None:
    cut = seed_text[
        : seed_text.index("Recommendations presented during the 2nd cycle\tCountry\tAnswer State")
    ]
    rejected = rejection(cut)
    assert "no table under the last title 'Article 21 and 22 ICCPR" in rejected.reason


def test_it_rejects_shuffled_lines(seed_text: str) -> None:
    lines = seed_text.split("\n")
    random.Random(1).shuffle(lines)
    assert str(rejection("\n".join(lines))) == "line 1: table header with no article or theme title above it"
    random.Random(3).shuffle(lines)
    rejected = rejection("\n".join(lines))
    assert rejected.place is not None and rejected.place.line is not None


def test_it_rejects_another_kind_of_document() -> None:
    other = SEEDS / "000_d96cc3569e770728.txt"
    if not other.exists():
        pytest.skip(f"seed {other} not found (../shared absent)")
    rejected = rejection(other.read_text(encoding="utf-8"))
    assert str(rejected) == (
        "line 1: not a CCPR Centre fact sheet: no table header 'Recommendations presented during the … cycle'"
    )


def test_it_rejects_a_row_it_cannot_place(seed_text: str) -> None:
    line = seed_text.split("\n")[22]  # line 23, Uruguay
    rejected = rejection(seed_text.replace(line, line + "\textra"))
    assert str(rejected).startswith("line 23 (Article 19 ICCPR – Freedom of expression): row has 7 cells")
    no_answer = seed_text.replace("Uruguay\tAccepted ✓", "Uruguay\t", 1)
    assert str(rejection(no_answer)) == (
        "line 23 (Article 19 ICCPR – Freedom of expression): recommendation row without its answer"
    )
