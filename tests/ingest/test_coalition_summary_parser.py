"""Parser of an NGO coalition's UPR summary slides, proven on seed 004 (Kazakhstan, 4th cycle, 2024).

Runs without Django: ``.venv/bin/pytest tests/ingest/test_coalition_summary_parser.py -p no:django``.
"""

from __future__ import annotations

import doctest
import importlib
import random
from pathlib import Path

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import IssueSummaryRecord, ParsedDocument, Place, ReviewKey, StakeholderRecord
from rightstrack.ingest.sources.coalition_summary.parser import KIND, detect, parse

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
SEED = SEEDS / "004_1d5277ce5c192c43.txt"
VOCABULARY = SHARED / "data" / "taxonomies" / "upr_info_issues_2019.txt"
PACKAGE = (
    Path(__file__).resolve().parents[2] / "src" / "rightstrack" / "ingest" / "sources" / "coalition_summary"
)
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__")
COALITION = StakeholderRecord(
    "Kazakhstani NGOs Coalition on Universal Periodic Review (UPR)", "", "coalition"
)
CYCLE_3 = ReviewKey("KAZ", "UPR", cycle=3)
CYCLE_4 = ReviewKey("KAZ", "UPR", cycle=4)
RELIGION = "Issue 1: Freedom of Religion and Belief"

# A small deck of the same layout, for behaviour that needs no seed.
TINY = """2nd Cycle of the Universal Periodic Review of Chile

**CHILEAN NGOS COALITION ON UPR**

Issue 1: Torture

1st UPR cycle – 4 recommendations

Implemented (1) - a law.

Not implemented (3)

Issue 1: Torture

Recommendations:

- Investigate.
- Compensate victims
and their families.

Thank you!
"""


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed 004 not found at {SEED} (../shared absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(seed_text: str) -> ParsedDocument:
    return parse(seed_text)


@pytest.fixture(scope="module")
def issues(document: ParsedDocument) -> dict[str, IssueSummaryRecord]:
    return {summary.issue: summary for summary in document.issue_summaries}


def rejection(text: str) -> DocumentRejected:
    with pytest.raises(DocumentRejected) as caught:
        parse(text)
    return caught.value


def seed(name: str) -> str:
    found = sorted(SEEDS.glob(f"{name}_*.txt"))
    if not found:
        pytest.skip(f"seed {name} not found in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


# --- detection ------------------------------------------------------------------------------------


def test_it_detects_the_slides(seed_text: str) -> None:
    assert detect(seed_text)


@pytest.mark.parametrize("name", ["000", "001", "002", "003"])
def test_it_does_not_detect_the_other_seeds(name: str) -> None:
    assert not detect(seed(name))


# --- the document as a whole ------------------------------------------------------------------------


def test_it_names_kind_title_review_and_the_coalition_as_author(document: ParsedDocument) -> None:
    assert document.kind == KIND == "coalition-summary"
    assert document.title == "4th Cycle of the Universal Periodic Review of the Republic of Kazakhstan"
    assert document.review == CYCLE_3
    assert document.author == COALITION
    assert document.stakeholders == [
        StakeholderRecord("Kazakhstan International Bureau for Human Rights and the Rule of Law", "", "ngo"),
        COALITION,
    ]


def test_it_merges_the_slides_of_each_issue_into_one_summary(document: ParsedDocument) -> None:
    assert [(s.issue, s.place) for s in document.issue_summaries] == [
        ("Freedom of Religion and Belief", Place(line=13, section=RELIGION)),
        ("Children's rights", Place(line=34, section="Issue 2: Children's rights")),
        ("Women's rights", Place(line=65, section="Issue 3: Women's rights")),
    ]
    assert all(summary.review == CYCLE_3 for summary in document.issue_summaries)


def test_it_reads_each_issues_counts(issues: dict[str, IssueSummaryRecord]) -> None:
    counts = {
        name: (s.total, s.total_text, s.implemented, s.partially, s.not_implemented)
        for name, s in issues.items()
    }
    assert counts == {
        "Freedom of Religion and Belief": (9, "9 recommendations", 1, 3, 5),
        "Children's rights": (40, "about 40 recommendations", 1, 38, 1),
        "Women's rights": (52, "52 recommendations", 16, None, None),
    }


def test_it_reports_counts_it_summed_or_could_not_find(document: ParsedDocument) -> None:
    assert [problem.describe() for problem in document.problems] == [
        "line 69 (Issue 3: Women's rights): implemented: 16, the sum of the per-topic counts 2 + 6 + 8",
        "line 71 (Issue 3: Women's rights): no count given for 'partially implemented'",
        "line 77 (Issue 3: Women's rights): no count given for 'not implemented'",
    ]


def test_it_keeps_the_evidence_as_written(issues: dict[str, IssueSummaryRecord]) -> None:
    religion = issues["Freedom of Religion and Belief"].evidence
    assert religion.startswith(
        "Implemented/partially implemented (1/3) - e.g., holding the Congress of leaders of world "
        "religions\n\n"
        "Not Implemented (5), requiring specific actions, incl.:\n\n"
        "- To simplify the registration of religious communities; ensure full implementation of FoRB in "
        "accordance with international standards;\n- To review the legislation"
    )
    assert religion.endswith("religion, ethnicity, sexual orientation and gender identity.")
    children = issues["Children's rights"].evidence.split("\n\n")
    assert len(children) == 7
    assert children[1] == (
        "The 3rd Optional Protocol was ratified by the Law of the Republic of Kazakhstan on 19 December 2023 "
        "(No. 47-VIII)."
    )
    assert children[4].startswith("For 9 months of 2024 133 minors became victims of rape")
    assert "3rd UPR cycle" not in issues["Children's rights"].evidence
    assert (
        issues["Women's rights"].evidence.split("\n\n")[4]
        == "Legislation does not define the term “discrimination”"
    )


def test_it_reads_the_new_recommendations(issues: dict[str, IssueSummaryRecord]) -> None:
    assert issues["Freedom of Religion and Belief"].new_recommendations == (
        "Review Article 22 of the RK Constitution, which states that “everyone has the right to freedom of "
        "conscience.” This provision does not clarify the concept of “freedom of conscience.”",
        "Review the Law on Religious Activity and Religious Associations of 2011 and its subordinate acts to "
        "bring them into compliance with Articles 18 and 19 of the ICCPR.",
        "Introduce alternative military service.",
        "Develop and adopt anti-discrimination legislation.",
    )
    assert len(issues["Children's rights"].new_recommendations) == 4
    assert issues["Children's rights"].new_recommendations[3] == (
        "To investigate cases of torture against minors during the Bloody January events 2022."
    )
    assert issues["Women's rights"].new_recommendations[1] == (
        "Equal political conditions, equal access to media, impartiality of election commissions should be "
        "ensured for women candidates."
    )


def test_it_makes_each_new_recommendation_a_suggestion_of_the_coalition(document: ParsedDocument) -> None:
    assert len(document.suggestions) == 11
    first = document.suggestions[0]
    assert (first.place, first.theme, first.for_review, first.author) == (
        Place(line=29, section=RELIGION),
        "Freedom of Religion and Belief",
        CYCLE_4,
        COALITION,
    )
    texts = [text for summary in document.issue_summaries for text in summary.new_recommendations]
    assert [suggestion.text for suggestion in document.suggestions] == texts
    assert [s.place.line for s in document.suggestions if s.theme == "Women's rights"] == [87, 88, 89]


def test_it_reports_issues_missing_from_a_vocabulary_given(seed_text: str) -> None:
    if not VOCABULARY.exists():
        pytest.skip(f"vocabulary not found at {VOCABULARY}")
    document = parse(seed_text, VOCABULARY.read_text(encoding="utf-8").splitlines())
    assert [p.describe() for p in document.problems if "vocabulary" in p.message] == [
        "line 34 (Issue 2: Children's rights): issue \"Children's rights\" is not in the issue vocabulary: "
        "kept as written"
    ]


def test_it_reads_a_small_deck_of_the_same_layout() -> None:
    document = parse(TINY)
    (summary,) = document.issue_summaries
    assert (summary.issue, summary.total, summary.implemented, summary.not_implemented) == (
        "Torture",
        4,
        1,
        3,
    )
    assert summary.review == ReviewKey("CHL", "UPR", cycle=1)
    assert summary.new_recommendations == ("Investigate.", "Compensate victims and their families.")
    assert document.author == StakeholderRecord("Chilean NGOs Coalition on UPR", "", "coalition")
    assert [s.for_review for s in document.suggestions] == [ReviewKey("CHL", "UPR", cycle=2)] * 2


def test_it_reports_counts_that_do_not_add_up() -> None:
    document = parse(TINY.replace("Implemented (1)", "Implemented (2)"))
    assert [problem.describe() for problem in document.problems] == [
        "line 5 (Issue 1: Torture): the counts add up to 5, more than the '4 recommendations' stated"
    ]
    document = parse(TINY.replace("Not implemented (3)", "Not implemented (2)\n\nPartially implemented (0)"))
    assert [problem.describe() for problem in document.problems] == [
        "line 5 (Issue 1: Torture): the counts add up to 3, not the '4 recommendations' stated"
    ]


# --- rejections ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " \n\n\t"])
def test_it_rejects_an_empty_text(text: str) -> None:
    assert str(rejection(text)) == "line 1: the text is empty"


def test_it_rejects_a_text_truncated_at_half(seed_text: str) -> None:
    lines = seed_text.split("\n")
    error = rejection("\n".join(lines[: len(lines) // 2]))
    assert str(error) == (
        "line 46 (Issue 2: Children's rights): Issue 2: Children's rights has no 'Recommendations' slide "
        "(the issue starts at line 34): the text is truncated or out of order"
    )


def test_it_rejects_a_text_that_stops_in_mid_sentence(seed_text: str) -> None:
    error = rejection(seed_text.split(" during the Bloody January")[0])
    assert str(error) == (
        "line 63 (issues): the text stops in mid-sentence ('estigate cases of torture against minors') "
        "with no closing slide: it is truncated"
    )


def test_it_rejects_shuffled_lines(seed_text: str) -> None:
    lines = seed_text.split("\n")
    error = rejection("\n".join(random.Random(1).sample(lines, len(lines))))
    assert error.place is not None and error.place.section == "title"
    assert error.reason.startswith("not an NGO coalition summary of a UPR cycle: the first line is not")


def test_it_rejects_shuffled_slides_under_a_kept_title(seed_text: str) -> None:
    lines = seed_text.split("\n")
    error = rejection("\n".join(lines[:3] + random.Random(1).sample(lines[3:], len(lines) - 3)))
    assert (
        str(error)
        == "line 33 (Issue 2: Children's rights): issue numbers skip: expected Issue 1, found Issue 2"
    )


def test_it_rejects_issue_numbers_that_skip(seed_text: str) -> None:
    error = rejection(seed_text.replace("Issue 3:", "Issue 4:"))
    assert (
        str(error) == "line 65 (Issue 4: Women's rights): issue numbers skip: expected Issue 3, found Issue 4"
    )


def test_it_rejects_an_issue_that_comes_back(seed_text: str) -> None:
    error = rejection(
        seed_text.replace(
            "Issue 2: Children's rights\n\nRecommendations\n", "Issue 1: X\n\nRecommendations\n"
        )
    )
    assert str(error) == (
        "line 56 (Issue 1: X): Issue 1 reappears after Issue 2 (first at line 13): "
        "the slides are out of order"
    )


def test_it_rejects_an_issue_without_its_total(seed_text: str) -> None:
    error = rejection(seed_text.replace("3rd UPR cycle – 52 recommendations", "52 recommendations"))
    assert str(error) == (
        "line 89 (Issue 3: Women's rights): Issue 3: Women's rights gives no "
        "'3rd UPR cycle – N recommendations' line"
    )


def test_it_rejects_the_state_report() -> None:
    error = rejection(seed("002"))
    assert str(error) == (
        "line 3 (title): not an NGO coalition summary of a UPR cycle: the first line is not "
        "'<N>th Cycle of the Universal Periodic Review of <State>' but 'Report on Human Rights in Kazakhstan'"
    )


def test_it_rejects_a_title_without_issue_slides() -> None:
    error = rejection("4th Cycle of the Universal Periodic Review of Kazakhstan\n\nSome words.\n")
    assert str(error) == "line 3 (issues): no 'Issue N: <title>' slide"


# --- code quality -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MODULES)
def test_its_doctests_pass_and_its_modules_stay_small(name: str) -> None:
    module = importlib.import_module(f"rightstrack.ingest.sources.coalition_summary.{name}")
    failures, _ = doctest.testmod(module)
    assert failures == 0
    assert len((PACKAGE / f"{name}.py").read_text(encoding="utf-8").splitlines()) < 300
