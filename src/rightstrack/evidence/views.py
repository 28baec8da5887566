"""Editors confirm or reject the evidence linked to a recommendation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rightstrack.assessments.workflow import Refused
from rightstrack.evidence.decisions import decide as set_decision
from rightstrack.evidence.drafting import draft_from_evidence, find_stakeholder
from rightstrack.evidence.models import Decision, EvidenceLink
from rightstrack.portal import permissions
from rightstrack.recommendations.models import Recommendation


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Confirm or reject one link, then go back where the editor was."""
    permissions.require_editor(request.user)
    link = get_object_or_404(EvidenceLink.objects.select_related("paragraph__document"), pk=pk)
    where = f"{link.paragraph.document} para. {link.paragraph.number}"
    if action == "confirm":
        set_decision(link, Decision.CONFIRMED, request.user)
        messages.success(request, _("Evidence confirmed: %(where)s.") % {"where": where})
    else:
        set_decision(link, Decision.REJECTED, request.user)
        messages.info(
            request, _("Evidence rejected: %(where)s. It will not be suggested again.") % {"where": where}
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("recommendation", kwargs={"pk": link.recommendation_id})
    return redirect(target)


@login_required
@require_POST
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor turns the recommendation's confirmed evidence into a draft assessment."""
    permissions.require_editor(request.user)
    recommendation = get_object_or_404(Recommendation, pk=pk)
    scheme, _sep, grade = request.POST.get("grade", "").partition(":")
    try:
        stakeholder = find_stakeholder(request.POST.get("stakeholder", ""))
        made = draft_from_evidence(recommendation, stakeholder, scheme, grade, request.user)
    except Refused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request,
            _(
                "Draft assessment by %(stakeholder)s made from the confirmed evidence (grade %(grade)s). "
                "It is not public until it is submitted and published."
            )
            % {"stakeholder": made.stakeholder, "grade": made.grade},
        )
    return redirect(reverse("recommendation", kwargs={"pk": recommendation.pk}))
