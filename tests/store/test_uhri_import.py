"""A UHRI export stored: UPR rows merge with the review's other documents, treaty bodies get theirs."""

from __future__ import annotations

from pathlib import Path

from rightstrack.documents.importing import import_files
from rightstrack.recommendations.models import Recommendation, RecommendationRef, RecommendationTerm, Review
from tests.conftest import shared_path
from tests.ingest.uhri_builder import ROWS, workbook


def _refs(review: Review, scheme: str, value: str) -> list[Recommendation]:
    refs = RecommendationRef.objects.filter(review=review, scheme=scheme, value=value)
    return [ref.recommendation for ref in refs]


def test_uhri_rows_of_a_reviewed_upr_merge_with_the_working_group_report_without_duplicates(
    vocabularies: None, tmp_path: Path
) -> None:
    export = tmp_path / "uhri.xlsx"
    export.write_bytes(workbook())
    import_files([shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt")])
    second = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    assert second.recommendations.count() == 194
    import_files([export])
    assert second.recommendations.count() == 194  # no duplicates: both UHRI rows were in the report
    (supported,) = _refs(second, "ohchr-paragraph", "124.1")
    # the State's final position from UHRI beside the Working Group stage of the report
    assert (supported.response, supported.wg_stage) == ("supported", "already implemented")
    (noted,) = _refs(second, "ohchr-paragraph", "126.51")
    assert noted.response == "noted"
    labels = set(
        RecommendationTerm.objects.filter(recommendation=supported).values_list("term__label", flat=True)
    )
    assert {"Violence against women", "Gender equality", "women"} <= labels


def test_uhri_treaty_body_and_special_procedure_rows_become_reviews_of_their_mechanisms(
    vocabularies: None, tmp_path: Path
) -> None:
    export = tmp_path / "uhri.xlsx"
    export.write_bytes(workbook())
    import_files([export])
    ccpr = Review.objects.get(state_id="DNK", mechanism__code="CCPR", cycle=6)
    assert ccpr.year == 2016
    (paragraph,) = _refs(ccpr, "ccpr-co-paragraph", "24")
    assert paragraph.text.startswith("The State party should:\n(a) Ensure")
    crc = Review.objects.get(state_id="DNK", mechanism__code="CRC", cycle=6)
    assert [r.text[:30] for r in crc.recommendations.all()] == ["The Committee recommends that "]
    special = Review.objects.get(state_id="DNK", mechanism__code="SP", cycle=None)
    assert _refs(special, "sp-paragraph", "A/HRC/15/37/Add.5 87")
    # a second import of the same export adds nothing
    before = Recommendation.objects.count()
    import_files([tmp_path / "uhri.xlsx"])
    assert Recommendation.objects.count() == before == len(ROWS)
