"""Links the machine suggests between a State's recommendations, and what the State was asked again.

For each recommendation, its best counterparts (``analysis.link.link``: embedding + lexical score) in
the State's *other* reviews — earlier and later cycles, other mechanisms — are stored as
``RecommendationLink(kind="suggested")`` with their score. Links a document states (``kind`` of the
document) are never touched; suggested links of a State are replaced as a whole on each run.

The recurring view groups recommendations joined by strong links (document links, or suggested ones
scoring at least :data:`RECURRING_SCORE`) that span two reviews or more, with the level each reached.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q

from rightstrack.analysis.link import MIN_SCORE, TOP, TREATY_MIN_FIRST
from rightstrack.assist.embeddings import configured_embedder
from rightstrack.assist.models import Analysis
from rightstrack.core.mechanisms import TREATY_BODY
from rightstrack.recommendations.models import (
    Recommendation,
    RecommendationLink,
    RecommendationRef,
    Review,
    State,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from rightstrack.analysis.embed import Embedder

SUGGESTED = "suggested"
#: Suggested links at least this strong make two recommendations "the same request" (recurring view).
RECURRING_SCORE = 0.45


class StoredEmbedder:
    """An embedder that answers from stored vectors (by text) and computes only the texts it lacks,
    once: what it computes joins the stored vectors."""

    def __init__(self, base: Embedder, stored: dict[str, bytes]) -> None:
        self.base = base
        self.name = base.name
        self.dim = base.dim
        self.stored = stored

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        import numpy as np

        result = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = [k for k, text in enumerate(texts) if text not in self.stored]
        for k, text in enumerate(texts):
            if text in self.stored:
                result[k] = np.frombuffer(self.stored[text], dtype=np.float32)
        if missing:
            result[missing] = self.base.embed([texts[k] for k in missing])
            self.stored.update((texts[k], result[k].tobytes()) for k in missing)
        return result


def link_state(state: State, embedder: Embedder | None = None) -> int:
    """Replace the suggested links of ``state``'s recommendations; returns how many were stored."""
    from rightstrack.analysis.link import link, subject_embedder

    embedder = embedder or configured_embedder()
    texts: dict[int, dict[str, str]] = defaultdict(dict)
    order: dict[int, tuple[int, int, int]] = {}
    treaty_reviews: set[int] = set()
    for pk, review_id, text, year, cycle, kind in Recommendation.objects.filter(
        review__state=state
    ).values_list("id", "review_id", "text", "review__year", "review__cycle", "review__mechanism__kind"):
        texts[review_id][str(pk)] = text
        if kind == TREATY_BODY:
            treaty_reviews.add(review_id)
        order[pk] = (year or 0, cycle or 0, pk)
    stored = {
        text: bytes(vector or b"")
        for text, vector in Analysis.objects.filter(
            recommendation__review__state=state, embedder=embedder.name, vector__isnull=False
        ).values_list("recommendation__text", "vector")
    }
    cached = StoredEmbedder(embedder, stored)
    subject = subject_embedder()  # each text's subject computed once for all the State's reviews
    subjects = StoredEmbedder(subject, {}) if subject is not None else None
    concerns = _concerns(state, {pk: text for items in texts.values() for pk, text in items.items()})
    found: dict[tuple[int, ...], float] = {}
    for review_id, own in texts.items():
        others = {
            pk: text for other, items in texts.items() if other != review_id for pk, text in items.items()
        }
        if not own or not others:
            continue
        min_first = TREATY_MIN_FIRST if review_id in treaty_reviews else None
        for source, target, score in link(
            own,
            others,
            cached,
            k=TOP,
            min_score=MIN_SCORE,
            concerns=concerns,
            subjects=subjects,
            min_first=min_first,
        ):
            # one link per pair, from the later recommendation (asked again) to the earlier one
            pair = tuple(sorted((int(source), int(target)), key=order.__getitem__, reverse=True))
            found[pair] = max(score, found.get(pair, 0.0))
    origin = f"machine: {embedder.name} + words"
    with transaction.atomic():
        RecommendationLink.objects.filter(kind=SUGGESTED, source__review__state=state).delete()
        RecommendationLink.objects.bulk_create(
            [
                RecommendationLink(
                    source_id=s, target_id=t, kind=SUGGESTED, score=round(score, 4), origin=origin
                )
                for (s, t), score in sorted(found.items())
            ],
            batch_size=500,
        )
    return len(found)


def _concerns(state: State, texts: dict[str, str]) -> dict[str, str]:
    """Treaty-body concern paragraph → the recommendation paragraph after it (``link``'s ``concerns``).

    Paragraph numbers come from the recommendations' references (the ids here are database ids).
    """
    from rightstrack.analysis.link import concern_partners

    numbered: dict[str, str] = {}
    refs = RecommendationRef.objects.filter(
        recommendation__review__state=state, part="", value__regex=r"^[0-9]{1,4}$"
    ).exclude(recommendation__review__mechanism__code="UPR")
    for pk, review_id, scheme, value in refs.values_list("recommendation_id", "review_id", "scheme", "value"):
        numbered.setdefault(f"{review_id}-{scheme}-{value}", str(pk))
    partners = concern_partners({key: texts[pk] for key, pk in numbered.items() if pk in texts})
    return {numbered[concern]: numbered[ask] for concern, ask in partners.items()}


@dataclass(frozen=True)
class RecurringGroup:
    """Recommendations of several reviews asking the same thing, oldest review first."""

    recommendations: tuple[Recommendation, ...]
    score: float | None  # the weakest suggested link holding the group, None: documents only

    @property
    def reviews(self) -> list[Review]:
        seen: dict[int, Review] = {}
        for rec in self.recommendations:
            seen.setdefault(rec.review_id, rec.review)
        return list(seen.values())

    @property
    def latest_level(self) -> str:
        return self.recommendations[-1].level

    @property
    def still_open(self) -> bool:
        """Not (yet) reported fully implemented in its latest review."""
        return self.latest_level != "fully implemented"


def _review_order(review: Review) -> tuple[Any, ...]:
    return (review.year or 0, review.cycle or 0, review.mechanism_id, review.pk)


def recurring(state: State, min_score: float = RECURRING_SCORE) -> list[RecurringGroup]:
    """What ``state`` was asked again and again: for each recommendation, its closest counterpart in
    each earlier review (a document's link, or a suggested one scoring ≥ ``min_score``).

    Groups are built around the later recommendation, not by chaining links (chains would merge
    "ratify X" with "ratify Y" through a third text); a group inside a larger one is dropped.
    """
    links = RecommendationLink.objects.filter(
        source__review__state=state, target__review__state=state
    ).filter(~Q(kind=SUGGESTED) | Q(score__gte=min_score))
    pairs = list(links.values_list("source_id", "target_id", "kind", "score"))
    ids = {pk for source, target, _, _ in pairs for pk in (source, target)}
    rows = {
        rec.pk: rec
        for rec in Recommendation.objects.filter(pk__in=ids).select_related(
            "review__state", "review__mechanism"
        )
    }
    best: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
    for source, target, kind, score in pairs:
        if source not in rows or target not in rows:
            continue
        later, earlier = sorted((rows[source], rows[target]), key=lambda r: (_review_order(r.review), r.pk))[
            ::-1
        ]
        if later.review_id == earlier.review_id:
            continue
        strength = float(score) if kind == SUGGESTED and score is not None else 2.0  # a document's word
        kept = best[later.pk].get(earlier.review_id)
        if kept is None or strength > kept[0]:
            best[later.pk][earlier.review_id] = (strength, earlier.pk)
    candidates: list[tuple[frozenset[int], RecurringGroup]] = []
    for later_pk, per_review in best.items():
        members = [rows[later_pk], *(rows[pk] for _, pk in per_review.values())]
        members.sort(key=lambda r: (_review_order(r.review), r.sort_key, r.pk))
        suggested = [strength for strength, _ in per_review.values() if strength <= 1.0]
        group = RecurringGroup(tuple(members), round(min(suggested), 4) if suggested else None)
        candidates.append((frozenset(r.pk for r in members), group))
    candidates.sort(key=lambda item: -len(item[0]))
    groups: list[RecurringGroup] = []
    kept_sets: list[frozenset[int]] = []
    for members_set, group in candidates:
        if any(members_set <= other for other in kept_sets):
            continue
        kept_sets.append(members_set)
        groups.append(group)
    groups.sort(key=lambda g: (-len(g.reviews), not g.still_open, g.recommendations[-1].pk))
    return groups
