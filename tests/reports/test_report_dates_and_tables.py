"""Reports stay what they say: the action plan judged on the day it is made (or the reader's date),
never on its document's date."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import formats, translation

from tests.conftest import ROOT

PLAN = ROOT / "examples" / "kazakhstan" / "report-on-human-rights-2021.txt"


@pytest.fixture
def plan(db: None) -> Path:
    from rightstrack.documents.importing import import_files

    import_files([PLAN])
    return PLAN


def _overdue_on(on: datetime.date) -> int:
    from rightstrack.actionplans.models import Measure
    from rightstrack.reports.kinds.actionplan import is_overdue

    return sum(is_overdue(m, on) for m in Measure.objects.filter(plan__state_id="KAZ"))


def test_the_action_plan_report_judges_deadlines_on_the_day_it_is_made(plan: Path) -> None:
    from rightstrack.actionplans.models import Measure
    from rightstrack.reports.api import render

    today = datetime.date.today()
    html = render("actionplan", "KAZ", "html").content.decode()
    n = Measure.objects.filter(plan__state_id="KAZ").count()
    with translation.override("en"):  # the report's language, whatever an earlier test left active
        long_today = formats.date_format(today, "j E Y")
    assert f"overdue on {long_today}" in html
    assert f"{n} measures:" in html and f"{_overdue_on(today)} overdue on {long_today}" in html


def test_the_action_plan_report_judges_deadlines_on_the_readers_date(
    plan: Path, client: Client, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    early, late = datetime.date(2021, 1, 1), datetime.date(2025, 1, 1)
    assert _overdue_on(early) != _overdue_on(late)
    for on in (early, late):
        answer = client.get("/states/KAZ/reports/actionplan.html", {"as_of": on.isoformat()})
        assert answer.status_code == 200
        html = answer.content.decode()
        with translation.override("en"):
            shown = formats.date_format(on, "j E Y")
        assert f"{_overdue_on(on)} overdue on {shown}" in html
    refused = client.get("/states/KAZ/reports/actionplan.html", {"as_of": "yesterday"})
    assert refused.status_code == 404 and "as_of" in refused.content.decode()
