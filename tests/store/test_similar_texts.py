"""The similar-text match scores only texts of close length, and must give what extractOne over all gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from rightstrack.documents.store.recommendations import FUZZY_CUTOFF, Texts

WORDS = ["ratify", "the", "convention", "torture", "women", "rights", "ensure", "law", "a", "child"]
text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)


def _extract_one(query: str, texts: list[str], free: list[bool]) -> tuple[float, int] | None:
    """The matcher's reference: extractOne over the free texts, in the order they were added."""
    candidates = [i for i, ok in enumerate(free) if ok]
    best = process.extractOne(
        query, [texts[i] for i in candidates], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
    )
    return None if best is None else (best[1], candidates[best[2]])


def _by_length(query: str, texts: list[str], free: list[bool]) -> tuple[float, int] | None:
    """What ``Index.match`` does with :class:`Texts`."""
    index = Texts()
    for norm in texts:
        index.add(norm)
    best: tuple[float, int] | None = None
    for score, position in index.similar(query):
        if best is not None and (score < best[0] or (score == best[0] and position > best[1])):
            continue
        if free[position]:
            best = (score, position)
    return best


@settings(max_examples=400, deadline=None)
@given(
    query=text,
    texts=st.lists(text, max_size=30),
    seed=st.lists(st.booleans(), min_size=30, max_size=30),
)
def test_the_length_window_finds_what_extract_one_finds(
    query: str, texts: list[str], seed: list[bool]
) -> None:
    free = seed[: len(texts)]
    assert _by_length(query, texts, free) == _extract_one(query, texts, free)


def test_texts_at_the_edge_of_the_length_bound_are_found() -> None:
    # A prefix is as similar as its length allows (ratio = 2·short / (short + long)): the tightest case.
    base = "ratify the optional protocol to the convention against torture " * 4
    texts = [base[:n] for n in range(1, len(base))]
    for size in (10, 57, 100, 163, len(base) - 1):
        query = base[:size]
        for shorter, longer in ((0.8, 1.25), (0.82, 1.22), (0.85, 1.2), (0.9, 1.1), (0.95, 1.05)):
            free = [not (size * shorter < n < size * longer) for n in range(1, len(base))]
            assert _by_length(query, texts, free) == _extract_one(query, texts, free)
