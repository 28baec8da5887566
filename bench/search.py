"""Search relevance: keyword, meaning, hybrid and a BM25 baseline on the same judged queries.

    python -m bench.search [DIR]      # DIR: the layout of ../shared/data (default); reads
                                      # upr-info/recommendations_train.csv and taxonomies/

A fresh database imports UPR Info's 32,837 labelled rows (``upr-info-export``), every recommendation is
embedded as ``rightstrack analyse`` embeds it, and each query of ``bench/judgements/search_queries.json``
(issue-named queries in English, Russian, French and Spanish, and hand-written ones) is ranked four
ways, over the whole register as a visitor's search is: the site's keyword search
(``assist.search.keyword_ranking``: the full-text index), its search by meaning (``semantic_ranking``),
its hybrid (``ranked(mode="hybrid")``) and, as the baseline, Okapi BM25 over the same texts
(``analysis.search.KeywordIndex``, any word may match). A recommendation is relevant when UPR Info
tagged it with one of the query's issues. It prints P@10 and nDCG@10 (binary gains) per ranking, per
language and for the hand-written queries, and the median length in words of the top 10 beside the
median of all recommendations (a ranking that favours short texts shows it there).
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.fresh import DATA, configure, migrate_with_vocabularies

QUERIES = Path(__file__).resolve().parent / "judgements" / "search_queries.json"
K = 10


def precision(ranking: Sequence[int], relevant: set[int]) -> float:
    return sum(1 for pk in ranking[:K] if pk in relevant) / K


def ndcg(ranking: Sequence[int], relevant: set[int]) -> float:
    gains = sum(1 / math.log2(rank + 2) for rank, pk in enumerate(ranking[:K]) if pk in relevant)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(K, len(relevant))))
    return gains / ideal if ideal else 0.0


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DATA
    rows = folder / "upr-info" / "recommendations_train.csv"
    if not rows.exists():
        print(f"{rows} is absent: nothing to measure", file=sys.stderr)
        return 1
    configure()
    migrate_with_vocabularies()
    from rightstrack.analysis.search import KeywordIndex
    from rightstrack.assist.embeddings import embed
    from rightstrack.assist.search import keyword_ranking, ranked, semantic_ranking
    from rightstrack.documents.importing import import_files
    from rightstrack.recommendations.models import Recommendation, RecommendationTerm
    from rightstrack.web.listing import Filters

    started = time.perf_counter()
    import_files([rows])
    texts = dict(Recommendation.objects.values_list("id", "text"))
    print(f"imported {len(texts):,} recommendations in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    embed(list(texts))
    print(f"embedded them in {time.perf_counter() - started:.0f} s")
    tagged: dict[str, set[int]] = defaultdict(set)
    for pk, label in RecommendationTerm.objects.values_list("recommendation_id", "term__label"):
        tagged[label.casefold()].add(pk)
    bm25 = KeywordIndex()
    bm25.add({str(pk): text for pk, text in texts.items()})
    words_of = {pk: len(text.split()) for pk, text in texts.items()}

    def words(query: str) -> list[str]:
        return Filters(q=query).words()

    rankings: dict[str, Callable[[str], list[int]]] = {
        "keyword": lambda q: keyword_ranking(words(q)),
        "meaning": lambda q: semantic_ranking(q),
        "hybrid": lambda q: ranked(q, words(q), "hybrid"),
        "BM25": lambda q: [int(pk) for pk, _ in bm25.search(q, k=K)],
    }
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    scores: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    lengths: dict[str, list[int]] = defaultdict(list)
    for query in queries:
        relevant = set().union(*(tagged.get(issue.casefold(), set()) for issue in query["issues"]))
        if not relevant:
            print(f"  no recommendation carries {query['issues']}: query {query['query']!r} left out")
            continue
        for name, rank in rankings.items():
            found = rank(query["query"])
            measured = (precision(found, relevant), ndcg(found, relevant))
            for group in ("all", query["language"], query["from"]):
                scores[(name, group)].append(measured)
            lengths[name] += [words_of[pk] for pk in found[:K]]
    groups = ["all", "en", "ru", "fr", "es", "issue", "hand"]
    print(f"\n{len(queries)} queries; P@{K} / nDCG@{K} (binary gains: tagged with one of the query's issues)")
    print(f"{'ranking':10}" + "".join(f"{g:>16}" for g in groups) + f"{'median words':>14}")
    for name in rankings:
        cells = []
        for group in groups:
            values = scores[(name, group)]
            p = statistics.fmean(v[0] for v in values) if values else 0.0
            n = statistics.fmean(v[1] for v in values) if values else 0.0
            cells.append(f"{p:.3f} / {n:.3f}")
        median = statistics.median(lengths[name]) if lengths[name] else 0
        print(f"{name:10}" + "".join(f"{c:>16}" for c in cells) + f"{median:>14}")
    print(f"{'(all)':10}" + " " * 16 * len(groups) + f"{statistics.median(words_of.values()):>14}")
    counts = {g: len(scores[("BM25", g)]) for g in groups}
    print("queries per column: " + ", ".join(f"{g} {n}" for g, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
