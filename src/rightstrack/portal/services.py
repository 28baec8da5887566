"""Changing assessments from the portal: optimistic concurrency (statuses: ``assessments.workflow``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from rightstrack.assessments.history import acting_as
from rightstrack.assessments.models import Assessment


@dataclass(frozen=True)
class Conflict:
    """Someone saved the assessment after the form was opened: show both, ask to merge."""

    current: Assessment
    mine: dict[str, Any]


def apply_changes(
    assessment: Assessment, changes: dict[str, Any], version: int, actor: Any
) -> Conflict | None:
    """Save ``changes`` if nobody changed the assessment since ``version``; else return the conflict."""
    with transaction.atomic():
        current = Assessment.private_objects.select_for_update().get(pk=assessment.pk)
        if current.version != version:
            return Conflict(current, changes)
        for name, value in changes.items():
            setattr(current, name, value)
        current.version += 1
        with acting_as(actor.get_username(), user_id=actor.pk):
            current.save()
    assessment.refresh_from_db()
    return None
