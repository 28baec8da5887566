"""Who may see and change what. Every portal view and API endpoint asks these functions.

- anonymous visitors and viewers see published work only;
- a contributor also sees and edits the unpublished work of their own organisation, never another's;
- editors see everything, moderate and publish; administrators can do all an editor can.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from rightstrack.assessments.models import Assessment, AssessmentQuerySet, Stakeholder, Status
from rightstrack.portal.models import Membership, Role


def role_of(user: Any) -> Role | None:
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.ADMIN
    membership = Membership.objects.filter(user=user).first()
    return Role(membership.role) if membership else Role.VIEWER


def organisation_of(user: Any) -> Stakeholder | None:
    if user is None or not user.is_authenticated:
        return None
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    return membership.organisation if membership else None


def is_editor(user: Any) -> bool:
    return role_of(user) in (Role.EDITOR, Role.ADMIN)


def require_editor(user: Any) -> None:
    """Refuse (403) anyone but editors and administrators."""
    if not is_editor(user):
        raise PermissionDenied(_("Only editors may do this."))


def visible_assessments(user: Any) -> AssessmentQuerySet:
    everything: AssessmentQuerySet = Assessment.private_objects.all()
    if is_editor(user):
        return everything
    organisation = organisation_of(user) if role_of(user) == Role.CONTRIBUTOR else None
    if organisation is not None:
        return everything.filter(Q(status=Status.PUBLISHED) | Q(stakeholder=organisation))
    return everything.filter(status=Status.PUBLISHED)


def can_view(user: Any, assessment: Assessment) -> bool:
    return visible_assessments(user).filter(pk=assessment.pk).exists()


def can_edit(user: Any, assessment: Assessment) -> bool:
    if is_editor(user):
        return True
    if role_of(user) != Role.CONTRIBUTOR:
        return False
    organisation = organisation_of(user)
    return (
        organisation is not None
        and assessment.stakeholder_id == organisation.pk
        and assessment.status != Status.PUBLISHED
    )


def is_own_work(user: Any, assessment: Assessment) -> bool:
    """Whether ``assessment`` is by the organisation this contributor enters the work of."""
    organisation = organisation_of(user) if role_of(user) == Role.CONTRIBUTOR else None
    return organisation is not None and assessment.stakeholder_id == organisation.pk


def can_contribute(user: Any) -> bool:
    return role_of(user) == Role.CONTRIBUTOR and organisation_of(user) is not None
