"""``coalition``: a coalition's summary of a UPR cycle for the next review (seed 004): per issue
(``IssueSummary``), how many recommendations of the cycle, how many implemented, partially or not,
the evidence, and the new recommendations it suggests (``Suggestion`` of that stakeholder and issue).
Written as slides (PPTX) or landscape pages (PDF): one slide per issue with its counts, one with its
new recommendations."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from rightstrack.assessments.models import IssueSummary, Stakeholder, Suggestion
from rightstrack.core import charts as specs
from rightstrack.recommendations.models import Review
from rightstrack.reports.base import Request, find_review
from rightstrack.reports.charts import chart
from rightstrack.reports.document import Block, Bullets, Heading, Report, Table, Text
from rightstrack.reports.errors import ReportError
from rightstrack.reports.kinds.common import level_label, paragraphs, state_label

FORMATS = ("pptx", "pdf", "html")
OPTIONS = ("cycle", "stakeholder", "date")
LEVELS = ("fully implemented", "partially implemented", "not implemented")


def build(request: Request) -> Report:
    state = request.state
    summaries = IssueSummary.objects.filter(review__state=state)
    wanted = request.text("stakeholder")
    if wanted:
        found = (
            Stakeholder.objects.filter(name__iexact=wanted).first()
            or Stakeholder.objects.filter(acronym__iexact=wanted).first()
        )
        if found is None:
            raise ReportError(f"unknown stakeholder {wanted!r}: give its name or acronym")
        summaries = summaries.filter(stakeholder=found)
    reviews = list(Review.objects.filter(pk__in=summaries.values("review")).select_related("mechanism"))
    review = find_review(state, "UPR", request.number("cycle"), reviews)
    summaries = summaries.filter(review=review)
    author = (
        Stakeholder.objects.filter(pk__in=summaries.values("stakeholder"))
        .annotate(n=Count("issue_summaries"))
        .order_by("-n", "name")
        .first()
    )
    if author is None:  # pragma: no cover - find_review has checked there is one
        raise ReportError(f"no issue summary of {state.code} in cycle {review.cycle}")
    issues = list(summaries.filter(stakeholder=author).select_related("document").order_by("pk"))
    suggestions = list(Suggestion.objects.filter(stakeholder=author, status="published").order_by("pk"))
    documents = [s.document for s in issues if s.document]
    blocks: list[Block] = [Heading(_("Overview"), 2, page_break=True), _overview(issues)]
    for number, summary in enumerate(issues, start=1):
        title = _("Issue %(n)s: %(issue)s") % {"n": number, "issue": summary.issue}
        blocks.append(Heading(title, 2, page_break=True))
        blocks.extend(_issue(review, summary))
        blocks.append(Heading(f"{title} — {_('new recommendations')}", 2, page_break=True))
        new = [s.text for s in suggestions if s.theme.casefold() == summary.issue.casefold()]
        blocks.append(Bullets(tuple(new)) if new else Text(_("None suggested."), "note"))
    return Report(
        kind="coalition",
        state=state.code,
        language=request.language,
        date=request.stated_date(documents),
        title=_("UPR cycle %(cycle)s of %(state)s")
        % {"cycle": (review.cycle or 0) + 1, "state": state_label(state)},
        subtitle=_("How the recommendations of UPR cycle %(cycle)s were implemented: %(author)s")
        % {"cycle": review.cycle, "author": author.name},
        author=author.name,
        slug=f"upr{review.cycle}",
        blocks=blocks,
        landscape=True,
    )


def counts(summary: IssueSummary) -> list[int | None]:
    """Implemented, partially, not implemented: as the summary states them (None: not stated)."""
    return [summary.implemented, summary.partially, summary.not_implemented]


def _issue(review: Review, summary: IssueSummary) -> list[Block]:
    total = summary.total_text or (str(summary.total) if summary.total is not None else "–")
    rows: list[list[object]] = [
        [level_label(level), n] for level, n in zip(LEVELS, counts(summary), strict=True)
    ]
    rows.append([_("Total"), summary.total])
    texts = paragraphs(summary.evidence)
    small = sum(len(t) for t in texts) > 900
    return [
        Text(_("UPR cycle %(cycle)s: %(total)s") % {"cycle": review.cycle, "total": total}, "lead"),
        Table.of(
            [_("Implementation"), _("Recommendations")],
            rows,
            row_headers=True,
            widths=(70, 30),
            name="counts",
        ),
        *(Text(text, "small" if small else "") for text in texts),
    ]


def _overview(issues: list[IssueSummary]) -> Block:
    rows = [
        {"theme": summary.issue, "level": level, "recommendations": n}
        for summary in issues
        for level, n in zip(LEVELS, counts(summary), strict=True)
        if n
    ]
    data = Table.of(
        [_("Issue"), _("Recommendations"), *(level_label(level) for level in LEVELS)],
        [[s.issue, s.total_text or s.total, *counts(s)] for s in issues],
        caption=_("The data as a table"),
        row_headers=True,
        widths=(28, 24, 16, 16, 16),
    )
    return chart(specs.levels_by_theme(rows), data, title=_("Implementation per issue"), width=620)
