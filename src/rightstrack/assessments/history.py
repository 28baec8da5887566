"""Every change of an assessment becomes a history row (who, when, before/after).

The actor is set per request by :class:`~rightstrack.assessments.middleware.HistoryActorMiddleware`
and per import or command by :func:`acting_as`. Changes made without an actor are recorded as
``"system"``, never skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save

from rightstrack.assessments.models import Assessment, AssessmentHistory

TRACKED_FIELDS = (
    "grade_id",
    "level_basis",
    "original_text",
    "public_text",
    "source_note",
    "assessed_on",
    "status",
    "return_reason",
    "document_id",
)


@dataclass(frozen=True)
class Actor:
    label: str
    user_id: int | None = None


_actor: ContextVar[Actor | None] = ContextVar("rightstrack_history_actor", default=None)


@contextmanager
def acting_as(label: str, user_id: int | None = None) -> Iterator[None]:
    """Attribute the history rows written inside the block to ``label`` (and a user, if any)."""
    token = _actor.set(Actor(label, user_id))
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor() -> Actor:
    return _actor.get() or Actor("system")


def snapshot(assessment: Assessment) -> dict[str, Any]:
    """The tracked fields of an assessment, as JSON-ready values."""
    values = {name: getattr(assessment, name) for name in TRACKED_FIELDS}
    if values["assessed_on"] is not None:
        values["assessed_on"] = values["assessed_on"].isoformat()
    return values


def _remember_before(sender: type[Assessment], instance: Assessment, **kwargs: Any) -> None:
    previous = Assessment.private_objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._history_before = snapshot(previous) if previous else None  # type: ignore[attr-defined]


def _record_save(sender: type[Assessment], instance: Assessment, created: bool, **kwargs: Any) -> None:
    before: dict[str, Any] | None = getattr(instance, "_history_before", None)
    after = snapshot(instance)
    if created or before is None:
        changes = {name: [None, value] for name, value in after.items()}
        action = "created"
    else:
        changes = {
            name: [before[name], after[name]] for name in TRACKED_FIELDS if before[name] != after[name]
        }
        action = "changed"
        if not changes:
            return
    _write(instance, action, changes)


def _record_delete(sender: type[Assessment], instance: Assessment, **kwargs: Any) -> None:
    _write(
        instance, "deleted", {name: [value, None] for name, value in snapshot(instance).items()}, keep=False
    )


def _write(instance: Assessment, action: str, changes: dict[str, Any], keep: bool = True) -> None:
    actor = current_actor()
    AssessmentHistory.objects.create(
        assessment=instance if keep else None,
        assessment_ref=instance.pk,
        user_id=actor.user_id,
        actor=actor.label,
        action=action,
        changes=changes,
    )


def connect() -> None:
    pre_save.connect(_remember_before, sender=Assessment, dispatch_uid="assessment-history-before")
    post_save.connect(_record_save, sender=Assessment, dispatch_uid="assessment-history-save")
    post_delete.connect(_record_delete, sender=Assessment, dispatch_uid="assessment-history-delete")
