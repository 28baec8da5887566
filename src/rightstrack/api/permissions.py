"""DRF permissions of the API's writes, on top of ``rightstrack.portal.permissions``.

Reading goes through ``visible_assessments`` (what is not visible answers 404, so another
organisation's draft does not exist for you); writing needs a signed-in user, and then:

- create: a contributor of an organisation;
- change: ``can_edit`` (the own organisation's unpublished work; editors everything);
- submit, publish, return: ``rightstrack.assessments.workflow`` (the one place statuses change);
- confirm or reject an evidence link, draft an assessment from the evidence: editors (``EditorsWrite``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from rightstrack.assessments.models import Assessment
from rightstrack.portal import permissions

#: Fields of a change and who may send them: contributors their own words, editors the public text.
CONTRIBUTOR_FIELDS = frozenset({"grade", "text", "source"})
EDITOR_FIELDS = frozenset({"public_text"})
#: The view actions that move an assessment through the workflow.
WORKFLOW_ACTIONS = frozenset({"submit", "publish", "return_to_draft"})


class AssessmentAccess(BasePermission):
    message = "You may not change this assessment."

    def has_permission(self, request: Request, view: APIView) -> bool:
        action = getattr(view, "action", None)
        if request.method in SAFE_METHODS or action is None:  # reads, and methods answered 405
            return True
        if not request.user.is_authenticated:
            return False
        if action == "create":
            self.message = "Only contributors of an organisation create assessments."
            return permissions.can_contribute(request.user)
        return True

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        assert isinstance(obj, Assessment)
        if getattr(view, "action", None) in WORKFLOW_ACTIONS:
            return True  # rightstrack.assessments.workflow decides who moves what (403 / 409)
        return permissions.can_edit(request.user, obj)


def allowed_fields(user: Any, assessment: Assessment) -> frozenset[str]:
    """What ``user`` (who ``can_edit`` it) may change in ``assessment``.

    A contributor changes their organisation's words; an editor the public text, and their own
    organisation's words too — never another organisation's original text.
    """
    organisation = permissions.organisation_of(user)
    own = organisation is not None and assessment.stakeholder_id == organisation.pk
    if permissions.is_editor(user):
        return EDITOR_FIELDS | CONTRIBUTOR_FIELDS if own else EDITOR_FIELDS
    return CONTRIBUTOR_FIELDS if own else frozenset()


class EditorsWrite(BasePermission):
    """Reads for everybody (the view shows each reader what the site's page shows them); writes —
    confirming or rejecting evidence, drafting from it — for editors only, as on the site
    (``portal.permissions.is_editor``). Not signed in: 401; signed in without the right: 403."""

    message = "Only editors may do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS or getattr(view, "action", None) is None:
            return True  # reads, and methods answered 405
        if not request.user.is_authenticated:
            return False
        self.message = _("Only editors may do this.")
        return permissions.is_editor(request.user)
