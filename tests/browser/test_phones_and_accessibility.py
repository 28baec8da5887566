"""The public pages on a 390 px phone and to axe-core: no sideways scrolling, charts drawn, names for all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from rightstrack.assessments.models import Stakeholder
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import RecommendationRef, Review
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import EXAMPLE_MIA, shared_path

pytestmark = pytest.mark.django_db(transaction=True)
#: axe-core at package-lock.json's version, installed by `make setup` (`npm ci`), never served by the site.
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
LANGUAGES = ("en-GB", "ru-RU")
# Every chart of the page has drawn (data-rendered) or said why it could not (its text).
CHARTS_SETTLED = (
    "Array.from(document.querySelectorAll('div.vega')).every(e => e.dataset.rendered || e.textContent)"
)
# The first element Tab reaches, in document order: [tag, href, text].
FIRST_FOCUSABLE = """(() => {
  const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, '
    + '[tabindex]:not([tabindex="-1"])';
  const first = Array.from(document.querySelectorAll(focusable)).find(e => !e.disabled);
  return first ? [first.tagName, first.getAttribute('href'), first.textContent.trim()] : null;
})()"""


@pytest.fixture
def kazakhstan(transactional_db: None) -> Iterator[Review]:
    from rightstrack.documents.importing import import_files
    from rightstrack.recommendations.vocabularies import import_vocabulary

    for name in ("upr_info_issues_2008-2014.txt", "upr_info_issues_2019.txt"):
        import_vocabulary(shared_path("data", "taxonomies", name))
    import_files([EXAMPLE_MIA])
    yield Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=1)


def _main_pages(review: Review) -> list[str]:
    recommendation = RecommendationRef.objects.get(scheme="upr-info-mia", value="1").recommendation
    stakeholder = Stakeholder.objects.filter(assessments__isnull=False).order_by("pk").first()
    assert stakeholder is not None, "the example has no stakeholder with an assessment"
    return [
        "/",
        "/recommendations",
        f"/recommendations/{recommendation.pk}",
        "/states/KAZ",
        f"/states/KAZ/{review.mechanism.code}/{review.cycle}",
        "/stakeholders",
        f"/stakeholders/{stakeholder.pk}",
        "/states/KAZ/recurring",
        "/open-data/",
        "/accounts/login/",
    ]


def _needs_axe() -> None:
    if not AXE.is_file():
        pytest.skip(f"{AXE} is absent: `make setup` installs axe-core with npm (npm ci)")


def _axe_problems(page: Any, where: str) -> Iterator[str]:
    page.add_script_tag(path=str(AXE))
    for rule, impact, nodes in page.evaluate(
        """axe.run().then(r => r.violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target.join(' '))]))"""
    ):
        yield f"{where}: axe {impact} {rule} at {nodes}"


def _open(browser: Any, viewport: dict[str, int], **options: Any) -> Any:
    return browser.new_context(viewport=viewport, **options)


def _visit(page: Any, url: str) -> None:
    page.goto(url)
    if page.locator("div.vega").count():
        page.wait_for_function(CHARTS_SETTLED)


def test_at_390_px_no_page_scrolls_sideways_and_every_chart_draws_inside_the_screen(
    kazakhstan: Review, live_server: Any, browser: Any
) -> None:
    problems: list[str] = []
    charts_seen = 0
    for language in LANGUAGES:  # Russian words are longer: both must fit
        context = _open(browser, PHONE, locale=language)
        page = context.new_page()
        for path in _main_pages(kazakhstan):
            _visit(page, live_server.url + path)
            problems.extend(f"{language} {problem}" for problem in _phone_problems(page, path))
            charts_seen += page.locator("div.vega").count()
            if path == "/states/KAZ" and language == "en-GB" and os.environ.get("RIGHTSTRACK_SCREENSHOTS"):
                chart = page.locator("section[aria-labelledby='chart-levels_by_theme-title']")
                chart.screenshot(path=str(SCREENSHOTS / "dashboard-phone.png"))
        context.close()
    assert charts_seen >= 8, f"only {charts_seen} charts on the pages"
    assert not problems, "\n".join(problems)


def _phone_problems(page: Any, path: str) -> Iterator[str]:
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    if scroll_width > inner_width:
        yield f"{path}: the page is {scroll_width} px wide on a {inner_width} px screen"
    for chart in page.evaluate(
        """Array.from(document.querySelectorAll('div.vega')).map(e => {
             const drawing = e.querySelector('svg, canvas');
             const box = drawing ? drawing.getBoundingClientRect() : null;
             const marks = Array.from(e.querySelectorAll('.role-mark path, .role-mark rect'))
               .map(m => m.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
             const title = e.querySelector('.role-title-text');
             const titleBox = title ? title.getBoundingClientRect() : null;
             return {id: e.id, text: e.textContent,
                     box: box && [box.left, box.right, box.width, box.height],
                     marks: marks.length, title: titleBox && [titleBox.left, titleBox.right]};
           })"""
    ):
        where = f"{path} {chart['id']}"
        if not chart["box"] or chart["box"][2] <= 0 or chart["box"][3] <= 0:
            yield f"{where}: nothing drawn ({chart['text']!r})"
            continue
        if chart["marks"] == 0:
            yield f"{where}: the chart has no visible bar or point"
        if chart["box"][1] > inner_width:
            yield f"{where}: the chart ends at {chart['box'][1]:.0f} px, past the screen"
        left, right = chart["box"][0] - 1, chart["box"][1] + 1
        if chart["title"] and (chart["title"][0] < left or chart["title"][1] > right):
            yield f"{where}: the chart's title is cut ({chart['title']} in {chart['box'][:2]})"


def test_on_the_main_pages_axe_finds_no_serious_or_critical_violation_and_keyboards_can_skip_to_content(
    kazakhstan: Review, live_server: Any, browser: Any
) -> None:
    _needs_axe()
    problems: list[str] = []
    for viewport, language in ((LAPTOP, "en-GB"), (PHONE, "en-GB"), (PHONE, "ru-RU")):
        # The site's Content-Security-Policy forbids injected scripts: axe gets in by the test's leave.
        context = _open(browser, viewport, bypass_csp=True, locale=language)
        page = context.new_page()
        for path in _main_pages(kazakhstan):
            where = f"{language} {viewport['width']} px {path}"
            _visit(page, live_server.url + path)
            first = page.evaluate(FIRST_FOCUSABLE)
            if first[1] != "#content" or page.locator("main#content").count() != 1:
                problems.append(f"{where}: first focusable: {first}, not a skip link to #content")
            else:
                page.focus("a.skip")
                if page.evaluate("document.querySelector('a.skip').getBoundingClientRect().top") < 0:
                    problems.append(f"{where}: the focused skip link stays out of sight")
            landmarks = page.locator("header nav[aria-label]").count(), page.locator("body > footer").count()
            if landmarks[0] < 1 or landmarks[1] != 1:
                problems.append(f"{where}: no named navigation in the header, or no footer")
            for name in page.evaluate(
                """Array.from(document.querySelectorAll('div.vega')).map(e => {
                     const drawing = e.querySelector('svg[role=img]');
                     return [e.id, drawing ? drawing.getAttribute('aria-label') : null,
                             e.closest('section').querySelector('h3').textContent];
                   })"""
            ):
                if not name[1] or not name[1].startswith(name[2]):
                    problems.append(f"{where}: {name[0]} is named {name[1]!r}, not by its title {name[2]}")
            scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            if scroll_width > inner_width:
                problems.append(f"{where}: the page is {scroll_width} px wide")
            problems.extend(_axe_problems(page, where))
        context.close()
    assert not problems, "\n".join(problems)


def test_signed_in_at_390_px_the_portal_pages_fit_the_screen_and_axe_finds_nothing_serious(
    kazakhstan: Review, live_server: Any, browser: Any
) -> None:
    _needs_axe()
    organisation = Stakeholder.objects.create(name="Organisation A", acronym="ORGA", kind="ngo")
    recommendation = RecommendationRef.objects.get(scheme="upr-info-mia", value="1").recommendation
    pages = {
        "editor": [
            "/portal/",
            "/portal/moderation/",
            "/portal/campaigns/",
            "/portal/upload/",
            "/portal/imports/spreadsheet/",
            "/portal/imports/evidence/",
            "/portal/stakeholders/duplicates/",
            "/portal/invitations/new/",
            f"/recommendations/{recommendation.pk}",
        ],
        "contributor": [
            "/portal/",
            f"/portal/reviews/{kazakhstan.pk}/",
            f"/portal/recommendations/{recommendation.pk}/assess/",
        ],
    }
    problems: list[str] = []
    for name, paths in pages.items():
        user = User.objects.create_user(name, f"{name}@example.org", "a-long-test-passphrase")
        role = Role.EDITOR if name == "editor" else Role.CONTRIBUTOR
        Membership.objects.create(
            user=user, role=role, organisation=organisation if name == "contributor" else None
        )
        context = _open(browser, PHONE, bypass_csp=True)
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", name)
        page.fill("input[name=password]", "a-long-test-passphrase")
        page.click("form.narrow button[type=submit]")
        page.wait_for_url(f"{live_server.url}/portal/")
        for path in paths:
            response = page.goto(live_server.url + path)
            where = f"{name} {path}"
            if response is None or response.status != 200:
                problems.append(f"{where}: answered {response and response.status}")
                continue
            problems.extend(f"{name} {problem}" for problem in _phone_problems(page, path))
            problems.extend(_axe_problems(page, where))
        context.close()
    assert not problems, "\n".join(problems)
