"""An editor confirms or rejects an evidence link; every change is a line of its history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rightstrack.analysis.search import terms
from rightstrack.evidence.models import Decision, EvidenceLink
from rightstrack.evidence.suggesting import suggest_levels

_SENTENCE_SPLIT = r"(?<=[.;])\s+(?=[A-Z(])"


def decide(link: EvidenceLink, decision: str, user: Any) -> None:
    """Set ``decision`` (confirmed, rejected or pending again) and remember who did it and when."""
    if decision not in Decision.values:
        raise ValueError(f"unknown decision {decision!r}")
    with transaction.atomic():
        link = EvidenceLink.objects.select_for_update().get(pk=link.pk)
        now = timezone.now()
        who = user.get_username() if user is not None else ""
        link.history = [
            *link.history,
            {"at": now.isoformat(), "by": who, "from": link.decision, "to": decision},
        ]
        link.decision = decision
        link.decided_by = user if decision != Decision.PENDING else None
        link.decided_at = now if decision != Decision.PENDING else None
        link.save(update_fields=["decision", "decided_by", "decided_at", "history"])
        suggest_levels([link.recommendation_id])


#: Who speaks in a paragraph, as the page says it.
SOURCE_KINDS = {
    "state": _("State"),
    "un": _("UN"),
    "nhri": _("NHRI"),
    "civil-society": _("civil society"),
    "regional": _("regional organisation"),
}


@dataclass(frozen=True)
class Shown:
    link: EvidenceLink
    quote: str  # the paragraph's sentence closest to the recommendation's words

    def sources(self) -> list[tuple[str, str]]:
        """(name, kind as the page says it) of each source the paragraph names."""
        return [
            (str(source.get("name", "")), str(SOURCE_KINDS.get(str(source.get("kind", "")), "")))
            for source in self.link.paragraph.sources
        ]


def shown_links(recommendation: Any, editor: bool) -> list[Shown]:
    """The evidence a recommendation page shows: confirmed links to everyone, pending ones (marked as
    machine suggestions) to editors as well, after the confirmed ones; rejected links to no one."""
    links = EvidenceLink.objects.filter(recommendation=recommendation).select_related(
        "paragraph__document", "decided_by"
    )
    hidden = [Decision.REJECTED] if editor else [Decision.REJECTED, Decision.PENDING]
    links = links.exclude(decision__in=hidden)
    wanted = set(terms(recommendation.text))
    confirmed_first = sorted(links, key=lambda link: (link.decision != Decision.CONFIRMED, link.rank))
    return [Shown(link, quote_of(link.paragraph.reading_text, wanted)) for link in confirmed_first]


def quote_of(paragraph: str, wanted: set[str]) -> str:
    """The sentence of ``paragraph`` that shares most of the ``wanted`` terms (a recommendation's)."""
    import re

    sentences = re.split(_SENTENCE_SPLIT, paragraph)
    return max(sentences, key=lambda sentence: len(wanted & set(terms(sentence))))


def evidence_json(shown: list[Shown]) -> list[dict[str, Any]]:
    """The confirmed evidence of a recommendation page's JSON: quote, document, paragraph, sources."""
    return [
        {
            "quote": item.quote,
            "document": item.link.paragraph.document.symbol or item.link.paragraph.document.title,
            "kind": item.link.paragraph.document.kind,
            "paragraph": item.link.paragraph.number,
            "sources": item.link.paragraph.sources,
            "reason": item.link.reason,
        }
        for item in shown
        if item.link.decision == Decision.CONFIRMED
    ]
