"""Linking the stored evidence to the recommendations of the State's earlier reviews.

Run by the worker after an evidence import (:mod:`.tasks`) and by ``rightstrack link-evidence``.
Pending links are recomputed; confirmed and rejected ones stay as the editor left them, and a
rejected pair is never suggested again. A paragraph an editor confirmed for a recommendation is
lifted for the recommendations alike to it (their reason says so).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction

from rightstrack.analysis.evidence import Link, Passage, rank
from rightstrack.analysis.evidence import Recommendation as Wanted
from rightstrack.core.evidence import upr_cycle
from rightstrack.evidence.models import Decision, EvidenceLink, EvidenceParagraph
from rightstrack.recommendations.models import Recommendation

if TYPE_CHECKING:
    from rightstrack.analysis.embed import Embedder


@dataclass
class Inputs:
    """What the ranker reads for one State: its earlier recommendations and its evidence paragraphs."""

    state: str
    wanted: list[Wanted]
    passages: list[Passage]


def inputs(states: Iterable[str] | None = None) -> list[Inputs]:
    """Per State with evidence: the recommendations of its reviews before the evidence's cycle (all of
    them when the documents name no session) and the paragraphs, as :func:`link_evidence` ranks them."""
    paragraphs = EvidenceParagraph.objects.select_related("document")
    if states is not None:
        paragraphs = paragraphs.filter(document__state__in=list(states))
    by_state: dict[str, list[EvidenceParagraph]] = defaultdict(list)
    for paragraph in paragraphs:
        if paragraph.document.state:
            by_state[paragraph.document.state].append(paragraph)
    found: list[Inputs] = []
    for state, mine in sorted(by_state.items()):
        sessions = [p.document.session for p in mine if p.document.session]
        before = upr_cycle(max(sessions)) if sessions else None
        recs = Recommendation.objects.filter(review__state_id=state).prefetch_related("refs")
        if before is not None:
            recs = recs.exclude(review__mechanism__code="UPR", review__cycle__gte=before)
        wanted = [
            Wanted(
                rec.pk,
                next((ref.value for ref in rec.refs.all() if ref.scheme.endswith("paragraph")), ""),
                rec.text,
            )
            for rec in recs
        ]
        passages = [
            Passage(p.pk, p.text, tuple(p.cited), p.document_id, p.heading.rsplit(" / ", 1)[-1]) for p in mine
        ]
        found.append(Inputs(state, wanted, passages))
    return found


def link_evidence(states: Iterable[str] | None = None, semantic: bool = True) -> dict[str, int]:
    """Rank every State's evidence paragraphs for its earlier recommendations; links made per State."""
    embedder = subjects = None
    if semantic:
        embedder, subjects = embedders()
    made: dict[str, int] = {}
    for given in inputs(states):
        confirmed = confirmations(given.wanted, given.passages)
        links = rank(given.wanted, given.passages, embedder, subjects, confirmed=confirmed)
        made[given.state] = _store(links, [w.key for w in given.wanted])
    return made


def embedders() -> tuple[Embedder, Embedder | None]:
    """The installation's embedder and the shipped classifier's subjects (None without a model)."""
    from rightstrack.analysis.link import subject_embedder
    from rightstrack.assist.embeddings import configured_embedder

    return configured_embedder(), subject_embedder()


def confirmations(wanted: list[Wanted], passages: list[Passage]) -> list[list[int]]:
    """The passages (indices) an editor confirmed for each recommendation (indices as ``wanted``)."""
    row = {want.key: index for index, want in enumerate(wanted)}
    column = {passage.key: index for index, passage in enumerate(passages)}
    confirmed: list[list[int]] = [[] for _ in wanted]
    for rec, paragraph in EvidenceLink.objects.filter(
        recommendation_id__in=list(row), paragraph_id__in=list(column), decision=Decision.CONFIRMED
    ).values_list("recommendation_id", "paragraph_id"):
        confirmed[row[rec]].append(column[paragraph])
    return confirmed


def _store(links: list[Link], recommendations: list[int]) -> int:
    decided = {
        (rec, par): decision
        for rec, par, decision in EvidenceLink.objects.filter(recommendation_id__in=recommendations)
        .exclude(decision=Decision.PENDING)
        .values_list("recommendation_id", "paragraph_id", "decision")
    }
    rows = []
    ranks: dict[int, int] = defaultdict(int)
    for link in links:
        ranks[link.recommendation] += 1
        if (link.recommendation, link.passage) in decided:
            continue
        rows.append(
            EvidenceLink(
                recommendation_id=link.recommendation,
                paragraph_id=link.passage,
                score=link.score,
                rank=ranks[link.recommendation],
                reason=link.reason(),
            )
        )
    with transaction.atomic():
        EvidenceLink.objects.filter(recommendation_id__in=recommendations, decision=Decision.PENDING).delete()
        EvidenceLink.objects.bulk_create(rows, batch_size=500)
    return len(rows)
