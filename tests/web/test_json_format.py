"""The pages' JSON twins are the versioned format DATA.md documents (*The pages as JSON*)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from rightstrack.assessments.models import Stakeholder
from rightstrack.recommendations.models import RecommendationRef
from rightstrack.web.views import JSON_FORMAT_VERSION
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def _documented() -> tuple[int, dict[str, set[str]]]:
    """The version and, for each JSON twin address, the keys DATA.md lists."""
    text = (ROOT / "DATA.md").read_text(encoding="utf-8")
    section = text.split("## The pages as JSON", 1)[1].split("\n## ", 1)[0]
    version = re.match(r" \(`format_version` (\d+)\)", section)
    assert version, "DATA.md names the format's version in its heading"
    twins = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[1].startswith("`/"):
            twins[cells[1].strip("`")] = set(re.findall(r"`([a-z_]+)`", cells[2]))
    return int(version.group(1)), twins


def test_every_json_twin_carries_the_documented_version_and_keys(kazakhstan_mia: Path) -> None:
    version, twins = _documented()
    assert version == JSON_FORMAT_VERSION
    assert len(twins) == 8
    recommendation = RecommendationRef.objects.get(scheme="upr-info-mia", value="1").recommendation_id
    stakeholder = Stakeholder.objects.get(acronym="F18").pk
    client = Client()
    for address, keys in twins.items():
        url = address.replace("/recommendations/ID", f"/recommendations/{recommendation}").replace(
            "/stakeholders/ID", f"/stakeholders/{stakeholder}"
        )
        response = client.get(url)
        assert response.status_code == 200, url
        data = response.json()
        assert data["format_version"] == version, url
        assert set(data) == keys, (url, set(data) ^ keys)
        assert next(iter(data)) == "format_version", url  # first, so a reader sees it before anything
