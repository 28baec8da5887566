"""Filtering the recommendations: one set of filters for the list page, its downloads and the API."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from rightstrack.core import positions
from rightstrack.core.iri import Outcome
from rightstrack.core.states import resolve_state
from rightstrack.recommendations import fulltext
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Term

SORTS = {
    "ref": ("review__state__name", "review__cycle", "sort_key"),
    "-year": ("-review__year", "review__state__name", "sort_key"),
    "year": ("review__year", "review__state__name", "sort_key"),
    "state": ("review__state__name", "review__year", "sort_key"),
    "level": ("level", "review__state__name", "sort_key"),
    "relevance": (),  # semantic and hybrid search: best match first
}
#: Each sort as people read it (the menu shows these, the URL keeps the short value).
SORT_LABELS: dict[str, Any] = {
    "ref": _("State, review and number"),
    "-year": _("Newest review first"),
    "year": _("Oldest review first"),
    "state": _("State, then year"),
    "level": _("Implementation level"),
    "relevance": _("Best match first"),
}
MODES = ("keyword", "semantic", "hybrid")
#: The best of the rankings on ``bench/search.py``'s judged queries (P@10: hybrid 0.893, meaning 0.880,
#: keyword 0.277, BM25 0.347 — keyword search finds nothing for a query in another language).
DEFAULT_MODE = "hybrid"
_SUPPORTED = Q(response__in=[positions.SUPPORTED, positions.SPLIT])
#: The position filter: value → (label, condition). The final position where one is known.
POSITIONS: dict[str, tuple[Any, Q]] = {
    positions.SUPPORTED: (_("Supported"), Q(response=positions.SUPPORTED)),
    positions.NOTED: (_("Noted"), Q(response=positions.NOTED)),
    positions.SPLIT: (_("Supported/noted"), Q(response=positions.SPLIT)),
    "pending": (_("Pending (will be examined)"), Q(response="", wg_stage=positions.STAGE_EXAMINE)),
    "supported-open": (
        _("Supported and not (yet) fully implemented"),
        _SUPPORTED & ~Q(level=Outcome.FULLY.value),
    ),
    "conflict": (_("Documents disagree"), Q(position_conflict=True) | Q(text_conflict=True)),
}
#: Older words for the same choices (links and API calls made before positions were modelled).
POSITION_ALIASES = {"accepted": positions.SUPPORTED, "rejected": positions.NOTED, "will examine": "pending"}
_WORDS = re.compile(r"\w+", re.UNICODE)


@dataclass
class Filters:
    """What a visitor can filter by; every field is a query-string parameter of the same name."""

    state: str = ""
    mechanism: str = ""
    cycle: str = ""
    response: str = ""
    term: str = ""  # a label of any vocabulary: issue, UHRI theme, group of persons, SDG
    action_category: str = ""
    level: str = ""
    recommending_state: str = ""
    q: str = ""
    mode: str = "hybrid"  # hybrid (the default: words and meaning fused), keyword, or semantic (meaning only)
    sort: str = "ref"

    @classmethod
    def from_query(cls, query: QueryDict) -> Filters:
        # NUL characters mean nothing in a filter, and PostgreSQL refuses them in a query
        values = {f.name: query.get(f.name, "").replace("\x00", "").strip()[:200] for f in fields(cls)}
        filters = cls(**values)
        if filters.mode not in MODES:
            filters.mode = DEFAULT_MODE
        if filters.sort not in SORTS:
            filters.sort = "relevance" if filters.ranked else "ref"
        if filters.sort == "relevance" and not filters.ranked:
            filters.sort = "ref"
        filters.response = POSITION_ALIASES.get(filters.response.lower(), filters.response)
        if filters.response not in POSITIONS:
            filters.response = ""
        if filters.level and filters.level not in {o.value for o in Outcome}:
            filters.level = ""
        return filters

    @property
    def ranked(self) -> bool:
        """Whether the list is a ranking by meaning (semantic or hybrid search of ``q``)."""
        return self.mode != "keyword" and bool(self.q.strip())

    def active(self) -> dict[str, str]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) and f.name not in {"sort", "mode"}
        } | ({"mode": self.mode} if self.ranked else {})

    def words(self) -> list[str]:
        return _WORDS.findall(self.q)[:10]


def filtered(filters: Filters) -> QuerySet[Recommendation]:
    rows = Recommendation.objects.select_related("review__state", "review__mechanism")
    if filters.state:
        code = resolve_state(filters.state)
        rows = rows.filter(review__state_id=code or "---")
    if filters.mechanism:
        rows = rows.filter(review__mechanism__code__iexact=filters.mechanism)
    if filters.cycle.isdigit() and len(filters.cycle) <= 3:
        rows = rows.filter(review__cycle=int(filters.cycle))
    if filters.response:
        rows = rows.filter(POSITIONS[filters.response][1])
    if filters.action_category.isdigit() and len(filters.action_category) == 1:
        rows = rows.filter(action_category=int(filters.action_category))
    if filters.level:
        rows = rows.filter(level=filters.level)
    if filters.recommending_state:
        code = resolve_state(filters.recommending_state)
        through = Recommendation.recommending_states.through.objects.filter(
            recommendation_id=OuterRef("pk"), state_id=code or "---"
        )
        rows = rows.filter(Exists(through))
    if filters.term:
        terms = Term.objects.filter(Q(label__iexact=filters.term) | Q(code__iexact=filters.term))
        tagged = RecommendationTerm.objects.filter(term__in=terms).values("recommendation_id")
        rows = rows.filter(pk__in=tagged)
    if filters.ranked:
        return _ranked(rows, filters)
    if filters.words():
        rows = rows.filter(pk__in=fulltext.matching(filters.words()))
    return rows.order_by(*_order(filters.sort))


def _order(sort: str) -> tuple[str, ...]:
    """The columns of a sort, then the id, so that pages never overlap; "relevance" with nothing
    ranked (a search by meaning that found nothing) falls back to the reference order."""
    return (*(SORTS[sort] or SORTS["ref"]), "pk")


def _ranked(rows: QuerySet[Recommendation], filters: Filters) -> QuerySet[Recommendation]:
    """Semantic or hybrid search within the other filters; ordered by relevance unless a sort is asked."""
    from rightstrack.assist.search import ranked

    narrowed = rows.query.where.children  # any filter given: rank within the filtered ids only
    allowed = list(rows.order_by().values_list("id", flat=True)) if narrowed else None
    ids = ranked(filters.q, filters.words(), filters.mode, allowed)
    rows = rows.filter(pk__in=ids)
    if filters.sort != "relevance" or not ids:
        return rows.order_by(*_order(filters.sort))
    return rows.order_by(_position(ids), "pk")


def _position(ids: list[int]) -> RawSQL:
    """An expression giving each id its place in ``ids`` (one SQL function, not 200 CASE branches)."""
    column = '"recommendations_recommendation"."id"'
    if connection.vendor == "postgresql":
        return RawSQL(f"array_position(%s::bigint[], {column})", [ids])
    return RawSQL(f"instr(%s, ',' || {column} || ',')", ["," + ",".join(map(str, ids)) + ","])


def facets() -> dict[str, Any]:
    """The choices the filter form offers; they change only with imports, so they are cached per import."""
    from django.core.cache import cache

    from rightstrack.documents.models import SourceDocument
    from rightstrack.recommendations.models import Mechanism, Review, State

    latest = SourceDocument.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    key = f"rightstrack:facets:{latest}:{Review.objects.count()}"
    cached: dict[str, Any] | None = cache.get(key)
    if cached is None:
        tagged = RecommendationTerm.objects.filter(term=OuterRef("pk"))
        reviewed = Review.objects.filter(state=OuterRef("pk"))
        cached = {
            "states": list(State.objects.filter(Exists(reviewed)).order_by("name")),
            "mechanisms": list(
                Mechanism.objects.filter(Exists(Review.objects.filter(mechanism=OuterRef("pk"))))
            ),
            "cycles": sorted({c for c in Review.objects.values_list("cycle", flat=True) if c}),
            "outcomes": [o.value for o in Outcome],
            "terms": list(
                Term.objects.filter(
                    Exists(tagged), unmatched=False
                )  # a document's odd words stay off the menu
                .select_related("vocabulary")
                .order_by("vocabulary__code", "label")
            ),
        }
        cache.set(key, cached, 3600)
    # in the visitor's language, so not cached with the rest
    return cached | {"responses": [(value, str(label)) for value, (label, _condition) in POSITIONS.items()]}
