"""The worker and the commands compute the suggested levels; a command drafts an assessment."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from typer.testing import CliRunner

from rightstrack.assessments.models import Assessment, Stakeholder, Status
from rightstrack.cli.main import app
from rightstrack.documents.importing import import_files
from rightstrack.evidence.decisions import decide
from rightstrack.evidence.models import Decision, EvidenceLink, EvidenceParagraph, SuggestedLevel
from rightstrack.ingest.registry import mapped_source
from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import Recommendation
from tests.conftest import shared_path

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()
COLUMNS = (
    "text=text,paragraph=paragraph,recommending=recommending_state,position=position,"
    "state:=NAM,mechanism:=UPR,cycle:=3"
)


def _sheet() -> None:
    sheet = shared_path("data", "evidence", "namibia", "assessment.csv")
    import_files([sheet], source=mapped_source(parse_columns(COLUMNS)))


def test_the_worker_suggests_levels_after_linking_an_import(settings: object) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}  # type: ignore[attr-defined]
    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    _sheet()
    settings.RIGHTSTRACK_MACHINE_HELP = True  # type: ignore[attr-defined]
    import_files([shared_path("data", "evidence", "namibia", "compilation.txt")])
    assert EvidenceLink.objects.exists()
    assert set(SuggestedLevel.objects.values_list("kind", flat=True)) == {"un"}
    assert not SuggestedLevel.objects.exclude(basis=Decision.PENDING).exists()


def test_link_evidence_suggests_levels_and_draft_assessment_turns_confirmed_evidence_into_a_draft(
    settings: object,
) -> None:
    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    _sheet()
    compilation = shared_path("data", "evidence", "namibia", "compilation.txt")
    assert runner.invoke(app, ["import", str(compilation)]).exit_code == 0
    result = runner.invoke(app, ["link-evidence", "--state", "NAM"])
    assert result.exit_code == 0, result.stderr
    assert f"{SuggestedLevel.objects.count():,} suggested levels" in result.stdout
    editor = User.objects.create_user("editor", "editor@example.org", "a-long-passphrase-1")
    Membership.objects.create(user=editor, role=Role.EDITOR)
    Stakeholder.objects.create(name="Namibian UPR follow-up coalition", acronym="NUFC", kind="coalition")
    rec = Recommendation.objects.get(review__state_id="NAM", refs__value="138.41")  # standing invitation
    paragraph = EvidenceParagraph.objects.get(document__symbol="A/HRC/WG.6/52/NAM/2", number="6")
    link, _created = EvidenceLink.objects.get_or_create(
        recommendation=rec, paragraph=paragraph, defaults={"score": 0.0, "rank": 99}
    )
    decide(link, Decision.CONFIRMED, editor)
    arguments = ["draft-assessment", "NAM:138.41", "--stakeholder", "NUFC", "--user", "editor"]
    refused = runner.invoke(app, [*arguments, "--grade", "hrc:Z"])
    assert refused.exit_code == 1 and "has no grade Z" in refused.stderr
    result = runner.invoke(app, [*arguments, "--grade", "hrc:C"])
    assert result.exit_code == 0, result.stderr
    made = Assessment.private_objects.get(recommendation=rec)
    assert (made.status, made.grade.scheme.code, made.grade.code) == (Status.DRAFT, "hrc", "C")
    assert "had not issued a standing invitation" in made.original_text
    assert made.history.count() == 1
