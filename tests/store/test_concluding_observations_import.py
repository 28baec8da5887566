"""Concluding observations go into the register: a CCPR review with its paragraphs as recommendations."""

from __future__ import annotations

from rightstrack.documents.importing import import_files
from rightstrack.recommendations.models import Recommendation
from tests.conftest import shared_path


def test_denmarks_concluding_observations_import_as_a_ccpr_review_of_17_paragraphs(db: None) -> None:
    path = shared_path("data", "treaty-bodies", "concluding-observations", "denmark", "CO.txt")
    import_files([path])
    found = Recommendation.objects.filter(review__state_id="DNK", review__mechanism__code="CCPR")
    assert found.count() == 17
    assert {r.review.cycle for r in found} == {6}
    paragraph = found.get(theme_heading="Solitary confinement")
    assert paragraph.text.startswith("The State party should bring its legislation")
