"""Every Kazakhstan document in one database, and the same recommendation merged from every source."""

from __future__ import annotations

import csv
import itertools
import re
from pathlib import Path

import pytest
from django.db.models import Count

from rightstrack.actionplans.models import Measure
from rightstrack.assessments.models import Assessment, IssueSummary, Suggestion
from rightstrack.documents.importing import import_files
from rightstrack.recommendations.models import (
    Recommendation,
    RecommendationLink,
    RecommendationRef,
    RecommendationTerm,
    Review,
)
from rightstrack.treaties.models import TreatyStatus
from tests.conftest import ROOT, shared_path

EXAMPLES = sorted((ROOT / "examples" / "kazakhstan").glob("*.txt"))


def _kazakhstan_data() -> list[Path]:
    return [
        shared_path("data", "wg-reports", "texts", "kazakhstan2010.txt"),
        shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt"),
        shared_path("data", "kazakhstan", "ccpr_followup_2018.json"),
    ]


def test_the_whole_kazakhstan_example_imports_in_one_command_into_one_coherent_database(
    vocabularies: None,
) -> None:
    reports = import_files([*EXAMPLES, *_kazakhstan_data()])
    assert {report.kind for report in reports} == {
        "upr-info-mia",
        "ccpr-factsheet",
        "state-hr-report",
        "hrc-followup-grades",
        "coalition-summary",
        "upr-wg-report",
        "ccpr-followup-json",
    }
    first = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=1)
    assert first.recommendations.count() == 129
    assert (first.session, first.year) == (7, 2010)
    second = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    paragraphs = RecommendationRef.objects.filter(review=second, scheme="ohchr-paragraph")
    assert paragraphs.values("value").distinct().count() == 194
    pairs = {
        (ref.value, state)
        for ref in paragraphs.prefetch_related("recommendation__recommending_states")
        for state in ref.recommendation.recommending_states.values_list("code", flat=True)
    }
    assert len(pairs) == 198
    assert "A/HRC/28/10" in second.symbols
    graded = Assessment.private_objects.filter(recommendation__review__mechanism__code="CCPR").exclude(
        grade=None
    )
    assert {g.grade.scheme.code for g in graded.select_related("grade__scheme")} == {"hrc", "hrc-2012"}
    assert Measure.objects.count() == 26
    measure = Measure.objects.exclude(deadline=None).prefetch_related("agencies").first()
    assert measure is not None and measure.agencies.exists()
    assert TreatyStatus.objects.filter(treaty__code="ICCPR", state_id="KAZ").exists()
    assert IssueSummary.objects.count() == 3
    assert Suggestion.objects.count() >= 72
    assert RecommendationLink.objects.filter(target__review__mechanism__code="CCPR").exists()


def test_the_fact_sheets_upr_rows_land_on_the_working_group_paragraphs(vocabularies: None) -> None:
    import_files([shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt"), *EXAMPLES])
    second = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    rows = RecommendationRef.objects.filter(review=second, scheme="ccpr-factsheet-row")
    with_paragraph = [
        ref for ref in rows if ref.recommendation.refs.filter(scheme="ohchr-paragraph").exists()
    ]
    assert len(with_paragraph) / rows.count() >= 0.9


def _upr_info_kazakhstan(tmp_path: Path) -> Path:
    """The UPR Info rows of Kazakhstan's 2010 review, cut from the export."""
    source = shared_path("data", "upr-info", "recommendations_train.csv")
    target = tmp_path / "upr-info-kazakhstan.csv"
    with (
        source.open(encoding="utf-8", newline="") as handle,
        target.open("w", encoding="utf-8", newline="") as out,
    ):
        reader = csv.DictReader(handle)
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        for row in reader:
            if row["state_under_review"] == "Kazakhstan" and row["year"] == "2010":
                writer.writerow(row)
    return target


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_mia_the_working_group_report_and_upr_info_merge_into_129_in_any_order(
    vocabularies: None, tmp_path: Path, order: tuple[int, int, int]
) -> None:
    sources = [
        ROOT / "examples" / "kazakhstan" / "upr-info-mia-2012.txt",
        shared_path("data", "wg-reports", "texts", "kazakhstan2010.txt"),
        _upr_info_kazakhstan(tmp_path),
    ]
    for index in order:
        import_files([sources[index]])
    review = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=1)
    assert review.recommendations.count() == 129
    for scheme in ("upr-info-mia", "ohchr-paragraph", "upr-info-db"):
        assert (
            RecommendationRef.objects.filter(review=review, scheme=scheme).values("recommendation").count()
            == 129
        )
    counts = dict(review.recommendations.values_list("level").annotate(n=Count("id")))
    assert counts == {
        "not implemented": 66,
        "partially implemented": 41,
        "fully implemented": 11,
        "undetermined": 2,
        "no answer": 9,
    }


def test_the_china_matrices_import_with_every_row_position_and_theme(db: None) -> None:
    expected = list(csv.DictReader(shared_path("data", "ohchr-matrices", "china_c2-c3_expected.csv").open()))
    import_files(
        [
            shared_path("data", "ohchr-matrices", "china_Matrix_recommendations_2013.docx"),
            shared_path("data", "ohchr-matrices", "china_Matrix_recommendations_2018.docx"),
        ]
    )
    paragraphs = RecommendationRef.objects.filter(review__state_id="CHN", scheme="ohchr-paragraph")
    assert paragraphs.values("review", "value").distinct().count() == len(expected) == 598
    # a paragraph of several States' clauses is one recommendation per clause
    assert Recommendation.objects.filter(review__state_id="CHN").count() == paragraphs.count() > 598
    for row in expected[::25]:
        ref = paragraphs.filter(value=row["paragraph"], review__cycle=int(row["cycle"])).first()
        assert ref is not None, row["paragraph"]
        recommendation = ref.recommendation
        position = {"Supported": "supported", "Noted": "noted"}.get(row["position"], recommendation.response)
        assert recommendation.response == position, row["paragraph"]
        codes = set(
            RecommendationTerm.objects.filter(
                recommendation=recommendation, term__vocabulary__code="uhri-themes"
            ).values_list("term__code", flat=True)
        )
        assert set(re.findall(r"\b[A-H]\d{1,2}\b", row["themes"])) <= codes, row["paragraph"]
