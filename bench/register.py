"""One record per recommendation, whatever the order of a review's documents.

    .venv/bin/python -m bench.register DIR

DIR holds one folder per review, each with that review's documents in any format RightsTrack reads
(its Working Group report, its addendum, its OHCHR thematic list, UPR Info rows, ...; the kind of each
is detected). For every order of a folder's documents (all of them: 6 for three documents), a fresh
database imports them one by one, then this prints:

- records: recommendations of the review, and how many (paragraph, clause) references of the Working
  Group report or the thematic list hold more than one record (duplicates) or none;
- positions: of the records the thematic list numbers, the share whose final position is the list's;
- themes / groups exact: the share whose UHRI themes / groups of persons (unmatched labels included) are
  exactly the list's;
- whether every order gave the same records and positions.

The figures are what this run measured; nothing is assumed. Without a thematic list in a folder,
positions and themes are not compared.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.fresh import configure

PARAGRAPH = "ohchr-paragraph"
THEMES, GROUPS = "uhri-themes", "uhri-groups"


@dataclass
class Outcome:
    records: int
    duplicates: int
    missing: int
    compared: int
    positions: int
    themes: int
    groups: int
    signature: frozenset[tuple[str, str, str]]


def _kinds(paths: list[Path]) -> dict[Path, str]:
    from rightstrack.ingest.reading import load
    from rightstrack.ingest.registry import source_for

    return {path: source_for(load(path)).kind for path in paths}


def _reference(paths: dict[Path, str]) -> dict[tuple[str, str], tuple[str, set[str], set[str]]]:
    """(paragraph, clause) → (position, themes, groups) as the thematic list gives them."""
    from rightstrack.core.positions import read
    from rightstrack.ingest.reading import load
    from rightstrack.ingest.sources.ohchr_matrix.parser import KIND, parse

    found: dict[tuple[str, str], tuple[str, set[str], set[str]]] = {}
    for path, kind in paths.items():
        if kind != KIND:
            continue
        for record in parse(load(path).data).recommendations:
            terms = record.terms
            found[(record.ref, record.ref_part)] = (
                read(record.response, "final").position,
                {*terms.get(THEMES, []), *terms.get(f"{THEMES}-unmatched", [])},
                {*terms.get(GROUPS, []), *terms.get(f"{GROUPS}-unmatched", [])},
            )
    return found


def _expected_refs(paths: dict[Path, str]) -> set[tuple[str, str]]:
    """The (paragraph, clause) references the report and the thematic list number."""
    from rightstrack.ingest.reading import load
    from rightstrack.ingest.registry import source_for

    refs: set[tuple[str, str]] = set()
    for path, kind in paths.items():
        if kind not in ("upr-wg-report", "ohchr-matrix"):
            continue
        loaded = load(path)
        parsed = source_for(loaded, kind).parse(loaded, [])
        refs |= {(r.ref, r.ref_part) for r in parsed.recommendations if r.ref_scheme == PARAGRAPH}
    return refs


Reference = dict[tuple[str, str], tuple[str, set[str], set[str]]]


def _run(order: tuple[Path, ...], reference: Reference) -> Outcome:
    from django.core.management import call_command

    from rightstrack.documents.importing import import_files
    from rightstrack.recommendations.models import Recommendation, RecommendationRef

    call_command("flush", interactive=False, verbosity=0)
    for path in order:
        import_files([path])
    refs = RecommendationRef.objects.filter(scheme=PARAGRAPH)
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for value, part, rec_id in refs.values_list("value", "part", "recommendation_id"):
        holders[(value, part)].add(rec_id)
    reviews = set(refs.values_list("review_id", flat=True))
    records = Recommendation.objects.filter(review_id__in=reviews).prefetch_related(
        "recommendationterm_set__term__vocabulary", "refs"
    )
    by_id = {rec.pk: rec for rec in records}
    compared = positions = themes = groups = 0
    signature = set()
    for key, (position, want_themes, want_groups) in reference.items():
        ids = holders.get(key, set())
        if len(ids) != 1:
            continue
        rec = by_id[next(iter(ids))]
        compared += 1
        positions += rec.response == position
        tags: Counter[str] = Counter()
        labels: dict[str, set[str]] = defaultdict(set)
        for tag in rec.recommendationterm_set.all():
            code = tag.term.vocabulary.code
            labels[code.removesuffix("-unmatched")].add(tag.term.label)
            tags[code] += 1
        themes += labels[THEMES] == want_themes
        groups += labels[GROUPS] == want_groups
    for rec in by_id.values():
        refs_of = sorted(f"{r.value}{r.part}" for r in rec.refs.all() if r.scheme == PARAGRAPH)
        signature.add((",".join(refs_of), rec.response, rec.wg_stage))
    expected = set(holders) | set(reference)
    return Outcome(
        records=len(by_id),
        duplicates=sum(1 for ids in holders.values() if len(ids) > 1),
        missing=sum(1 for key in expected if not holders.get(key)),
        compared=compared,
        positions=positions,
        themes=themes,
        groups=groups,
        signature=frozenset(signature),
    )


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.3f}" if whole else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="one folder per review, each with its documents")
    args = parser.parse_args()
    configure()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    reviews = sorted(p for p in args.folder.iterdir() if p.is_dir())
    if not reviews:
        sys.exit(f"{args.folder}: no review folder inside")
    for folder in reviews:
        paths = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        kinds = _kinds(paths)
        reference = _reference(kinds)
        print(f"\n{folder.name}: " + ", ".join(f"{p.name} ({kind})" for p, kind in kinds.items()))
        print(f"  numbered (paragraph, clause) in the report and the list: {len(_expected_refs(kinds))}")
        header = f"  {'order':<60} {'records':>7} {'dupl.':>5} {'miss.':>5}  "
        print(header + f"{'positions':<16} {'themes exact':<16} groups exact")
        signatures = set()
        for order in itertools.permutations(paths):
            outcome = _run(order, reference)
            signatures.add(outcome.signature)
            names = " → ".join(p.stem[:18] for p in order)
            print(
                f"  {names:<60} {outcome.records:>7} {outcome.duplicates:>5} {outcome.missing:>5}  "
                f"{_share(outcome.positions, outcome.compared):<16} "
                f"{_share(outcome.themes, outcome.compared):<16} {_share(outcome.groups, outcome.compared)}"
            )
        print(
            f"  every order gives the same records and positions: {'yes' if len(signatures) == 1 else 'NO'}"
        )


if __name__ == "__main__":
    main()
