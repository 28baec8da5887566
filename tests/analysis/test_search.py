"""Vector index, keyword and hybrid search, and the cross-lingual query."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from rightstrack.analysis.embed import Embedder, HashingEmbedder, normalise_rows
from rightstrack.analysis.search import KeywordIndex, SearchIndex, rrf
from rightstrack.analysis.vectors import VectorIndex

TEXTS = {
    "dp": "Abolish the death penalty and ratify the Second Optional Protocol to the ICCPR",
    "crpd": "Ratify the Convention on the Rights of Persons with Disabilities",
    "torture": "Investigate all allegations of torture and ill-treatment in places of detention",
    "press": "Decriminalise defamation and guarantee the freedom of the press",
    "women": "Adopt a law on domestic violence and protect women victims",
}


def test_vector_index_returns_the_exact_top_k_by_cosine() -> None:
    rng = np.random.default_rng(1)
    vectors = normalise_rows(rng.standard_normal((500, 32)))
    index = VectorIndex(32)
    index.add([f"v{k}" for k in range(500)], vectors)
    query = rng.standard_normal(32).astype(np.float32)
    expected = np.argsort(-(vectors @ (query / np.linalg.norm(query))))[:7]
    hits = index.search(query, k=7)
    assert [item for item, _ in hits] == [f"v{k}" for k in expected]
    assert all(a[1] >= b[1] for a, b in pairwise(hits))


def test_vector_index_adds_replaces_removes_and_round_trips(tmp_path: Path) -> None:
    index = VectorIndex(2)
    index.add(["a", "b"], np.array([[1, 0], [0, 1]], dtype=np.float32))
    index.add(["a"], np.array([[0, 3]], dtype=np.float32))  # replaces a, normalised
    assert len(index) == 2 and np.allclose(index.vector("a"), [0, 1])
    assert index.remove(["b", "unknown"]) == 1 and "b" not in index
    index.add(["c"], np.array([[1, 1]], dtype=np.float32))
    path = index.save(tmp_path / "vectors")
    assert path.suffix == ".npy" and path.exists()
    loaded = VectorIndex.load(tmp_path / "vectors")
    assert loaded.ids == ["a", "c"]
    assert loaded.search(np.array([1, 0.2], dtype=np.float32), k=1)[0][0] == "c"
    assert [item for item, _ in loaded.search(np.array([0, 1], dtype=np.float32), k=5, exclude=["a"])] == [
        "c"
    ]


def test_bm25_ranks_the_texts_sharing_the_query_terms() -> None:
    index = KeywordIndex()
    index.add(TEXTS)
    assert index.search("death penalty", k=3)[0][0] == "dp"
    assert index.search("ratifying conventions", k=3)[0][0] == "crpd"
    assert index.search("zzzz") == []
    index.remove(["dp"])
    assert all(item != "dp" for item, _ in index.search("death penalty"))


def test_reciprocal_rank_fusion_favours_items_ranked_well_on_both_sides() -> None:
    fused = rrf([["a", "b", "c"], ["c", "b", "a"], ["b"]])
    assert fused[0][0] == "b"


def test_hybrid_search_with_the_fallback_embedder(tmp_path: Path) -> None:
    embedder = HashingEmbedder()
    assert isinstance(embedder, Embedder)
    index = SearchIndex(embedder)
    index.add(TEXTS)
    hits = index.search("domestic violence against women", k=3)
    assert hits[0].id == "women" and hits[0].keyword_rank == 1
    index.save(tmp_path / "search")
    again = SearchIndex.load(tmp_path / "search", embedder)
    assert again.search("freedom of the press", k=1, mode="semantic")[0].id == "press"
    with pytest.raises(ValueError, match="mode"):
        again.search("x", mode="fuzzy")


def test_a_russian_query_finds_the_english_recommendation(use_embedder: Embedder) -> None:
    index = SearchIndex(use_embedder)
    index.add(TEXTS)
    assert index.search("отменить смертную казнь", k=1, mode="semantic")[0].id == "dp"
    assert index.search("отменить смертную казнь", k=1, mode="hybrid")[0].id == "dp"
    assert index.search("abolir la peine de mort", k=1, mode="semantic")[0].id == "dp"


def test_the_embedders_return_unit_float32_rows(use_embedder: Embedder) -> None:
    for embedder in (use_embedder, HashingEmbedder(64)):
        vectors = embedder.embed(["Ratify the CRPD", ""])
        assert vectors.dtype == np.float32 and vectors.shape == (2, embedder.dim)
        assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-5)


def test_a_vector_search_can_be_restricted_to_a_filtered_set_of_numeric_ids() -> None:
    import numpy as np

    from rightstrack.analysis.vectors import VectorIndex

    index = VectorIndex(2)
    index.add(["1", "2", "3"], np.array([[1, 0], [0.9, 0.1], [0, 1]], dtype=np.float32))
    query = np.array([1, 0], dtype=np.float32)
    assert [hit for hit, _ in index.search(query, k=3)] == ["1", "2", "3"]
    assert [hit for hit, _ in index.search(query, k=3, only=np.array([2, 3]))] == ["2", "3"]
    assert [hit for hit, _ in index.search(query, k=3, only=["3"])] == ["3"]
    index.remove(["2"])
    assert [hit for hit, _ in index.search(query, k=3, only=np.array([2, 3]))] == ["3"]


def test_a_large_index_finds_the_same_nearest_vectors_in_two_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from rightstrack.analysis import vectors
    from rightstrack.analysis.vectors import VectorIndex

    monkeypatch.setattr(vectors, "COARSE_FROM", 5_000)  # the two passes from 5,000 vectors, for speed
    rng = np.random.default_rng(1)
    topics = rng.standard_normal((40, 512)).astype(np.float32)  # texts cluster around subjects
    data = topics[rng.integers(0, 40, 8_000)]
    data += 0.35 * rng.standard_normal(data.shape).astype(np.float32)
    index = VectorIndex(512)
    index.add([str(k) for k in range(len(data))], data)
    queries = data[:20] + 0.1 * rng.standard_normal((20, 512)).astype(np.float32)
    two_pass = [index.search(query, k=10) for query in queries]
    assert index._projection is not None  # the first pass was used
    monkeypatch.setattr(vectors, "COARSE_FROM", 10**9)
    brute = [index.search(query, k=10) for query in queries]
    assert [[hit for hit, _ in hits] for hits in two_pass] == [[hit for hit, _ in hits] for hits in brute]
    monkeypatch.setattr(vectors, "COARSE_FROM", 5_000)
    restricted = index.search(queries[0], k=5, only=np.arange(0, len(data), 2))
    assert restricted and all(int(hit) % 2 == 0 for hit, _ in restricted)
