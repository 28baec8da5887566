"""The State's answer as the field models it: the Working Group stage, the final position, conflicts."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from rightstrack.documents.importing import import_files
from rightstrack.recommendations.models import Recommendation, RecommendationRef, Review
from rightstrack.web.dashboard import dashboard
from rightstrack.web.listing import Filters
from tests.conftest import ROOT, shared_path

EXAMPLES = sorted((ROOT / "examples" / "kazakhstan").glob("*.txt"))


def _report(year: int) -> Path:
    return shared_path("data", "wg-reports", "texts", f"kazakhstan{year}.txt")


def _upr_info() -> Path:
    return shared_path("data", "kazakhstan", "upr_2010_2014.csv")


def _paragraph(cycle: int, number: str) -> Recommendation:
    ref = RecommendationRef.objects.get(
        review__state_id="KAZ", review__cycle=cycle, scheme="ohchr-paragraph", value=number
    )
    return ref.recommendation


def test_the_working_group_stage_is_kept_apart_from_the_final_position(vocabularies: None) -> None:
    import_files([_report(2010), _report(2014)])
    # 2014 paragraph 125: "in the process of being implemented", not "already implemented"
    in_process = _paragraph(2, "125.1")
    assert (in_process.response, in_process.wg_stage) == ("supported", "in process of implementation")
    assert in_process.position_label == "Supported (in process of implementation)"
    assert _paragraph(2, "124.1").wg_stage == "already implemented"
    # 2010 paragraph 97: "will be examined": no final position yet, and it says so
    pending = _paragraph(1, "97.1")
    assert (pending.response, pending.wg_stage) == ("", "will examine")
    assert pending.position_label == "Pending (will be examined)"


def test_the_response_filter_finds_every_supported_and_every_pending_recommendation(
    vocabularies: None, client: Client
) -> None:
    import_files([_report(2010)])
    first = {"state": "KAZ", "cycle": "1", "mechanism": "UPR"}

    def count(**query: str) -> int:
        return int(client.get("/recommendations.json", {**first, **query}).json()["count"])

    # 35 supported + 68 "already implemented or in process" (all supported); 26 "will be examined"
    assert count(response="supported") == count(response="accepted") == 103
    assert count(response="pending") == count(response="will examine") == 26
    assert count(response="noted") == 0
    # "Which supported recommendations are still not implemented?" (nobody assessed them yet)
    assert count(response="supported-open") == 103


def test_the_kazakhstan_example_carries_the_final_positions_upr_info_records(vocabularies: None) -> None:
    import_files([*EXAMPLES, _report(2010), _report(2014), _upr_info()])
    first = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=1)
    assert Counter(first.recommendations.values_list("response", flat=True)) == {"supported": 122, "noted": 7}
    second = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    assert second.recommendations.count() == 194
    pairs = RecommendationRef.objects.filter(review=second, scheme="upr-info-db")
    assert Counter(pairs.values_list("recommendation__response", flat=True)) == {
        "supported": 147,
        "noted": 51,
    }
    # no recommendation waits for an answer any more, and the Working Group stages are still there
    assert not first.recommendations.filter(response="").exists()
    assert first.recommendations.filter(wg_stage="will examine").count() == 26


def test_a_conflict_between_documents_is_shown_on_the_page_and_in_its_json(
    vocabularies: None, client: Client
) -> None:
    import_files([*EXAMPLES, _report(2014), _upr_info()])
    disputed = _paragraph(2, "126.27")  # noted in A/HRC/28/10; the fact sheets and UPR Info say accepted
    assert disputed.position_conflict
    assert Recommendation.objects.filter(review__state_id="KAZ", position_conflict=True).count() == 1
    page = client.get(f"/recommendations/{disputed.pk}").content.decode()
    assert "Documents disagree on the position" in page
    assert "kazakhstan2014.txt" in page or "A/HRC/28/10" in page
    data = client.get(f"/recommendations/{disputed.pk}.json").json()["position"]
    assert data["conflict"] is True and data["wg_stage"] == "noted"
    says = {(s["document"], s["says"]) for s in data["statements"]}
    assert ("kazakhstan2014.txt", "noted") in says and ("upr_2010_2014.csv", "accepted") in says
    listed = client.get("/recommendations.json", {"response": "conflict", "cycle": "2"}).json()
    assert disputed.pk in [row["id"] for row in listed["results"]]


def test_another_documents_wording_is_kept_and_shown_as_a_conflict(
    vocabularies: None, client: Client
) -> None:
    import_files([_report(2014), _upr_info()])
    # A/HRC/28/10 names "(CERD)" and "(CEDAW)" where UPR Info's row 38527 does not
    worded = RecommendationRef.objects.get(scheme="upr-info-db", value="uprinfo-38527").recommendation
    assert worded.text_conflict
    [variant] = worded.text_variants
    assert variant["document"] == "upr_2010_2014.csv" and "CERD" not in variant["text"]
    assert "CERD" in worded.text
    page = client.get(f"/recommendations/{worded.pk}").content.decode()
    assert "Other documents word it differently" in page and variant["text"] in page
    assert client.get(f"/recommendations/{worded.pk}.json").json()["position"]["other_wordings"] == [variant]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_positions_do_not_depend_on_the_order_of_the_documents(
    vocabularies: None, order: tuple[int, int, int]
) -> None:
    sources = [
        _report(2014),
        _upr_info(),
        ROOT / "examples" / "kazakhstan" / "ccpr-centre-fact-sheets-2019.txt",
    ]
    for index in order:
        import_files([sources[index]])
    second = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    assert second.recommendations.count() == 194
    positions = Counter(second.recommendations.values_list("response", "wg_stage", "position_conflict"))
    assert positions == {
        ("supported", "in process of implementation", False): 96,
        ("supported", "already implemented", False): 47,
        ("noted", "noted", False): 50,
        ("supported", "noted", True): 1,
    }


def test_the_position_chart_counts_every_upr_recommendation_once(vocabularies: None) -> None:
    import_files([_report(2010), _report(2014)])
    chart = next(c for c in dashboard(Review.objects.get(cycle=1).state, Filters()) if c.key == "responses")
    per_cycle: Counter[str] = Counter()
    for cycle, _position, n in chart.rows:
        per_cycle[str(cycle)] += n
    assert per_cycle == {"1": 129, "2": 194}
    spec = json.dumps(chart.spec)
    assert "pending (will be examined)" in spec


ADDENDUM = ROOT / "tests" / "ingest" / "fixtures" / "upr_addendum" / "kazakhstan-2014-addendum.txt"


def _list_from_report(
    tmp_path: Path, year: int, header: str, position: Callable[[str], str], themes: str = ""
) -> Path:
    """Kazakhstan's review of ``year`` as an OHCHR thematic list (2019 layout) built from its Working
    Group report itself: every paragraph with its clauses and their States, ``position(paragraph)``,
    the same ``themes`` cell on every row."""
    from rightstrack.ingest.reading import load
    from rightstrack.ingest.sources.wg_report.parser import parse as parse_report
    from tests.ingest.matrix_builder import COLUMNS_2019, build_docx

    report = parse_report(load(_report(year)).text, [])
    clauses: dict[str, list[str]] = {}
    for record in report.recommendations:
        clauses.setdefault(record.ref, []).append(f"{record.text} ({', '.join(record.recommending_states)});")
    rows = ["Theme: Acceptance of international norms"] + [
        (f"{ref} {' '.join(texts)}\nSource of position: {report.symbol}/Add.1", position(ref), themes, "")
        for ref, texts in clauses.items()
    ]
    path = tmp_path / f"kazakhstan-{year}-thematic-list.docx"
    path.write_bytes(build_docx(f"{header}\t\tThematic list of recommendations", COLUMNS_2019, rows))
    return path


def _thematic_list(tmp_path: Path) -> Path:
    """Kazakhstan's 2014 review as a thematic list: the position the addendum gives, two themes a row."""
    from rightstrack.ingest.reading import load
    from rightstrack.ingest.sources.upr_addendum.parser import parse as parse_addendum

    final = {r.ref: r.response for r in parse_addendum(load(ADDENDUM).text, []).recommendations}
    words = {"supported": "Supported", "noted": "Noted", "supported/noted": "Supported/Noted"}
    return _list_from_report(
        tmp_path,
        2014,
        "UPR of Kazakhstan (2nd Cycle – 20th session)",
        lambda ref: words[final[ref]],
        "- Acceptance of international norms\n- Human rights & counter-terrorism\n"
        "Affected persons:\n- general",
    )


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_reviews_report_addendum_and_thematic_list_give_one_record_per_recommendation_in_any_order(
    db: None, tmp_path: Path, order: tuple[int, int, int]
) -> None:
    documents = [_report(2014), ADDENDUM, _thematic_list(tmp_path)]
    for index in order:
        import_files([documents[index]])
    second = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    assert second.recommendations.count() == 194
    assert not second.recommendations.filter(text="").exists()
    refs = RecommendationRef.objects.filter(review=second, scheme="ohchr-paragraph").exclude(part="")
    assert not refs.exists()  # 2014 has no paragraph of several clauses: each is one recommendation
    # the final position is the addendum's (= the list's), and the Working Group stage is kept beside it
    final = Counter(second.recommendations.values_list("response", flat=True))
    assert final == {"supported": 143, "noted": 51}
    assert second.recommendations.filter(wg_stage="in process of implementation").count() == 96
    assert second.recommendations.filter(position_conflict=True).count() == 0
    themes = Counter(
        second.recommendations.filter(recommendationterm__term__vocabulary__code="uhri-themes").values_list(
            "pk", flat=True
        )
    )
    assert len(themes) == 194 and set(themes.values()) == {2}


def _list_of_2010(tmp_path: Path) -> Path:
    """Kazakhstan's 2010 review as a thematic list: paragraph 95.3 holds two States' recommendations,
    "To consider ratifying ... (Slovenia); ratify ... (Republic of Korea);"."""
    return _list_from_report(
        tmp_path, 2010, "UPR of Kazakhstan (1st Cycle – 7th session)", lambda _: "Supported"
    )


@pytest.mark.parametrize("list_first", [False, True])
def test_a_paragraph_of_two_states_recommendations_is_two_records_from_the_report_and_the_list(
    db: None, tmp_path: Path, list_first: bool
) -> None:
    documents = [_report(2010), _list_of_2010(tmp_path)]
    import_files(documents[::-1] if list_first else documents)
    first = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=1)
    assert first.recommendations.count() == 129
    clauses = RecommendationRef.objects.filter(review=first, scheme="ohchr-paragraph", value="95.3")
    assert sorted((r.part, r.recommendation.recommending_states.get().code) for r in clauses) == [
        ("a", "SVN"),
        ("b", "KOR"),
    ]
    assert set(first.recommendations.values_list("response", flat=True)) == {"supported"}
