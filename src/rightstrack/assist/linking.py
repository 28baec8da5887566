"""Links the machine suggests between a State's recommendations, and what the State was asked again.

For each recommendation, its best counterparts (``analysis.link.link``: embedding + lexical score) in
the State's *other* reviews — earlier and later cycles, other mechanisms — are stored as
``RecommendationLink(kind="suggested")`` with their score. Links a document states (``kind`` of the
document) are never touched; suggested links of a State are replaced as a whole on each run.

The recurring view chains recommendations joined by strong links (document links, or suggested ones
scoring at least :data:`RECURRING_SCORE`) that span two reviews or more: one chain per request, titled
by the subject its members hold and what they ask, with its latest position and level.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from rightstrack.analysis.link import MIN_SCORE, TOP, TREATY_MIN_FIRST
from rightstrack.assist.embeddings import configured_embedder
from rightstrack.assist.models import Analysis
from rightstrack.core.mechanisms import TREATY_BODY
from rightstrack.recommendations.models import (
    Position,
    Recommendation,
    RecommendationLink,
    RecommendationRef,
    RecommendationTerm,
    Review,
    State,
)
from rightstrack.recommendations.states import attach, in_order

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


#: Vocabularies whose labels (held by a document or accepted by an editor) name a chain's subject.
SUBJECT_VOCABULARIES = ("upr-info-issues", "uhri-themes")
#: Two chains joined by a link merge only when their members' texts are, on average, at least this
#: close (``analysis.link.similarity`` at its default weights; a pair a document links counts as 1);
#: links are followed closest texts first, so a fact sheet's many links to one committee paragraph do
#: not swallow the committee's own earlier paragraph on the same request. On Kazakhstan's example
#: (``python -m bench.recurring_view``) 0.30–0.38 keep the death-penalty requests of 2010 and 2014
#: (abolish, moratorium) in one chain; none keeps the optional protocols to three different treaties
#: apart (their one-line "Ratify the Optional Protocol to …" texts are too alike): the treaty each asks
#: to join does (:func:`_other_treaties`). 0.35: the middle of that range.
CHAIN_SCORE = 0.35


@dataclass(frozen=True)
class RecurringGroup:
    """One request of several reviews (a chain): its recommendations oldest first, titled by subject."""

    recommendations: tuple[Recommendation, ...]
    score: float | None  # the weakest suggested link holding the chain, None: documents only
    subject: str = ""  # the UPR Info issue / UHRI theme most members hold
    action: str = ""  # what the members ask, in a word or two ("abolish / moratorium")

    @property
    def reviews(self) -> list[Review]:
        seen: dict[int, Review] = {}
        for rec in self.recommendations:
            seen.setdefault(rec.review_id, rec.review)
        return list(seen.values())

    @property
    def years(self) -> list[int]:
        return sorted({rec.review.year for rec in self.recommendations if rec.review.year})

    @property
    def title(self) -> str:
        """ "Death penalty: abolish / moratorium" (the subject or the action alone when one is missing)."""
        return (
            ": ".join(part for part in (self.subject, self.action) if part)
            or self.recommendations[-1].text[:80]
        )

    @property
    def latest(self) -> Recommendation:
        return self.recommendations[-1]

    @property
    def members(self) -> list[LinkedRow]:
        """The members, oldest first, with their paragraph and recommending States."""
        return [LinkedRow(rec, ()) for rec in self.recommendations]

    @property
    def positioned(self) -> list[Recommendation]:
        """The members of the latest review in which the State took a position on any (treaty bodies'
        recommendations carry none): their positions are the chain's latest."""
        with_position = [rec for rec in self.recommendations if rec.response]
        if not with_position:
            return []
        review = with_position[-1].review_id
        return [rec for rec in with_position if rec.review_id == review]

    @property
    def latest_positions(self) -> list[tuple[str, int]]:
        """The latest positions (``Recommendation.response`` of :attr:`positioned`) with how many
        members took each, commonest first; none when no member has a position."""
        counts = Counter(rec.response for rec in self.positioned)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    @property
    def latest_position_labels(self) -> list[tuple[str, int]]:
        """:attr:`latest_positions` as people read them ("Supported", in the page's language)."""
        return [(str(Position(code).label), n) for code, n in self.latest_positions]

    @property
    def latest_position(self) -> str:
        """The chain's latest position: the commonest of :attr:`latest_positions` ("" if none)."""
        positions = self.latest_positions
        return positions[0][0] if positions else ""

    @property
    def latest_level(self) -> str:
        return self.latest.level

    @property
    def still_open(self) -> bool:
        """Not (yet) reported fully implemented in its latest review."""
        return self.latest_level != "fully implemented"


def _review_order(review: Review) -> tuple[Any, ...]:
    return (review.year or 0, review.cycle or 0, review.mechanism_id, review.pk)


def _vectors(ids: Sequence[int]) -> dict[int, bytes]:
    """The stored embeddings of ``ids`` by one embedder (the commonest), id → float32 bytes."""
    rows = list(
        Analysis.objects.filter(recommendation_id__in=ids, vector__isnull=False).values_list(
            "recommendation_id", "embedder", "vector"
        )
    )
    names = Counter(name for _, name, _ in rows)
    if not names:
        return {}
    name = names.most_common(1)[0][0]
    return {pk: bytes(vector or b"") for pk, embedder, vector in rows if embedder == name}


class _Vectors:
    """The :class:`~rightstrack.analysis.embed.Embedder` of stored vectors, looked up by text."""

    def __init__(self, by_text: dict[str, bytes]) -> None:
        import numpy as np

        self.by_text = by_text
        self.name = "stored"
        self.dim = len(next(iter(by_text.values()))) // np.dtype(np.float32).itemsize

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        import numpy as np

        return np.stack([np.frombuffer(self.by_text[text], dtype=np.float32) for text in texts])


def _subjects(ids: Sequence[int]) -> dict[int, set[str]]:
    """Recommendation → the labels it holds (a document's, an editor's, or an accepted suggestion)."""
    held: dict[int, set[str]] = defaultdict(set)
    for pk, label in RecommendationTerm.objects.filter(
        recommendation_id__in=ids,
        confirmed=True,
        term__vocabulary__code__in=SUBJECT_VOCABULARIES,
        term__unmatched=False,
    ).values_list("recommendation_id", "term__label"):
        held[pk].add(label)
    return held


def _other_treaties(a: list[int], b: list[int], treaties: dict[int, frozenset[str]]) -> bool:
    """Whether a member of ``a`` asks to join one treaty and a member of ``b`` another (none in common)."""
    return any(treaties[x] and treaties[y] and not treaties[x] & treaties[y] for x in a for y in b)


def recurring(
    state: State, min_score: float = RECURRING_SCORE, chain_score: float = CHAIN_SCORE
) -> list[RecurringGroup]:
    """What ``state`` was asked again and again, one chain per request, most reviews first.

    Chains are connected groups of linked recommendations, joined strongest link first (a document's
    link before the machine's); two chains merge only when the mean similarity of their members'
    texts is at least ``chain_score`` (a pair a document links counts as 1) and no member of one asks
    to join a treaty that a member of the other does not name (``analysis.actions.treaties_to_join``),
    so that one text naming two requests does not join them. A chain is kept when it spans two
    reviews or more and holds a strong link (a document's, or a suggested one scoring at least
    ``min_score``).
    """
    from rightstrack.analysis.actions import action_label, treaties_to_join
    from rightstrack.analysis.link import similarity

    links = RecommendationLink.objects.filter(source__review__state=state, target__review__state=state)
    pairs = list(links.values_list("source_id", "target_id", "kind", "score"))
    rows = {
        rec.pk: rec
        for rec in Recommendation.objects.filter(
            pk__in={pk for source, target, _, _ in pairs for pk in (source, target)}
        )
        .select_related("review__state", "review__mechanism")
        .prefetch_related("refs")
    }
    attach(rows.values())
    ids = sorted(rows)
    position = {pk: k for k, pk in enumerate(ids)}
    texts = [rows[pk].text for pk in ids]
    vectors = _vectors(ids)
    embedder = (
        _Vectors({rows[pk].text: vectors[pk] for pk in ids}) if len(vectors) == len(ids) and ids else None
    )
    close = similarity(texts, texts, embedder)
    texts_alike = close.copy()  # the order links are followed in: closest texts first, whoever linked them
    strength: dict[tuple[int, int], float] = {}
    for source, target, kind, score in pairs:
        if source not in rows or target not in rows or source == target:
            continue
        value = float(score) if kind == SUGGESTED and score is not None else 2.0  # a document's word
        key = (min(source, target), max(source, target))
        strength[key] = max(value, strength.get(key, 0.0))
        if value > 1.0:
            close[position[source], position[target]] = close[position[target], position[source]] = 1.0
    treaties = {pk: treaties_to_join(rows[pk].text) for pk in ids}
    members: dict[int, list[int]] = {pk: [pk] for pk in ids}
    weakest: dict[int, float | None] = {pk: None for pk in ids}
    strong = {pk: False for pk in ids}
    head = {pk: pk for pk in ids}
    for (a, b), value in sorted(
        strength.items(), key=lambda item: (-texts_alike[position[item[0][0]], position[item[0][1]]], item[0])
    ):
        ra, rb = head[a], head[b]
        if ra == rb:
            continue
        cross = close[[position[pk] for pk in members[ra]]][:, [position[pk] for pk in members[rb]]]
        if float(cross.mean()) < chain_score or _other_treaties(members[ra], members[rb], treaties):
            continue
        for pk in members[rb]:
            head[pk] = ra
        members[ra] += members.pop(rb)
        scores = [s for s in (weakest[ra], weakest.pop(rb), value if value <= 1.0 else None) if s is not None]
        weakest[ra] = round(min(scores), 4) if scores else None
        strong[ra] = strong[ra] or strong.pop(rb) or value >= min_score
    held = _subjects(ids)
    groups: list[RecurringGroup] = []
    for root, pks in members.items():
        chain = sorted((rows[pk] for pk in pks), key=lambda r: (_review_order(r.review), r.sort_key, r.pk))
        if not strong[root] or len({rec.review_id for rec in chain}) < 2:
            continue
        labels = Counter(label for rec in chain for label in held.get(rec.pk, ()))
        subject = min(labels, key=lambda label: (-labels[label], label)) if labels else ""
        groups.append(
            RecurringGroup(tuple(chain), weakest[root], subject, action_label([r.text for r in chain]))
        )
    groups.sort(key=lambda g: (-len(g.reviews), not g.still_open, -len(g.recommendations), g.latest.pk))
    return groups


#: Reference schemes read as a recommendation's paragraph, in order of preference.
PARAGRAPH_SCHEMES = ("ohchr-paragraph",)
_NUMBER = re.compile(r"^[0-9]{1,4}(?:\.[0-9]{1,4})*$")


def paragraph(recommendation: Recommendation) -> str:
    """The recommendation's paragraph number as its report prints it ("97.16", a committee's "38"),
    from its references (prefetch ``refs``); without one, the number another document gives it
    ("No. 2" of a mid-term assessment); "" when it has none."""
    refs = list(recommendation.refs.all())
    for scheme in PARAGRAPH_SCHEMES:
        for ref in refs:
            if ref.scheme == scheme:
                return ref.value + ref.part
    for ref in refs:
        if ref.scheme.endswith("-paragraph"):
            return ref.value + ref.part
    for ref in sorted(refs, key=lambda ref: ref.scheme):
        if _NUMBER.match(ref.value):
            return str(_("No. %(number)s") % {"number": ref.value + ref.part})
    return ""


@dataclass(frozen=True)
class LinkOrigin:
    """Who says two recommendations ask the same: a document (its name) or the machine (its score)."""

    kind: str
    score: float | None
    origin: str

    @property
    def by_machine(self) -> bool:
        return self.kind == SUGGESTED


@dataclass(frozen=True)
class LinkedRow:
    """A recommendation linked to another, once, with every origin of the link."""

    recommendation: Recommendation
    origins: tuple[LinkOrigin, ...]

    @property
    def paragraph(self) -> str:
        return paragraph(self.recommendation)

    @property
    def states(self) -> list[str]:
        """The recommending States by name, in the active language and the order the document names
        them."""
        from django.utils.translation import get_language

        from rightstrack.core.state_names import state_name

        language = get_language() or "en"
        return [state_name(state.code, language, state.name) for state in in_order(self.recommendation)]


def linked_once(recommendation: Recommendation) -> list[LinkedRow]:
    """The recommendations linked to ``recommendation`` in either direction, each once (a document's
    link and the machine's to the same one are one row), oldest review first."""
    origins: dict[int, list[LinkOrigin]] = defaultdict(list)
    for source, target, kind, score, origin in RecommendationLink.objects.filter(
        Q(source=recommendation) | Q(target=recommendation)
    ).values_list("source_id", "target_id", "kind", "score", "origin"):
        other = target if source == recommendation.pk else source
        if other != recommendation.pk:
            origins[other].append(LinkOrigin(kind, score, origin))
    others = list(
        Recommendation.objects.filter(pk__in=origins)
        .select_related("review__state", "review__mechanism")
        .prefetch_related("refs")
    )
    attach(others)
    rows = [
        LinkedRow(
            other,
            tuple(sorted(origins[other.pk], key=lambda o: (o.by_machine, -(o.score or 0.0), o.origin))),
        )
        for other in others
    ]
    rows.sort(
        key=lambda row: (
            _review_order(row.recommendation.review),
            row.recommendation.sort_key,
            row.recommendation.pk,
        )
    )
    return rows


@dataclass(frozen=True)
class Chain:
    """A chain of :func:`recurring` as a cache keeps it: its members' ids, oldest first, and its title."""

    ids: tuple[int, ...]
    score: float | None
    subject: str
    action: str


def chains(state: State) -> list[Chain]:
    """:func:`recurring` as ids (what a page caches per data version: computing it reads every text)."""
    return [
        Chain(tuple(rec.pk for rec in group.recommendations), group.score, group.subject, group.action)
        for group in recurring(state)
    ]


def groups_of(found: Sequence[Chain]) -> list[RecurringGroup]:
    """The chains ``found`` with their recommendations read afresh (positions and levels of now)."""
    rows = {
        rec.pk: rec
        for rec in Recommendation.objects.filter(pk__in={pk for chain in found for pk in chain.ids})
        .select_related("review__state", "review__mechanism")
        .prefetch_related("refs")
    }
    attach(rows.values())
    return [
        RecurringGroup(tuple(rows[pk] for pk in chain.ids), chain.score, chain.subject, chain.action)
        for chain in found
        if all(pk in rows for pk in chain.ids)
    ]
