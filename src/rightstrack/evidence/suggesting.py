"""Suggested levels per source kind, from the evidence linked to each recommendation.

For each recommendation and each kind of source among its linked paragraphs (a paragraph counts for
every kind it names; one naming none counts for its document's kind), the paragraphs read are the
editor-confirmed links of that kind when there are any, else the linker's best pending ones of that
kind: at most :data:`PENDING_PER_KIND`, each scoring at least :data:`PENDING_MIN_SHARE` of the
recommendation's best link. Rejected links are never read. The result is stored apart from the
assessments (:class:`~rightstrack.evidence.models.SuggestedLevel`) and recomputed after every linking
(the worker and ``rightstrack link-evidence``) and every editor's decision on a link.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from rightstrack.analysis.suggested_levels import Read, suggest
from rightstrack.core.evidence import COMPILATION, NATIONAL_REPORT, SOURCE_KINDS, STAKEHOLDERS_SUMMARY
from rightstrack.evidence.models import Decision, EvidenceLink, EvidenceParagraph, SuggestedLevel
from rightstrack.recommendations.models import Recommendation

#: The kind of a paragraph that names no source, by its document's kind.
DOCUMENT_KINDS = {NATIONAL_REPORT: "state", COMPILATION: "un", STAKEHOLDERS_SUMMARY: "civil-society"}

#: Pending links read per kind when no link of that kind is confirmed: the linker shows each
#: document's best paragraph first, and the second one often speaks of something else.
PENDING_PER_KIND = 1

#: A pending link is read only if its score is at least this share of the recommendation's best
#: link's score: the linker's scores are not on a fixed scale (they add lexical, semantic, heading
#: and citation parts), so a share of the best keeps only paragraphs it ranks close to the top.
PENDING_MIN_SHARE = 0.5


def paragraph_kinds(paragraph: EvidenceParagraph) -> list[str]:
    """The source kinds a paragraph speaks for."""
    kinds = paragraph.source_kinds()
    if kinds:
        return kinds
    fallback = DOCUMENT_KINDS.get(paragraph.document.kind)
    return [fallback] if fallback else []


def chosen(links: Iterable[EvidenceLink]) -> dict[str, tuple[str, list[EvidenceLink]]]:
    """Per kind: the basis (confirmed or pending) and the links read (see the module's rule)."""
    live = [link for link in links if link.decision != Decision.REJECTED]
    best = max((link.score for link in live if link.decision == Decision.PENDING), default=0.0)
    confirmed: dict[str, list[EvidenceLink]] = defaultdict(list)
    pending: dict[str, list[EvidenceLink]] = defaultdict(list)
    for link in sorted(live, key=lambda link: (link.rank, -link.score)):
        for kind in paragraph_kinds(link.paragraph):
            if link.decision == Decision.CONFIRMED:
                confirmed[kind].append(link)
            elif link.score >= PENDING_MIN_SHARE * best and len(pending[kind]) < PENDING_PER_KIND:
                pending[kind].append(link)
    result = {kind: (str(Decision.PENDING), found) for kind, found in pending.items()}
    result.update({kind: (str(Decision.CONFIRMED), found) for kind, found in confirmed.items()})
    return result


def _suggested(recommendation: Recommendation, links: list[EvidenceLink]) -> list[SuggestedLevel]:
    rows = []
    for kind, (basis, read) in sorted(chosen(links).items()):
        found = suggest(
            recommendation.text, [Read(link.paragraph_id, link.paragraph.reading_text) for link in read]
        )
        if found is None:
            continue
        paragraphs = {link.paragraph_id: link.paragraph for link in read}
        quotes = [
            {
                "paragraph": quote.key,
                "document": paragraphs[quote.key].document.symbol or paragraphs[quote.key].document.title,
                "number": paragraphs[quote.key].number,
                "quote": quote.text,
                "level": quote.claim.level,
                "confidence": quote.claim.confidence,
            }
            for quote in found.quotes
        ]
        rows.append(
            SuggestedLevel(
                recommendation=recommendation,
                kind=kind,
                level=found.level,
                confidence=found.confidence,
                basis=basis,
                reason=found.reason,
                quotes=quotes,
            )
        )
    return rows


def suggest_levels(recommendations: Iterable[int] | QuerySet[Recommendation, Any]) -> int:
    """Recompute the suggested levels of these recommendations (ids, or a query of their ids); return
    how many were stored."""
    wanted = recommendations if isinstance(recommendations, QuerySet) else list(recommendations)
    links: dict[int, list[EvidenceLink]] = defaultdict(list)
    found = EvidenceLink.objects.filter(recommendation_id__in=wanted).select_related("paragraph__document")
    for link in found:
        links[link.recommendation_id].append(link)
    rows: list[SuggestedLevel] = []
    for recommendation in Recommendation.objects.filter(pk__in=list(links)):
        rows += _suggested(recommendation, links[recommendation.pk])
    with transaction.atomic():
        SuggestedLevel.objects.filter(recommendation_id__in=wanted).delete()
        SuggestedLevel.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def suggest_for_states(states: Iterable[str]) -> dict[str, int]:
    """Recompute the suggested levels of every recommendation of ``states``; how many per State."""
    made = {}
    for state in sorted(set(states)):
        of_state = Recommendation.objects.filter(review__state_id=state).values_list("pk", flat=True)
        made[state] = suggest_levels(of_state)
    return made


def shown_suggestions(recommendation: Recommendation, editor: bool) -> list[SuggestedLevel]:
    """The suggested levels a recommendation page shows: those resting on confirmed evidence to
    everyone, those read from the linker's pending links to editors only (as the links themselves)."""
    found = SuggestedLevel.objects.filter(recommendation=recommendation)
    if not editor:
        found = found.filter(basis=Decision.CONFIRMED)
    return sorted(found, key=lambda suggestion: KIND_ORDER.get(suggestion.kind, len(KIND_ORDER)))


KIND_ORDER = {kind: at for at, kind in enumerate(SOURCE_KINDS) if kind}


def suggestions_json(suggestions: Iterable[SuggestedLevel]) -> list[dict[str, Any]]:
    """The suggested levels of a recommendation page's JSON, each marked as suggested."""
    return [
        {
            "kind": suggestion.kind,
            "level": suggestion.level,
            "suggested": True,
            "confidence": suggestion.confidence,
            "basis": f"{suggestion.basis} evidence links",
            "reason": suggestion.reason,
            "quotes": suggestion.quotes,
        }
        for suggestion in suggestions
    ]
