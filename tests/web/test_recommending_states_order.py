"""Recommending States are named in the order their document gives them, as OHCHR's thematic lists and
the Working Group reports write them, not sorted by name."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from rightstrack.documents.importing import import_files
from rightstrack.ingest.registry import mapped_source
from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns
from rightstrack.recommendations.models import RecommendationRef
from tests.conftest import shared_path

pytestmark = pytest.mark.django_db

#: Denmark's 60.1 as the assessment sheet names its States (Working Group report A/HRC/48/10).
ORDER = ["Italy", "Argentina", "Lithuania", "Sudan", "Malawi", "Cuba", "Costa Rica", "France", "Albania"]
CODES = ["ITA", "ARG", "LTU", "SDN", "MWI", "CUB", "CRI", "FRA", "ALB"]


@pytest.fixture
def denmark(vocabularies: None) -> int:
    sheet = shared_path("data", "evidence", "denmark", "assessment.csv")
    columns = (
        "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
        "theme=primary_theme,state:=DNK,mechanism:=UPR,cycle:=3"
    )
    import_files([sheet], source=mapped_source(parse_columns(columns)), actor="test")
    return RecommendationRef.objects.get(scheme="ohchr-paragraph", value="60.1").recommendation_id


def _in_order(text: str, names: list[str]) -> bool:
    found = [text.find(name) for name in names]
    return all(at >= 0 for at in found) and found == sorted(found)


def test_the_recommendation_page_names_the_states_in_the_documents_order(
    denmark: int, client: Client
) -> None:
    html = client.get(f"/recommendations/{denmark}").content.decode()
    recommended = html[html.index("Recommended by") :]
    recommended = recommended[: recommended.index("</dd>")]
    assert _in_order(recommended, ORDER), recommended
    data = client.get(f"/recommendations/{denmark}.json").json()
    assert data["recommending_states"] == CODES
    assert client.get(f"/api/recommendations/{denmark}/").json()["recommending_states"] == CODES
    listed = client.get("/api/recommendations/", {"state": "DNK", "page_size": 5}).json()["results"]
    assert next(r for r in listed if r["id"] == denmark)["recommending_states"] == CODES


def test_the_review_table_and_its_csv_name_the_states_in_the_documents_order(
    denmark: int, client: Client
) -> None:
    html = client.get("/states/DNK/UPR/3").content.decode()
    start = html.index(f'href="/recommendations/{denmark}"')
    row = html[start : html.index("</tr>", start)]
    assert _in_order(row, ORDER), row
    answer = client.get("/states/DNK/UPR/3/download.csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    (first,) = [r for r in rows if r["Paragraph"] == "60.1"]
    assert first["Recommending States"].split("; ") == ORDER
    listed = client.get("/recommendations.json", {"state": "DNK", "q": "Enforced Disappearance"}).json()
    (found,) = [r for r in listed["results"] if r["id"] == denmark]
    assert found["recommending_states"] == CODES


def test_the_thematic_list_names_the_states_in_the_documents_order(denmark: int) -> None:
    from rightstrack.recommendations.models import Review
    from rightstrack.reports.kinds.thematic_list import gather, recommendation_cell

    review = Review.objects.get(state_id="DNK", mechanism__code="UPR", cycle=3)
    (row,) = [row for row in gather(review) if row.ref == "60.1"]
    assert recommendation_cell(row).endswith(f"({', '.join(ORDER)});")


def test_a_linked_recommendation_names_its_states_in_the_documents_order(
    denmark: int, client: Client
) -> None:
    from rightstrack.recommendations.models import RecommendationLink

    other = RecommendationRef.objects.get(scheme="ohchr-paragraph", value="60.3").recommendation_id
    RecommendationLink.objects.create(
        source_id=other, target_id=denmark, kind="same", score=1.0, origin="test: the same request"
    )
    html = client.get(f"/recommendations/{other}").content.decode()
    start = html.index(f'href="/recommendations/{denmark}"')
    item = html[start : html.index("</li>", start)]
    assert _in_order(item, ORDER), item
