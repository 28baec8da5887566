"""What people do on the site, in a real browser: a visitor, two contributors, an editor."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from typing import Any

import pytest

from rightstrack.assessments.models import Assessment, AssessmentHistory, Stakeholder, Status
from rightstrack.portal.models import Role
from rightstrack.recommendations.models import RecommendationRef, Review
from tests.browser.conftest import SCREENSHOTS
from tests.browser.people import person, sign_in
from tests.conftest import EXAMPLE_MIA, shared_path

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def kazakhstan(transactional_db: None) -> Iterator[Review]:
    from rightstrack.documents.importing import import_files
    from rightstrack.recommendations.vocabularies import import_vocabulary

    for name in ("upr_info_issues_2008-2014.txt", "upr_info_issues_2019.txt"):
        import_vocabulary(shared_path("data", "taxonomies", name))
    import_files([EXAMPLE_MIA])
    yield Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=1)


def _screenshot(page: Any, name: str) -> None:
    if os.environ.get("RIGHTSTRACK_SCREENSHOTS"):
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_a_visitor_filters_the_dashboard_and_downloads_the_filtered_csv(
    kazakhstan: Review, live_server: Any, page: Any
) -> None:
    page.goto(f"{live_server.url}/states/KAZ")
    page.wait_for_selector("#chart-levels_by_theme[data-rendered=true] svg")
    page.select_option("select[name=term]", "Death penalty")  # the page applies a filter when it changes
    page.wait_for_url("**term=Death+penalty**")
    page.wait_for_selector("#chart-levels_by_theme[data-rendered=true] svg")
    table = page.text_content("#chart-levels_by_theme-title ~ details table") or ""
    assert "Death penalty" in table
    _screenshot(page, "dashboard.png")
    with page.expect_download() as download:
        page.click("#download-csv")
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert rows, "the filtered CSV is empty"
    assert all("Death penalty" in row["terms"] and row["state"] == "KAZ" for row in rows)
    assert len(rows) == 5  # n° 2, 9, 14, 34 and 87: the MIA index files them under "Death penalty"


def test_a_contributor_fills_in_three_assessments_and_cannot_open_another_organisations_draft(
    kazakhstan: Review, live_server: Any, page: Any
) -> None:
    organisation_a = Stakeholder.objects.create(name="Organisation A", acronym="ORGA", kind="ngo")
    organisation_b = Stakeholder.objects.create(name="Organisation B", acronym="ORGB", kind="ngo")
    person("alice", Role.CONTRIBUTOR, organisation_a)
    first = RecommendationRef.objects.get(scheme="upr-info-mia", value="1").recommendation
    secret = Assessment.private_objects.create(
        recommendation=first,
        stakeholder=organisation_b,
        original_text="B's unpublished words",
        status=Status.DRAFT,
    )
    sign_in(page, live_server.url, "alice")
    for number, level in (
        ("2", "not implemented"),
        ("3", "partially implemented"),
        ("4", "fully implemented"),
    ):
        recommendation = RecommendationRef.objects.get(scheme="upr-info-mia", value=number).recommendation
        page.goto(f"{live_server.url}/portal/recommendations/{recommendation.pk}/assess/")
        page.select_option("select[name=grade]", label=level)
        page.fill("textarea[name=original_text]", f"Our view on n° {number}.")
        page.click("form button[type=submit]:has-text('Save')")
        page.wait_for_selector("text=Draft saved")
    mine = Assessment.private_objects.filter(stakeholder=organisation_a)
    assert sorted(mine.values_list("grade__code", flat=True)) == ["fully", "not", "partially"]
    response = page.goto(f"{live_server.url}/portal/assessments/{secret.pk}/")
    assert response.status == 404
    assert "B's unpublished words" not in page.content()


def test_an_editor_publishes_an_edited_text_and_the_original_stays_in_the_history(
    kazakhstan: Review, live_server: Any, page: Any
) -> None:
    organisation = Stakeholder.objects.create(name="Organisation A", acronym="ORGA", kind="ngo")
    person("alice", Role.CONTRIBUTOR, organisation)
    person("erin", Role.EDITOR)
    recommendation = RecommendationRef.objects.get(scheme="upr-info-mia", value="11").recommendation
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/portal/recommendations/{recommendation.pk}/assess/")
    page.select_option("select[name=grade]", label="not implemented")
    page.fill("textarea[name=original_text]", "No NHRI yet, and the ombudsman is not independent at all!!!")
    page.click("form button[type=submit]:has-text('Save')")
    page.click("button:has-text('Submit for publication')")
    page.wait_for_selector("text=Submitted")
    page.click("button:has-text('Sign out')")

    sign_in(page, live_server.url, "erin")
    page.goto(f"{live_server.url}/portal/moderation/")
    page.click("main table a:has-text('review')")
    page.fill("textarea[name=public_text]", "No NHRI has been set up; the ombudsman is not independent.")
    page.click("form button[type=submit]:has-text('Save')")
    page.wait_for_selector("text=Saved")
    page.click("button:has-text('Publish')")
    page.wait_for_selector("text=Published")
    assessment = Assessment.public_objects.get(stakeholder=organisation)
    assert assessment.public_text.startswith("No NHRI has been set up")
    page.goto(f"{live_server.url}/portal/assessments/{assessment.pk}/history/")
    history = page.inner_text("ol.timeline")
    assert "the ombudsman is not independent at all!!!" in history  # the contributor's own words
    assert "erin" in history and "alice" in history
    assert AssessmentHistory.objects.filter(assessment=assessment, actor="erin").count() == 2
    page.goto(f"{live_server.url}/recommendations/{recommendation.pk}")
    assert "No NHRI has been set up" in page.content()
    _screenshot(page, "recommendation-page.png")


def test_the_interface_switches_to_russian(kazakhstan: Review, live_server: Any, page: Any) -> None:
    page.goto(f"{live_server.url}/states/KAZ/UPR/1")
    page.select_option("select[name=language]", "ru")
    page.click("form[action='/i18n/setlang/'] button")
    page.wait_for_selector("text=Рекомендации")
    content = page.content()
    assert "не выполнена" in content
    assert '<html lang="ru">' in content


def test_an_editor_rejects_a_machine_suggestion_and_a_visitor_searches_in_russian(
    kazakhstan: Review, live_server: Any, page: Any
) -> None:
    from rightstrack.assist.embeddings import forget_cached
    from rightstrack.assist.models import Decision, LabelSuggestion
    from rightstrack.assist.pipeline import analyse

    forget_cached()
    analyse()
    person("erin", Role.EDITOR)
    recommendation = RecommendationRef.objects.get(scheme="upr-info-mia", value="11").recommendation
    suggestion = (
        LabelSuggestion.objects.filter(recommendation=recommendation).order_by("-probability").first()
    )
    assert suggestion is not None

    sign_in(page, live_server.url, "erin")
    page.goto(f"{live_server.url}/recommendations/{recommendation.pk}")
    table = page.locator("section.suggestions")
    assert "Machine suggestions" in table.inner_text()
    assert page.locator(f"section.suggestions meter[value='{suggestion.probability:.3f}']").count() >= 1
    page.click(f"section.suggestions button[aria-label='Reject {suggestion.value}']")
    page.wait_for_selector(f"text=Rejected: {suggestion.get_head_display()}")
    suggestion.refresh_from_db()
    assert suggestion.decision == Decision.REJECTED
    _screenshot(page, "machine-suggestions.png")
    page.click("button:has-text('Sign out')")

    page.goto(f"{live_server.url}/recommendations")
    page.fill("input[name=q]", "смертная казнь")
    page.select_option("select[name=mode]", "hybrid")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("text=Ranked by closeness of meaning")
    first = page.locator("table tbody tr").first.inner_text()
    assert "death penalty" in first.lower()
    forget_cached()
