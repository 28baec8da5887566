"""An editor imports a Russian-language action plan through the upload-and-map page, in a real browser."""

from __future__ import annotations

import os
from typing import Any

import pytest

from rightstrack.documents.models import SourceDocument
from rightstrack.portal.models import Role
from rightstrack.recommendations.models import Review
from tests.browser.conftest import SCREENSHOTS
from tests.browser.people import person, sign_in
from tests.web.action_plan import action_plan, seed_rows, xlsx

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_uploads_a_sheet_corrects_the_proposed_mapping_and_finds_the_recommendations(
    vocabularies: None, live_server: Any, page: Any
) -> None:
    person("erin", Role.EDITOR)
    base = live_server.url
    sign_in(page, base, "erin")

    page.click("nav.portal-nav >> text=Import a spreadsheet")
    page.wait_for_url(f"{base}/portal/imports/spreadsheet/")
    sheet = {"name": "план-действий-2015.xlsx", "mimeType": "application/octet-stream"}
    page.set_input_files("input[name=sheet]", files=[{**sheet, "buffer": xlsx(action_plan(8))}])
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/portal/imports/spreadsheet/*/")

    # the first rows, and the mapping proposed from the Russian headers
    assert page.locator("#preview tbody tr").count() == 8
    assert "Uruguay" in (page.text_content("#preview") or "")
    assert page.input_value("select[name=column_text]") == "Рекомендация"
    assert page.input_value("select[name=column_position]") == "Ответ государства"
    assert page.input_value("select[name=column_paragraph]") == "№"
    assert page.input_value("select[name=column_recommending]") == "Страна-автор"
    assert page.input_value("select[name=column_state]") == ""  # no column names the State under review

    # the editor corrects it: no paragraph (the plan's running number is not the report's numbering), and
    # the State and the cycle given once for every row
    page.fill("input[name=value_state]", "Kazakhstan")
    page.select_option("select[name=column_paragraph]", "")
    page.fill("input[name=value_cycle]", "2")
    page.click("#mapping button[type=submit]")
    page.wait_for_selector("#imported")
    assert "8 new recommendations" in (page.text_content("#imported") or "")
    document = SourceDocument.objects.get(kind="mapped-sheet")
    assert "state:=Kazakhstan" in document.title and "recommending=Страна-автор" in document.title

    # on the public list, as a visitor would see them
    page.click("text=its recommendations")
    page.wait_for_url("**/recommendations?state=KAZ**")
    listed = page.text_content("main") or ""
    for text, _, _ in seed_rows(8):
        assert " ".join(text.split()[:8]) in " ".join(listed.split())
    review = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    assert review.recommendations.count() == 8
    if os.environ.get("RIGHTSTRACK_SCREENSHOTS"):
        page.screenshot(path=str(SCREENSHOTS / "spreadsheet-import.png"), full_page=True)
