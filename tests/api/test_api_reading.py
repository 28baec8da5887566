"""Reading the API: public, paged, filtered exactly as the site's list (Kazakhstan MIA loaded)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from django.core.paginator import UnorderedObjectListWarning
from django.test import Client

from rightstrack.assessments.models import Assessment, Stakeholder, Status
from rightstrack.recommendations.models import RecommendationRef


def _all_pages(client: Client, url: str, query: dict[str, str], key: str = "results") -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    page = 1
    while True:
        data = client.get(url, {**query, "page": str(page)}).json()
        rows += data[key]
        if not data.get("next") and page >= data.get("pages", page):
            return rows
        page += 1


def _recommendation_id(number: str) -> int:
    return RecommendationRef.objects.get(scheme="upr-info-mia", value=number).recommendation_id


@pytest.mark.parametrize(
    "query",
    [
        {"term": "Death penalty", "level": "not implemented"},
        {"q": "torture", "sort": "-year"},
        {"state": "Kazakhstan", "mechanism": "upr", "cycle": "1", "sort": "level"},
        {"recommending_state": "FRA"},
        {"response": "accepted", "action_category": "4"},
        {"level": "<script>"},  # an unknown level is ignored, as on the site
        {
            "response": "accepted\x00",
            "cycle": "1\x00",
        },  # NUL characters are dropped (PostgreSQL refuses them)
    ],
)
def test_the_api_filters_recommendations_as_the_site_does(
    kazakhstan_mia: Path, client: Client, query: dict[str, str]
) -> None:
    site = [row["id"] for row in _all_pages(client, "/recommendations.json", query)]
    api = [row["id"] for row in _all_pages(client, "/api/recommendations/", query)]
    assert site and api == site


def test_death_penalty_recommendations_not_implemented_are_the_sites(
    kazakhstan_mia: Path, client: Client
) -> None:
    query = "?term=Death+penalty&level=not+implemented"
    site = client.get("/recommendations.json" + query).json()
    api = client.get("/api/recommendations/" + query).json()
    assert api["count"] == site["count"] > 0
    assert [r["id"] for r in api["results"]] == [r["id"] for r in site["results"]]
    assert _recommendation_id("2") in {r["id"] for r in api["results"]}  # abolish the death penalty
    assert {r["level"] for r in api["results"]} == {"not implemented"}


def test_lists_come_in_pages_of_fifty(kazakhstan_mia: Path, client: Client) -> None:
    first = client.get("/api/recommendations/").json()
    assert first["count"] == 129
    assert len(first["results"]) == 50 and first["previous"] is None
    assert first["next"].endswith("/api/recommendations/?page=2")
    last = client.get("/api/recommendations/", {"page": 3}).json()
    assert len(last["results"]) == 29 and last["next"] is None
    assert client.get("/api/recommendations/", {"page": 4}).status_code == 404
    ids = [
        r["id"]
        for page in (1, 2, 3)
        for r in client.get(f"/api/recommendations/?page={page}").json()["results"]
    ]
    assert len(set(ids)) == 129


def test_a_search_by_meaning_that_finds_nothing_is_still_an_ordered_list(
    kazakhstan_mia: Path, client: Client
) -> None:
    query = {"q": "death penalty", "mode": "semantic", "state": "FRA"}  # France: no review here
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        found = client.get("/api/recommendations/", query).json()
    assert (found["count"], found["results"]) == (0, [])


def test_states_are_those_with_reviews_and_list_their_reviews(kazakhstan_mia: Path, client: Client) -> None:
    states = client.get("/api/states/").json()
    assert [s["code"] for s in states["results"]] == ["KAZ"]
    assert states["results"][0]["reviews"] == 1
    kazakhstan = client.get("/api/states/kaz/").json()
    assert kazakhstan["name"] == "Kazakhstan"
    assert [(r["mechanism"], r["cycle"], r["recommendations"]) for r in kazakhstan["reviews"]] == [
        ("UPR", 1, 129)
    ]
    assert client.get("/api/states/ZZZ/").status_code == 404


def test_a_review_counts_its_recommendations_per_iri_outcome_as_the_site(
    kazakhstan_mia: Path, client: Client
) -> None:
    reviews = client.get("/api/reviews/", {"state": "KAZ", "mechanism": "upr", "cycle": "1"}).json()
    assert reviews["count"] == 1
    review = client.get(f"/api/reviews/{reviews['results'][0]['id']}/").json()
    site = client.get("/states/KAZ/UPR/1.json").json()
    assert review["counts"] == site["counts"]
    assert review["counts"]["not implemented"] == 66
    assert sum(review["counts"].values()) == review["recommendations"] == 129


@pytest.mark.parametrize(
    ("query", "count"),
    [({"state": "Kazakhstan"}, 1), ({"cycle": 2}, 0), ({"mechanism": "CCPR"}, 0), ({"state": "FRA"}, 0)],
)
def test_reviews_filter_by_state_mechanism_and_cycle(
    kazakhstan_mia: Path, client: Client, query: dict[str, Any], count: int
) -> None:
    assert client.get("/api/reviews/", query).json()["count"] == count


def test_a_recommendation_shows_refs_terms_level_and_published_assessments(
    kazakhstan_mia: Path, client: Client
) -> None:
    data = client.get(f"/api/recommendations/{_recommendation_id('1')}/").json()
    site = client.get(f"/recommendations/{_recommendation_id('1')}.json").json()
    assert data["refs"] == {"upr-info-mia": "1"}
    assert data["recommending_states"] == ["MEX"]
    assert (data["level"], data["text"], data["response"]) == (site["level"], site["text"], site["response"])
    assert data["review"]["state"] == "KAZ"
    assert all(isinstance(labels, list) for labels in data["terms"].values())
    site_terms = {(t["vocabulary"], t["label"]) for t in site["terms"]}
    assert {(v, label) for v, labels in data["terms"].items() for label in labels} == site_terms
    assert {a["stakeholder"]["acronym"] for a in data["assessments"]} == {"F18", "TP", "KIHRRLC"}
    assert all("original_text" not in a for a in data["assessments"])
    score = client.get(f"/api/recommendations/{_recommendation_id('113')}/").json()
    assert (score["level"], score["score"]) == ("fully implemented", 1.0)


def test_a_recommendation_shows_published_assessments_only(kazakhstan_mia: Path, client: Client) -> None:
    assessment = Assessment.private_objects.filter(stakeholder__acronym="F18").first()
    assert assessment is not None
    assessment.status = Status.DRAFT
    assessment.public_text = "DRAFT WORDS THAT MUST NOT LEAK"
    assessment.save()
    for url in (
        f"/api/recommendations/{assessment.recommendation_id}/",
        "/api/assessments/?stakeholder=" + str(assessment.stakeholder_id),
    ):
        assert "MUST NOT LEAK" not in client.get(url).content.decode(), url
    assert client.get(f"/api/assessments/{assessment.pk}/").status_code == 404


def test_stakeholders_count_their_published_assessments_as_the_site(
    kazakhstan_mia: Path, client: Client
) -> None:
    api = {s["acronym"]: s["assessments"] for s in _all_pages(client, "/api/stakeholders/", {})}
    site = {s["acronym"]: s["assessments"] for s in client.get("/stakeholders.json").json()["stakeholders"]}
    assert api == site
    wcadp = Stakeholder.objects.get(acronym="WCADP")
    data = client.get(f"/api/stakeholders/{wcadp.pk}/").json()
    assert data["name"] == "World Coalition Against the Death Penalty" and data["assessments"] > 0
    assert client.get("/api/stakeholders/999999/").status_code == 404


def test_assessments_filter_by_recommendation_stakeholder_and_status(
    kazakhstan_mia: Path, client: Client
) -> None:
    recommendation = _recommendation_id("1")
    rows = client.get("/api/assessments/", {"recommendation": recommendation}).json()["results"]
    assert {r["stakeholder"]["acronym"] for r in rows} == {"F18", "TP", "KIHRRLC"}
    assert all(r["recommendation"] == recommendation and r["status"] == "published" for r in rows)
    forum = Stakeholder.objects.get(acronym="F18")
    rows = _all_pages(client, "/api/assessments/", {"stakeholder": str(forum.pk)})
    assert rows and {r["stakeholder"]["id"] for r in rows} == {forum.pk}
    assert client.get("/api/assessments/", {"status": "draft"}).json()["count"] == 0
    assert client.get("/api/assessments/", {"recommendation": "x"}).status_code == 400


@pytest.mark.parametrize(
    "url",
    ["/api/recommendations/", "/api/assessments/", "/api/stakeholders/", "/api/reviews/", "/api/states/"],
)
def test_a_page_of_a_list_costs_a_few_queries_whatever_its_length(
    kazakhstan_mia: Path, client: Client, url: str, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


def test_answers_are_json_even_for_a_browser(kazakhstan_mia: Path, client: Client) -> None:
    response = client.get("/api/states/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*")
    assert response["Content-Type"] == "application/json"
