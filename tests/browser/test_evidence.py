"""An editor reads the evidence of a recommendation in a real browser, confirms one quote, rejects
another; the review's OHCHR thematic list, downloaded from its page, carries the confirmed quote."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document

from rightstrack.evidence.models import Decision, EvidenceLink
from rightstrack.portal.models import Role
from rightstrack.recommendations.models import Recommendation
from tests.browser.people import person, sign_in
from tests.evidence_setup import import_denmark

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def denmark(transactional_db: None, settings: Any) -> Recommendation:
    """Denmark's 3rd-cycle recommendations and two of its 4th-cycle documents, linked (words only)."""
    settings.RIGHTSTRACK_MACHINE_HELP = False
    # reports rendered at once rather than by the worker
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    import_denmark(("compilation.txt", "stakeholders-summary.txt"))
    return Recommendation.objects.get(review__state_id="DNK", refs__value="60.123")


def test_an_editor_confirms_one_quote_and_rejects_another_and_a_visitor_sees_the_confirmed_one(
    denmark: Recommendation, live_server: Any, page: Any
) -> None:
    editor = person("erin", Role.EDITOR)
    first, second = EvidenceLink.objects.filter(recommendation=denmark).order_by("rank")[:2]

    sign_in(page, live_server.url, "erin")
    page.goto(f"{live_server.url}/recommendations/{denmark.pk}")
    section = page.locator("section.evidence")
    text = section.inner_text()
    assert "Evidence from the review's documents" in text
    assert "A/HRC/WG.6/52/DNK/2, para. 12" in text and "Committee against Torture" in text
    section.locator("li.evidence-link").nth(0).locator("button:has-text('confirm')").click()
    page.wait_for_selector("text=Evidence confirmed")
    page.locator("section.evidence li.evidence-link").nth(1).locator("button:has-text('reject')").click()
    page.wait_for_selector("text=Evidence rejected")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.decision, first.decided_by) == (Decision.CONFIRMED, editor)
    assert second.decision == Decision.REJECTED
    page.click("button:has-text('Sign out')")

    page.goto(f"{live_server.url}/recommendations/{denmark.pk}")
    shown = page.locator("section.evidence li.evidence-link")
    assert shown.count() == 1
    assert first.paragraph.document.symbol in shown.inner_text()
    assert page.locator("section.evidence form").count() == 0  # no decision buttons for visitors

    # the review's thematic list, from its page: column 4 of 60.123 quotes the confirmed paragraph
    page.goto(f"{live_server.url}/states/DNK/UPR/3")
    with page.expect_download() as download:
        page.click("a[href$='/reports/thematic.docx']")
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    assert [cell.text for cell in document.tables[0].rows[0].cells][3] == (
        "Assessment/comments on level of implementation"
    )
    rows = {row.cells[0].text.split(" ", 1)[0]: row for table in document.tables for row in table.rows[2:]}
    filled = rows["60.123"].cells[3].text
    assert f"{first.paragraph.document.symbol}, para. {first.paragraph.number}" in filled
    assert second.paragraph.text[:40] not in filled
    assert rows["60.5"].cells[3].text == ""


#: Menu links whose words the browser broke over two lines or more (their box taller than one line).
BROKEN_LINKS = """Array.from(document.querySelectorAll('nav a')).filter(a => {
  const lines = a.getClientRects().length, style = getComputedStyle(a);
  return lines > 1 || a.getBoundingClientRect().height > 1.6 * parseFloat(style.lineHeight || style.fontSize);
}).map(a => a.textContent.trim())"""


@pytest.mark.parametrize("width", [1280, 390])
def test_the_editors_evidence_page_and_the_portal_menu_fit_the_screen_on_a_laptop_and_a_phone(
    denmark: Recommendation, live_server: Any, page: Any, width: int
) -> None:
    person("erin", Role.EDITOR)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, "erin")
    for path in (f"/recommendations/{denmark.pk}", "/portal/evidence/queue/", "/portal/"):
        page.goto(live_server.url + path)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert scroll <= inner, f"{path} at {width} px scrolls sideways: {scroll} px wide"
        if width > 1000:
            assert page.evaluate(BROKEN_LINKS) == [], f"{path}: menu items broken over lines"
