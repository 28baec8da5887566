"""The IRI from claims read in the stakeholders' words, and machine help run by the background worker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from typer.testing import CliRunner

from rightstrack.assist.models import Analysis, LabelSuggestion
from rightstrack.cli.main import app
from rightstrack.recommendations.models import Recommendation

runner = CliRunner()


def test_iri_suggested_computes_levels_from_extracted_claims_and_says_so(kazakhstan_mia: Path) -> None:
    result = runner.invoke(
        app, ["iri", "--state", "KAZ", "--mechanism", "UPR", "--cycle", "1", "--suggested", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["basis"].startswith("suggested")
    assert sum(data["counts"].values()) == 129
    agreement = data["agreement_with_published"]
    assert agreement["compared"] == 118  # the graded recommendations of seed 000
    assert agreement["same"] / agreement["compared"] >= 0.90
    rows = data["recommendations"]
    assert data["suggested_recommendations"] == sum(1 for row in rows if row["suggested"]) > 100
    claimed = [claim for row in rows for claim in row["claims"]]
    assert all(
        claim["source"] in {"extracted", "reference", "stated"} and claim["reason"] for claim in claimed
    )
    assert all(0 <= claim["confidence"] <= 1 for claim in claimed)

    text = runner.invoke(app, ["iri", "--state", "KAZ", "--mechanism", "UPR", "--cycle", "1", "--suggested"])
    assert "suggested levels" in text.stdout and "same as the published level" in text.stdout


def test_the_recommendation_page_shows_the_machine_reading_of_each_response(kazakhstan_mia: Path) -> None:
    from django.test import Client

    rec = Recommendation.objects.get(review__cycle=1, refs__scheme="upr-info-mia", refs__value="1")
    page = Client().get(f"/recommendations/{rec.pk}").content.decode()
    assert "Machine reading of these words" in page
    data = json.loads(Client().get(f"/recommendations/{rec.pk}.json").content)
    assert data["suggested_claims"] and {c["level"] for c in data["suggested_claims"]} <= {
        "fully",
        "partially",
        "not",
        "unclear",
    }


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its connection
def test_an_import_queues_machine_help_and_the_worker_runs_it(kazakhstan_mia: Path) -> None:
    queued = DBTaskResult.objects.filter(task_path="rightstrack.assist.tasks.analyse_pending")
    assert queued.count() == 1
    assert not Analysis.objects.exists()  # nothing computed in the importing process

    call_command("db_worker", batch=True, no_startup_delay=True)

    assert queued.get().status == "SUCCESSFUL"
    assert Analysis.objects.exclude(vector=None).count() == Recommendation.objects.count() == 129
    assert LabelSuggestion.objects.exists()
    # an unchanged re-import queues nothing more
    runner.invoke(app, ["import", str(kazakhstan_mia)])
    assert queued.count() == 1


def test_machine_help_can_be_switched_off(vocabularies: None, settings: object) -> None:
    from tests.conftest import EXAMPLE_MIA

    settings.RIGHTSTRACK_MACHINE_HELP = False  # type: ignore[attr-defined]
    result = runner.invoke(app, ["import", str(EXAMPLE_MIA)])
    assert result.exit_code == 0
    assert not DBTaskResult.objects.exists()
