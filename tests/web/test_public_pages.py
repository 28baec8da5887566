"""The public site: the review index, a recommendation, a stakeholder — in HTML and as JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from rightstrack.assessments.models import Assessment, Stakeholder, Status
from rightstrack.recommendations.models import RecommendationRef

REVIEW = "/states/KAZ/UPR/1"


def _recommendation_url(number: str) -> str:
    ref = RecommendationRef.objects.get(scheme="upr-info-mia", value=number)
    return f"/recommendations/{ref.recommendation_id}"


def test_the_home_page_lists_states_with_reviews(kazakhstan_mia: Path, client: Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert b"Kazakhstan" in page.content
    assert client.get("/.json").json()["states"][0]["code"] == "KAZ"


def test_the_review_page_is_laid_out_like_the_mias_index_table(kazakhstan_mia: Path, client: Client) -> None:
    page = client.get(REVIEW + "/")
    assert page.status_code == 404  # no trailing slash: one URL per page
    page = client.get(REVIEW)
    html = page.content.decode()
    assert page.status_code == 200
    assert "rec. n°" in html and "Issue" in html and "IRI" in html
    assert "<strong>66</strong> not implemented" in html
    assert "129 of 129 recommendations" in html


def test_the_review_page_filters_by_issue_and_level(kazakhstan_mia: Path, client: Client) -> None:
    data = client.get(REVIEW + ".json", {"issue": "Death penalty", "level": "not implemented"}).json()
    refs = [row["ref"] for row in data["recommendations"]]
    assert refs and all(
        "Death penalty" in row["issues"] and row["level"] == "not implemented"
        for row in data["recommendations"]
    )
    assert "2" in refs  # "Abolish the death penalty in all circumstances" (France)
    assert data["counts"]["not implemented"] == 66  # counts stay those of the whole review
    html = client.get(REVIEW, {"issue": "Death penalty", "level": "not implemented"}).content.decode()
    assert f"{len(refs)} of 129 recommendations" in html


def test_an_unknown_level_filter_is_ignored_not_an_error(kazakhstan_mia: Path, client: Client) -> None:
    data = client.get(REVIEW + ".json", {"level": "<script>"}).json()
    assert len(data["recommendations"]) == 129


def test_the_recommendation_page_shows_every_response_and_the_iri(
    kazakhstan_mia: Path, client: Client
) -> None:
    url = _recommendation_url("1")
    html = client.get(url).content.decode()
    assert "Abolish requirements for the registration of religious groups" in html
    assert "Forum 18 News Service" in html and "Tandem Project" in html
    assert "Kazakhstan International Human Rights and the Rule of Law Committee" in html
    assert "not implemented" in html
    data = client.get(url + ".json").json()
    assert data["refs"] == {"upr-info-mia": "1"}
    assert data["recommending_states"] == ["MEX"]
    assert data["level"] == "not implemented"
    assert {a["stakeholder"] for a in data["assessments"]} == {"F18", "TP", "KIHRRLC"}
    assert data["sources"] and "line" in data["sources"][0]["place"]


def test_recommendations_answered_together_link_to_each_other(kazakhstan_mia: Path, client: Client) -> None:
    data = client.get(_recommendation_url("5") + ".json").json()
    other = client.get(_recommendation_url("57") + ".json").json()
    assert data["answered_with"] == [other["id"]]


def test_a_single_response_recommendation_has_a_computed_score(kazakhstan_mia: Path, client: Client) -> None:
    data = client.get(_recommendation_url("113") + ".json").json()  # UNESCO alone: fully implemented
    assert (data["level"], data["score"], data["basis"]) == ("fully implemented", 1.0, "claims")


def test_the_stakeholder_page_lists_its_published_responses(kazakhstan_mia: Path, client: Client) -> None:
    stakeholder = Stakeholder.objects.get(acronym="WCADP")
    data = client.get(f"/stakeholders/{stakeholder.pk}.json").json()
    assert data["name"] == "World Coalition Against the Death Penalty"
    assert data["assessments"]
    html = client.get(f"/stakeholders/{stakeholder.pk}").content.decode()
    assert "World Coalition Against the Death Penalty" in html
    listing = client.get("/stakeholders.json").json()["stakeholders"]
    assert {s["acronym"] for s in listing} >= {
        "KIHRRLC",
        "F18",
        "PRI",
        "UNESCO",
        "TP",
        "LCWISS",
        "WCADP",
        "GS",
    }


def test_drafts_never_reach_a_public_page(kazakhstan_mia: Path, client: Client) -> None:
    assessment = Assessment.private_objects.filter(stakeholder__acronym="GS").first()
    assert assessment is not None
    assessment.status = Status.DRAFT
    assessment.public_text = "DRAFT WORDS THAT MUST NOT LEAK"
    assessment.save()
    url = f"/recommendations/{assessment.recommendation_id}"
    assert "MUST NOT LEAK" not in client.get(url).content.decode()
    assert "MUST NOT LEAK" not in client.get(url + ".json").content.decode()
    assert "MUST NOT LEAK" not in client.get(REVIEW + ".json").content.decode()


def test_user_text_is_escaped(kazakhstan_mia: Path, client: Client) -> None:
    assessment = Assessment.private_objects.filter(stakeholder__acronym="GS").first()
    assert assessment is not None
    assessment.public_text = "<script>alert(1)</script>"
    assessment.save()
    html = client.get(f"/recommendations/{assessment.recommendation_id}").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_unknown_pages_are_404(kazakhstan_mia: Path, client: Client) -> None:
    assert client.get("/states/ZZZ").status_code == 404
    assert client.get("/recommendations/999999").status_code == 404
    assert client.get("/states/KAZ/UPR/9.json").status_code == 404


@pytest.mark.django_db
def test_editors_have_the_django_admin(kazakhstan_mia: Path, admin_client: Client) -> None:
    for url in (
        "/admin/",
        "/admin/assessments/assessment/",
        "/admin/recommendations/recommendation/",
        "/admin/documents/sourcedocument/",
    ):
        assert admin_client.get(url).status_code == 200, url
    assessment = Assessment.private_objects.first()
    assert assessment is not None
    assert admin_client.get(f"/admin/assessments/assessment/{assessment.pk}/change/").status_code == 200


def test_a_recommendation_page_shows_its_level_over_time(kazakhstan_mia: Path, client: Client) -> None:
    data = client.get(_recommendation_url("113") + ".json").json()
    assert data["timeline"][0]["date"] == "2012-12-03"
    assert data["timeline"][0]["level"] == "fully implemented"
    assert any(row["who"] == "UNESCO Almaty Office" for row in data["timeline"])


def test_a_committee_paragraph_links_to_the_upr_recommendations_that_ask_the_same(
    vocabularies: None, client: Client
) -> None:
    from rightstrack.documents.importing import import_files
    from tests.conftest import ROOT

    import_files([ROOT / "examples" / "kazakhstan" / "ccpr-centre-fact-sheets-2019.txt"])
    paragraph = RecommendationRef.objects.get(scheme="ccpr-co-paragraph", value="24")
    data = client.get(f"/recommendations/{paragraph.recommendation_id}.json").json()
    assert data["linked"], "the fact sheet links UPR recommendations to paragraph 24"
    assert all(link["review"].startswith("KAZ UPR cycle 2") for link in data["linked"])
    html = client.get(f"/recommendations/{paragraph.recommendation_id}").content.decode()
    assert "Recommendations that ask the same" in html


def test_keyword_search_uses_the_full_text_index_and_highlights_matches(
    kazakhstan_mia: Path, client: Client
) -> None:
    data = client.get("/recommendations.json", {"q": "death penalt", "state": "KAZ"}).json()
    texts = [row["text"].lower() for row in data["results"]]
    assert texts and all("death" in t and "penalt" in t for t in texts)  # every word, as a prefix
    assert data["count"] == 4  # n° 2, 9, 34 and 87, on SQLite (FTS5) and PostgreSQL (tsvector) alike
    html = client.get("/recommendations", {"q": "torture"}).content.decode()
    assert "<mark>torture</mark>" in html.lower()
    assert (
        client.get("/recommendations.json", {"q": 'x" OR "'}).status_code == 200
    )  # quotes are data, not syntax
