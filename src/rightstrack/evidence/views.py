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

from rightstrack.evidence.decisions import decide as set_decision
from rightstrack.evidence.models import Decision, EvidenceLink
from rightstrack.portal import permissions


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
