"""The editors' work queue for evidence: a review's recommendations with linked quotes, those nobody has
gone through yet first (by default), each with its best pending quote to confirm or reject in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import pgettext_lazy

from rightstrack.assessments.picture import display_ref
from rightstrack.evidence.decisions import Shown, shown_links
from rightstrack.evidence.models import Decision
from rightstrack.portal import permissions
from rightstrack.recommendations.models import Recommendation, Review

PAGE_SIZE = 50  # the portal's

#: The queue's filters: (value of ``show``, what the page calls it); the first is the default.
FILTERS = (
    ("todo", pgettext_lazy("evidence queue", "not reviewed yet")),
    ("all", pgettext_lazy("evidence queue", "all with evidence")),
    ("confirmed", pgettext_lazy("evidence queue", "confirmed")),
)


@dataclass(frozen=True)
class Progress:
    total: int  # the review's recommendations
    linked: int  # with at least one evidence link
    confirmed: int  # with at least one confirmed link
    to_review: int  # with pending links and none confirmed


@dataclass(frozen=True)
class Row:
    recommendation: Recommendation
    ref: str
    confirmed: int
    pending: int
    rejected: int
    best: Shown | None  # the first pending quote the recommendation's page shows


def _counted(review: Review) -> QuerySet[Any]:
    """The review's recommendations with how many links each has, per decision (``linked``,
    ``n_confirmed``, ``n_pending``, ``n_rejected``; typed ``Any`` for the stubs know no annotations)."""

    def links(decision: str | None = None) -> Count:
        wanted = Q(evidence_links__decision=decision) if decision else Q(evidence_links__isnull=False)
        return Count("evidence_links", filter=wanted)

    return Recommendation.objects.filter(review=review).annotate(
        linked=links(),
        n_confirmed=links(Decision.CONFIRMED),
        n_pending=links(Decision.PENDING),
        n_rejected=links(Decision.REJECTED),
    )


def _shown(queryset: QuerySet[Any], show: str) -> QuerySet[Any]:
    if show == "all":
        return queryset.filter(linked__gt=0)
    if show == "confirmed":
        return queryset.filter(n_confirmed__gt=0)
    return queryset.filter(n_pending__gt=0, n_confirmed=0)


def progress_of(review: Review) -> Progress:
    counts = list(_counted(review).values_list("linked", "n_confirmed", "n_pending"))
    return Progress(
        total=len(counts),
        linked=sum(1 for linked, _c, _p in counts if linked),
        confirmed=sum(1 for _l, confirmed, _p in counts if confirmed),
        to_review=sum(1 for _l, confirmed, pending in counts if pending and not confirmed),
    )


def _row(recommendation: Any) -> Row:
    shown = shown_links(recommendation, editor=True)
    return Row(
        recommendation=recommendation,
        ref=display_ref(recommendation),
        confirmed=recommendation.n_confirmed,
        pending=recommendation.n_pending,
        rejected=recommendation.n_rejected,
        best=next((item for item in shown if item.link.decision == Decision.PENDING), None),
    )


@login_required
def reviews(request: HttpRequest) -> HttpResponse:
    """The reviews whose recommendations have evidence links, each with how far its review has come."""
    permissions.require_editor(request.user)
    linked = (
        Review.objects.filter(recommendations__evidence_links__isnull=False)
        .distinct()
        .select_related("state", "mechanism")
        .order_by("state__name", "mechanism__code", "cycle")
    )
    return render(
        request,
        "evidence/queue_reviews.html",
        {"rows": [(review, progress_of(review)) for review in linked]},
    )


@login_required
def queue(request: HttpRequest, review_id: int) -> HttpResponse:
    """One review's recommendations with evidence, filtered and paged, in paragraph order."""
    permissions.require_editor(request.user)
    review = get_object_or_404(Review.objects.select_related("state", "mechanism"), pk=review_id)
    show = request.GET.get("show", "")
    if show not in {value for value, _label in FILTERS}:
        show = FILTERS[0][0]
    found = _shown(_counted(review), show).order_by("sort_key", "id")
    page = Paginator(found.prefetch_related("refs"), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "review": review,
        "progress": progress_of(review),
        "show": show,
        "filters": FILTERS,
        "shown_label": dict(FILTERS)[show],
        "page": page,
        "rows": [_row(recommendation) for recommendation in page.object_list],
        "query": f"show={show}",
    }
    return render(request, "evidence/queue.html", context)
