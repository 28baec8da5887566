"""Public pages. Each renders HTML, or JSON when the URL ends in ``.json``."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, F, Min, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_noop

from rightstrack.assessments.export import decision_json, paragraph_of, treaty_body_paragraphs
from rightstrack.assessments.models import Assessment, IssueSummary, PublishedLevel, Stakeholder
from rightstrack.assessments.picture import assessments_level, display_ref, review_picture
from rightstrack.assist.claims import claims_of
from rightstrack.assist.linking import linked_once
from rightstrack.assist.suggestions import evidence
from rightstrack.core.iri import Outcome
from rightstrack.core.mechanisms import TREATY_BODY
from rightstrack.core.state_names import state_name
from rightstrack.documents.models import Provenance, SourceDocument
from rightstrack.portal.permissions import is_editor
from rightstrack.recommendations.models import (
    ActionCategory,
    Recommendation,
    RecommendationTerm,
    Review,
    State,
)
from rightstrack.recommendations.states import attach as attach_states
from rightstrack.recommendations.states import in_order as states_in_order
from rightstrack.reports.kinds.common import contact_summary
from rightstrack.treaties.models import FollowUpDecision
from rightstrack.web import downloads, review_table, serializers
from rightstrack.web.dashboard import dashboard
from rightstrack.web.freshness import MAX_AGE, data_version
from rightstrack.web.listing import SORT_LABELS, SORTS, Filters, facets, filtered

#: The version of the pages' JSON format (DATA.md, *The pages as JSON*).
JSON_FORMAT_VERSION = 1


def _respond(
    request: HttpRequest, fmt: str | None, template: str, context: dict[str, Any], data: Any
) -> HttpResponse:
    """The page as HTML, or as JSON when the URL ends in ``.json`` (``data`` may be a function making it).

    The JSON twins are a versioned format of their own (DATA.md, *The pages as JSON*): each starts with
    ``format_version``, raised when a key is removed or changes meaning."""
    if fmt:
        payload = data() if callable(data) else data
        return JsonResponse(
            {"format_version": JSON_FORMAT_VERSION, **payload},
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
    context["json_url"] = request.path + ".json" + (f"?{request.GET.urlencode()}" if request.GET else "")
    return render(request, template, context)


def _review_url(review: Review) -> str:
    return reverse(
        "review", kwargs={"code": review.state_id, "mechanism": review.mechanism.code, "cycle": review.cycle}
    )


def _number(text: str) -> int:
    """A number from the URL; one past the database's integer range is a page that does not exist."""
    if len(text) > 18:
        raise Http404("no such page")
    return int(text)


#: How many of the latest imported documents the home page lists.
LATEST_DOCUMENTS = 8


def home(request: HttpRequest, fmt: str | None = None) -> HttpResponse:
    """What a visitor needs first: a search box, the States with their figures, the latest documents."""
    states = list(
        State.objects.annotate(
            n=Count("reviews", distinct=True),
            recommendations=Count("reviews__recommendations", distinct=True),
        )
        .filter(n__gt=0)
        .order_by("name")
    )
    published = dict(
        Assessment.public_objects.values_list("recommendation__review__state")
        .annotate(n=Count("id"))
        .values_list("recommendation__review__state", "n")
    )
    for state in states:
        state.assessments = published.get(state.code, 0)  # type: ignore[attr-defined]
    documents = list(
        SourceDocument.objects.filter(submission=False).order_by("-imported_at", "-id")[:LATEST_DOCUMENTS]
    )
    data = {
        "states": [
            {
                "code": state.code,
                "name": state.name,
                "url": reverse("state", kwargs={"code": state.code}),
                "reviews": state.n,
                "recommendations": state.recommendations,
                "published_assessments": state.assessments,  # type: ignore[attr-defined]
            }
            for state in states
        ],
        "latest_documents": [
            {
                "name": d.name,
                "title": d.title,
                "symbol": d.symbol,
                "published_on": d.published_on.isoformat() if d.published_on else None,
                "imported_at": d.imported_at.isoformat(),
            }
            for d in documents
        ],
    }
    context = {"states": states, "documents": documents}
    return _respond(request, fmt, "web/home.html", context, data)


def committee_grade_counts(state: State) -> dict[int, dict[str, int]]:
    """Per review, how many limbs the committees graded with each grade: each stakeholder's latest
    grades of a paragraph (as its level counts them), a grade repeated by several documents once."""
    graded: dict[tuple[int, int, int], list[tuple[date | None, str, str]]] = {}
    for review_id, rec_id, who, sub_item, code, assessed_on, published_on in (
        Assessment.public_objects.filter(
            recommendation__review__state=state, grade__isnull=False, grade__scheme__code__startswith="hrc"
        )
        .order_by("id")
        .values_list(
            "recommendation__review_id",
            "recommendation_id",
            "stakeholder_id",
            "sub_item",
            "grade__code",
            "assessed_on",
            "document__published_on",
        )
    ):
        graded.setdefault((review_id, rec_id, who), []).append((assessed_on or published_on, sub_item, code))
    counts: dict[int, Counter[str]] = {}
    for (review_id, _, _), given in graded.items():
        dates = [when for when, _, _ in given if when is not None]
        latest = max(dates) if dates else None
        limbs = {(sub_item, code) for when, sub_item, code in given if when == latest}
        counts.setdefault(review_id, Counter()).update(code for _, code in limbs)
    return {review_id: dict(sorted(found.items())) for review_id, found in counts.items()}


def state_page(request: HttpRequest, code: str, fmt: str | None = None) -> HttpResponse:
    state = get_object_or_404(State, code=code.upper())

    @functools.cache
    def reviews() -> Sequence[Review]:
        found = list(
            Review.objects.filter(state=state)
            .select_related("mechanism", "state")
            .annotate(
                n=Count("recommendations", distinct=True),
                followed=Count(
                    "recommendations", filter=Q(recommendations__follow_up_due__isnull=False), distinct=True
                ),
                due=Min("recommendations__follow_up_due"),
            )
            .order_by(F("year").asc(nulls_last=True), "cycle", "id")  # in the order they happened
        )
        grades = committee_grade_counts(state)
        decisions: dict[int, list[FollowUpDecision]] = {}
        for decision in FollowUpDecision.objects.filter(review__state=state).order_by(
            F("decided_on").asc(nulls_first=True), "id"
        ):
            decisions.setdefault(decision.review_id, []).append(decision)
        for review in found:
            review.url = _review_url(review)  # type: ignore[attr-defined]
            review.grades = grades.get(review.pk, {})  # type: ignore[attr-defined]
            review.decisions = decisions.get(review.pk, [])  # type: ignore[attr-defined]
            review.decision = review.decisions[-1] if review.decisions else None  # type: ignore[attr-defined]
            review.report_links = review_report_links(review)  # type: ignore[attr-defined]
        return found

    filters = Filters.from_query(request.GET)
    version = data_version()

    @functools.cache
    def charts() -> list[Any]:
        """The dashboard, computed once per data version (the cached page asks for it only on a miss)."""
        key = f"dashboard:{state.code}:{version}:{request.GET.urlencode()}"
        found = cache.get(key)
        if found is None:
            found = dashboard(state, filters)
            cache.set(key, found, MAX_AGE)
        return list(found)

    def data() -> dict[str, Any]:
        return {
            "code": state.code,
            "name": state.name,
            "filters": filters.active(),
            "reviews": [
                {
                    **serializers.review_json(r),
                    "recommendations": r.n,  # type: ignore[attr-defined]
                    "url": r.url,  # type: ignore[attr-defined]
                    "under_follow_up": r.followed,  # type: ignore[attr-defined]
                    "follow_up_due": r.due.isoformat() if r.due else None,  # type: ignore[attr-defined]
                    "committee_grades": r.grades,  # type: ignore[attr-defined]
                    **(
                        {
                            "follow_up_decisions": [
                                decision_json(d)
                                for d in r.decisions  # type: ignore[attr-defined]
                            ],
                            "paragraphs": treaty_body_paragraphs(r),
                        }
                        if r.mechanism.kind == TREATY_BODY
                        else {}
                    ),
                }
                for r in reviews()
            ],
            "charts": {
                chart.key: {"spec": chart.spec, "columns": chart.columns, "rows": chart.rows}
                for chart in charts()
            },
        }

    query = request.GET.copy()
    query["state"] = state.code
    context = {
        "report_links": REPORT_LINKS,
        "state": state,
        "reviews": reviews,
        "charts": charts,  # callables: evaluated by the template only when its cached copy is stale
        "filters": filters,
        "facets": facets,
        "list_query": query.urlencode(),
        "page_key": f"{version}:{request.GET.urlencode()}",
        "max_age": MAX_AGE,
    }
    return _respond(request, fmt, "web/state.html", context, data)


def _review(code: str, mechanism: str, cycle: str) -> Review:
    return get_object_or_404(
        Review.objects.select_related("state", "mechanism"),
        state__code=code.upper(),
        mechanism__code__iexact=mechanism,
        cycle=_number(cycle),
    )


def _review_rows(
    request: HttpRequest, review: Review, with_assessments: bool
) -> tuple[Any, list[Any], str, str]:
    """The review's picture and its rows filtered by the query's issue and level."""
    picture = review_picture(review, with_assessments=with_assessments)
    issue = request.GET.get("issue", "")
    level = request.GET.get("level", "")
    if level and level not in {outcome.value for outcome in Outcome}:
        level = ""
    rows = [
        row
        for row in picture.rows
        if (not issue or issue in row.issues) and (not level or row.iri.outcome.value == level)
    ]
    return picture, rows, issue, level


def review_page(
    request: HttpRequest, code: str, mechanism: str, cycle: str, fmt: str | None = None
) -> HttpResponse:
    review = _review(code, mechanism, cycle)
    picture, rows, issue, level = _review_rows(request, review, with_assessments=bool(fmt))
    offered = set(  # vocabulary terms only: a document's misread labels stay on their rows, off the menu
        RecommendationTerm.objects.filter(recommendation__review=review, term__unmatched=False).values_list(
            "term__label", flat=True
        )
    )
    issues = sorted({label for row in picture.rows for label in row.issues if label in offered})
    campaign = review.campaigns.select_related("programme").prefetch_related("contacts").first()
    table = review_table.table_rows(rows)
    query = request.GET.urlencode()
    context = {
        "review": review,
        "picture": picture,
        "rows": table,
        "issues": issues,
        "outcomes": [outcome.value for outcome in Outcome],
        "issue": issue,
        "level": level,
        "campaign": campaign,
        "contacts": [contact_summary(c) for c in campaign.contacts.all()] if campaign else [],
        "total": len(picture.rows),
        "query": query,
        "report_links": review_report_links(review),
    }

    def data() -> dict[str, Any]:
        payload = serializers.picture_json(picture, rows)
        for row, shown in zip(payload["recommendations"], table, strict=True):
            row["paragraph"] = shown.paragraph or None
            row["recommending_state_names"] = shown.states
        return {**payload, "filters": {"issue": issue, "level": level}}

    return _respond(request, fmt, "web/review.html", context, data)


def review_download(request: HttpRequest, code: str, mechanism: str, cycle: str, fmt: str) -> HttpResponse:
    """The review's table (as filtered on the page) as CSV or XLSX."""
    review = _review(code, mechanism, cycle)
    _picture, rows, _issue, _level = _review_rows(request, review, with_assessments=False)
    table = review_table.table_rows(rows)
    name = f"{review.state_id}-{review.mechanism.code}-{review.cycle}"
    if fmt == "csv":
        response = HttpResponse(review_table.as_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            review_table.as_xlsx(table, name),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _member_json(row: Any) -> dict[str, Any]:
    """A linked or recurring recommendation in the pages' JSON: what tells it apart, and its text."""
    recommendation = row.recommendation
    return {
        "id": recommendation.pk,
        "review": str(recommendation.review),
        "year": recommendation.review.year,
        "mechanism": recommendation.review.mechanism.code,
        "paragraph": row.paragraph,
        "recommending_states": row.states,
        "text": recommendation.text,
    }


def recommendation_page(request: HttpRequest, pk: str, fmt: str | None = None) -> HttpResponse:
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("review__state", "review__mechanism").prefetch_related(
            "refs", "recommending_states", "recommendationterm_set__term__vocabulary"
        ),
        pk=_number(pk),
    )
    assessments = list(
        Assessment.public_objects.filter(recommendation=recommendation).select_related(
            "stakeholder", "grade__scheme", "document"
        )
    )
    levels = list(
        PublishedLevel.objects.filter(recommendation=recommendation)
        .select_related("grade", "document")
        .order_by("document__published_on", "id")
    )
    latest = levels[-1] if levels else None
    iri = assessments_level(assessments, latest)
    group = []
    if recommendation.group:
        group = list(
            Recommendation.objects.filter(review=recommendation.review, group=recommendation.group)
            .exclude(pk=recommendation.pk)
            .prefetch_related("refs")
        )
    places = Provenance.public_objects.filter(
        content_type=ContentType.objects.get_for_model(Recommendation), object_id=recommendation.pk
    ).select_related("document")
    refs = {ref.scheme: ref.value + ref.part for ref in recommendation.refs.all()}
    statements = list(recommendation.position_statements.select_related("document"))
    links = linked_once(recommendation)
    timeline = level_timeline(levels, assessments)
    claims = claims_of(assessments)
    suggestions = (
        list(recommendation.suggestions.select_related("decided_by").order_by("head", "-probability"))
        if is_editor(request.user)
        else []
    )
    pending = [s for s in suggestions if s.decision == "pending"]
    words = evidence(pending, recommendation.text) if pending else {}
    from rightstrack.evidence.decisions import evidence_json, shown_links
    from rightstrack.evidence.drafting import draft_choices, draft_stakeholders
    from rightstrack.evidence.models import Decision
    from rightstrack.evidence.suggesting import shown_suggestions, suggestions_json

    evidence_links = shown_links(recommendation, is_editor(request.user))
    confirmed = any(item.link.decision == Decision.CONFIRMED for item in evidence_links)
    suggested_levels = shown_suggestions(recommendation, is_editor(request.user))
    data = {
        "id": recommendation.pk,
        "review": {
            **serializers.review_json(recommendation.review),
            "url": _review_url(recommendation.review),
        },
        "refs": refs,
        "text": recommendation.text,
        "recommending_states": [s.code for s in states_in_order(recommendation)],
        "response": recommendation.response,
        "position": serializers.position_json(recommendation, statements),
        "context": recommendation.context or None,
        "follow_up": (
            {"due": recommendation.follow_up_due.isoformat(), "as_written": recommendation.follow_up_due_text}
            if recommendation.follow_up_due
            else None
        ),
        "action_category": recommendation.action_category,
        "terms": [
            {
                "vocabulary": tag.term.vocabulary.code,
                "label": tag.term.label,
                "in_vocabulary": not tag.term.unmatched,
            }
            for tag in recommendation.recommendationterm_set.all()
        ],
        "answered_with": [r.pk for r in group],
        "level": iri.outcome.value,
        "score": float(iri.score) if iri.score is not None else None,
        "basis": iri.basis,
        "assessments": [serializers.assessment_json(a, paragraph_of(recommendation)) for a in assessments],
        "sources": [{"document": p.document.name, "place": p.as_place().describe()} for p in places],
        "linked": [
            _member_json(row)
            | {"origins": [{"kind": o.kind, "score": o.score, "origin": o.origin} for o in row.origins]}
            for row in links
        ],
        "timeline": [
            {"date": when.isoformat() if when else None, "who": who, "level": level}
            for when, who, level in timeline
        ],
        "suggested_claims": [
            {
                "assessment": pk,
                "level": claim.level,
                "confidence": claim.confidence,
                "reason": claim.reason,
                "basis": "machine reading of the stakeholder's words",
            }
            for pk, claim in claims.items()
        ],
        "evidence": evidence_json(evidence_links),
        "suggested_levels": suggestions_json(suggested_levels),
    }
    context = {
        "evidence_links": evidence_links,
        "suggested_levels": suggested_levels,
        "draft_choices": draft_choices() if is_editor(request.user) else None,
        "draft_stakeholders": draft_stakeholders() if is_editor(request.user) and confirmed else [],
        "evidence_confirmed": confirmed,
        "evidence_editor": is_editor(request.user),
        "statements": statements,
        "claims": claims,
        "suggestions": suggestions,
        "evidence": words,
        "links": links,
        "timeline": timeline,
        "recommendation": recommendation,
        "recommending_states": states_in_order(recommendation),
        "refs": refs,
        "assessments": assessments,
        "iri": iri,
        "group": group,
        "places": places,
        "review_url": _review_url(recommendation.review),
        "title_ref": next((refs[s] for s in review_table.PARAGRAPH_SCHEMES if s in refs), None)
        or display_ref(recommendation),
    }
    return _respond(request, fmt, "web/recommendation.html", context, data)


def stakeholder_list(request: HttpRequest, fmt: str | None = None) -> HttpResponse:
    stakeholders = list(Stakeholder.objects.order_by("name"))
    counts = dict(
        Assessment.public_objects.values_list("stakeholder")
        .annotate(n=Count("id"))
        .values_list("stakeholder", "n")
    )
    rows = [(s, counts.get(s.pk, 0)) for s in stakeholders]
    data = {"stakeholders": [{**serializers.stakeholder_json(s), "assessments": n} for s, n in rows]}
    return _respond(request, fmt, "web/stakeholders.html", {"rows": rows}, data)


def stakeholder_page(request: HttpRequest, pk: str, fmt: str | None = None) -> HttpResponse:
    """Every listed stakeholder has a page: what RightsTrack holds from it (published work, the
    follow-up rounds it ran, its summaries and suggestions, the documents naming it) — or that nothing
    of it is published yet."""
    stakeholder = get_object_or_404(Stakeholder, pk=_number(pk))
    assessments = list(
        Assessment.public_objects.filter(stakeholder=stakeholder)
        .select_related(
            "recommendation__review__state", "recommendation__review__mechanism", "grade__scheme", "document"
        )
        .prefetch_related("recommendation__refs")
        .order_by("recommendation__review", "recommendation__sort_key")
    )
    campaigns = list(
        stakeholder.campaigns.select_related("review__state", "review__mechanism").order_by("published_on")
    )
    for campaign in campaigns:
        campaign.url = _review_url(campaign.review)  # type: ignore[attr-defined]
    summaries = list(
        IssueSummary.objects.filter(stakeholder=stakeholder)
        .select_related("review__state", "review__mechanism")
        .order_by("review__year", "pk")
    )
    suggestions = list(
        stakeholder.suggestions.filter(status="published")
        .select_related("review__state", "review__mechanism")
        .order_by("pk")
    )
    documents = list(stakeholder.documents.filter(submission=False).order_by("published_on", "pk"))
    merged = list(stakeholder.merged_from.order_by("at"))
    data = {
        **serializers.stakeholder_json(stakeholder),
        "also_known_as": [m.merged_name for m in merged],
        "assessments": [
            {
                "recommendation": a.recommendation.pk,
                "ref": next(iter(r.value for r in a.recommendation.refs.all()), ""),
                **serializers.assessment_json(a),
            }
            for a in assessments
        ],
        "follow_up_rounds": [
            {"review": str(c.review), "published_on": c.published_on.isoformat() if c.published_on else None}
            for c in campaigns
        ],
        "issue_summaries": [{"review": str(s.review), "issue": s.issue, "total": s.total} for s in summaries],
        "suggestions": [
            {"review": str(s.review) if s.review else None, "theme": s.theme, "text": s.text}
            for s in suggestions
        ],
        "named_in": [
            {
                "document": d.name,
                "title": d.title,
                "published_on": d.published_on.isoformat() if d.published_on else None,
            }
            for d in documents
        ],
    }
    context = {
        "stakeholder": stakeholder,
        "assessments": assessments,
        "campaigns": campaigns,
        "summaries": summaries,
        "suggestions": suggestions,
        "documents": documents,
        "merged": merged,
        "nothing": not (assessments or campaigns or summaries or suggestions),
    }
    return _respond(request, fmt, "web/stakeholder.html", context, data)


PAGE_SIZE = 50


def _paragraph(recommendation: Recommendation) -> str:
    """The paragraph number a document gives the recommendation (97.162, 24 (b)); "" when none does."""
    refs = sorted(recommendation.refs.all(), key=lambda ref: ref.pk)
    numbered = [ref for ref in refs if ref.scheme.endswith("-paragraph")]
    return (numbered[0].value + numbered[0].part) if numbered else ""


def recommendation_list(request: HttpRequest, fmt: str | None = None) -> HttpResponse:
    """Everything a State was told, filtered, searched, sorted and paged."""
    filters = Filters.from_query(request.GET)
    queryset = filtered(filters)
    # Page the ids only (the database sorts narrow rows), then read the page's 50 recommendations.
    paginator = Paginator(queryset.values_list("id", flat=True), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    found = (
        Recommendation.objects.select_related("review__state", "review__mechanism")
        .prefetch_related("refs")
        .in_bulk(list(page.object_list))
    )
    recommendations = [found[pk] for pk in page.object_list if pk in found]
    attach_states(recommendations)
    language = get_language() or "en"
    for rec in recommendations:  # what tells rows apart: the paragraph and who recommended it
        rec.paragraph = _paragraph(rec)  # type: ignore[attr-defined]
        rec.reference = "" if rec.paragraph else display_ref(rec)  # type: ignore[attr-defined]
        rec.recommenders = [  # type: ignore[attr-defined]
            state_name(state.code, language, state.name) for state in states_in_order(rec)
        ]
    page.object_list = recommendations  # type: ignore[assignment]  # the page's ids, now their rows
    query = request.GET.copy()
    query.pop("page", None)
    data = {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "filters": filters.active(),
        "results": [
            {
                "id": rec.pk,
                "state": rec.review.state_id,
                "mechanism": rec.review.mechanism.code,
                "cycle": rec.review.cycle,
                "year": rec.review.year,
                "paragraph": rec.paragraph,  # type: ignore[attr-defined]
                "reference": rec.paragraph or rec.reference,  # type: ignore[attr-defined]
                "recommending_states": [state.code for state in states_in_order(rec)],
                "text": rec.text,
                "response": rec.response,
                "position": serializers.position_json(rec),
                "action_category": rec.action_category,
                "level": rec.level,
                "url": reverse("recommendation", kwargs={"pk": rec.pk}),
            }
            for rec in recommendations
        ],
    }
    context = {
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "words": filters.words(),
        "facets": facets,  # a callable: the template asks for it, JSON never does
        "levels": [o.value for o in Outcome],
        "action_categories": ActionCategory.choices,
        "sorts": [(value, SORT_LABELS[value]) for value in SORTS if value != "relevance" or filters.ranked],
    }
    return _respond(request, fmt, "web/recommendations.html", context, data)


def recommendation_download(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    """The whole filtered list (not one page) as CSV, XLSX or JSON."""
    queryset = filtered(Filters.from_query(request.GET))
    name = "recommendations"
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":  # streamed: the rows are written as the database gives them
        response = StreamingHttpResponse(
            downloads.csv_chunks(queryset), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            downloads.as_xlsx(queryset),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = StreamingHttpResponse(downloads.json_chunks(queryset), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def recurring_page(request: HttpRequest, code: str, fmt: str | None = None) -> HttpResponse:
    """What the State was asked again and again (linked across reviews), and what is still open."""
    from rightstrack.assist.linking import chains, groups_of

    state = get_object_or_404(State, code=code.upper())
    only_open = request.GET.get("open") == "1"
    key = f"recurring:{state.code}:{data_version()}"
    found = cache.get(key)
    if found is None:
        found = chains(state)
        cache.set(key, found, MAX_AGE)
    groups = [group for group in groups_of(found) if group.still_open or not only_open]
    data = {
        "state": state.code,
        "only_open": only_open,
        "groups": [
            {
                "title": group.title,
                "subject": group.subject,
                "action": group.action,
                "years": group.years,
                "reviews": [str(review) for review in group.reviews],
                "latest_position": group.latest_position,
                "latest_positions": dict(group.latest_positions),
                "latest_level": group.latest_level,
                "still_open": group.still_open,
                "weakest_suggested_score": group.score,
                "recommendations": [
                    _member_json(row)
                    | {
                        "position": row.recommendation.response,
                        "level": row.recommendation.level,
                        "url": reverse("recommendation", kwargs={"pk": row.recommendation.pk}),
                    }
                    for row in group.members
                ],
            }
            for group in groups
        ],
    }
    context = {"state": state, "groups": groups, "only_open": only_open}
    return _respond(request, fmt, "web/recurring.html", context, data)


def level_timeline(
    levels: list[PublishedLevel], assessments: list[Assessment]
) -> list[tuple[date | None, str, str]]:
    """The implementation level over time: what each document published, what each stakeholder claimed."""
    rows: list[tuple[date | None, str, str]] = []
    for level in levels:
        label = "undetermined" if level.undetermined else (level.grade.label if level.grade else "–")
        rows.append((level.document.published_on, level.document.title or level.document.name, label))
    for assessment in assessments:
        if assessment.grade is not None:
            rows.append((assessment.assessed_on, assessment.stakeholder.name, assessment.grade.label))
    return sorted(rows, key=lambda row: (row[0] or date.min, row[1]))


REPORT_TITLES = {
    "mia": gettext_noop("Mid-term Implementation Assessment"),
    "factsheet": gettext_noop("Thematic fact sheets"),
    "coalition": gettext_noop("Coalition cycle summary"),
    "actionplan": gettext_noop("Action-plan progress"),
    "treatybody": gettext_noop("Treaty-body follow-up table"),
    "state": gettext_noop("The whole picture"),
    "thematic": gettext_noop("OHCHR thematic list with the implementation column filled"),
    "implementation": gettext_noop("Implementation report"),
}
#: The reports offered on a State's page: (kind, title, formats). A review's own reports (the MIA of
#: one UPR cycle, a committee's follow-up) are linked from that review, with the review in the URL.
REPORT_LINKS = [
    ("factsheet", REPORT_TITLES["factsheet"], ["pdf", "docx", "html"]),
    ("actionplan", REPORT_TITLES["actionplan"], ["pdf", "docx", "xlsx", "html"]),
    ("treatybody", REPORT_TITLES["treatybody"], ["pdf", "docx", "html"]),
    ("state", REPORT_TITLES["state"], ["xlsx", "json"]),
]


def review_report_links(review: Review) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The reports of this one review: (kind, title, [(format, url)]), each URL naming the review, so a
    link keeps giving this review's report whatever is published about other reviews."""
    graded = Assessment.public_objects.filter(recommendation__review=review)
    kinds: list[tuple[str, str, list[str]]] = []
    if review.mechanism.code == "UPR":
        if graded.exists():
            kinds.append(("mia", REPORT_TITLES["mia"], ["pdf", "docx", "html"]))
        if IssueSummary.objects.filter(review=review).exists():
            kinds.append(("coalition", REPORT_TITLES["coalition"], ["pptx", "pdf"]))
        if review.recommendations.exists():
            kinds.append(("thematic", REPORT_TITLES["thematic"], ["docx", "html"]))
            kinds.append(("implementation", REPORT_TITLES["implementation"], ["pdf", "docx", "html"]))
    elif graded.exclude(grade=None).exists():
        kinds.append(("treatybody", REPORT_TITLES["treatybody"], ["pdf", "docx", "html"]))
    base = {"code": review.state_id, "mechanism": review.mechanism.code, "cycle": review.cycle}
    return [
        (
            kind,
            title,
            [(fmt, reverse("review_report", kwargs={**base, "kind": kind, "fmt": fmt})) for fmt in fmts],
        )
        for kind, title, fmts in kinds
    ]


def report_download(request: HttpRequest, code: str, kind: str, fmt: str) -> HttpResponse:
    """A report of the State as a file (published data only), in the page's language."""
    state = get_object_or_404(State, code=code.upper())
    return _report_file(request, state.code, kind, fmt, {})


#: The reports of one UPR review (a treaty-body review has its ``treatybody`` follow-up table).
REVIEW_KINDS = {"mia", "coalition", "factsheet", "thematic", "implementation"}


def review_report_download(
    request: HttpRequest, code: str, mechanism: str, cycle: str, kind: str, fmt: str
) -> HttpResponse:
    """A report of one review, whatever else is published: the review is part of the address."""
    review = _review(code, mechanism, cycle)
    fixed: dict[str, Any] = {"cycle": review.cycle}
    if kind == "treatybody":
        fixed["mechanism"] = review.mechanism.code
    elif review.mechanism.code != "UPR" or kind not in REVIEW_KINDS:
        raise Http404("no such report of this review")
    return _report_file(request, review.state_id, kind, fmt, fixed)


def _report_file(
    request: HttpRequest, state: str, kind: str, fmt: str, fixed: dict[str, Any]
) -> HttpResponse:
    from django.utils.translation import get_language

    from rightstrack.reports import ReportError
    from rightstrack.reports.cache import Missing, Wanted, served

    options = {key: value for key, value in request.GET.items() if key not in {"language", *fixed}}
    options.update(fixed)
    language = request.GET.get("language") or (get_language() or "en")[:2]
    try:  # rendered once per data version, by the worker (reports/cache.py)
        rendered = served(Wanted.of(kind, state, fmt, language, options, data_version()))
    except ReportError as error:
        return HttpResponse(str(error), status=404, content_type="text/plain; charset=utf-8")
    if rendered is None:
        return _report_being_prepared()
    if isinstance(rendered, Missing):
        return HttpResponse(rendered.message, status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    response["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    return response


REPORT_RETRY_SECONDS = 5


def _report_being_prepared() -> HttpResponse:
    """503 with ``Retry-After`` while the worker renders the report; the page reloads itself."""
    from django.utils.html import format_html
    from django.utils.translation import gettext as _

    message = _("This report is being prepared. The page will try again in a few seconds.")
    page = format_html(
        '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="{}"><p>{}</p>',
        REPORT_RETRY_SECONDS,
        message,
    )
    response = HttpResponse(page, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(REPORT_RETRY_SECONDS)
    response._has_been_logged = True  # type: ignore[attr-defined]  # expected: not an error to log
    return response
