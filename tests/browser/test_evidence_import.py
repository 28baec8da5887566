"""An editor imports a review's documents through the portal's evidence page, in a real browser."""

from __future__ import annotations

from typing import Any

import pytest

from rightstrack.evidence.models import EvidenceDocument
from rightstrack.portal.models import Role
from tests.browser.people import person, sign_in
from tests.conftest import shared_path

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_picks_two_review_documents_at_once_from_the_menu_and_sees_them_imported(
    live_server: Any, page: Any, settings: Any
) -> None:
    settings.RIGHTSTRACK_MACHINE_HELP = False
    person("erin", Role.EDITOR)
    base = live_server.url
    sign_in(page, base, "erin")

    page.click("nav.portal-nav >> text=Import evidence documents")
    page.wait_for_url(f"{base}/portal/imports/evidence/")
    names = ("compilation.txt", "stakeholders-summary.txt")
    page.set_input_files(
        "input[name=documents]", files=[str(shared_path("data", "evidence", "denmark", n)) for n in names]
    )
    page.check("input[name=reading][value=upr]")
    page.click("#evidence-import button[type=submit]")
    page.wait_for_selector("#imported")
    shown = page.text_content("#imported") or ""
    assert "A/HRC/WG.6/52/DNK/2" in shown and "A/HRC/WG.6/52/DNK/3" in shown
    assert "65 paragraphs" in shown and "67 paragraphs" in shown
    assert "Committee against Torture" in shown  # a source the compilation's paragraphs name
    assert sorted(EvidenceDocument.objects.values_list("symbol", flat=True)) == [
        "A/HRC/WG.6/52/DNK/2",
        "A/HRC/WG.6/52/DNK/3",
    ]
