"""OHCHR "thematic list of recommendations" (UPR matrix) parser, proven on China's 2013 and 2018 matrices.

The 2019 and 2022 layouts have no sample in ../shared: ``matrix_builder`` makes them with python-docx.
Runs without Django: ``.venv/bin/pytest tests/ingest/test_ohchr_matrix_parser.py -p no:django``.
"""

from __future__ import annotations

import csv
import doctest
import importlib
import io
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from rightstrack.core import uhri
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, RecommendationRecord, ReviewKey
from rightstrack.core.uhri import VOCABULARIES, match_key, normalise_sdg_goal, normalise_theme
from rightstrack.ingest.sources.ohchr_matrix.parser import KIND, detect, parse
from rightstrack.ingest.sources.wg_report.parts import paragraphs
from tests.ingest.matrix_builder import (
    COLUMNS_2019,
    SLOVENIA_TERMS,
    build_docx,
    matrix_2019,
    matrix_2022,
    slovenia_2019,
    slovenia_2025,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ohchr-matrices"
MATRICES = {
    "17": DATA / "china_Matrix_recommendations_2013.docx",
    "31": DATA / "china_Matrix_recommendations_2018.docx",
}
REFERENCE = DATA / "china_c2-c3_expected.csv"
PACKAGE = "rightstrack.ingest.sources.ohchr_matrix"
MODULES = ("cells", "columns", "docx_reading", "parser", "review", "rows", "terms")
HEADER = "UPR of Kazakhstan (3rd Cycle – 34th session)\t\tThematic list of recommendations"
ROW = ("134.1 Ratify the CPED (France);\nSource of Position: A/HRC/43/11 - Para 134", "Supported", "", "")
THEMES_IN_CSV = re.compile(r"; (?=[A-HS]\d{0,2} )")  # "F31 Children: definition; general ..." holds "; "

# Rows where the reference parse and this parser differ, and why (the reference is wrong, or this
# parser reads more than it).
REFERENCE_DIFFERS = {
    (
        "186.1",
        "states",
    ): "reference lists Maldives twice and keeps the broken 'Sierra Le one'; read as Sierra Leone",
    ("186.198", "states"): "reference keeps the broken 'Plurinational S tate of'; read as 'State'",
    ("28.14", "states"): "reference takes '(the Paris Principles)' for a recommending State",
    ("28.14", "text"): "reference drops '(the Paris Principles)' from the text with the State tail",
    ("28.74", "states"): "reference takes '(2016–2020)' for a recommending State",
    ("28.74", "text"): "reference drops the plan's years '(2016–2020)' from the text",
    ("28.114", "states"): "reference takes '(2011–2020)' for a recommending State",
    ("28.114", "text"): "reference drops the plan's years '(2011–2020)' from the text",
}

needs_data = pytest.mark.skipif(
    not REFERENCE.exists(), reason=f"OHCHR matrices not found in {DATA} (../shared/data absent)"
)


@pytest.fixture(scope="module")
def china() -> dict[str, ParsedDocument]:
    return {session: parse(path.read_bytes()) for session, path in MATRICES.items()}


@pytest.fixture(scope="module")
def reference() -> list[dict[str, str]]:
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _spaces(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _expected_text(row: dict[str, str]) -> str:
    """The reference's recommendation without its "(State)" tails, as this parser gives texts."""
    text = row["recommendation"]
    for state in row["recommending_states"].split("; "):
        text = re.sub(r"\s*\(" + re.escape(state) + r"\)", "", text)
    return _spaces(text).rstrip(" ;.,")


def _semicolons(text: str) -> str:
    return re.sub(r"\s*;\s*", "; ", text)


def _agreements(record: RecommendationRecord, row: dict[str, str]) -> dict[str, bool]:
    themes = [normalise_theme(label) for label in THEMES_IN_CSV.split(row["themes"]) if label]
    goals = [normalise_sdg_goal(label) for label in row["sdgs"].split("; ") if label]
    response = {"accepted": "Supported", "noted": "Noted"}.get(record.response, record.response)
    return {
        "position": response == row["position"],
        "source": record.position_source == _spaces(row["source_of_position"]),
        "heading": record.theme_heading == _spaces(row["matrix_theme_heading"]),
        "themes": record.terms.get("uhri-themes") == [theme[1] for theme in themes if theme],
        "groups": record.terms.get("uhri-groups") == row["groups_of_persons"].split("; "),
        "sdgs": record.terms.get("sdg-goals", []) == [goal[1] for goal in goals if goal],
        "states": "; ".join(record.recommending_states) == row["recommending_states"],
        # a paragraph of several clauses is compared joined again: spaces around ";" do not count
        "text": _semicolons(record.text) == _semicolons(_expected_text(row)),
    }


@needs_data
def test_it_reads_every_row_of_the_china_matrices_as_the_reference_parse(
    china: dict[str, ParsedDocument], reference: list[dict[str, str]]
) -> None:
    agreed: Counter[str] = Counter()
    differences = {}
    for row in reference:
        records = paragraphs(china[row["session"]].recommendations)
        record = records[row["paragraph"]]
        for name, same in _agreements(record, row).items():
            agreed[name] += same
            if not same:
                differences[(row["paragraph"], name)] = (record, row)
    assert {session: len(paragraphs(document.recommendations)) for session, document in china.items()} == {
        "17": 252,
        "31": 346,
    }
    assert [r["paragraph"] for r in reference if r["session"] == "17"] == list(
        paragraphs(china["17"].recommendations)
    )
    for name in ("position", "source", "heading", "themes", "groups", "sdgs"):
        assert agreed[name] == len(reference), name
    # 593/598 States and 595/598 texts: every difference is a known one of the reference's
    assert set(differences) == set(REFERENCE_DIFFERS)
    assert (agreed["states"], agreed["text"]) == (593, 595)


@needs_data
def test_it_finds_the_review_in_the_page_header(china: dict[str, ParsedDocument]) -> None:
    assert china["17"].review == ReviewKey("CHN", "UPR", 2, 17, 2013)
    assert china["31"].review == ReviewKey("CHN", "UPR", 3, 31, 2018)
    assert china["31"].title == "UPR of China (3rd Cycle – 31st session) – Thematic list of recommendations"
    assert china["17"].kind == KIND


@needs_data
def test_it_files_each_china_row_with_its_place_and_reports_only_the_broken_state_names(
    china: dict[str, ParsedDocument],
) -> None:
    first = china["17"].recommendations[0]
    assert (first.ref, first.ref_scheme, first.place.row, first.place.section, first.place.paragraph) == (
        "186.28",
        "ohchr-paragraph",
        3,
        "A12 Acceptance of international norms",
        "186.28",
    )
    assert (
        first.text
        == "Continue its efforts on the ratification of other human rights instruments and relevant protocols"
    )
    assert first.position_source == "A/HRC/25/5/Add.1 - Para. 186.28."
    assert [problem.describe() for problem in china["17"].problems] == [
        "paragraph 186.1, row 29 (A12 Acceptance of international norms): "
        "recommending State written 'Sierra Le one', read as 'Sierra Leone'",
        "paragraph 186.198, row 76 (A47 Good governance): "
        "recommending State written 'Bolivia (Plurinational S tate of)', "
        "read as 'Bolivia (Plurinational State of)'",
    ]
    assert china["31"].problems == []
    assert not any(problem.fatal for document in china.values() for problem in document.problems)


@needs_data
def test_it_detects_the_china_matrices_and_not_their_truncated_bytes() -> None:
    data = MATRICES["17"].read_bytes()
    assert detect(data)
    assert not detect(data[: len(data) // 2])


def test_it_reads_the_2019_layout() -> None:
    document = parse(matrix_2019())
    assert document.review == ReviewKey("KAZ", "UPR", 3, 34, 2019)
    first, split, death = paragraphs(document.recommendations).values()
    assert first.recommending_states == ["France", "Germany"]
    assert (
        first.text
        == "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance"
    )
    assert first.terms == {
        "uhri-themes": ["Acceptance of international norms", "Enforced disappearances"],
        "sdg-goals": ["Peace, justice and strong institutions"],
        "uhri-groups": ["disappeared persons"],
    }
    assert (first.response, first.position_source, first.theme_heading) == (
        "accepted",
        "A/HRC/43/11 - Para 134",
        "Acceptance of international norms",
    )
    assert split.response == "partially accepted"
    assert split.recommending_states == ["Ukraine", "Iran (Islamic Republic of)"]
    assert split.text.endswith("against Women; Consider ratifying the Istanbul Convention")
    assert split.terms["sdg-goals"] == ["Gender equality"] and split.terms["sdg-targets"] == ["5.2"]
    assert split.terms["uhri-groups-unmatched"] == ["Roma and Sinti"]
    assert (death.response, death.recommending_states, death.theme_heading) == (
        "noted",
        ["Uruguay", "Mali"],
        "Death penalty",
    )
    assert death.terms["uhri-themes-unmatched"] == ["Unheard-of theme"]
    assert [problem.describe() for problem in document.problems] == [
        "paragraph 134.2, row 4 (Acceptance of international norms): split position 'Supported/Noted': "
        "part of the paragraph supported, part noted; recorded as partially accepted",
        "paragraph 134.2, row 4 (Acceptance of international norms): group of persons 'Roma and Sinti' "
        "is not in uhri-groups 2019; kept under uhri-groups-unmatched",
        "paragraph 135.7, row 6 (Death penalty): theme 'Unheard-of theme' is not in uhri-themes "
        "2019; kept under uhri-themes-unmatched",
    ]


def test_a_paragraph_of_several_states_recommendations_gives_one_record_per_clause_as_the_report() -> None:
    """140.27 "Intensify efforts to combat hate speech (Gambia); Step up the fight against racism (China);"
    is two recommendations, as the Working Group report's parser and UPR Info count them."""
    records = [r for r in parse(matrix_2022()).recommendations if r.ref == "140.27"]
    assert [(r.ref_part, r.text, r.recommending_states, r.response) for r in records] == [
        ("a", "Intensify efforts to combat hate speech", ["Gambia"], "noted"),
        ("b", "Step up the fight against racism", ["China"], "noted"),
    ]
    assert records[0].terms == records[1].terms and records[0].terms is not records[1].terms


def test_it_reads_the_2022_layout_once_per_recommendation_with_all_its_themes() -> None:
    document = parse(matrix_2022())
    assert document.review == ReviewKey("KAZ", "UPR", 4, 48, 2025)
    assert list(paragraphs(document.recommendations)) == ["140.26", "140.27"]
    twice, other = paragraphs(document.recommendations).values()
    assert twice.theme_heading == "Equality & non-discrimination"
    assert twice.terms == {
        "uhri-themes": ["Equality & non-discrimination", "Racial discrimination", "Members of minorities"],
        "uhri-groups": ["public officials", "Women & girls", "media"],
        "sdg-goals": ["Reduced inequalities", "Peace, justice and strong institutions"],
        "sdg-targets": ["10.3"],
    }
    assert (other.response, other.recommending_states, other.terms["sdg-goals"]) == (
        "noted",
        ["Gambia", "China"],
        ["Reduced inequalities"],
    )
    assert document.problems == []


@pytest.mark.parametrize("build", [slovenia_2019, slovenia_2025])
def test_every_theme_and_group_a_real_list_of_2019_or_later_writes_is_a_term_of_its_version(
    build: Callable[[], bytes],
) -> None:
    document = parse(build())
    assert len(document.recommendations) == {slovenia_2019: 7, slovenia_2025: 6}[build]
    for record in document.recommendations:
        themes, groups = SLOVENIA_TERMS[record.ref]
        assert [match_key(label) for label in record.terms["uhri-themes"]] == [match_key(t) for t in themes]
        assert [match_key(label) for label in record.terms.get("uhri-groups", [])] == [
            match_key(group) for group in groups
        ]
        assert not [code for code in record.terms if code.endswith("-unmatched")], record.ref
    assert document.problems == []


def test_in_the_2022_layout_the_heading_a_recommendation_sits_under_is_one_of_its_themes() -> None:
    document = parse(slovenia_2025(without_heading="140.11"))
    record = next(record for record in document.recommendations if record.ref == "140.11")
    assert record.theme_heading == "Ratification of & accession to international instruments"
    assert record.terms["uhri-themes"] == [
        "Ratification of & accession to international instruments",
        "Refugees & asylum seekers",
    ]


def test_a_theme_written_in_another_versions_words_is_read_as_the_term_of_the_documents_version() -> None:
    assert normalise_theme("A41 Constitutional and legislative framework", 2019) == (
        "",
        "Constitutional & legislative framework",
    )
    assert normalise_theme("- Right to health", 2018) == ("E41", "Right to health - General")
    # "Women & girls" continues two 2013-2018 groups: in a 2018 list it is not guessed at
    assert uhri.normalise_group("- Women & girls", 2018) is None


def test_it_reads_columns_by_their_header_not_their_place() -> None:
    order = (2, 0, 3, 1)  # Full list of themes, Recommendation, Assessment..., Position
    row = (
        "134.1 Ratify the CPED (France);",
        "Noted",
        "A12 Acceptance of international norms\nAffected persons:\n- women",
        "",
    )
    data = build_docx(HEADER, [COLUMNS_2019[i] for i in order], ["Theme: A12", tuple(row[i] for i in order)])
    (record,) = parse(data).recommendations
    assert (record.ref, record.response, record.recommending_states) == ("134.1", "noted", ["France"])
    assert record.terms == {"uhri-themes": ["Acceptance of international norms"], "uhri-groups": ["women"]}


def test_it_finds_the_header_below_a_title_row() -> None:
    data = build_docx(HEADER, ("Thematic list", "", "", ""), [COLUMNS_2019, "Theme: A12", ROW])
    (record,) = parse(data).recommendations
    assert (record.ref, record.place.row, record.theme_heading) == ("134.1", 4, "A12")


def test_it_detects_matrices_by_their_header_and_nothing_else() -> None:
    assert detect(matrix_2019()) and detect(matrix_2022())
    assert not detect(b"Recommendation\tPosition\n134.1 Ratify the CPED (France);\tSupported\n")
    assert not detect(matrix_2019()[:3000])
    assert not detect(build_docx(HEADER, ("Name", "Date")))
    assert not detect(build_docx(HEADER, None, paragraphs=["Recommendation", "Position"]))
    assert not detect(b"")


def _xlsx() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason", "where"),
    [
        pytest.param(
            lambda: build_docx(HEADER, None, paragraphs=["Recommendations of the review"]),
            "the document has no table",
            "document (body)",
            id="no table",
        ),
        pytest.param(
            lambda: build_docx(
                HEADER, ("Recommendation", "Full list of themes"), [("134.1 Ratify (France);", "")]
            ),
            "has no position column (it reads: Recommendation | Full list of themes)",
            "row 1 (table 1 header)",
            id="no position column",
        ),
        pytest.param(
            lambda: build_docx(
                "Letter to the Minister", ("Name", "Date", "Amount"), [("A. B.", "1 May", "3")]
            ),
            "has no recommendation and no position column (it reads: Name | Date | Amount)",
            "row 1 (table 1 header)",
            id="another kind of DOCX",
        ),
        pytest.param(
            lambda: matrix_2019()[:4000], "not a readable DOCX file", "document (file)", id="truncated"
        ),
        pytest.param(lambda: _xlsx(), "not a readable DOCX file", "document (file)", id="a spreadsheet"),
        pytest.param(
            lambda: b"134.1 Ratify the CPED (France); Supported",
            "not a DOCX file: it is not a ZIP package",
            "document (file)",
            id="plain text",
        ),
        pytest.param(
            lambda: build_docx(HEADER, COLUMNS_2019, [ROW, ("Ratify the OP-CAT (Chile);", "Noted", "", "")]),
            "the recommendation does not start with a paragraph number: 'Ratify the OP-CAT (Chile);'",
            "row 3 (table)",
            id="a row without paragraph",
        ),
        pytest.param(
            lambda: build_docx("Thematic list of recommendations", COLUMNS_2019, [ROW]),
            "no State under review",
            "document (title)",
            id="no State in the title",
        ),
        pytest.param(
            lambda: build_docx(HEADER, COLUMNS_2019, ["Theme: A12 Acceptance of international norms"]),
            "the matrix lists no recommendation",
            "document (table 1)",
            id="no recommendation",
        ),
    ],
)
def test_it_rejects_what_it_cannot_read_whole_with_place_and_reason(
    data: Callable[[], bytes], reason: str, where: str
) -> None:
    with pytest.raises(DocumentRejected) as rejected:
        parse(data())
    assert reason in rejected.value.reason
    assert rejected.value.place is not None and rejected.value.place.describe() == where


def test_it_names_the_vocabularies_with_their_sizes_and_versions() -> None:
    sizes = {code: (len(vocabulary.labels), vocabulary.version) for code, vocabulary in VOCABULARIES.items()}
    assert sizes == {
        "uhri-themes": (91, "2013-2018"),
        "uhri-groups": (27, "2013-2018"),
        "sdg-goals": (17, "2015"),
        "sdg-targets": (169, "2015"),
    }
    for vocabulary in VOCABULARIES.values():
        assert len(set(vocabulary.labels)) == len(vocabulary.labels), vocabulary.code
    targets = VOCABULARIES["sdg-targets"].labels
    assert (targets[0], targets[-1], "3.d" in targets, "17.a" in targets) == ("1.1", "17.19", True, False)
    assert uhri.normalise_sdg_target("Target 5.a") == "5.a" and uhri.normalise_sdg_target("18.1") is None
    assert normalise_theme("G3 Indigenous peoples") is None
    assert normalise_sdg_goal("SDG 18") is None


@needs_data
def test_every_theme_group_and_sdg_of_the_reference_is_in_the_vocabularies(
    reference: list[dict[str, str]],
) -> None:
    for row in reference:
        assert all(normalise_theme(label) for label in THEMES_IN_CSV.split(row["themes"]))
        assert all(uhri.normalise_group(label) for label in row["groups_of_persons"].split("; "))
        assert all(normalise_sdg_goal(label) for label in row["sdgs"].split("; ") if label)


@pytest.mark.parametrize("name", MODULES)
def test_its_modules_are_small_and_their_examples_run(name: str) -> None:
    module = importlib.import_module(f"{PACKAGE}.{name}")
    assert module.__file__ is not None
    assert len(Path(module.__file__).read_text(encoding="utf-8").splitlines()) < 300
    assert doctest.testmod(module).failed == 0


def test_the_vocabulary_examples_run() -> None:
    assert doctest.testmod(uhri).failed == 0


def test_the_coded_themes_and_groups_of_slovenias_2014_list_are_in_the_2013_2018_version() -> None:
    rows = [
        "Theme: E33 Trade union rights",
        (
            "115.134 Enact and fully implement the necessary laws to ensure protection against interference "
            "in the establishment, functioning, and administration of worker organizations, consistent with "
            "the recommendations of ILO (United States of America);\n"
            "Source of position: A/HRC/28/15/Add.1 - Para. 4",
            "Supported",
            "E33 Trade union rights\nA41 Constitutional and legislative framework\n"
            "Affected persons:\n- general",
            "",
        ),
        "Theme: F41 Persons with disabilities: definition, general principles",
        (
            "115.147 Review the current practice of participatory rights of persons with disabilities in "
            "elections (Hungary);\nSource of position: A/HRC/28/15/Add.1 - Para. 3",
            "Supported",
            "F41 Persons with disabilities: definition, general principles\nF42 Persons with disabilities: "
            "accessibility, mobility\nF44 Persons with disabilities: protecting the integrity of the person\n"
            "Affected persons:\n- non-citizens\n- stateless persons",
            "",
        ),
    ]
    document = parse(build_docx("UPR of Slovenia (2nd Cycle – 20th session)", COLUMNS_2019, rows))
    unions, disabilities = document.recommendations
    assert unions.terms["uhri-themes"] == ["Trade union rights", "Constitutional and legislative framework"]
    assert disabilities.terms["uhri-themes"] == [
        "Persons with disabilities: definition, general principles",
        "Persons with disabilities: accessibility, mobility",
        "Persons with disabilities: protecting the integrity of the person",
    ]
    assert disabilities.terms["uhri-groups"] == ["non-citizens", "stateless persons"]
    assert document.problems == []
