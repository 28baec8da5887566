"""A contributor's sheet upload changes nothing the public sees until an editor publishes (finding 1 of
issue 14), and a forged hidden sheet is refused cell by cell.

The sheet is the one the portal writes for the Kazakhstan review (seed 000, 129 recommendations),
filled in and uploaded through the portal by a contributor of "Org B"."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from rightstrack.assessments.models import Assessment, Stakeholder, Status
from rightstrack.assessments.sheets import sheet_for
from rightstrack.assessments.workflow import Move, perform
from rightstrack.core.records import StakeholderRecord
from rightstrack.documents.models import Provenance, SourceDocument
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import RecommendationRef, Review
from tests.conftest import database_snapshot

FILE_NAME = "org-b-secret-upload.xlsx"


@pytest.fixture
def review(kazakhstan_mia: Path) -> Review:
    return Review.objects.get(state_id="KAZ", cycle=1)


@pytest.fixture
def contributor(review: Review) -> Client:
    organisation = Stakeholder.objects.create(name="Org B", acronym="OB", kind="ngo")
    user = User.objects.create_user("contributor-b", "b@example.org", "a-long-passphrase-1")
    Membership.objects.create(user=user, role=Role.CONTRIBUTOR, organisation=organisation)
    client = Client()
    client.force_login(user)
    return client


def _sheet(review: Review, edits: dict[str, dict[str, Any]]) -> bytes:
    """The portal's sheet for Org B, with ``edits`` ({sheet: {cell: value}}) made in it."""
    workbook = load_workbook(io.BytesIO(sheet_for(review, StakeholderRecord("Org B", "OB", "ngo"))))
    for name, cells in edits.items():
        for cell, value in cells.items():
            workbook[name][cell] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _upload(client: Client, data: bytes) -> str:
    response = client.post("/portal/upload/", {"sheet": SimpleUploadedFile(FILE_NAME, data)})
    return response.content.decode() if response.status_code == 200 else ""


def _public(review: Review) -> dict[str, Any]:
    """What the public sees of the review: home, its recommendations (page and JSON), the API."""
    visitor = Client()
    recommendations = list(review.recommendations.order_by("sort_key", "id")[:3])
    seen: dict[str, Any] = {
        "/.json": visitor.get("/.json").json(),
        "/api/reviews/": visitor.get("/api/reviews/").json(),
        "/api/stakeholders/": visitor.get("/api/stakeholders/").json(),
    }
    for recommendation in recommendations:
        seen[f"/recommendations/{recommendation.pk}.json"] = visitor.get(
            f"/recommendations/{recommendation.pk}.json"
        ).json()
        seen[f"/api/recommendations/{recommendation.pk}/"] = visitor.get(
            f"/api/recommendations/{recommendation.pk}/"
        ).json()
        page = visitor.get(f"/recommendations/{recommendation.pk}").content.decode()
        seen[f"/recommendations/{recommendation.pk}"] = ("Org B" in page, FILE_NAME in page)
    return seen


def test_an_uploaded_sheet_changes_no_public_page_until_an_editor_publishes(
    review: Review, contributor: Client
) -> None:
    before = _public(review)
    refs_before = RecommendationRef.objects.count()
    sheet = _sheet(review, {"Assessment": {"E2": "not implemented", "F2": "Org B's private words."}})
    assert _upload(contributor, sheet) == ""  # redirected: imported
    (assessment,) = Assessment.private_objects.filter(stakeholder__name="Org B")
    assert assessment.status == Status.SUBMITTED
    after = _public(review)
    assert json.dumps(after, sort_keys=True) == json.dumps(before, sort_keys=True)
    assert "Org B's private words" not in json.dumps(after)
    # nothing of the sheet is attached to the recommendations, public or not
    document = SourceDocument.objects.get(name=FILE_NAME)
    assert document.submission
    assert not Provenance.private_objects.filter(document=document, content_type__model="recommendation")
    assert RecommendationRef.objects.count() == refs_before
    # once an editor publishes it, the assessment is public; the upload's places still are not
    editor = User.objects.create_user("editor", "e@example.org", "a-long-passphrase-1")
    Membership.objects.create(user=editor, role=Role.EDITOR)
    perform(editor, Move.PUBLISH, assessment)
    page = Client().get(f"/recommendations/{assessment.recommendation_id}.json").json()
    assert [a["text"] for a in page["assessments"] if a["stakeholder"] == "OB"] == ["Org B's private words."]
    assert all(source["document"] != FILE_NAME for source in page["sources"])


def test_a_forged_hidden_sheet_is_refused_cell_by_cell_and_nothing_is_written(
    review: Review, contributor: Client
) -> None:
    before = database_snapshot()
    forged = _sheet(
        review,
        {
            # the visible cells and their hidden twins changed alike, as a forger would
            "Assessment": {"E2": "fully implemented", "B2": "Forged public source text", "A3": "999"},
            "_rightstrack": {"C10": "Forged public source text", "B11": "999", "A12": "made-up-scheme"},
        },
    )
    page = " ".join(_upload(contributor, forged).split())
    assert "3 problem(s)" in page
    assert "_rightstrack!C10: the text is not that of" in page
    assert "_rightstrack!B11: upr-info-mia &#x27;999&#x27; is not a recommendation of" in page
    assert "_rightstrack!B12: made-up-scheme" in page
    assert database_snapshot() == before


def test_a_sheet_naming_a_review_that_does_not_exist_creates_none(
    review: Review, contributor: Client
) -> None:
    workbook = load_workbook(io.BytesIO(_sheet(review, {"_rightstrack": {"B2": "FRA", "B4": 7, "B9": 0}})))
    count = review.recommendations.count()
    workbook["Assessment"].delete_rows(2, count)
    workbook["_rightstrack"].delete_rows(10, count)
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = database_snapshot()
    page = " ".join(_upload(contributor, buffer.getvalue()).split())
    assert "FRA UPR cycle 7 is not a review in RightsTrack" in page
    assert "cell B2:B4 (_rightstrack)" in page
    assert database_snapshot() == before
    assert not Review.objects.filter(state_id="FRA").exists()
    assert "FRA" not in json.dumps(Client().get("/api/reviews/").json())


def test_a_small_upload_unpacking_into_a_huge_sheet_is_refused_naming_the_limit(
    review: Review, contributor: Client
) -> None:
    from tests.ingest.test_stakeholder_sheet_limits import _crafted

    bomb = _crafted(rows=60_000, text="y" * 400)  # 2 MB that unpack to 189 MB (ratio 86: under 200)
    before = database_snapshot()
    page = " ".join(_upload(contributor, bomb).split())
    assert "xl/worksheets/sheet1.xml would unpack to 189,331,748 bytes" in page
    assert "the limit for a part of a stakeholder sheet is 8,388,608 bytes" in page
    assert database_snapshot() == before
