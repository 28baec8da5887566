"""Filtering the recommendations: one set of filters for the list page, its downloads and the API."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict

from rightstrack.core.iri import Outcome
from rightstrack.core.states import resolve_state
from rightstrack.recommendations.models import Recommendation, RecommendationTerm

SORTS = {
    "ref": ("review__state__name", "review__cycle", "sort_key"),
    "-year": ("-review__year", "review__state__name", "sort_key"),
    "year": ("review__year", "review__state__name", "sort_key"),
    "state": ("review__state__name", "review__year", "sort_key"),
    "level": ("level", "review__state__name", "sort_key"),
}
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
    sort: str = "ref"

    @classmethod
    def from_query(cls, query: QueryDict) -> Filters:
        values = {f.name: query.get(f.name, "").strip()[:200] for f in fields(cls)}
        filters = cls(**values)
        if filters.sort not in SORTS:
            filters.sort = "ref"
        if filters.level and filters.level not in {o.value for o in Outcome}:
            filters.level = ""
        return filters

    def active(self) -> dict[str, str]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) and f.name != "sort"
        }

    def words(self) -> list[str]:
        return _WORDS.findall(self.q)[:10]


def filtered(filters: Filters) -> QuerySet[Recommendation]:
    rows = Recommendation.objects.select_related("review__state", "review__mechanism")
    if filters.state:
        code = resolve_state(filters.state)
        rows = rows.filter(review__state_id=code or "---")
    if filters.mechanism:
        rows = rows.filter(review__mechanism__code__iexact=filters.mechanism)
    if filters.cycle.isdigit():
        rows = rows.filter(review__cycle=int(filters.cycle))
    if filters.response:
        rows = rows.filter(response=filters.response)
    if filters.action_category.isdigit():
        rows = rows.filter(action_category=int(filters.action_category))
    if filters.level:
        rows = rows.filter(level=filters.level)
    if filters.recommending_state:
        code = resolve_state(filters.recommending_state)
        rows = rows.filter(recommending_states__code=code or "---")
    if filters.term:
        tagged = RecommendationTerm.objects.filter(recommendation=OuterRef("pk")).filter(
            Q(term__label__iexact=filters.term) | Q(term__code__iexact=filters.term)
        )
        rows = rows.filter(Exists(tagged))
    for word in filters.words():
        rows = rows.filter(text__icontains=word)
    return rows.order_by(*SORTS[filters.sort]).distinct()


def facets() -> dict[str, Any]:
    """The choices the filter form offers."""
    from rightstrack.recommendations.models import Mechanism, Review, State, Term

    return {
        "states": State.objects.filter(reviews__isnull=False).distinct().order_by("name"),
        "mechanisms": Mechanism.objects.filter(reviews__isnull=False).distinct(),
        "cycles": sorted({c for c in Review.objects.values_list("cycle", flat=True) if c}),
        "outcomes": [o.value for o in Outcome],
        "terms": Term.objects.filter(recommendationterm__isnull=False)
        .distinct()
        .select_related("vocabulary")
        .order_by("vocabulary__code", "label"),
        "responses": [
            ("accepted", "Accepted"),
            ("noted", "Noted"),
            ("rejected", "Rejected"),
            ("pending", "Pending"),
        ],
    }
