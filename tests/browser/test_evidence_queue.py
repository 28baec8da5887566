"""An editor works through Denmark's evidence queue in a real browser: from the portal's menu to the
review, a quote confirmed by its button's name, and back on the queue at the same page with the
recommendation gone from "not reviewed yet"."""

from __future__ import annotations

from typing import Any

import pytest

from rightstrack.evidence.models import Decision, EvidenceLink
from rightstrack.portal.models import Role
from rightstrack.recommendations.models import Recommendation, Review
from tests.browser.people import person, sign_in
from tests.browser.test_phones_and_accessibility import PHONE, _axe_problems, _needs_axe, _phone_problems
from tests.evidence_setup import import_denmark

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def denmark(transactional_db: None, settings: Any) -> Review:
    """Denmark's 3rd-cycle recommendations and its UN compilation, linked (words only)."""
    settings.RIGHTSTRACK_MACHINE_HELP = False
    import_denmark(("compilation.txt",))
    return Review.objects.get(state_id="DNK", cycle=3)


def test_an_editor_confirms_a_quote_from_the_queue_and_comes_back_to_the_same_page(
    denmark: Review, live_server: Any, page: Any
) -> None:
    total = Recommendation.objects.filter(review=denmark).count()
    editor = person("editor", Role.EDITOR)
    sign_in(page, live_server.url, "editor")
    page.get_by_role("navigation", name="Portal").get_by_role("link", name="Evidence to review").click()
    page.get_by_role("link", name="Denmark UPR cycle 3").click()  # the review by its State's name
    page.get_by_role("link", name="next").first.click()
    page.wait_for_url("**page=2")
    queue = page.url
    table = page.get_by_role("table")
    assert "not reviewed yet" in table.locator("caption").inner_text()
    progress = page.locator("p.progress").inner_text()
    assert progress.startswith(f"0 of {total} recommendations have confirmed evidence;")
    row = table.locator("tr.queue-row").first
    rec_link = row.get_by_role("rowheader").get_by_role("link")
    rec_url = rec_link.get_attribute("href")
    cite = row.locator("cite").inner_text()
    number = row.locator("p", has=page.locator("cite")).inner_text().split("para. ", 1)[1].split(" ")[0]
    row.get_by_role("button", name=f"Confirm para. {number} of {cite}").click()
    page.wait_for_selector("text=Evidence confirmed")
    assert page.url == queue
    assert page.locator("p.progress").inner_text().startswith(f"1 of {total} recommendations")
    assert page.locator(f'tr.queue-row a[href="{rec_url}"]').count() == 0
    link = EvidenceLink.objects.get(
        recommendation_id=int(str(rec_url).rsplit("/", 1)[1]),
        paragraph__document__symbol=cite,
        paragraph__number=number,
    )
    assert (link.decision, link.decided_by) == (Decision.CONFIRMED, editor)
    assert [change["to"] for change in link.history] == ["confirmed"]


def test_on_a_phone_the_queue_fits_the_screen_and_axe_finds_nothing_serious(
    denmark: Review, live_server: Any, browser: Any
) -> None:
    _needs_axe()
    person("editor", Role.EDITOR)
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    sign_in(page, live_server.url, "editor")
    problems: list[str] = []
    for path in ("/portal/evidence/queue/", f"/portal/evidence/queue/{denmark.pk}/"):
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        problems.extend(_phone_problems(page, path))
        problems.extend(_axe_problems(page, path))
    context.close()
    assert not problems, "\n".join(problems)
