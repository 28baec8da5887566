"""Linking recommendations that ask the same thing, across cycles and mechanisms.

``link(a, b, embedder)`` scores every pair by ``w · cosine(embeddings) + (1 − w) · lexical``, where
the lexical part is the TF-IDF cosine of stemmed words and word pairs (IDF over both sides), then
lets a treaty body's recommendation paragraph take the score of the concern paragraph just before
it when that is higher (:func:`concern_partners`): concluding observations state the subject in a
"The Committee is concerned …" paragraph N and ask for the action in "The State party should …"
paragraph N + 1, so a UPR recommendation about, say, the media often reads closer to the concern
than to the terser recommendation. The pair's score is the same whichever side each text is on.

Measured on seed 001 (60 UPR rows, 10 Human Rights Committee paragraphs; ``eval_tasks``), rows with
a paired paragraph in the top 3 / pairs in the top 3 (of 103) / mean average precision: weight 0.5
without the lift 58/60, 82, 0.693; with it 58/60, 82, 0.717; weight 0.4 without it 58/60, 81,
0.706; both (the default) 60/60, 84, 0.738. Tried and not kept (no gain, or a loss, on the same
pairs): stop words of UN prose ("State party", "ensure", "take measures" …), BM25 weights, words
without word pairs, stripping the opening formula ("The State party should", "Take all necessary
measures to"), the best limb of long paragraphs (alone or averaged with the whole paragraph),
hubness corrections (CSLS, centring each paragraph's scores), z-scored or rank-fused combinations,
and giving the concern paragraph's score to both paragraphs (they then crowd the top 3).

To these two scores :func:`link` adds a third, small one: how alike the two texts' *subjects* are,
the cosine of their UPR Info issue probabilities under the shipped classifier (:func:`topic_similarity`,
weight :data:`TOPIC_WEIGHT`). Words and embeddings compare how a text is written; the issues say what
it is about, so a UPR row on the Criminal Procedure Code and the Committee's paragraph on fair trials
meet under "Justice" although they share few words. On seed 001 it takes the pairs in the top 3 from
84 to 86 of 103 and the mean average precision from 0.738 to 0.794, every row keeping a paired
paragraph in its top 3; at weight 0.1 the pairs reach 89 and the precision 0.830 but one row loses its
only paragraph (the weight was chosen on these same 60 rows: an indication, not a held-out figure).

``recurring(items, embedder)`` groups what a State was asked again and again: items of different
cycles linked above a threshold, with the level each one reached.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from .embed import Embedder, normalise_rows
from .search import terms

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from .classify import Classifier

#: Share of the embedding cosine in :func:`link`'s score (the rest: lexical). On seed 001's pairs the
#: mean average precision over the whole ranking is 0.740 / 0.738 / 0.717 / 0.715 / 0.706 / 0.689 at
#: 0.3 / 0.4 / 0.5 / 0.6 / 0.7 / 1.0 (0.703 / 0.706 / 0.693 / 0.688 / 0.677 / 0.665 without
#: :func:`concern_partners`); 0.4 vs 0.5: 6 rows better, 1 worse; 0.3 ties with 0.4 but ranks the
#: UPR rows of each Committee paragraph less well (reciprocal rank 0.655 vs 0.668). Lexical cosines
#: run lower than embedding ones, so scores are lower than at 0.5 (mean of the top 3, Kazakhstan
#: 2014 → 2010: 0.319 → 0.282): thresholds set on 0.5's scores pass ``weight=0.5``.
SEMANTIC_WEIGHT = 0.4
#: Weight of the subject score (cosine of the UPR Info issue probabilities) beside :func:`link`'s others.
TOPIC_WEIGHT = 0.03
#: Counterparts a recommendation keeps in the State's other reviews, and the score below which none is
#: kept (``assist.linking``; on Denmark's concluding observations against its UPR recommendations,
#: ``bench/tb_linking.py`` prints what this threshold keeps and loses).
TOP = 3
MIN_SCORE = 0.25
#: The score down to which a treaty body's recommendation paragraph keeps its *best* counterpart: long
#: paragraphs of several limbs score lower against a one-line UPR recommendation than two UPR rows do.
#: Set on the two States of ``bench/tb_linking.py`` (in-sample): Denmark's paragraphs on coercion in
#: psychiatry, counter-terrorism and the Covenant's incorporation find their UPR rows at 0.22–0.23
#: (judged right); of Namibia's paragraphs it links, those between 0.20 and 0.25 read as related
#: (pretrial detention, appeals, investigation of violence), those at 0.188–0.189 did not.
TREATY_MIN_FIRST = 0.20
#: The weight :func:`recurring` uses: its ``threshold`` (0.75) was set on this scale.
RECURRING_WEIGHT = 0.5

_CONCERN = re.compile(
    r"^\W*(?:\d+\.\s*)?(?:[^.;:]{0,200}?,\s*)?(?:the\s+)?committee\b[^.;:]{0,60}?"
    r"\b(?:concern|regret|deplor|alarm|note[sd]?\s+with|troubled)",
    re.IGNORECASE,
)
_ASKS = re.compile(r"\b(?:should|recommends?|urges?|calls?\s+(?:up)?on)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def is_concern(text: str) -> bool:
    """Whether ``text`` is a treaty body's concern paragraph ("The Committee is concerned …"), no ask."""
    return _CONCERN.match(text) is not None and _ASKS.search(text) is None


def concern_partners(items: Mapping[str, str]) -> dict[str, str]:
    """Concern paragraph id → id of the recommendation paragraph right after it, among ``items``.

    Concluding observations put the Committee's concern in paragraph N and what the State party
    should do about it in N + 1 under the same heading. Ids are read as paragraph numbers by their
    trailing digits ("49" → "50", "CCPR-KAZ-2016-9" → "CCPR-KAZ-2016-10"); a pair is kept when N is a
    concern (:func:`is_concern`) and N + 1 asks for something.

    >>> concern_partners({"9": "The Committee is concerned that the law does not define discrimination.",
    ...                   "10": "The State party should define discrimination.", "11": "Other."})
    {'9': '10'}
    """
    numbered: dict[tuple[str, int], str] = {}
    for item in items:
        match = _NUMBERED.match(item)
        if match:
            numbered.setdefault((match[1], int(match[2])), item)
    partners: dict[str, str] = {}
    for (prefix, number), item in numbered.items():
        after = numbered.get((prefix, number + 1))
        if (
            after is not None
            and is_concern(items[item])
            and _ASKS.search(items[after])
            and not is_concern(items[after])
        ):
            partners[item] = after
    return partners


def _analyse(text: str) -> list[str]:
    words = terms(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def lexical_similarity(texts_a: Sequence[str], texts_b: Sequence[str]) -> NDArray[np.float32]:
    """TF-IDF cosine (stemmed words and word pairs, IDF over both sides), shape ``(len(a), len(b))``."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(analyzer=_analyse, sublinear_tf=True)
    matrix = vectoriser.fit_transform(list(texts_a) + list(texts_b))
    return np.asarray((matrix[: len(texts_a)] @ matrix[len(texts_a) :].T).toarray(), dtype=np.float32)


def semantic_similarity(
    texts_a: Sequence[str], texts_b: Sequence[str], embedder: Embedder
) -> NDArray[np.float32]:
    """Cosine of the texts' embeddings, shape ``(len(a), len(b))``."""
    import numpy as np

    return np.asarray(embedder.embed(texts_a) @ embedder.embed(texts_b).T, dtype=np.float32)


class SubjectEmbedder:
    """A text's subject as a unit vector: its UPR Info issue probabilities under ``classifier``."""

    name = "upr-info-issues"

    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier
        self.dim = len(classifier.model.heads["issues"].labels)

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        return normalise_rows(self.classifier.probabilities(texts, "issues"))


def subject_embedder() -> SubjectEmbedder | None:
    """:class:`SubjectEmbedder` over the shipped classifier; ``None`` without a model or an issues head."""
    from .classify import default_classifier

    try:
        classifier = default_classifier()
    except FileNotFoundError:
        return None
    return SubjectEmbedder(classifier) if "issues" in classifier.heads else None


def topic_similarity(
    texts_a: Sequence[str], texts_b: Sequence[str], subjects: Embedder | None = None
) -> NDArray[np.float32] | None:
    """Cosine of the texts' subjects (``subjects``, by default :func:`subject_embedder`); ``None``
    without a model."""
    subjects = subjects or subject_embedder()
    return None if subjects is None else semantic_similarity(texts_a, texts_b, subjects)


def similarity(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    embedder: Embedder | None,
    weight: float = SEMANTIC_WEIGHT,
    topic_weight: float = 0.0,
    subjects: Embedder | None = None,
) -> NDArray[np.float32]:
    """The combined score of :func:`link` for every pair: lexical only when ``embedder`` is None; with
    ``topic_weight`` times :func:`topic_similarity` added when that is not 0, the sum divided by
    ``1 + topic_weight`` so that identical texts still score 1 (``subjects``: as in
    :func:`topic_similarity`)."""
    import numpy as np

    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)), dtype=np.float32)
    scores = lexical_similarity(texts_a, texts_b)
    if embedder is not None:
        scores = weight * semantic_similarity(texts_a, texts_b, embedder) + (1 - weight) * scores
    topics = topic_similarity(texts_a, texts_b, subjects) if topic_weight else None
    if topics is not None:
        return np.asarray((scores + topic_weight * topics) / (1 + topic_weight), dtype=np.float32)
    return np.asarray(scores, dtype=np.float32)


def _lift(
    scores: NDArray[np.float32], ids: Sequence[str], partners: Mapping[str, str]
) -> NDArray[np.float32]:
    """Columns of ``scores`` (one per id): a recommendation paragraph takes its concern's score if higher."""
    import numpy as np

    position = {item: k for k, item in enumerate(ids)}
    lifted = scores.copy()
    for concern, recommendation in partners.items():
        if concern in position and recommendation in position:
            column = position[recommendation]
            lifted[:, column] = np.maximum(lifted[:, column], scores[:, position[concern]])
    return lifted


def link(
    candidates_a: Mapping[str, str],
    candidates_b: Mapping[str, str],
    embedder: Embedder | None,
    k: int = 3,
    min_score: float = 0.0,
    weight: float = SEMANTIC_WEIGHT,
    concerns: Mapping[str, str] | None = None,
    topic_weight: float = TOPIC_WEIGHT,
    subjects: Embedder | None = None,
    min_first: float | None = None,
) -> list[tuple[str, str, float]]:
    """For each item of ``a`` (id → text), its ``k`` best items of ``b``: ``(id_a, id_b, score)``.

    Results are grouped by ``a`` in its order, best first within each; scores lie in [-1, 1]
    (``topic_weight=0``: words and embeddings only; ``subjects``: the subject vectors, by default
    :func:`subject_embedder`).
    ``concerns`` maps a treaty body's concern paragraph id to its recommendation paragraph id (on
    either side); by default :func:`concern_partners` finds them on each side; ``{}`` turns it off.
    A recommendation paragraph scores the higher of its own score and its concern's; on equal
    scores it comes before the concern. ``min_first``: the score the best counterpart of each item
    needs, when lower than ``min_score`` (the others still need ``min_score``).
    """
    import numpy as np

    ids_a, ids_b = list(candidates_a), list(candidates_b)
    scores = similarity(
        [candidates_a[i] for i in ids_a],
        [candidates_b[i] for i in ids_b],
        embedder,
        weight,
        topic_weight,
        subjects,
    )
    partners_a = concern_partners(candidates_a) if concerns is None else dict(concerns)
    partners_b = concern_partners(candidates_b) if concerns is None else dict(concerns)
    scores = _lift(scores, ids_b, partners_b)
    scores = _lift(scores.T, ids_a, partners_a).T
    second = np.array([item in partners_b for item in ids_b], dtype=np.int8)  # concerns after, on ties
    links: list[tuple[str, str, float]] = []
    for row, item in enumerate(ids_a):
        order = np.lexsort((second, -scores[row]))[:k]
        floors = [
            min_score if min_first is None or rank else min(min_first, min_score)
            for rank in range(len(order))
        ]
        kept = [j for j, floor in zip(order, floors, strict=True) if scores[row, j] >= floor]
        links += [(item, ids_b[j], round(float(scores[row, j]), 4)) for j in kept]
    return links


@dataclass(frozen=True)
class CycleItem:
    """A recommendation in a cycle, with the level it reached (``None``: unknown)."""

    id: str
    text: str
    cycle: int
    level: str | None = None


@dataclass(frozen=True)
class RecurringGroup:
    """Recommendations asking the same thing in several cycles, oldest first."""

    items: tuple[CycleItem, ...]
    score: float  # the weakest link that holds the group together

    @property
    def cycles(self) -> tuple[int, ...]:
        return tuple(sorted({item.cycle for item in self.items}))

    @property
    def levels(self) -> dict[int, list[str | None]]:
        return {cycle: [item.level for item in self.items if item.cycle == cycle] for cycle in self.cycles}


def recurring(
    items: Sequence[CycleItem],
    embedder: Embedder | None,
    threshold: float = 0.75,
    weight: float = RECURRING_WEIGHT,
) -> list[RecurringGroup]:
    """Groups of items linked (score ≥ ``threshold``) that span at least two cycles, most cycles first."""
    import numpy as np

    texts = [item.text for item in items]
    scores = similarity(texts, texts, embedder, weight)
    parent = list(range(len(items)))
    weakest: dict[int, float] = {}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    rows, cols = np.nonzero(np.triu(scores >= threshold, k=1))
    pairs = [(float(scores[i, j]), int(i), int(j)) for i, j in zip(rows, cols, strict=True)]
    for score, i, j in sorted(pairs, reverse=True):
        a, b = root(i), root(j)
        if a != b:
            parent[b] = a
            weakest[a] = min(score, weakest.get(a, 1.0), weakest.get(b, 1.0))
    members: dict[int, list[int]] = {}
    for k in range(len(items)):
        members.setdefault(root(k), []).append(k)
    groups: list[RecurringGroup] = []
    for head, ks in members.items():
        group = tuple(sorted((items[k] for k in ks), key=lambda item: (item.cycle, item.id)))
        if len({item.cycle for item in group}) >= 2:
            groups.append(RecurringGroup(group, round(weakest.get(head, 1.0), 4)))
    groups.sort(key=lambda group: (-len(group.cycles), -len(group.items), group.items[0].id))
    return groups
