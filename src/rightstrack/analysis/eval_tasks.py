"""Evaluation of claim extraction, linking and speed (see :mod:`.evaluation` for the report).

- Claims: seed 000 (UPR Info's MIA of Kazakhstan 2010), every assessment's level extracted from its
  text only (the parser's levels, derived from the published IRI, are not used); the IRI from those
  claims against the published level of the 118 graded recommendations. The rules were written
  while reading this document: the figure is in-sample, not a held-out estimate.
- Linking UPR ↔ CCPR: the fact sheets of seed 001 pair 60 UPR rows (2nd cycle) with the Human
  Rights Committee's paragraphs (2016); a UPR row is found when a paired paragraph is in its top 3
  of the 10; also the share of the 103 pairs in the top 3 (every row has at most 2 paragraphs, so
  all are reachable) and the mean average precision over the whole ranking (less jumpy than a cut
  at 3). The other way, each of the 10 paragraphs against the 60 rows: paragraphs with a paired row
  in their top 3, and the share of those top-3 rows that are paired. The sheets pair every UPR row
  of an article with every Committee paragraph of it, so some pairs are loose. Baseline: the
  lexical score alone, without the concern paragraphs' lift or the issues' subject score.
- Linking 2010 ↔ 2014 (Kazakhstan): no human pairs exist, so the gold is defined from the data: a
  2014 recommendation pairs with the 2010 ones that share a UPR Info issue and whose normalised
  text has a character similarity (rapidfuzz ratio) ≥ 70. This favours lexical matching: a check
  that obvious repeats are found, not an independent measure. Both ways.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from .embed import Embedder
from .eval_classify import Figure
from .link import TOPIC_WEIGHT, link

MIA = Path("examples") / "kazakhstan" / "upr-info-mia-2012.txt"
FACT_SHEETS = Path("examples") / "kazakhstan" / "ccpr-centre-fact-sheets-2019.txt"
ISSUES = Path("taxonomies") / "upr_info_issues_2008-2014.txt"
KAZAKHSTAN = Path("kazakhstan") / "upr_2010_2014.csv"


def claims_agreement(examples_root: Path, data_dir: Path) -> tuple[int, int]:
    """(agreeing, graded) on seed 000."""
    from rightstrack.ingest.sources.upr_info_mia.parser import parse

    from .claims import agreement, iri_from_claims

    labels = (
        (data_dir / ISSUES).read_text(encoding="utf-8").splitlines() if (data_dir / ISSUES).is_file() else []
    )
    document = parse((examples_root / MIA).read_text(encoding="utf-8"), labels)
    results = iri_from_claims(document.assessments, document.recommendations)
    return agreement(results, document.recommendations)


def evaluate_claims(examples_root: Path, data_dir: Path) -> list[Figure]:
    same, graded = claims_agreement(examples_root, data_dir)
    note = f"{same}/{graded} graded recommendations of seed 000; rules written on this document (in-sample)"
    return [Figure("IRI from extracted claims = published level", same / graded, None, ">= 0.90", note)]


class LinkScores(NamedTuple):
    """How :func:`rightstrack.analysis.link.link` finds gold pairs: shares in [0, 1]."""

    items: float  # items with a gold partner in their top 3
    pairs: float  # gold pairs in the top 3
    precision: float  # top-3 links that are gold
    average_precision: float  # mean over items of the average precision of the whole ranking


def link_scores(
    pairs: Mapping[str, set[str]], a: Mapping[str, str], b: Mapping[str, str], embedder: Embedder | None
) -> LinkScores:
    """``link`` of the gold items of ``a`` against all of ``b``; ``embedder=None``: the lexical baseline."""
    ranked: dict[str, list[str]] = {}
    concerns: dict[str, str] | None = {} if embedder is None else None  # baseline: the lexical score as it is
    for item, other, _ in link(
        {k: a[k] for k in pairs},
        b,
        embedder,
        k=len(b),
        min_score=-1.0,
        concerns=concerns,
        topic_weight=TOPIC_WEIGHT if embedder is not None else 0.0,
    ):
        ranked.setdefault(item, []).append(other)
    found = {item: set(ranked.get(item, [])[:3]) for item in pairs}
    items = sum(1 for item, gold in pairs.items() if gold & found[item])
    hits = sum(len(gold & found[item]) for item, gold in pairs.items())
    listed = sum(len(found[item]) for item in pairs)
    precisions = []
    for item, gold in pairs.items():
        places = sorted(ranked[item].index(other) + 1 for other in gold)
        precisions.append(sum((n + 1) / place for n, place in enumerate(places)) / len(places))
    total = sum(len(gold) for gold in pairs.values())
    return LinkScores(
        items / len(pairs), hits / total, hits / max(1, listed), sum(precisions) / len(precisions)
    )


def reverse(pairs: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """The same gold pairs seen from the other side."""
    reversed_pairs: dict[str, set[str]] = {}
    for item, others in pairs.items():
        for other in others:
            reversed_pairs.setdefault(other, set()).add(item)
    return reversed_pairs


def upr_ccpr_pairs(examples_root: Path) -> tuple[dict[str, set[str]], dict[str, str], dict[str, str]]:
    """Seed 001's pairs (UPR row → CCPR paragraphs), and the texts of both sides."""
    from rightstrack.ingest.sources.ccpr_factsheet.parser import parse

    document = parse((examples_root / FACT_SHEETS).read_text(encoding="utf-8"))
    upr = {r.ref: r.text for r in document.recommendations if r.review and r.review.mechanism == "UPR"}
    ccpr = {r.ref: r.text for r in document.recommendations if r.review and r.review.mechanism == "CCPR"}
    pairs: dict[str, set[str]] = {}
    for record in document.links:
        if record.source_ref in upr and record.target_ref in ccpr:
            pairs.setdefault(record.source_ref, set()).add(record.target_ref)
    return pairs, upr, ccpr


def repeat_pairs(data_dir: Path) -> tuple[dict[str, set[str]], dict[str, str], dict[str, str]]:
    """Kazakhstan 2014 → 2010 gold defined from the data (same issue and ratio ≥ 70), and the texts."""
    from rapidfuzz import fuzz

    from rightstrack.core.text import normalise

    with (data_dir / KAZAKHSTAN).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    old = {r["id"]: r for r in rows if r["year"] == "2010"}
    new = {r["id"]: r for r in rows if r["year"] == "2014"}
    pairs: dict[str, set[str]] = {}
    for key, row in new.items():
        issues = set(row["issues"].split(";"))
        for other, earlier in old.items():
            shared = issues & set(earlier["issues"].split(";"))
            ratio = fuzz.ratio(normalise(row["recommendation"]), normalise(earlier["recommendation"]))
            if shared and ratio >= 70:
                pairs.setdefault(key, set()).add(other)
    texts_new = {key: row["recommendation"] for key, row in new.items()}
    texts_old = {key: row["recommendation"] for key, row in old.items()}
    return pairs, texts_new, texts_old


def evaluate_linking(examples_root: Path, data_dir: Path, embedder: Embedder) -> list[Figure]:
    figures: list[Figure] = []
    pairs, upr, ccpr = upr_ccpr_pairs(examples_root)
    total = sum(map(len, pairs.values()))
    note = f"{len(pairs)} UPR rows, {total} pairs, {len(ccpr)} CCPR paragraphs; {embedder.name}"
    found, base = link_scores(pairs, upr, ccpr, embedder), link_scores(pairs, upr, ccpr, None)
    reachable = f"{sum(min(3, len(gold)) for gold in pairs.values())}/{total} reachable in a top 3"
    figures += [
        Figure("UPR -> CCPR rows with a paired paragraph in top 3", found.items, base.items, "all", note),
        Figure("UPR -> CCPR pairs in top 3", found.pairs, base.pairs, "all", f"{note}; {reachable}"),
        Figure(
            "UPR -> CCPR mean average precision", found.average_precision, base.average_precision, "", note
        ),
    ]
    back, rows = reverse(pairs), {key: upr[key] for key in pairs}
    note = f"{len(back)} CCPR paragraphs against the {len(rows)} UPR rows; {embedder.name}"
    found, base = link_scores(back, ccpr, rows, embedder), link_scores(back, ccpr, rows, None)
    figures += [
        Figure("CCPR -> UPR paragraphs with a paired row in top 3", found.items, base.items, "", note),
        Figure("CCPR -> UPR top-3 rows that are paired", found.precision, base.precision, "", note),
    ]
    pairs, texts_new, texts_old = repeat_pairs(data_dir)
    if pairs:
        found, base = (
            link_scores(pairs, texts_new, texts_old, embedder),
            link_scores(pairs, texts_new, texts_old, None),
        )
        note = f"{len(pairs)} of 2014 repeating one of the {len(texts_old)} of 2010 (gold: text overlap)"
        figures.append(
            Figure("Kazakhstan 2014 -> 2010 repeats in top 3", found.items, base.items, "all", note)
        )
        back = reverse(pairs)
        found, base = (
            link_scores(back, texts_old, texts_new, embedder),
            link_scores(back, texts_old, texts_new, None),
        )
        note = f"{len(back)} of 2010 repeated by one of the {len(texts_new)} of 2014 (gold: text overlap)"
        figures.append(
            Figure("Kazakhstan 2010 -> 2014 repeats in top 3", found.items, base.items, "all", note)
        )
    return figures


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_speed(
    texts: Sequence[str], embedder: Embedder, vectors: int = 41_000, queries: int = 200
) -> list[Figure]:
    """Classifying ``texts``; embedding 2,000 of them; semantic queries over ``vectors`` vectors."""
    import numpy as np

    from .classify import Classifier
    from .vectors import VectorIndex

    classifier = Classifier.load()
    started = time.perf_counter()
    classifier.classify(texts)
    classify_seconds = time.perf_counter() - started
    sample = list(texts[: min(2000, len(texts))])
    embedder.embed(sample[:10])
    started = time.perf_counter()
    embedded = embedder.embed(sample)
    per_second = len(sample) / (time.perf_counter() - started)
    rng = np.random.default_rng(0)
    filler = rng.standard_normal((max(0, vectors - len(embedded)), embedder.dim)).astype(np.float32)
    index = VectorIndex(embedder.dim)
    index.add([f"r{k}" for k in range(vectors)], np.vstack([embedded, filler])[:vectors])
    timings: list[float] = []
    for text in sample[:queries]:
        started = time.perf_counter()
        index.search(embedder.embed([text])[0], k=10)
        timings.append((time.perf_counter() - started) * 1000)
    load = " ".join(f"{value:.2f}" for value in __import__("os").getloadavg())
    return [
        Figure(f"classify {len(texts)} rows (s)", classify_seconds, None, "<= 60", f"load average {load}"),
        Figure(
            "embedding throughput (records/s)", per_second, None, ">= 150", f"{embedder.name}, 2000 records"
        ),
        Figure(
            f"semantic query p50 at {vectors} vectors (ms)",
            _percentile(timings, 0.5),
            None,
            "",
            "embed the query + brute-force top 10",
        ),
        Figure(
            f"semantic query p95 at {vectors} vectors (ms)",
            _percentile(timings, 0.95),
            None,
            "<= 30",
            "embed the query + brute-force top 10",
        ),
    ]
