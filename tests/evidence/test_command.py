"""`rightstrack import` reads the review's documents as evidence; `rightstrack link-evidence` links them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rightstrack.cli.main import app
from rightstrack.evidence.models import EvidenceLink
from tests.conftest import shared_path

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()
COLUMNS = (
    "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
    "state:=NAM,mechanism:=UPR,cycle:=3"
)


def test_the_commands_import_namibias_documents_and_link_them(settings: object) -> None:
    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    sheet = shared_path("data", "evidence", "namibia", "assessment.csv")
    report = shared_path("data", "evidence", "namibia", "national-report.txt")
    assert runner.invoke(app, ["import", str(sheet), "--columns", COLUMNS]).exit_code == 0
    result = runner.invoke(app, ["import", str(report), "--json"])
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    assert (document["kind"], document["created"]["evidence paragraphs"]) == ("upr-evidence", 127)
    result = runner.invoke(app, ["link-evidence", "--state", "Namibia", "--json"])
    assert result.exit_code == 0, result.stderr
    made = json.loads(result.stdout)
    assert made["NAM"] == EvidenceLink.objects.count() > 0
    # the report's heading "Recommendations (138.71-77, 244)" cites 138.244: the link says so
    link = EvidenceLink.objects.filter(recommendation__refs__value="138.244", paragraph__number="6").first()
    assert link is not None and "the document cites recommendation 138.244 here" in link.reason
    assert runner.invoke(app, ["link-evidence", "--state", "Atlantis"]).exit_code != 0
