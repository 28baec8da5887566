"""What makes the site look finished: tab titles that name the page, sorts in words, a search box on
every page, a home page that serves a visitor, an API root and links to its documentation, API list
items as informative as the detail."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import Client

from rightstrack.recommendations.models import Recommendation, RecommendationRef


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found
    return " ".join(found[1].split())


def test_browser_tabs_name_the_page(kazakhstan_example: list[Path], client: Client) -> None:
    paragraph = RecommendationRef.objects.get(
        scheme="ohchr-paragraph", value="97.16", recommendation__review__cycle=1
    ).recommendation_id
    assert _title(client.get(f"/recommendations/{paragraph}").content.decode()) == (
        "Recommendation 97.16 — Kazakhstan UPR 2010 — RightsTrack"
    )
    assert _title(client.get("/states/KAZ/UPR/1").content.decode()) == (
        "Kazakhstan UPR cycle 1 (2010) — RightsTrack"
    )
    assert _title(client.get("/states/KAZ").content.decode()) == "Kazakhstan — RightsTrack"


def test_sort_options_are_in_words(kazakhstan_example: list[Path], client: Client) -> None:
    html = client.get("/recommendations").content.decode()
    menu = html[html.index('<select name="sort">') :]
    labels = re.findall(r"<option value=\"([^\"]*)\"[^>]*>([^<]*)</option>", menu[: menu.index("</select>")])
    assert labels and all(value != label for value, label in labels)
    assert ("-year", "Newest review first") in labels


def test_every_page_has_a_search_box_one_can_see(kazakhstan_example: list[Path], client: Client) -> None:
    for url in ("/stakeholders", "/states/KAZ/UPR/1", "/states/KAZ"):
        html = client.get(url).content.decode()
        form = html[html.index('class="site-search" role="search"') :]
        form = form[: form.index("</form>")]
        assert 'type="search"' in form and 'name="q"' in form and "Search</button>" in form
        assert "Search the recommendations</label>" in form  # named for screen readers
    for url in ("/", "/recommendations"):  # the page's own search box, and only one
        html = client.get(url).content.decode()
        assert html.count('type="search"') == 1 and 'name="q"' in html


def test_the_home_page_serves_a_visitor(kazakhstan_example: list[Path], client: Client) -> None:
    html = client.get("/").content.decode()
    assert 'class="home-search"' in html
    total = Recommendation.objects.filter(review__state_id="KAZ").count()
    row = html[html.index('href="/states/KAZ"') :]
    row = row[: row.index("</tr>")]
    assert f'<td class="num">{total}</td>' in row
    assert "Latest documents" in html and "A/HRC/14/10" in html
    data = client.get("/.json").json()
    assert data["states"][0]["recommendations"] == total and data["latest_documents"]


def test_the_api_answers_at_its_root_and_the_site_links_its_documentation(
    kazakhstan_example: list[Path], client: Client
) -> None:
    root = client.get("/api/")
    assert root.status_code == 200
    listing = root.json()
    assert listing["recommendations"].endswith("/api/recommendations/")
    assert listing["docs"].endswith("/api/docs/")
    assert client.get(listing["docs"]).status_code == 200
    assert 'href="/api/docs/"' in client.get("/").content.decode()


def test_api_list_items_carry_paragraph_states_and_issues(
    kazakhstan_example: list[Path], client: Client
) -> None:
    data = client.get("/api/recommendations/", {"state": "KAZ", "mechanism": "UPR", "cycle": "1"}).json()
    item = next(r for r in data["results"] if r["refs"].get("upr-info-mia") == "2")
    assert item["paragraph"] == "97.16"
    assert item["recommending_states"] == ["FRA"]
    assert "Death penalty" in item["terms"]["upr-info-issues"]
    detail = client.get(f"/api/recommendations/{item['id']}/").json()
    assert detail["paragraph"] == item["paragraph"] and detail["terms"] == item["terms"]


def test_search_results_tell_identical_texts_apart_by_paragraph_and_states(
    kazakhstan_example: list[Path], client: Client
) -> None:
    """Four "Abolish the death penalty" rows could not be told apart: each row now gives its paragraph
    and its recommending States (page and JSON)."""
    query = {"q": "abolish death penalty", "mode": "keyword"}
    data = client.get("/recommendations.json", query).json()
    rows = [row for row in data["results"] if row["text"].startswith("Abolish the death penalty")]
    assert len(rows) >= 2
    assert all(row["paragraph"] and row["recommending_states"] for row in rows)
    assert len({(row["paragraph"], tuple(row["recommending_states"]), row["year"]) for row in rows}) == len(
        rows
    )
    page = client.get("/recommendations", query).content.decode()
    assert f"para. {rows[0]['paragraph']}" in page


def test_the_filter_menu_offers_vocabulary_terms_not_a_documents_misread_words(
    kazakhstan_example: list[Path], client: Client
) -> None:
    """The MIA's scan reads one issue cell as "Financiary of policies and halief": kept on its recommendation
    as a label no vocabulary has, but not offered as an issue to filter by."""
    for url in ("/states/KAZ", "/states/KAZ/UPR/1"):
        page = client.get(url).content.decode()
        assert "Freedom of religion and belief" in page
        assert '<option value="Financiary' not in page and ">Financiary" not in page
