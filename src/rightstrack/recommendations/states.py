"""A recommendation's recommending States in the order its document names them ("(Italy) (Argentina)
(Lithuania)…", as the Working Group report and OHCHR's thematic list write them), not sorted by name.

The store adds them to the relation in that order (a later document's new States after the earlier
ones), so the relation's row ids keep it. The relation itself sorts by the State's name (its model's
ordering), so pages, exports and reports that name them read them through here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rightstrack.recommendations.models import Recommendation, State

_CACHE = "_states_in_order"


def codes_in_order(ids: Sequence[int]) -> dict[int, list[str]]:
    """Recommendation id → its recommending States' codes, in the document's order (one query)."""
    found: dict[int, list[str]] = defaultdict(list)
    through = Recommendation.recommending_states.through.objects
    for pk, code in (
        through.filter(recommendation_id__in=ids).order_by("id").values_list("recommendation_id", "state_id")
    ):
        found[pk].append(code)
    return found


def attach(recommendations: Iterable[Recommendation]) -> None:
    """Read the States of all ``recommendations`` in one query, so :func:`in_order` asks no more."""
    wanted = {recommendation.pk: recommendation for recommendation in recommendations}
    found: dict[int, list[State]] = {pk: [] for pk in wanted}
    through = Recommendation.recommending_states.through.objects
    for row in through.filter(recommendation_id__in=list(wanted)).select_related("state").order_by("id"):
        found[row.recommendation_id].append(row.state)
    for pk, recommendation in wanted.items():
        setattr(recommendation, _CACHE, found[pk])


def in_order(recommendation: Recommendation) -> list[State]:
    """The recommendation's recommending States, in the order its document names them."""
    cached: list[State] | None = getattr(recommendation, _CACHE, None)
    if cached is None:
        attach([recommendation])
        cached = getattr(recommendation, _CACHE)
    return cached
