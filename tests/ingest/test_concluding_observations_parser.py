"""Concluding observations parser, proven on the Human Rights Committee's on Denmark (CCPR/C/DNK/CO/6) and
Namibia (CCPR/C/NAM/CO/2), against lists counted by hand from the two documents.

Runs without Django: ``.venv/bin/pytest tests/ingest/test_concluding_observations_parser.py -p no:django``.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from datetime import date

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, ReviewKey
from rightstrack.ingest.reading import load, load_bytes
from rightstrack.ingest.registry import source_for
from rightstrack.ingest.sources.concluding_observations.parser import (
    KIND,
    address,
    detect,
    parse,
    split_address,
)
from tests.conftest import shared_path

FOLDER = ("data", "treaty-bodies", "concluding-observations")

# Counted by hand from the two documents: the paragraphs in which the Committee says the State party
# should act, calls upon or encourages it; not the dissemination (39 / 45), follow-up (40 / 46),
# next-report (41 / 47) and reporting-procedure (42) paragraphs.
DENMARK_RECOMMENDATIONS = [str(n) for n in range(6, 39, 2)]  # 6, 8, …, 38: 17 paragraphs
NAMIBIA_RECOMMENDATIONS = [str(n) for n in range(6, 45, 2)]  # 6, 8, …, 44: 20 paragraphs
DENMARK_LIMBS = {"30": ("a", "b"), "32": ("a", "b", "c", "d", "e")}
# Namibia 12 goes (a), (b), (c), (e) in the document: its (d) was lost when it was converted to text.
NAMIBIA_LIMBS = {
    "10": ("a", "b", "c", "d"),
    "12": ("a", "b", "c", "e"),
    "16": ("a", "b", "c", "d"),
    "22": ("a", "b", "c"),
    "24": ("a", "b", "c", "d", "e", "f"),
}
# The follow-up paragraph: within one year of the adoption (7 July 2016, 23 March 2016).
DENMARK_FOLLOW_UP = {"20": date(2017, 7, 7), "24": date(2017, 7, 7), "32": date(2017, 7, 7)}
NAMIBIA_FOLLOW_UP = {"10": date(2017, 3, 23), "22": date(2017, 3, 23), "24": date(2017, 3, 23)}

CESCR = """United Nations
E/C.12/NOR/CO/3-4
Distr.: General 2 April 2021

Committee on Economic, Social and Cultural Rights
Concluding observations on the combined third and fourth periodic reports of Norway*
1. The Committee considered the report at its 10th meeting. At its 12th meeting, held on 5 March 2021,
it adopted the present concluding observations.
C. Main subjects of concern and recommendations
Right to water 2. The Committee is concerned about access to safe water (art. 11).
3. The Committee recommends that the State party:
(a) Ensure access to safe water;
(b) Monitor the quality of water.
4. The Committee requests the State party to provide, by 31 March 2023, information on the implementation
of the recommendations contained in paragraph 3 (a) above.
* Adopted by the Committee at its 69th session (15 February-5 March 2021).
"""

# CEDAW files dissemination, follow-up and the next report under subject headings, not lettered sections.
CEDAW = """CEDAW/C/NAM/CO/6
Distr.: General
12 March 2022
Committee on the Elimination of Discrimination against Women
Concluding observations on the sixth periodic report of Namibia*
1. The Committee considered the report at its 1850th meeting. At its 1860th meeting, held on 2 March 2022,
the Committee adopted the present concluding observations.
C. Principal areas of concern and recommendations (arts. 1-3)
Legislative framework
2. The Committee notes with concern the absence of a definition of discrimination.
3. Recalling its general recommendation No. 28 and target 5.1, the Committee recommends that the State party:
(a) Adopt a definition of discrimination;
(b) Repeal discriminatory provisions.
Dissemination
4. The Committee requests the State party to ensure the timely dissemination of the present concluding
observations.
Follow-up to concluding observations
5. The Committee requests the State party to provide, within two years, written information on the steps
taken to implement the recommendations contained in paragraph 3 (a) above.
Preparation of next report
6. The Committee invites the State party to submit its seventh periodic report in 2026.
* Adopted by the Committee at its 81st session (7 February-4 March 2022).
"""


def document(state: str) -> ParsedDocument:
    return parse(load(shared_path(*FOLDER, state, "CO.txt")).text)


def test_denmarks_recommendations_are_the_paragraphs_asking_the_state_party_to_act() -> None:
    found = document("denmark").recommendations
    assert [r.ref for r in found] == DENMARK_RECOMMENDATIONS
    assert {r.ref_scheme for r in found} == {"ccpr-co-paragraph"}  # as the CCPR follow-up parsers number them


def test_namibias_recommendations_are_the_paragraphs_asking_the_state_party_to_act() -> None:
    found = document("namibia").recommendations
    assert [r.ref for r in found] == NAMIBIA_RECOMMENDATIONS
    encouraged = next(r for r in found if r.ref == "22")
    assert encouraged.text.startswith("The Committee encourages the State party to adopt legislation")


@pytest.mark.parametrize(("state", "limbs"), [("denmark", DENMARK_LIMBS), ("namibia", NAMIBIA_LIMBS)])
def test_limbs_are_listed_and_stay_in_the_paragraphs_text(
    state: str, limbs: dict[str, tuple[str, ...]]
) -> None:
    found = document(state).recommendations
    assert {r.ref: r.limbs for r in found if r.limbs} == limbs
    for record in found:
        assert record.text.startswith(("The ", "It ", "In ")), record.text  # the number is the ref
        for letter in record.limbs:
            assert f"\n({letter}) " in record.text


def test_a_limb_whose_words_came_out_after_its_letter_is_put_back_together() -> None:
    [paragraph_12] = [r for r in document("namibia").recommendations if r.ref == "12"]
    assert (
        "\n(a) Cooperate with traditional leaders to abolish discriminatory customary laws;\n"
        in paragraph_12.text
    )


def test_a_lost_limb_letter_is_reported_where_it_happened() -> None:
    problems = [p.describe() for p in document("namibia").problems if "lettered" in p.message]
    assert problems == [
        "paragraph 12, line 56 (Discrimination against women): limbs (a), (b), (c), (e) are not lettered in "
        "order: one may have been lost in conversion"
    ]


@pytest.mark.parametrize(("state", "due"), [("denmark", DENMARK_FOLLOW_UP), ("namibia", NAMIBIA_FOLLOW_UP)])
def test_the_follow_up_paragraph_marks_its_paragraphs_with_the_deadline(
    state: str, due: dict[str, date]
) -> None:
    parsed = document(state)
    assert {r.ref: r.follow_up_due for r in parsed.recommendations if r.follow_up_due_text} == due
    texts = {r.follow_up_due_text for r in parsed.recommendations if r.follow_up_due_text}
    assert texts == {"within one year of the adoption of the present concluding observations"}
    assert parsed.stated_counts["follow-up paragraphs"] == 3


def test_the_symbol_committee_state_date_and_session_are_read() -> None:
    parsed = document("denmark")
    assert parsed.kind == KIND
    assert parsed.symbol == "CCPR/C/DNK/CO/6"
    assert parsed.review == ReviewKey("DNK", "CCPR", 6, session=117, year=2016)
    assert parsed.author is not None and parsed.author.acronym == "CCPR"
    assert parsed.published_on == date(2016, 8, 15)
    [info] = parsed.review_infos
    assert (info.symbols, info.adopted_on) == (("CCPR/C/DNK/CO/6",), date(2016, 7, 7))
    assert document("namibia").review == ReviewKey("NAM", "CCPR", 2, session=116, year=2016)


def test_each_recommendation_keeps_its_subject_heading_and_the_concern_before_it() -> None:
    found = {r.ref: r for r in document("denmark").recommendations}
    assert found["20"].theme_heading == "Domestic violence"
    assert found["20"].context.startswith("19. While noting the various action plans")
    # a heading sharing its line with two paragraphs (page 7 of the PDF)
    assert found["36"].theme_heading == "Family reunification"
    assert found["36"].context.startswith("35. The Committee is concerned at the amendment to the Aliens Act")
    assert found["18"].context.startswith(
        "17. The Committee is concerned about the persistence of a gender wage"
    )
    # a paragraph continued on the next page, past the page number and the repeated symbol
    assert found["24"].text.endswith("to develop alternative measures where necessary.")


def test_concluding_observations_are_detected_and_the_states_follow_up_reply_is_not() -> None:
    for state in ("denmark", "namibia"):
        assert source_for(load(shared_path(*FOLDER, state, "CO.txt"))).kind == KIND
        assert not detect(load(shared_path(*FOLDER, state, "FCO.txt")).text)  # CCPR/C/…/CO/N/Add.1
    # the Committee's follow-up report quotes CO symbols and a "Concluding observations" column header
    assert not detect(load(shared_path("data", "ccpr-followup", "reports", "105_2.txt")).text)


def test_another_committees_recommends_paragraph_and_dated_follow_up_are_read() -> None:
    assert detect(CESCR)
    parsed = parse(CESCR)
    assert parsed.review == ReviewKey("NOR", "CESCR", 4, session=69, year=2021)
    [recommendation] = parsed.recommendations
    assert (recommendation.ref, recommendation.ref_scheme, recommendation.limbs) == (
        "3",
        "cescr-co-paragraph",
        ("a", "b"),
    )
    assert recommendation.theme_heading == "Right to water"
    assert (recommendation.follow_up_due_text, recommendation.follow_up_due) == (
        "by 31 March 2023",
        date(2023, 3, 31),
    )
    committee = "Committee on Economic, Social and Cultural Rights"
    assert parsed.title == f"{committee}: concluding observations on Norway (E/C.12/NOR/CO/3-4)"
    assert not [p for p in parsed.problems if "title" in p.message]


def test_a_title_naming_another_state_than_the_symbol_is_reported() -> None:
    parsed = parse(CESCR.replace("reports of Norway", "reports of Denmark"))
    assert [p.describe() for p in parsed.problems if "title" in p.message] == [
        "line 6: the title 'Concluding observations on the combined third and fourth periodic reports of"
        " Denmark*' does not name the State of the symbol (NOR)"
    ]


def test_concluding_observations_without_recommendations_are_refused_with_the_place() -> None:
    text = CESCR.split("3. The Committee recommends")[0]
    with pytest.raises(DocumentRejected, match=r"line 6: none of the 2 paragraphs recommends anything"):
        parse(text)
    with pytest.raises(DocumentRejected, match=r"line 2: the symbol E/C.12/XYZ/CO/3-4 names no known State"):
        parse(CESCR.replace("NOR", "XYZ"))
    with pytest.raises(DocumentRejected, match="the text is empty"):
        parse("  \n")


def _as_word(text: str) -> bytes:
    from docx import Document

    word = Document()
    for line in text.split("\n"):
        word.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _as_pdf(text: str) -> bytes:
    """Lines wrapped at 95 characters, pages of 60 lines: sentences broken across lines and pages."""
    import pymupdf

    pdf = pymupdf.open()  # type: ignore[no-untyped-call]
    wrapped = [part for line in text.split("\n") for part in textwrap.wrap(line, 95) or [""]]
    for start in range(0, len(wrapped), 60):
        page = pdf.new_page()
        for row, line in enumerate(wrapped[start : start + 60]):
            page.insert_text((40, 50 + 12 * row), line, fontsize=9)
    data: bytes = pdf.tobytes()  # type: ignore[no-untyped-call]
    return data


@pytest.mark.parametrize(("name", "convert"), [("co.docx", _as_word), ("co.pdf", _as_pdf)])
@pytest.mark.parametrize(
    ("state", "refs", "limbs", "due"),
    [
        ("denmark", DENMARK_RECOMMENDATIONS, DENMARK_LIMBS, DENMARK_FOLLOW_UP),
        ("namibia", NAMIBIA_RECOMMENDATIONS, NAMIBIA_LIMBS, NAMIBIA_FOLLOW_UP),
    ],
)
def test_the_same_paragraphs_are_read_from_word_and_from_a_pdf_with_wrapped_lines(
    name: str,
    convert: Callable[[str], bytes],
    state: str,
    refs: list[str],
    limbs: dict[str, tuple[str, ...]],
    due: dict[str, date],
) -> None:
    text = shared_path(*FOLDER, state, "CO.txt").read_text(encoding="utf-8")
    loaded = load_bytes(convert(text), name)
    assert source_for(loaded).kind == KIND
    found = parse(loaded.text).recommendations
    assert [r.ref for r in found] == refs
    assert {r.ref: r.limbs for r in found if r.limbs} == limbs
    assert {r.ref: r.follow_up_due for r in found if r.follow_up_due} == due


def test_cedaws_headings_for_dissemination_follow_up_and_next_report_hold_no_recommendation() -> None:
    parsed = parse(CEDAW)
    assert parsed.review == ReviewKey("NAM", "CEDAW", 6, session=81, year=2022)
    assert parsed.published_on == date(2022, 3, 12)  # "Distr.: General" and its date on two lines
    [recommendation] = parsed.recommendations
    assert (recommendation.ref, recommendation.ref_scheme) == ("3", "cedaw-co-paragraph")
    assert recommendation.theme_heading == "Legislative framework"
    assert (
        recommendation.context
        == "2. The Committee notes with concern the absence of a definition of discrimination."
    )
    assert (recommendation.follow_up_due_text, recommendation.follow_up_due) == (
        "within two years",
        date(2024, 3, 2),
    )


def test_a_paragraph_number_lost_in_conversion_is_reported_and_the_next_ones_still_read() -> None:
    text = load(shared_path(*FOLDER, "denmark", "CO.txt")).text
    assert text.count("\n17. The Committee") == 1
    parsed = parse(text.replace("\n17. The Committee", "\nThe Committee"))
    assert [r.ref for r in parsed.recommendations] == DENMARK_RECOMMENDATIONS
    assert [p.describe() for p in parsed.problems if "numbering" in p.message] == [
        "paragraph 18, line 72 (Gender equality): no paragraph 17: the numbering goes from 16 to 18"
    ]


def test_every_limb_is_addressable_as_paragraph_and_letter() -> None:
    found = {r.ref: r for r in document("namibia").recommendations}
    addresses = [address(ref, letter) for ref, letters in NAMIBIA_LIMBS.items() for letter in letters]
    assert addresses[:4] == ["10 (a)", "10 (b)", "10 (c)", "10 (d)"] and len(addresses) == 21
    for cited in addresses:
        ref, letter = split_address(cited)
        assert letter in found[ref].limbs
