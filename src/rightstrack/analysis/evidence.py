"""Ranking evidence paragraphs for recommendations, each link with a score and a reason a person can check.

For each recommendation, every paragraph of the State's evidence documents is scored by

    ½ · BM25(recommendation → paragraph) / best BM25 of that recommendation in the same document
    + ½ (cosine of the embeddings + best cosine of one of the paragraph's sentences)
    + ½ · cosine of their UPR Info issue probabilities under the shipped classifier (their subjects)
    + 0.3 · (cosine of the embeddings + cosine of the subjects) of the recommendation and the
      paragraph's nearest heading ("Right to an adequate standard of living")
    + 0.3 if the document itself cites the recommendation (a national report's note "60.182" or its
      heading "Recommendations (138.71-77)")

plus 0.6 times the mean of that sum for the 5 recommendations nearest by embedding (alike
recommendations share their evidence),

and the ranking takes each document's best paragraph in turn (documents ordered by their best
score), then each one's second best, and so on: what the State, the UN and civil society say about a
recommendation each reach the top. Measured with ``python -m bench.evidence`` on Denmark's and
Namibia's 4th-cycle documents against another project's cited paragraphs (README, performance): BM25
alone, TF-IDF alone, the embeddings alone (of whole paragraphs or their best sentence), the subjects
alone, the cited references alone, sums of them with other weights, with and without the turn-taking
were tried; this one ranked the cited paragraphs best of those, still short of the issue's 0.60 (the
figures: README, performance; the heading adds about 0.01 to recall@5, 0.03 to recall@10). The reason
names the citation, the alike recommendations that point to the same paragraph, the instruments or
institutions both texts name, and the shared words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .search import stem, terms

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from .embed import Embedder

TOP = 10
LEXICAL_WEIGHT = 0.5
SUBJECT_WEIGHT = 0.5
HEADING_WEIGHT = 0.3
#: Each recommendation also takes ALIKE_WEIGHT times the mean score of its ALIKE nearest
#: recommendations (by embedding): alike recommendations share evidence (recall@5 +0.02 on both States).
ALIKE = 5
ALIKE_WEIGHT = 0.6
CITED_WEIGHT = 0.3
#: A passage an editor confirmed for another recommendation at a cosine of at least
#: CONFIRMED_SIMILARITY (by embedding) from this one gets CONFIRMED_WEIGHT times that cosine: the
#: confirmations of a few recommendations lift their quotes for the alike ones (``bench.evidence``
#: measures it: an editor's confirmations on every tenth recommendation, recall@5 on the others).
CONFIRMED_SIMILARITY = 0.5
CONFIRMED_WEIGHT = 1.0
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(])")
_KEYWORDS = frozenset(
    [
        "Convention",
        "Covenant",
        "Protocol",
        "Act",
        "Code",
        "Law",
        "Committee",
        "Institute",
        "Ombudsman",
        "Ombud",
        "Commission",
        "Council",
        "Rapporteur",
        "Strategy",
        "Plan",
        "Authority",
        "Court",
        "Ministry",
        "Agency",
        "Programme",
        "Policy",
        "Board",
    ]
)
_CONNECTORS = frozenset(["of", "on", "the", "for", "against", "to", "from", "all", "in"])
_TOKENS = re.compile(r"[A-Za-zÀ-ÿ'’-]+|[^\sA-Za-zÀ-ÿ'’-]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]{2,}")


@dataclass(frozen=True)
class Recommendation:
    key: int
    ref: str  # its paragraph in the review's report, e.g. "60.182"
    text: str


@dataclass(frozen=True)
class Passage:
    key: int
    text: str
    cited: tuple[str, ...] = ()
    document: int = 0  # paragraphs of one document take their turn together
    heading: str = ""  # the nearest heading above it


@dataclass
class Link:
    recommendation: int
    passage: int
    score: float
    reasons: list[str] = field(default_factory=list)

    def reason(self) -> str:
        return "; ".join(self.reasons)


def bm25(
    queries: Sequence[str], documents: Sequence[str], k1: float = 1.5, b: float = 0.75
) -> NDArray[np.float64]:
    """Okapi BM25 of every query against every document (stemmed words), shape ``(queries, documents)``."""
    import numpy as np

    tokens = [terms(text) for text in documents]
    count = len(tokens)
    average = sum(map(len, tokens)) / count if count else 0.0
    frequency: dict[str, int] = {}
    for words in tokens:
        for word in set(words):
            frequency[word] = frequency.get(word, 0) + 1
    counts: list[dict[str, int]] = []
    for words in tokens:
        counted: dict[str, int] = {}
        for word in words:
            counted[word] = counted.get(word, 0) + 1
        counts.append(counted)
    scores = np.zeros((len(queries), count))
    for row, query in enumerate(queries):
        for word in set(terms(query)):
            if word not in frequency:
                continue
            idf = math.log(1 + (count - frequency[word] + 0.5) / (frequency[word] + 0.5))
            for column, counted in enumerate(counts):
                tf = counted.get(word, 0)
                if tf:
                    norm = 1 - b + b * len(tokens[column]) / average
                    scores[row, column] += idf * tf * (k1 + 1) / (tf + k1 * norm)
    return scores


def named(text: str) -> set[str]:
    """Instruments, laws, institutions and acronyms ``text`` names ("Convention against Torture", "DIHR").

    >>> sorted(named("Ratify the Convention against Torture and its Optional Protocol (OPCAT), amend a Code"))
    ['Convention against Torture', 'OPCAT', 'Optional Protocol']
    >>> sorted(named("Amend the Act on the Danish Institute for Human Rights"))
    ['Act on the Danish Institute for Human Rights']
    """
    found = {token for token in _TOKENS.findall(text) if _ACRONYM.fullmatch(token)}
    span: list[str] = []
    for token in [*_TOKENS.findall(text), "."]:
        if token[:1].isupper() or (span and token in _CONNECTORS):
            span.append(token)
            continue
        found |= _name_in(span)
        span = []
    return found


def _name_in(span: list[str]) -> set[str]:
    """The name in a run of capitalised words and connectors, if one of them is an institution's."""
    start = 0
    while start < len(span) and (
        span[start].lower() in _CONNECTORS
        or not (span[start] in _KEYWORDS or (start + 1 < len(span) and span[start + 1][:1].isupper()))
    ):
        start += 1
    words = span[start:]
    while words and words[-1] in _CONNECTORS:
        words.pop()
    capitalised = [word for word in words if word[:1].isupper()]
    if len(capitalised) >= 2 and any(word in _KEYWORDS for word in words):
        return {" ".join(words)}
    return set()


def _normalised(scores: NDArray[np.float64], documents: Sequence[int]) -> NDArray[np.float64]:
    """Each row divided by its best score within each document."""
    import numpy as np

    result = np.array(scores, dtype=np.float64)
    for document in set(documents):
        columns = [index for index, owner in enumerate(documents) if owner == document]
        best = result[:, columns].max(axis=1, keepdims=True)
        result[:, columns] = result[:, columns] / np.where(best > 0, best, 1.0)
    return result


def turns(scores: Sequence[float], documents: Sequence[int]) -> list[int]:
    """Column indices in order: each document's best in turn, then each one's second best, and so on.

    >>> turns([0.9, 0.8, 0.1, 0.5], [1, 1, 2, 2])
    [0, 3, 1, 2]
    """
    by_document: dict[int, list[int]] = {}
    for index in sorted(range(len(scores)), key=lambda index: -scores[index]):
        by_document.setdefault(documents[index], []).append(index)
    order = sorted(by_document.values(), key=lambda columns: -scores[columns[0]])
    ranked: list[int] = []
    for depth in range(max((len(columns) for columns in order), default=0)):
        ranked.extend(columns[depth] for columns in order if depth < len(columns))
    return ranked


def semantic(queries: Sequence[str], passages: Sequence[str], embedder: Embedder) -> NDArray[np.float64]:
    """Half the cosine with the whole passage plus half the best cosine with one of its sentences."""
    import numpy as np

    wanted = embedder.embed(list(queries))
    whole = wanted @ embedder.embed(list(passages)).T
    sentences: list[str] = []
    owners: list[int] = []
    for index, text in enumerate(passages):
        for sentence in _SENTENCE.split(text):
            if len(sentence) > 20:
                sentences.append(sentence)
                owners.append(index)
    best = np.array(whole, dtype=np.float64)
    if sentences:
        by_sentence = wanted @ embedder.embed(sentences).T
        for column, owner in enumerate(owners):
            best[:, owner] = np.maximum(best[:, owner], by_sentence[:, column])
    return np.asarray((whole + best) / 2, dtype=np.float64)


def _words(text: str, stems: set[str]) -> list[str]:
    """The words of ``text`` (as written, once each, in order) whose stems are among ``stems``."""
    found: dict[str, str] = {}
    for word in re.findall(r"\w+", text.casefold()):
        root = stem(word)
        if root in stems and root not in found:
            found[root] = word
    return list(found.values())


def _by_heading(queries: Sequence[str], headings: Sequence[str], model: Embedder) -> NDArray[np.float64]:
    """:data:`HEADING_WEIGHT` times the cosine of each query with each passage's heading (0 without one)."""
    import numpy as np

    scores = np.zeros((len(queries), len(headings)))
    titled = [index for index, heading in enumerate(headings) if heading]
    if titled:
        similar = model.embed(list(queries)) @ model.embed([headings[index] for index in titled]).T
        scores[:, titled] = HEADING_WEIGHT * similar
    return scores


def _neighbours(similar: NDArray[np.float64]) -> list[list[int]]:
    """Each query's :data:`ALIKE` nearest other queries (``similar``: their cosines, self excluded)."""
    import numpy as np

    return [[int(i) for i in np.argsort(-row, kind="stable")[:ALIKE]] for row in similar]


def _confirmed_nearby(
    similar: NDArray[np.float64], confirmed: Sequence[Sequence[int]], passages: int
) -> tuple[NDArray[np.float64], list[dict[int, int]]]:
    """For each query and passage, the highest cosine (at least :data:`CONFIRMED_SIMILARITY`) of another
    query an editor confirmed that passage for; and which query that was, per passage."""
    import numpy as np

    lifted = np.zeros((len(confirmed), passages))
    by: list[dict[int, int]] = [{} for _ in confirmed]
    sources = [(other, list(columns)) for other, columns in enumerate(confirmed) if columns]
    for row in range(len(confirmed)):
        for other, columns in sources:
            cosine = float(similar[row, other])
            if other == row or cosine < CONFIRMED_SIMILARITY:
                continue
            for column in columns:
                if cosine > lifted[row, column]:
                    lifted[row, column] = cosine
                    by[row][column] = other
    return lifted, by


@dataclass
class Scored:
    """Every recommendation's score of every passage, before and after its alike recommendations'
    scores are added, with whether the document cites it there, who its alike ones are, and which
    alike recommendation an editor confirmed a passage for."""

    scores: NDArray[np.float64]
    unsmoothed: NDArray[np.float64]
    cited: NDArray[np.float64]
    alike: list[list[int]]
    confirmed_for: list[dict[int, int]]


def score(
    recommendations: Sequence[Recommendation],
    passages: Sequence[Passage],
    embedder: Embedder | None = None,
    subjects: Embedder | None = None,
    alike: Sequence[Sequence[int]] | None = None,
    confirmed: Sequence[Sequence[int]] | None = None,
) -> Scored:
    """The scores :func:`rank` orders by. ``alike`` gives each recommendation its alike ones (indices)
    instead of its :data:`ALIKE` nearest by embedding (the benchmark's ceiling uses the reference's
    own groups); ``confirmed`` the passages (indices) an editor confirmed for each, which lift the
    same passages for the recommendations alike to it."""
    import numpy as np

    queries = [rec.text for rec in recommendations]
    texts = [passage.text for passage in passages]
    documents = [passage.document for passage in passages]
    scores = LEXICAL_WEIGHT * _normalised(bm25(queries, texts), documents)
    headings = [passage.heading for passage in passages]
    similar: NDArray[np.float64] | None = None
    if embedder is not None:
        scores += semantic(queries, texts, embedder) + _by_heading(queries, headings, embedder)
        vectors = embedder.embed(list(queries))
        similar = np.asarray(vectors @ vectors.T, dtype=np.float64)
        np.fill_diagonal(similar, -np.inf)
    if subjects is not None:
        scores += SUBJECT_WEIGHT * (subjects.embed(queries) @ subjects.embed(texts).T)
        scores += _by_heading(queries, headings, subjects)
    cited = np.array(
        [[rec.ref in passage.cited for passage in passages] for rec in recommendations], dtype=float
    )
    scores += CITED_WEIGHT * cited
    groups: list[list[int]] = [[] for _ in recommendations]
    if alike is not None:
        groups = [[int(i) for i in row] for row in alike]
    elif similar is not None and len(recommendations) > ALIKE:
        groups = _neighbours(similar)
    smoothed = scores
    if any(groups):
        mean = np.array([scores[row].mean(axis=0) if row else np.zeros(len(passages)) for row in groups])
        smoothed = scores + ALIKE_WEIGHT * mean
    confirmed_for: list[dict[int, int]] = [{} for _ in recommendations]
    if confirmed is not None and similar is not None and any(confirmed):
        lifted, confirmed_for = _confirmed_nearby(similar, confirmed, len(passages))
        smoothed = smoothed + CONFIRMED_WEIGHT * lifted
    return Scored(smoothed, scores, cited, groups, confirmed_for)


def rank(
    recommendations: Sequence[Recommendation],
    passages: Sequence[Passage],
    embedder: Embedder | None = None,
    subjects: Embedder | None = None,
    top: int = TOP,
    alike: Sequence[Sequence[int]] | None = None,
    confirmed: Sequence[Sequence[int]] | None = None,
) -> list[Link]:
    """The ``top`` passages of every recommendation, best first, each with its score and reasons."""
    if not recommendations or not passages:
        return []
    scored = score(recommendations, passages, embedder, subjects, alike, confirmed)
    texts = [passage.text for passage in passages]
    documents = [passage.document for passage in passages]
    names = [named(text) for text in texts]
    tops = [set(turns(list(base), documents)[:top]) for base in scored.unsmoothed]
    links: list[Link] = []
    for row, rec in enumerate(recommendations):
        wanted = set(terms(rec.text))
        rec_names = named(rec.text)
        for column in turns(list(scored.scores[row]), documents)[:top]:
            passage = passages[column]
            reasons: list[str] = []
            if scored.cited[row, column]:
                reasons.append(f"the document cites recommendation {rec.ref} here")
            if column in scored.confirmed_for[row]:
                other = recommendations[scored.confirmed_for[row][column]].ref
                reasons.append(f"an editor confirmed it for the alike recommendation {other}")
            also = [recommendations[other].ref for other in scored.alike[row] if column in tops[other]]
            if also:
                reasons.append("alike recommendations point here too: " + ", ".join(also))
            shared_names = sorted(rec_names & names[column])
            if shared_names:
                reasons.append("both name " + ", ".join(shared_names[:4]))
            shared = _words(passage.text, wanted)
            if shared:
                reasons.append("shared words: " + ", ".join(shared[:8]))
            links.append(Link(rec.key, passage.key, round(float(scored.scores[row, column]), 4), reasons))
    return links
