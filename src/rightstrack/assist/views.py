"""Editors decide on machine suggestions: a queue of groups, each previewed then decided at once (or
one by one from a recommendation's page)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rightstrack.assist.models import Decision, Head, LabelSuggestion
from rightstrack.assist.queue import GroupBy, grouped, rows_of, select
from rightstrack.assist.suggestions import DecisionError, accept, reject
from rightstrack.core.states import resolve_state
from rightstrack.portal import permissions

PAGE_SIZE = 50


def _back(request: HttpRequest, default: str) -> HttpResponse:
    """Back to the page the form was on (``next``, this site only), else ``default``."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = default
    return redirect(target)


def _probability(text: str) -> float:
    try:
        return min(1.0, max(0.0, float(text)))
    except ValueError:
        return 0.0


def _pending(request: HttpRequest) -> tuple[QuerySet[LabelSuggestion], dict[str, Any]]:
    """The pending suggestions the queue's filters (State, kind, least probability) leave."""
    state = request.GET.get("state", "").strip()[:100]
    head = request.GET.get("head", "")
    minimum = _probability(request.GET.get("min", "0"))
    by = request.GET.get("by", "")
    rows = LabelSuggestion.objects.filter(decision=Decision.PENDING, probability__gte=minimum)
    if state:
        rows = rows.filter(recommendation__review__state_id=resolve_state(state) or "---")
    if head in Head.values:
        rows = rows.filter(head=head)
    rows = rows.select_related("recommendation__review__state", "recommendation__review__mechanism")
    filters = {
        "state": state,
        "head": head,
        "minimum": minimum,
        "by": GroupBy(by) if by in {g.value for g in GroupBy} else GroupBy.LABEL,
    }
    return rows, filters


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Pending suggestions in groups (by label or by recommendation), in the order of
    :mod:`rightstrack.assist.queue`: conflicts first, then the least certain, then the largest."""
    permissions.require_editor(request.user)
    pending, filters = _pending(request)
    rows = rows_of(pending)
    groups = grouped(rows, filters["by"])
    page = Paginator(groups, PAGE_SIZE).get_page(request.GET.get("page"))
    decided = dict(
        LabelSuggestion.objects.exclude(decision=Decision.PENDING)
        .values_list("decision")
        .annotate(n=Count("pk"))
        .values_list("decision", "n")
    )
    query = request.GET.copy()
    query.pop("page", None)
    query["by"] = filters["by"].value
    context = {
        **filters,
        "page": page,
        "waiting": len(rows),
        "heads": Head.choices,
        "groupings": [(GroupBy.LABEL, _("label")), (GroupBy.RECOMMENDATION, _("recommendation"))],
        "decided": decided,
        "query": query.urlencode(),
    }
    return render(request, "assist/queue.html", context)


@login_required
def group(request: HttpRequest) -> HttpResponse:
    """One group of the queue, previewed: what accepting each suggestion changes, and what it
    contradicts; the editor unticks what they doubt, then accepts (or rejects) the rest at once."""
    permissions.require_editor(request.user)
    pending, filters = _pending(request)
    key = request.GET.get("key", "")[:300]
    rows = select(rows_of(pending), key, filters["by"])
    back = request.GET.copy()
    for name in ("key", "page"):
        back.pop(name, None)
    queue_url = reverse("assist:queue") + ("?" + back.urlencode() if back else "")
    context = {**filters, "rows": rows, "key": key, "queue_url": queue_url}
    return render(request, "assist/group.html", context, status=200 if rows else 404)


@login_required
@require_POST
def decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Accept or reject one suggestion, then go back where the editor was."""
    permissions.require_editor(request.user)
    suggestion = get_object_or_404(LabelSuggestion.objects.select_related("recommendation"), pk=pk)
    what = f"{suggestion.get_head_display()} “{suggestion.label}”"
    try:
        if action == "accept":
            accept(suggestion, request.user)
            messages.success(request, _("Accepted: %(what)s.") % {"what": what})
        else:
            reject(suggestion, request.user)
            messages.info(request, _("Rejected: %(what)s. It will not be suggested again.") % {"what": what})
    except DecisionError as error:
        messages.warning(request, str(error))
    return _back(request, reverse("recommendation", kwargs={"pk": suggestion.recommendation_id}))


@login_required
@require_POST
def decide_many(request: HttpRequest) -> HttpResponse:
    """Accept or reject every suggestion ticked on a page of the queue."""
    permissions.require_editor(request.user)
    action = request.POST.get("action", "")
    ids = [int(pk) for pk in request.POST.getlist("suggestion") if pk.isdigit() and len(pk) <= 18]
    if action not in {"accept", "reject"} or not ids:
        messages.warning(request, _("Tick the suggestions to decide, then accept or reject them."))
        return redirect(reverse("assist:queue"))
    done = 0
    for suggestion in LabelSuggestion.objects.filter(pk__in=ids, decision=Decision.PENDING):
        try:
            (accept if action == "accept" else reject)(suggestion, request.user)
            done += 1
        except DecisionError:
            continue
    if action == "accept":
        messages.success(request, _("%(n)s suggestions accepted.") % {"n": done})
    else:
        messages.info(
            request, _("%(n)s suggestions rejected; they will not be suggested again.") % {"n": done}
        )
    return _back(request, reverse("assist:queue"))
