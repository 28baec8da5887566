"""People reach the two new reports: `rightstrack report thematic KAZ --format docx`, the review page's
links and downloads; the implementation report keeps recommendations answered together together."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from docx import Document
from typer.testing import CliRunner

from rightstrack.cli.main import app

pytestmark = pytest.mark.django_db(transaction=True)
REVIEW = "/states/KAZ/UPR/1"
HEADERS = [
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
]


def test_the_report_command_writes_the_thematic_list(kazakhstan_mia: Path, tmp_path: Path) -> None:
    target = tmp_path / "list.docx"
    result = CliRunner().invoke(
        app, ["report", "thematic", "--state", "KAZ", "--format", "docx", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    document = Document(str(target))
    assert [cell.text for cell in document.tables[0].rows[0].cells] == HEADERS
    refused = CliRunner().invoke(app, ["report", "thematic", "--state", "KAZ", "--format", "pdf"])
    assert refused.exit_code != 0 and "made as docx, html" in refused.output


def test_the_review_page_links_both_reports_and_serves_them(
    kazakhstan_mia: Path, client: Client, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    html = client.get(REVIEW).content.decode()
    assert f"{REVIEW}/reports/thematic.docx" in html and f"{REVIEW}/reports/implementation.pdf" in html
    answer = client.get(f"{REVIEW}/reports/thematic.docx")
    assert answer.status_code == 200
    assert answer["Content-Disposition"] == 'attachment; filename="KAZ-thematic-upr1-en.docx"'
    document = Document(io.BytesIO(answer.content))
    assert all([cell.text for cell in table.rows[0].cells] == HEADERS for table in document.tables)
    assert client.get("/states/KAZ/CCPR/2/reports/thematic.docx").status_code == 404


def test_recommendations_answered_together_are_one_entry_of_the_implementation_report(
    kazakhstan_mia: Path,
) -> None:
    from rightstrack.assessments.picture import display_ref
    from rightstrack.recommendations.models import Recommendation
    from rightstrack.reports.api import render

    joint = Recommendation.objects.filter(review__state_id="KAZ", review__cycle=1).exclude(group="")
    groups: dict[str, list[str]] = {}
    for recommendation in joint.order_by("sort_key", "pk").prefetch_related("refs"):
        groups.setdefault(recommendation.group, []).append(display_ref(recommendation))
    assert any(len(members) > 1 for members in groups.values())
    html = render("implementation", "KAZ", "html", cycle=1).content.decode()
    for members in groups.values():
        if len(members) > 1:
            assert f"Recommendations {' + '.join(members)}</h3>" in html
