"""Many recommendations as plain values, a chunk at a time, with each chunk's references, recommending
States and terms read in three queries (no model instances: the bulk downloads stream 41,000 rows several
times faster so)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import batched
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # importable before the apps are ready (the open-data tables read CHUNK at import)
    from django.db.models import QuerySet

    from rightstrack.recommendations.models import Recommendation

CHUNK = 2000


@dataclass(frozen=True)
class Related:
    """What hangs off each recommendation of a chunk, by recommendation id."""

    refs: dict[int, list[tuple[str, str]]]  # (scheme, value), by scheme then as stored
    states: dict[int, list[str]]  # recommending States' codes, in the order their document names them
    terms: dict[int, list[tuple[str, str, bool]]]  # (vocabulary, label, unmatched), in the order asked


def related(ids: Sequence[int], term_order: Sequence[str] = ("id",)) -> Related:
    from rightstrack.recommendations.models import RecommendationRef, RecommendationTerm
    from rightstrack.recommendations.states import codes_in_order

    refs: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pk, scheme, value in (
        RecommendationRef.objects.filter(recommendation_id__in=ids)
        .order_by("scheme", "id")
        .values_list("recommendation_id", "scheme", "value")
    ):
        refs[pk].append((scheme, value))
    states = codes_in_order(ids)
    terms: dict[int, list[tuple[str, str, bool]]] = defaultdict(list)
    for pk, label, vocabulary, unmatched in (
        RecommendationTerm.objects.filter(recommendation_id__in=ids)
        .order_by(*term_order)
        .values_list("recommendation_id", "term__label", "term__vocabulary__code", "term__unmatched")
    ):
        terms[pk].append((vocabulary, label, unmatched))
    return Related(refs, states, terms)


def in_chunks(
    values: QuerySet[Recommendation, tuple[Any, ...]], term_order: Sequence[str] = ("id",)
) -> Iterator[tuple[Iterable[tuple[Any, ...]], Related]]:
    """``values`` (a ``values_list`` whose first column is the id) a chunk at a time, with its relations."""
    for chunk in batched(values.iterator(chunk_size=CHUNK), CHUNK):
        yield chunk, related([row[0] for row in chunk], term_order)
