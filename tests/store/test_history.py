"""Every change of an assessment is a history row: who, when, before and after."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from rightstrack.assessments.history import acting_as
from rightstrack.assessments.models import Assessment, AssessmentHistory


def test_an_import_writes_a_created_row_per_assessment(kazakhstan_mia: Path) -> None:
    assessments = Assessment.private_objects.count()
    rows = AssessmentHistory.objects.filter(action="created")
    assert rows.count() == assessments
    assert set(rows.values_list("actor", flat=True)) == {"import"}


def test_an_edit_records_the_fields_before_and_after(kazakhstan_mia: Path) -> None:
    assessment = Assessment.private_objects.filter(stakeholder__acronym="PRI").first()
    assert assessment is not None
    original = assessment.original_text
    with acting_as("editor jane"):
        assessment.public_text = "Shortened for publication."
        assessment.save()
    row = AssessmentHistory.objects.filter(assessment=assessment).last()
    assert row is not None
    assert (row.actor, row.action) == ("editor jane", "changed")
    assert row.changes == {"public_text": ["", "Shortened for publication."]}
    assessment.refresh_from_db()
    assert assessment.original_text == original  # the stakeholder's words are kept


def test_saving_without_a_change_writes_no_row(kazakhstan_mia: Path) -> None:
    assessment = Assessment.private_objects.first()
    assert assessment is not None
    before = AssessmentHistory.objects.count()
    assessment.save()
    assert AssessmentHistory.objects.count() == before


def test_a_deletion_is_recorded_and_outlives_the_assessment(kazakhstan_mia: Path) -> None:
    assessment = Assessment.private_objects.first()
    assert assessment is not None
    pk = assessment.pk
    assessment.delete()
    row = AssessmentHistory.objects.get(assessment_ref=pk, action="deleted")
    assert row.changes["original_text"][1] is None


def test_an_edit_in_the_admin_is_attributed_to_the_signed_in_editor(
    kazakhstan_mia: Path, client: Client
) -> None:
    editor = User.objects.create_superuser("editor", "editor@example.org", "a-long-passphrase-1")
    client.force_login(editor)
    assessment = Assessment.private_objects.filter(stakeholder__acronym="GS").first()
    assert assessment is not None
    url = f"/admin/assessments/assessment/{assessment.pk}/change/"
    form = {
        "recommendation": assessment.recommendation_id,
        "stakeholder": assessment.stakeholder_id,
        "grade": assessment.grade_id or "",
        "level_basis": assessment.level_basis,
        "public_text": "Edited by the editor.",
        "assessed_on": assessment.assessed_on.isoformat() if assessment.assessed_on else "",
        "status": assessment.status,
        "history-TOTAL_FORMS": "0",
        "history-INITIAL_FORMS": "0",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    row = AssessmentHistory.objects.filter(assessment=assessment).last()
    assert row is not None
    assert (row.actor, row.user_id, row.action) == ("editor", editor.pk, "changed")
    assert row.changes["public_text"] == ["", "Edited by the editor."]
