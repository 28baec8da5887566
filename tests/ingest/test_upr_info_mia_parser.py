"""UPR Info "Mid-term Implementation Assessment" parser, proven on the Kazakhstan MIA (seed 000).

Runs without Django: ``.venv/bin/pytest tests/ingest/test_upr_info_mia_parser.py -p no:django``.
"""

from __future__ import annotations

import csv
import doctest
import importlib
import random
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, RecommendationRecord
from rightstrack.ingest.sources.upr_info_mia.parser import KIND, detect, parse

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
SEED = SEEDS / "000_d96cc3569e770728.txt"
NOT_AN_MIA = SEEDS / "003_b5d61f395197da52.txt"
VOCABULARY = SHARED / "data" / "taxonomies" / "upr_info_issues_2008-2014.txt"
UPR_INFO_ROWS = SHARED / "data" / "kazakhstan" / "upr_2010_2014.csv"
ALIASES = ("Detention conditions", "Technical assistance")
HEADER = re.compile(r"^.*\bresponse:(?:</u>)?\s*$", re.MULTILINE)

needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"seed MIA not found at {SEED} (../shared absent)")

MODULES = (
    "build",
    "checks",
    "feedback",
    "front",
    "index_table",
    "issues",
    "lines",
    "parser",
    "responders",
    "sections",
    "sources",
    "uncommented",
)

# A small MIA in the same layout, for behaviour that needs no seed.
TINY = """Kazakhstan Mid-term Implementation Assessment

Geneva, 3 December 2012

1.\tSources and results\t

3 NGOs were contacted. 2 NGOs responded to our enquiry.

IRI: 1 recommendations are not implemented, 1 recommendations are partially implemented, and \
0 recommendations are fully implemented. No answer was received for 1 out of 4 recommendations.

2. Index

rec. n°\tIssue\tpage\tIRI
1\tJustice,\tpage 3\tnot impl.
2\tDeath penalty International instruments,\tpage 3\tpartially impl.
3\tTorture and other CID treatment\tpage 4\t-

3. Feedbacks on recommendations

Justice

Recommendation nº1: Reform the courts so that\u0020





they are independent (Recommended by *Norway*)

IRI: not implemented

+

Recommendation n°2: Abolish the death penalty (Recommended by France)

IRI: partially implemented

Amnesty Watch (AW) response:

Nothing has been done in the





courts this year.

AW response:

Second comment.

Recommendation nº3: Prevent torture (Recommended by Chile)

IRI: -

XYZ response:

Partially.

Methodology

Prose.

Uncommented recommendations

rec. n°\tRecommendation\tSMR\tResponse\tΑ\tIssue
4\tShare good practices\tLaos\tAccepted\t1\tGeneral

Contact
"""


def labels() -> list[str]:
    vocabulary = VOCABULARY.read_text(encoding="utf-8").splitlines() if VOCABULARY.exists() else []
    return [*vocabulary, *ALIASES]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed MIA not found at {SEED} (../shared absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(seed_text: str) -> ParsedDocument:
    return parse(seed_text, labels())


@pytest.fixture(scope="module")
def by_ref(document: ParsedDocument) -> dict[str, RecommendationRecord]:
    return {recommendation.ref: recommendation for recommendation in document.recommendations}


def assessments_of(document: ParsedDocument, ref: str, acronym: str) -> list[str]:
    return [
        assessment.text
        for assessment in document.assessments
        if assessment.recommendation_ref == ref and assessment.stakeholder.acronym == acronym
    ]


def rejection(text: str) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught:
        parse(text, labels())
    return caught.value


# --- detection ------------------------------------------------------------------------------------


def test_it_detects_the_kazakhstan_mia(seed_text: str) -> None:
    assert detect(seed_text)


@pytest.mark.parametrize("name", ["001", "002", "003", "004"])
def test_it_does_not_detect_the_other_seeds(name: str) -> None:
    found = sorted(SEEDS.glob(f"{name}_*.txt"))
    if not found:
        pytest.skip(f"seed {name} not found in {SEEDS}")
    assert not detect(found[0].read_text(encoding="utf-8"))


# --- the document as a whole ------------------------------------------------------------------------


def test_it_names_kind_title_date_author_and_the_review_it_follows_up(document: ParsedDocument) -> None:
    assert document.kind == KIND == "upr-info-mia"
    assert document.title == "Kazakhstan Mid-term Implementation Assessment"
    assert str(document.published_on) == "2012-12-03"
    assert document.author is not None
    assert (document.author.name, document.author.acronym, document.author.kind) == (
        "UPR Info",
        "UPR Info",
        "follow_up_programme",
    )
    review = document.review
    assert (review.state, review.mechanism, review.cycle, review.session, review.year) == (
        "KAZ",
        "UPR",
        1,
        None,
        None,
    )


def test_it_parses_the_seed_in_well_under_half_a_second(seed_text: str) -> None:
    parse(seed_text, labels())  # warm the State register
    started = time.perf_counter()
    parse(seed_text, labels())
    assert time.perf_counter() - started < 0.5


def test_it_reads_the_stated_counts(document: ParsedDocument) -> None:
    assert document.stated_counts == {
        "not implemented": 66,
        "partially implemented": 41,
        "fully implemented": 11,
        "no answer": 9,
        "total": 129,
    }


def test_it_reads_the_contact_figures(document: ParsedDocument) -> None:
    figures = {figure.group: (figure.contacted, figure.responded) for figure in document.contact_figures}
    assert figures == {
        "reports": (16, None),
        "ngo": (18, 9),
        "un_agency": (2, 0),
        "state": (1, 0),
        "nhri": (1, 0),
    }
    notes = {figure.group: figure.note for figure in document.contact_figures}
    assert notes["un_agency"] == "2 UN agencies were contacted. The UN agencies did not respond."
    assert "did not participate" in notes["state"]
    assert "is not more active" in notes["nhri"]
    assert all(figure.place.line == 44 for figure in document.contact_figures)


# --- recommendations ------------------------------------------------------------------------------


def test_it_reads_all_129_recommendations_of_the_kazakhstan_mia(document: ParsedDocument) -> None:
    refs = [recommendation.ref for recommendation in document.recommendations]
    assert refs == [str(n) for n in range(1, 130)]
    assert {recommendation.ref_scheme for recommendation in document.recommendations} == {"upr-info-mia"}


def test_it_publishes_66_not_41_partially_11_fully_2_undetermined_and_9_no_answer(
    document: ParsedDocument,
) -> None:
    levels = Counter(recommendation.published_level for recommendation in document.recommendations)
    assert levels == {"not": 66, "partially": 41, "fully": 11, "-": 2, None: 9}
    assert {r.ref for r in document.recommendations if r.published_level == "-"} == {"77", "112"}


def test_it_places_the_published_level_on_its_iri_line(
    by_ref: dict[str, RecommendationRecord], seed_text: str
) -> None:
    place = by_ref["1"].published_level_place
    assert place is not None and place.line is not None
    assert seed_text.splitlines()[place.line - 1] == "IRI: not implemented"
    assert by_ref["1"].place.line == 197 and by_ref["1"].place.section == "feedback"


def test_it_strips_the_heading_and_the_recommending_state_from_the_text(
    by_ref: dict[str, RecommendationRecord],
) -> None:
    first = by_ref["1"]
    assert first.text.startswith("Abolish requirements for the registration of religious groups")
    assert first.text.endswith("a nondiscriminatory legal system for the registration of religious entities")
    assert "Recommendation" not in first.text and "Recommended by" not in first.text
    assert first.recommending_states == ["Mexico"]


def test_it_removes_markdown_from_recommending_states(by_ref: dict[str, RecommendationRecord]) -> None:
    assert by_ref["86"].recommending_states == ["Ukraine"]
    assert by_ref["99"].recommending_states == ["Republic of Korea"]


def test_it_joins_a_recommendation_broken_by_a_page_break(by_ref: dict[str, RecommendationRecord]) -> None:
    assert "although the ongoing work being done in the country" in by_ref["13"].text
    assert by_ref["13"].recommending_states == ["Thailand"]
    assert "raise the awareness of legal officials regarding" in by_ref["58"].text


def test_it_groups_recommendations_answered_together(by_ref: dict[str, RecommendationRecord]) -> None:
    assert by_ref["5"].group == by_ref["57"].group == "5+57"
    assert {by_ref[n].group for n in ("3", "12", "13", "99")} == {"3+12+13+99"}
    assert {by_ref[n].group for n in ("70", "71", "79")} == {"70+71+79"}
    assert by_ref["1"].group == by_ref["41"].group == ""


def test_it_files_recommendations_under_their_theme_heading(by_ref: dict[str, RecommendationRecord]) -> None:
    headings = {by_ref[n].theme_heading for n in ("1", "21", "7", "3", "2", "92", "17", "11")}
    assert headings == {
        "CP Rights",
        "ESC Rights",
        "Indigenous & Minorities",
        "International Instruments",
        "Justice",
        "SOGI",
        "Women & Children",
        "Other",
    }
    assert by_ref["92"].theme_heading == "SOGI"
    assert by_ref["41"].theme_heading == ""


def test_it_reads_the_uncommented_table(
    document: ParsedDocument, by_ref: dict[str, RecommendationRecord]
) -> None:
    uncommented = [r for r in document.recommendations if r.place.section == "uncommented recommendations"]
    assert [r.ref for r in uncommented] == ["41", "46", "47", "48", "54", "85", "101", "111", "114"]
    belarus, laos = by_ref["41"], by_ref["111"]
    assert (belarus.recommending_states, belarus.response, belarus.action_category) == (
        ["Belarus"],
        "accepted",
        4,
    )
    assert belarus.terms == {"upr-info-issues": ["ESC rights - general"]}
    assert belarus.text.startswith("Continue to implement measures aimed at enhancing the overall wellbeing")
    assert (laos.recommending_states, laos.response, laos.action_category) == (["Laos"], "accepted", 1)
    assert laos.terms == {"upr-info-issues": ["General"]}
    assert all(r.published_level is None and r.published_level_place is None for r in uncommented)
    assert belarus.place.row == 1 and belarus.place.line == 1966


# --- the index table --------------------------------------------------------------------------------


def test_it_splits_the_index_issues_on_known_labels(by_ref: dict[str, RecommendationRecord]) -> None:
    assert by_ref["1"].terms == {"upr-info-issues": ["Freedom of religion and belief"]}
    assert by_ref["42"].terms == {
        "upr-info-issues": [
            "Detention conditions",
            "Freedom of the press",
            "Freedom of opinion and expression",
        ]
    }
    assert by_ref["81"].terms == {"upr-info-issues": ["Rights of the Child", "International instruments"]}
    assert by_ref["24"].terms == {"upr-info-issues": ["Technical assistance"]}


def test_it_keeps_the_label_of_a_garbled_row_and_reports_the_rest(document: ParsedDocument) -> None:
    seventy_five = next(r for r in document.recommendations if r.ref == "75")
    assert seventy_five.terms == {
        "upr-info-issues": ["Elections"],
        "upr-info-issues-unmatched": ["Financiary of policies and halief"],
    }
    messages = [p.describe() for p in document.problems]
    assert any("line 136" in m and "'75 70'" in m and "taken as n°75" in m for m in messages)
    assert any("line 136" in m and "Financiary of policies and halief" in m for m in messages)
    assert any("line 139" in m and "'78 70'" in m and "taken as n°78" in m for m in messages)


def test_it_places_rows_without_a_number_by_elimination(
    document: ParsedDocument, by_ref: dict[str, RecommendationRecord]
) -> None:
    assert by_ref["32"].terms == {"upr-info-issues": ["Women's rights"]}
    assert by_ref["33"].terms == {"upr-info-issues": ["Special procedures", "National plan of action"]}
    assert by_ref["36"].terms == {"upr-info-issues": ["ESC rights - general"]}
    assert by_ref["96"].terms == {"upr-info-issues": ["Detention conditions"]}
    placed = [p for p in document.problems if "row without n°" in p.message]
    assert [(p.place.line, p.message.split("taken as ")[1][:4]) for p in placed] == [
        (94, "n°32"),
        (95, "n°33"),
        (98, "n°36"),
        (159, "n°96"),
    ]
    assert all(not p.fatal and p.place.section == "index table" for p in placed)


def test_it_splits_a_fused_row_and_reports_it(
    document: ParsedDocument, by_ref: dict[str, RecommendationRecord]
) -> None:
    assert by_ref["83"].terms == {"upr-info-issues": ["Detention conditions"]}
    assert by_ref["82"].terms == {}
    fused = [p for p in document.problems if "fuses" in p.message]
    assert len(fused) == 1 and fused[0].place.line == 143
    assert "n°82 and n°83" in fused[0].message
    shifted = [p.place.line for p in document.problems if "page cell" in p.message]
    assert shifted == [144, 145, 146, 149]


def test_the_index_iri_agrees_with_section_3_on_the_seed(document: ParsedDocument) -> None:
    assert not [p for p in document.problems if "disagrees" in p.message or "no index row" in p.message]


def test_it_reports_an_index_iri_that_disagrees_with_section_3(seed_text: str) -> None:
    text = seed_text.replace(
        "1\tFreedom of religion and belief\tpage 7\tnot impl.",
        "1\tFreedom of religion and belief\tpage 7\tfully impl.",
    )
    problems = [p.describe() for p in parse(text, labels()).problems]
    assert "line 55 (index table): n°1: index IRI 'fully' disagrees with section 3's 'not'" in problems


@pytest.mark.skipif(not UPR_INFO_ROWS.exists(), reason=f"UPR Info rows not found at {UPR_INFO_ROWS}")
def test_its_recommendations_and_issues_agree_with_upr_infos_database(
    by_ref: dict[str, RecommendationRecord],
) -> None:
    with UPR_INFO_ROWS.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["year"] == "2010"]
    # UPR Info numbers an MIA's recommendations in alphabetical order of their text.
    rows.sort(key=lambda row: row["recommendation"])
    assert len(rows) == 129
    canonical = {
        "Detention conditions": "Detention",
        "Technical assistance": "Technical assistance and cooperation",
    }
    agreeing = set()
    for n, row in enumerate(rows, 1):
        mine = by_ref[str(n)]
        assert mine.text == row["recommendation"]
        assert mine.recommending_states == [row["recommending_state"]]
        issues = {canonical.get(label, label) for label in mine.terms.get("upr-info-issues", [])}
        if issues == set(row["issues"].split(";")):
            agreeing.add(n)
    assert {32, 36, 75, 78, 83, 84, 86, 87, 90, 96, 41, 111} <= agreeing
    assert len(agreeing) >= 115  # the MIA's own index differs on a few rows (e.g. n°42, n°43)


def test_it_splits_issues_on_commas_without_a_vocabulary(seed_text: str) -> None:
    plain = {r.ref: r for r in parse(seed_text).recommendations}
    assert plain["81"].terms == {"upr-info-issues": ["Rights of the Child International instruments"]}
    assert plain["5"].terms == {
        "upr-info-issues": [
            "International instruments",
            "Freedom of the press",
            "Freedom of opinion and expression",
        ]
    }


# --- assessments and stakeholders ------------------------------------------------------------------


def test_it_turns_every_response_header_into_assessments(document: ParsedDocument, seed_text: str) -> None:
    headers = HEADER.findall(seed_text)
    assert len(headers) == 151  # the brief expected 150; the seed has 151 "... response:" lines
    header_lines = {n for n, line in enumerate(seed_text.splitlines(), 1) if HEADER.match(line)}
    assert {assessment.place.line for assessment in document.assessments} == header_lines
    group_size = {r.ref: len(r.group.split("+")) if r.group else 1 for r in document.recommendations}
    per_header = Counter(assessment.place.line for assessment in document.assessments)
    for assessment in document.assessments:
        assert per_header[assessment.place.line] == group_size[assessment.recommendation_ref]
    assert len(document.assessments) == 193


def test_it_attributes_each_assessment_to_a_fully_named_stakeholder(document: ParsedDocument) -> None:
    stakeholders = {s.acronym: s for s in document.stakeholders}
    assert set(stakeholders) == {"KIHRRLC", "F18", "PRI", "UNESCO", "TP", "LCWISS", "WCADP", "GS"}
    assert len(document.stakeholders) == 8
    assert stakeholders["F18"].name == "Forum 18 News Service"
    assert stakeholders["PRI"].name == "Penal Reform International - Central Asia"
    assert stakeholders["UNESCO"].name == "UNESCO Almaty Office"
    assert stakeholders["TP"].name == "Tandem Project"
    assert stakeholders["WCADP"].name == "World Coalition Against the Death Penalty"
    assert stakeholders["GS"].name == "Environmental society 'Green Salvation'"
    assert (
        stakeholders["KIHRRLC"].name == "Kazakhstan International Human Rights and the Rule of Law Committee"
    )
    assert stakeholders["LCWISS"].name == "Legal Center of Women's Initiatives Sana Sezim"
    assert {s.acronym: s.kind for s in document.stakeholders if s.kind != "ngo"} == {"UNESCO": "un_agency"}
    for assessment in document.assessments:
        assert assessment.stakeholder == stakeholders[assessment.stakeholder.acronym]
    counts = Counter(assessment.stakeholder.acronym for assessment in document.assessments)
    assert counts["WCADP"] == 3 and counts["GS"] == 1  # WCADP answers 9+34 and 2


def test_it_keeps_the_stakeholders_words_verbatim(document: ParsedDocument) -> None:
    (wcadp,) = assessments_of(document, "2", "WCADP")
    assert wcadp.startswith("We met with state representatives to ask the government to implement")
    (gs,) = assessments_of(document, "82", "GS")
    assert gs == (
        "We have much evidence from our practice when courts ignore ratified international treaties.\n\n"
        "Moreover, Kazakhstan does not sign European Convention for the Protection of Human Rights and "
        "Fundamental Freedoms CETS No.: 005."
    )
    (lcwiss,) = assessments_of(document, "16", "LCWISS")
    assert lcwiss == "ves"
    (pri,) = assessments_of(document, "9", "PRI")
    assert pri == "No, [death penalty] is still in the legislation, and 2 OP are not ratified."


def test_it_joins_a_response_paragraph_broken_by_a_page_break(document: ParsedDocument) -> None:
    (kihrrlc,) = assessments_of(document, "42", "KIHRRLC")
    assert "cannot take copies of necessary documents, unable to seek medical examination" in kihrrlc
    (health,) = assessments_of(document, "45", "KIHRRLC")
    assert "second stage 2014-2015. The goal of the Programme - improvement of the health" in health
    (f18,) = assessments_of(document, "33", "F18")
    assert 'by imposing restrictions on "missionary activity" and religious education.' in f18


def test_it_separates_paragraphs_with_a_blank_line_and_keeps_list_lines(document: ParsedDocument) -> None:
    (kihrrlc,) = assessments_of(document, "1", "KIHRRLC")
    assert kihrrlc.startswith("Recommendation has not been implemented.\n\nAll religious associations")
    assert "\n\nProposals\n\n- 1. It is necessary to bring Article 22" in kihrrlc
    assert "must have/determine:\n - definition of freedom of consciousness" in kihrrlc
    (after_break,) = assessments_of(document, "2", "PRI")
    assert after_break.startswith("No, the number of death penalty sanctions")


def test_it_gives_every_member_of_a_group_the_same_response(document: ParsedDocument) -> None:
    five, fifty_seven = assessments_of(document, "5", "LCWISS"), assessments_of(document, "57", "LCWISS")
    assert five == fifty_seven and five[0].startswith("Kazakhstan [has] partly changed legislation")


def test_it_infers_a_claim_level_only_from_a_single_response(document: ParsedDocument) -> None:
    def levels(ref: str) -> set[tuple[str | None, str]]:
        return {(a.level, a.level_basis) for a in document.assessments if a.recommendation_ref == ref}

    assert levels("30") == levels("121") == {("not", "published IRI, single response")}
    assert levels("84") == {("fully", "published IRI, single response")}
    assert levels("1") == {(None, "")}  # three responses
    assert levels("77") == {(None, "")}  # published "-"
    assert levels("99") == {(None, "")}  # one response, but the group publishes several levels
    assert any("group 3+12+13+99 has a single response" in p.message for p in document.problems)


# --- problems ---------------------------------------------------------------------------------------


def test_every_problem_is_non_fatal_and_names_its_line_and_section(document: ParsedDocument) -> None:
    assert document.problems
    for problem in document.problems:
        assert not problem.fatal
        assert problem.place.line is not None and problem.place.section
    lines = [problem.place.line or 0 for problem in document.problems]
    assert lines == sorted(lines)


def test_it_reports_the_missing_plus_lines(document: ParsedDocument) -> None:
    messages = [p.describe() for p in document.problems]
    assert (
        "line 782 (feedback): no '+' line between n°3 (no response of its own) and n°12:"
        " taken as answered together" in messages
    )


def test_it_reports_a_stakeholder_never_named_in_full(seed_text: str) -> None:
    text = seed_text.replace("Tandem Project (TP) response:", "TP response:")
    document = parse(text, labels())
    tandem = next(s for s in document.stakeholders if s.acronym == "TP")
    assert tandem.name == "TP"
    assert (
        "line 205 (feedback): stakeholder 'TP' is never named in full; its acronym stands for its name"
        in [p.describe() for p in document.problems]
    )


def test_it_reads_windows_line_ends_alike(seed_text: str, document: ParsedDocument) -> None:
    crlf = parse(seed_text.replace("\n", "\r\n"), labels())
    assert crlf.recommendations == document.recommendations
    assert crlf.assessments == document.assessments


# --- a small document -------------------------------------------------------------------------------


def test_it_reads_a_small_mia_of_the_same_layout() -> None:
    document = parse(TINY, ["Justice", "Death penalty", "International instruments", "General"])
    refs = {r.ref: r for r in document.recommendations}
    assert refs["1"].text == "Reform the courts so that they are independent"
    assert refs["1"].recommending_states == ["Norway"] and refs["1"].group == "1+2"
    assert refs["2"].terms == {"upr-info-issues": ["Death penalty", "International instruments"]}
    assert refs["3"].terms == {
        "upr-info-issues-unmatched": ["Torture and other CID treatment"]
    }  # not in the vocabulary given
    texts = [(a.recommendation_ref, a.stakeholder.acronym, a.text) for a in document.assessments]
    assert ("1", "AW", "Nothing has been done in the courts this year.") in texts
    assert ("3", "XYZ", "Partially.") in texts
    assert {s.acronym: s.name for s in document.stakeholders} == {"AW": "Amnesty Watch", "XYZ": "XYZ"}
    assert refs["4"].response == "accepted" and refs["4"].action_category == 1


# --- rejections ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t\n  "])
def test_it_rejects_an_empty_text(text: str) -> None:
    error = rejection(text)
    assert str(error) == "line 1: the text is empty"


def test_it_rejects_a_text_full_of_control_characters() -> None:
    error = rejection("Kazakhstan Mid-term Implementation Assessment\n" + "\x00\x07\x1b" * 400)
    assert error.place is not None and error.place.line == 2
    assert "full of control characters" in error.reason


def test_it_rejects_a_truncated_text(seed_text: str) -> None:
    lines = seed_text.split("\n")
    error = rejection("\n".join(lines[: len(lines) // 2]))
    assert error.place is not None and error.place.line == 998 and error.place.section == "feedback"
    assert "72 of the 129 recommendations are missing (n°4, n°6, n°11" in error.reason
    assert "last line read: 998" in error.reason


def test_it_rejects_a_text_cut_after_section_3(seed_text: str) -> None:
    error = rejection(seed_text.split("Uncommented recommendations")[0])
    assert "9 of the 129 recommendations are missing (n°41, n°46, n°47, n°48, n°54, n°85" in str(error)


def test_it_rejects_shuffled_lines(seed_text: str) -> None:
    lines = seed_text.split("\n")
    error = rejection("\n".join(random.Random(1).sample(lines, len(lines))))
    assert str(error).startswith("line 1 (title): not a UPR Info Mid-term Implementation Assessment")


def test_it_rejects_shuffled_lines_under_a_kept_title(seed_text: str) -> None:
    title, *body = seed_text.split("\n")
    error = rejection("\n".join([title, *random.Random(1).sample(body, len(body))]))
    assert "the document is out of order" in error.reason
    assert error.place is not None and error.place.line is not None


def test_it_rejects_a_shuffled_section_3(seed_text: str) -> None:
    lines = seed_text.split("\n")
    start, end = lines.index("3. Feedbacks on recommendations") + 1, lines.index("Methodology")
    middle = lines[start:end]
    error = rejection("\n".join(lines[:start] + random.Random(1).sample(middle, len(middle)) + lines[end:]))
    assert error.place is not None and error.place.section == "feedback"
    assert error.place.line is not None and start < error.place.line <= end


def test_it_rejects_a_text_that_is_not_an_mia() -> None:
    if not NOT_AN_MIA.exists():
        pytest.skip(f"seed 003 not found at {NOT_AN_MIA}")
    error = rejection(NOT_AN_MIA.read_text(encoding="utf-8"))
    assert str(error) == (
        "line 1 (title): not a UPR Info Mid-term Implementation Assessment: the first line is not "
        "'<State> Mid-term Implementation Assessment' but 'Recommendation 7'"
    )


def test_it_rejects_a_recommendation_without_its_recommending_state(seed_text: str) -> None:
    error = rejection(seed_text.replace("(Recommended by", "", 1))
    assert (
        str(error)
        == "line 197 (feedback): recommendation n°1 has no '(Recommended by ...)' at the end of its text"
    )


def test_it_rejects_a_recommendation_without_its_iri_line(seed_text: str) -> None:
    error = rejection(seed_text.replace("IRI: not implemented\n\nForum 18", "Forum 18", 1))
    assert str(error) == "line 197 (feedback): recommendation n°1 is not followed by an 'IRI:' line"


def test_it_rejects_a_text_without_section_3(seed_text: str) -> None:
    error = rejection(seed_text.replace("3. Feedbacks on recommendations", "3. Other matters"))
    assert error.reason == "no section '3. Feedbacks on recommendations'"


def test_it_rejects_a_number_given_twice(seed_text: str) -> None:
    error = rejection(seed_text.replace("Recommendation nº16:", "Recommendation nº22:", 1))
    assert str(error) == "line 286 (feedback): n°22 appears twice (first at line 260)"


def test_it_rejects_levels_that_do_not_add_up_to_the_summary(seed_text: str) -> None:
    error = rejection(seed_text.replace("IRI: not implemented", "IRI: fully implemented", 1))
    assert str(error) == (
        "line 48 (sources and results): section 3 publishes 65 recommendations 'not implemented'"
        " where the summary says 66"
    )


def test_it_rejects_a_text_without_the_iri_summary(seed_text: str) -> None:
    error = rejection(seed_text.replace("IRI: 66 recommendations", "In short: 66 recommendations"))
    assert "no IRI summary" in error.reason


def test_it_rejects_a_small_mia_missing_a_recommendation() -> None:
    error = rejection(TINY.replace("4\tShare good practices", "5\tShare good practices"))
    assert "n°5 lies outside 1–4" in error.reason


# --- doctests -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MODULES)
def test_its_doctests_pass(name: str) -> None:
    module = importlib.import_module(f"rightstrack.ingest.sources.upr_info_mia.{name}")
    failures, _ = doctest.testmod(module)
    assert failures == 0
