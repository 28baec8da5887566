"""Editors' page of likely duplicate stakeholders: merge one into the other, with a history row."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rightstrack.assessments.models import Stakeholder, StakeholderMerge
from rightstrack.assessments.stakeholder_merge import MergeRefused, likely_duplicates, merge
from rightstrack.portal import permissions


@login_required
def duplicates(request: HttpRequest) -> HttpResponse:
    """GET: the likely duplicates and the merges made; POST ``merge``/``into``: merge one into the other."""
    permissions.require_editor(request.user)
    if request.method == "POST":
        duplicate = get_object_or_404(Stakeholder, pk=request.POST.get("merge", "0") or 0)
        kept = get_object_or_404(Stakeholder, pk=request.POST.get("into", "0") or 0)
        name = duplicate.name
        try:
            merge(duplicate, kept, actor=request.user.get_username(), user_id=request.user.pk)
        except MergeRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request, _("%(merged)s was merged into %(kept)s.") % {"merged": name, "kept": kept.name}
            )
        return redirect("portal:duplicates")
    context = {
        "candidates": likely_duplicates(),
        "merges": StakeholderMerge.objects.select_related("kept").order_by("-at", "-id")[:50],
    }
    return render(request, "portal/duplicates.html", context)
