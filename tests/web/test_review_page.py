"""A review's page as a follow-up professional reads it: paragraphs, States by name, the position,
issues and level; the table as CSV/XLSX; treaty-body rows; RightsTrack's own words; its own reports."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from django.test import Client
from openpyxl import load_workbook

from rightstrack.recommendations.models import RecommendationRef

REVIEW = "/states/KAZ/UPR/1"


def _row(html: str, number: str) -> str:
    """The table row whose first cell links n° ``number``."""
    ref = RecommendationRef.objects.get(scheme="upr-info-mia", value=number)
    start = html.index(f'<a href="/recommendations/{ref.recommendation_id}">{number}</a>')
    return html[html.rindex("<tr>", 0, start) : html.index("</tr>", start)]


def test_the_review_table_gives_paragraph_states_by_name_position_issues_and_level(
    kazakhstan_example: list[Path], client: Client
) -> None:
    html = client.get(REVIEW).content.decode()
    for header in ("rec. n°", "Paragraph", "Recommending States", "Position", "Issues", "Implementation"):
        assert f">{header}" in html
    row = _row(html, "2")  # "Abolish the death penalty in all circumstances" (France), paragraph 97.16
    assert "97.16" in row and "France" in row and "(FRA)" not in row
    assert "Supported" in row and "Death penalty" in row and "not implemented" in row
    data = client.get(REVIEW + ".json").json()
    first = next(r for r in data["recommendations"] if r["ref"] == "2")
    assert first["paragraph"] == "97.16" and first["recommending_state_names"] == ["France"]


def test_the_review_table_names_the_recommending_states_in_russian(
    kazakhstan_example: list[Path], client: Client
) -> None:
    html = client.get(REVIEW, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Франция" in _row(html, "2")


def test_the_review_table_downloads_as_csv_and_xlsx_with_the_pages_filters(
    kazakhstan_example: list[Path], client: Client
) -> None:
    html = client.get(REVIEW, {"issue": "Death penalty"}).content.decode()
    assert f"{REVIEW}/download.csv?issue=Death+penalty" in html
    answer = client.get(f"{REVIEW}/download.csv", {"issue": "Death penalty"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    assert answer.content.startswith("\ufeff".encode())  # UTF-8 with a BOM: Excel reads Cyrillic
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["rec. n°", "Paragraph", "Recommendation", "Recommending States", "Position"]
    assert len(rows) > 2 and all("Death penalty" in row[5] for row in rows[1:])
    assert any(row[0] == "2" and row[1] == "97.16" and row[3] == "France" for row in rows[1:])
    sheet = load_workbook(io.BytesIO(client.get(f"{REVIEW}/download.xlsx").content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 130 and values[0][1] == "Paragraph"


def test_treaty_body_rows_never_end_in_empty_brackets(kazakhstan_example: list[Path], client: Client) -> None:
    html = client.get("/states/KAZ/CCPR/2").content.decode()
    assert "()" not in html
    assert "Human Rights Committee" in html


def test_the_review_page_speaks_in_its_own_voice_not_the_programmes(
    kazakhstan_example: list[Path], client: Client
) -> None:
    html = client.get(REVIEW).content.decode()
    assert "our enquiry" not in html and "participate*" not in html and "not more active" not in html
    assert "NGOs asked: 18; answered: 9." in html


def test_each_review_links_its_own_mia_which_stays_that_reviews_when_another_is_followed_up(
    kazakhstan_example: list[Path], client: Client, settings: Any
) -> None:
    from rightstrack.assessments.models import Assessment, FollowUpCampaign, Stakeholder, Status
    from rightstrack.recommendations.models import Review

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    html = client.get(REVIEW).content.decode()
    assert f"{REVIEW}/reports/mia.pdf" in html
    state_page = client.get("/states/KAZ").content.decode()
    assert "/states/KAZ/reports/mia." not in state_page  # no State-wide MIA link that may change review
    # A follow-up of the 2014 review is published: the 2010 review's MIA stays the 2010 one.
    later = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    programme = Stakeholder.objects.get(name="UPR Info")
    FollowUpCampaign.objects.create(review=later, programme=programme)
    Assessment.private_objects.create(
        recommendation=later.recommendations.first(),
        stakeholder=programme,
        original_text="Some progress.",
        status=Status.PUBLISHED,
    )
    report = client.get(f"{REVIEW}/reports/mia.html")
    assert report.status_code == 200
    assert "UPR review of 2010" in report.content.decode()
    assert "2014" in client.get("/states/KAZ/UPR/2/reports/mia.html").content.decode()


def test_a_treaty_body_reviews_table_gives_each_paragraph_number(
    kazakhstan_example: list[Path], client: Client
) -> None:
    """The Committee's review table showed "–" as paragraph where the number was also the row's n°."""
    page = client.get("/states/KAZ/CCPR/2").content.decode()
    cells = re.findall(r'<td class="num">([^<]*)</td>', page)
    assert "24" in cells and "–" not in cells
