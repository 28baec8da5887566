"""UPR ↔ treaty-body linking across documents: a State's concluding observations against its UPR review.

    python -m bench.tb_linking [DIR]      # DIR: the layout of ../shared/data (default)

For every State folder with both ``treaty-bodies/concluding-observations/<state>/CO.txt`` and
``evidence/<state>/assessment.csv`` (its UPR recommendations: paragraph and text columns), the
concluding observations are read by their importer, the sheet through the mapped-spreadsheet importer,
and the two sides are linked as ``rightstrack analyse`` links a State's reviews (``analysis.link.link``,
each side's top :data:`TOP` counterparts in the other above :data:`MIN_SCORE`, a treaty body's paragraph
its best one down to :data:`TREATY_MIN_FIRST`; one link per pair). It
prints the links kept and the paragraphs left without one; where ``bench/judgements/<STATE>-ccpr-upr.json``
holds a person's judgements (Denmark's), also, for the shipped linking and for the lexical score alone
(the baseline, measured in the same run): the judged UPR recommendations whose paragraph is in their top 3,
the mean average precision of the whole ranking, and the judged pairs the stored links keep.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from rightstrack.analysis.embed import Embedder, default_embedder
from rightstrack.analysis.eval_tasks import link_scores, reverse
from rightstrack.analysis.link import MIN_SCORE, TOP, TREATY_MIN_FIRST, link
from rightstrack.ingest.reading import load
from rightstrack.ingest.sources.concluding_observations.parser import parse as parse_co
from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns
from rightstrack.ingest.sources.mapped_sheet.parser import parse as parse_sheet

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"
JUDGEMENTS = Path(__file__).resolve().parent / "judgements"


def stored_pairs(
    upr: dict[str, str], co: dict[str, str], embedder: Embedder | None
) -> dict[tuple[str, str], float]:
    """(UPR paragraph, CO paragraph) → score of the links ``rightstrack analyse`` would store."""
    found: dict[tuple[str, str], float] = {}
    for a, b, score in link(upr, co, embedder, k=TOP, min_score=MIN_SCORE):
        found[(a, b)] = max(score, found.get((a, b), 0.0))
    for b, a, score in link(co, upr, embedder, k=TOP, min_score=MIN_SCORE, min_first=TREATY_MIN_FIRST):
        found[(a, b)] = max(score, found.get((a, b), 0.0))
    return found


def state_figures(folder: Path, state_dir: str, embedder: Embedder) -> None:
    co_path = folder / "treaty-bodies" / "concluding-observations" / state_dir / "CO.txt"
    document = parse_co(co_path.read_text(encoding="utf-8"))
    assert document.review is not None
    state = document.review.state
    sheet = parse_sheet(
        load(folder / "evidence" / state_dir / "assessment.csv"),
        parse_columns(f"text=text,paragraph=paragraph,state:={state}"),
    )
    co = {r.ref: r.text for r in document.recommendations}
    upr = {r.ref: r.text for r in sheet.recommendations}
    started = time.perf_counter()
    pairs = stored_pairs(upr, co, embedder)
    took = time.perf_counter() - started
    linked_co = {b for _, b in pairs}
    print(
        f"{state} {document.symbol or co_path.name}: {len(co)} recommendation paragraphs; {len(upr)} UPR rows"
    )
    rule = f"top {TOP}, score >= {MIN_SCORE}; a paragraph's first >= {TREATY_MIN_FIRST}"
    print(f"  links kept ({rule}): {len(pairs)} in {took:.1f} s")
    print(f"  concluding-observation paragraphs with a link: {len(linked_co)}/{len(co)}", end="")
    print(f" (none: {', '.join(sorted(set(co) - linked_co, key=int)) or '-'})")
    judged = JUDGEMENTS / f"{state}-ccpr-upr.json"
    if not judged.exists():
        print("  no judgements for this State: ranking figures not computed")
        return
    gold = {k: set(v) for k, v in json.loads(judged.read_text(encoding="utf-8"))["pairs"].items() if v}
    back = reverse(gold)
    total = sum(len(v) for v in gold.values())
    print(f"  judgements: {len(gold)} paragraphs, {total} pairs, {len(back)} UPR rows ({judged.name})")
    print(f"  {'':44} {'RightsTrack':>12} {'lexical':>8}")
    ours, base = link_scores(back, upr, co, embedder), link_scores(back, upr, co, None)
    row = "{:44} {:12.3f} {:8.3f}"
    print(f"  {'UPR rows with their paragraph in top 3':44} {ours.items:12.3f} {base.items:8.3f}")
    print(
        "  " + row.format("UPR -> CO mean average precision", ours.average_precision, base.average_precision)
    )
    ours, base = link_scores(gold, co, upr, embedder), link_scores(gold, co, upr, None)
    print(f"  {'CO paragraphs with a judged row in top 3':44} {ours.items:12.3f} {base.items:8.3f}")
    print(
        "  " + row.format("CO -> UPR mean average precision", ours.average_precision, base.average_precision)
    )
    kept = {pair for pair in pairs if pair[1] in back.get(pair[0], set())}
    baseline = stored_pairs(upr, co, None)
    kept_base = {pair for pair in baseline if pair[1] in back.get(pair[0], set())}
    print(f"  {'judged pairs among the links kept':44} {len(kept):>8}/{total} {len(kept_base):>4}/{total}")
    outside, outside_base = len(pairs) - len(kept), len(baseline) - len(kept_base)
    print(f"  {'links kept outside the judged pairs':44} {outside:12} {outside_base:8}")


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    observations = folder / "treaty-bodies" / "concluding-observations"
    if not observations.is_dir():
        print(f"{observations} is absent: nothing to measure", file=sys.stderr)
        return 1
    states = [
        d.name
        for d in sorted(observations.iterdir())
        if (d / "CO.txt").exists() and (folder / "evidence" / d.name / "assessment.csv").exists()
    ]
    embedder = default_embedder()
    print(f"embedder: {embedder.name}")
    for state_dir in states:
        state_figures(folder, state_dir, embedder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
