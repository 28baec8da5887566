"""The moderation workflow of an assessment, in one place: draft → submitted → published or returned.

- **submit**: a draft becomes "submitted"; only a contributor of the organisation whose work it is;
- **publish**: a submitted assessment becomes public; only editors and administrators;
- **return**: a submitted assessment goes back to its organisation as a draft, with a reason the
  contributor reads; only editors and administrators.

A follow-up programme's editor may also **draft** an assessment (:func:`create_draft`, e.g. from
confirmed evidence): it starts as a draft like any other and goes public only by submit and publish.

Nothing else changes a status: the portal, the API and the Django admin all call :func:`perform`,
which checks the move and the person, then saves the new status inside a transaction (the row
locked, so two editors cannot both act on the same submission) — the history signal writes the row
(who, when, status and reason before and after).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from rightstrack.assessments.history import acting_as
from rightstrack.assessments.models import Assessment, Status


class Move(StrEnum):
    SUBMIT = "submit"
    PUBLISH = "publish"
    RETURN = "return"


class Who(StrEnum):
    OWN_CONTRIBUTOR = "contributor of the organisation"
    EDITOR = "editor"


@dataclass(frozen=True)
class Transition:
    source: Status
    target: Status
    who: Who
    needs_reason: bool = False


#: Every allowed move: from which status, to which, and who may make it.
TRANSITIONS: dict[Move, Transition] = {
    Move.SUBMIT: Transition(Status.DRAFT, Status.SUBMITTED, Who.OWN_CONTRIBUTOR),
    Move.PUBLISH: Transition(Status.SUBMITTED, Status.PUBLISHED, Who.EDITOR),
    Move.RETURN: Transition(Status.SUBMITTED, Status.DRAFT, Who.EDITOR, needs_reason=True),
}


class Refused(Exception):
    """A move that may not be made: ``reason`` says why, in the interface's language."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotAllowed(Refused):
    """This person may not make this move (403)."""


class WrongStatus(Refused):
    """The assessment is not in the status the move starts from (409)."""


class ReasonMissing(Refused):
    """A return without a reason for the contributor (400)."""


def may(user: Any, move: Move, assessment: Assessment) -> bool:
    """Whether ``user`` is the kind of person who makes ``move`` on ``assessment`` (status aside)."""
    from rightstrack.portal import permissions  # the portal's roles; imported late (portal → assessments)

    who = TRANSITIONS[move].who
    if who is Who.EDITOR:
        return permissions.is_editor(user)
    return permissions.is_own_work(user, assessment)


def check(user: Any, move: Move, assessment: Assessment, reason: str = "") -> Transition:
    """The transition, or :class:`Refused` saying why it may not be made now by ``user``."""
    transition = TRANSITIONS[move]
    if not may(user, move, assessment):
        if transition.who is Who.EDITOR:
            raise NotAllowed(_("Only editors may do this."))
        raise NotAllowed(_("Only a contributor of the organisation that wrote it may submit it."))
    if assessment.status != transition.source:
        raise WrongStatus(
            _("This assessment is %(status)s: only a %(source)s one can be moved this way.")
            % {"status": assessment.get_status_display(), "source": Status(transition.source).label}
        )
    if transition.needs_reason and not reason.strip():
        raise ReasonMissing(_("Say why it is returned: the contributor reads the reason."))
    return transition


def perform(user: Any, move: Move, assessment: Assessment, reason: str = "") -> Assessment:
    """Make ``move`` on ``assessment`` as ``user``: checked, saved, and recorded in the history."""
    with transaction.atomic():
        current = Assessment.private_objects.select_for_update().get(pk=assessment.pk)
        transition = check(user, move, current, reason)
        current.status = transition.target
        current.return_reason = reason.strip() if move is Move.RETURN else ""
        current.version += 1
        with acting_as(user.get_username(), user_id=user.pk):
            current.save()
    assessment.refresh_from_db()
    return current


def create_draft(user: Any, **fields: Any) -> Assessment:
    """A new assessment in the "draft" status, made by an editor (``fields``: the model's fields, any
    status given is ignored); the history signal writes its "created" row with ``user`` as the actor."""
    from rightstrack.portal import permissions

    if not permissions.is_editor(user):
        raise NotAllowed(_("Only editors may do this."))
    fields["status"] = Status.DRAFT
    with transaction.atomic(), acting_as(user.get_username(), user_id=user.pk):
        return Assessment.private_objects.create(**fields)
