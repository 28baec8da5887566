"""Evidence linking measured against another project's cited paragraphs.

    .venv/bin/python -m bench.evidence [DIR]

DIR (default ``../shared/data/evidence``) holds one folder per State, each with the three documents of
a UPR review (``A/HRC/WG.6/NN/XXX/1``, ``/2``, ``/3``, detected by their symbol) and ``assessment.csv``
(one row per recommendation of the State's previous review: paragraph, recommending_state, position,
text, and ``sources``: the paragraphs it cites, "A/HRC/WG.6/52/DNK/1 para. 6; …"). The State, the
session and so the previous cycle are read from the documents. A throwaway database imports the
recommendations through the mapped spreadsheet import and the documents through ``rightstrack import``,
then RightsTrack's linking runs; the cited paragraphs are the relevance judgements (a first pass by
others, not truth). Printed per State and over all: recall@5, recall@10 and MRR for RightsTrack and
for a plain BM25 ranking of the paragraphs by the recommendation's text, measured in the same run.

Then the suggested levels (``rightstrack.evidence.suggesting``, as the worker stores them) are compared
with the assessment's grades mapped A → fully, B → partially, C and E → not, D → no information. A
recommendation's one level combines its kinds' suggestions as ``analysis.suggested_levels.combined``
says (fully when the State and the UN say so, partially when any source reports action, not when none
does), "no information" when no kind has one.
Printed: the agreement, the confusion counts (reference → suggested) and the agreement of always
answering the reference's most frequent level (the majority-class baseline), per State and over all.
Two more figures put the linking's in perspective, both measured in the same run. The ceiling: the
same ranking with the assessment's own themes (its ``primary_theme`` column, which RightsTrack does not
have) as each recommendation's group of alike ones, in place of its five nearest by embedding. The
assessment's consistency: a recommendation's cited paragraphs ranked by how many other recommendations
of its theme cite them (how far it gives one set of quotes to a theme, whatever the words). And an
editor's confirmations: for every tenth recommendation, the cited paragraphs among its top ten are
confirmed through ``evidence.decisions`` as an editor would, the linking runs again (a confirmed quote
is lifted for the alike recommendations), and recall@5 of the other recommendations is printed before
and after.
The last line reads ``recall@5 <RightsTrack> <BM25>``.
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.fresh import configure

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "evidence"
COLUMNS = "text=text,paragraph=paragraph,recommending=recommending_state,position=position"
LEAST_COLUMNS = "text=text,paragraph=paragraph"


@dataclass
class Scores:
    recall5: float = 0.0
    recall10: float = 0.0
    reciprocal: float = 0.0
    count: int = 0

    def add(self, ranking: list[str], relevant: set[str]) -> None:
        self.recall5 += len(relevant & set(ranking[:5])) / len(relevant)
        self.recall10 += len(relevant & set(ranking[:10])) / len(relevant)
        self.reciprocal += next((1 / rank for rank, key in enumerate(ranking, 1) if key in relevant), 0.0)
        self.count += 1

    def merge(self, other: Scores) -> None:
        self.recall5 += other.recall5
        self.recall10 += other.recall10
        self.reciprocal += other.reciprocal
        self.count += other.count

    def line(self) -> str:
        n = self.count or 1
        recall5, recall10, mrr = self.recall5 / n, self.recall10 / n, self.reciprocal / n
        return f"recall@5 {recall5:.3f}  recall@10 {recall10:.3f}  MRR {mrr:.3f}"


#: The assessment's grades on the suggested levels' scale.
GRADE_LEVELS = {"A": "fully", "B": "partially", "C": "not", "E": "not", "D": "no information"}
LEVELS = ("fully", "partially", "not", "no information")


@dataclass
class Agreement:
    """Reference level → suggested level → how many recommendations."""

    pairs: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, reference: str, suggested: str) -> None:
        self.pairs[(reference, suggested)] += 1

    def merge(self, other: Agreement) -> None:
        for pair, count in other.pairs.items():
            self.pairs[pair] += count

    def lines(self) -> list[str]:
        total = sum(self.pairs.values()) or 1
        same = sum(count for (reference, suggested), count in self.pairs.items() if reference == suggested)
        references: dict[str, int] = defaultdict(int)
        for (reference, _suggested), count in self.pairs.items():
            references[reference] += count
        majority = max(references, key=lambda level: references[level]) if references else "-"
        lines = [
            f"agreement {same / total:.3f} ({same}/{total}); majority class ({majority}) "
            f"{references.get(majority, 0) / total:.3f}"
        ]
        lines.append("  reference \\ suggested  " + "  ".join(f"{level:>14}" for level in LEVELS))
        for reference in LEVELS:
            counts = "  ".join(f"{self.pairs.get((reference, level), 0):>14}" for level in LEVELS)
            lines.append(f"  {reference:>22}  {counts}")
        return lines


@dataclass
class Outcome:
    ours: Scores = field(default_factory=Scores)
    bm25: Scores = field(default_factory=Scores)
    levels: Agreement = field(default_factory=Agreement)
    ceiling: Scores = field(default_factory=Scores)
    consistency: Scores = field(default_factory=Scores)
    others_before: Scores = field(default_factory=Scores)
    others_after: Scores = field(default_factory=Scores)
    confirmed: int = 0

    def merge(self, other: Outcome) -> None:
        for name in ("ours", "bm25", "ceiling", "consistency", "others_before", "others_after"):
            getattr(self, name).merge(getattr(other, name))
        self.levels.merge(other.levels)
        self.confirmed += other.confirmed

    def perspective(self) -> list[str]:
        before = self.others_before.recall5 / (self.others_before.count or 1)
        after = self.others_after.recall5 / (self.others_after.count or 1)
        return [
            f"ceiling, the assessment's themes as the groups of alike recommendations  {self.ceiling.line()}",
            f"the assessment's own consistency, its theme-mates' cited paragraphs  {self.consistency.line()}",
            f"an editor confirms the cited quotes in the top 10 of every 10th recommendation"
            f" ({self.confirmed}): the others' recall@5 {before:.3f} before, {after:.3f} after",
        ]


def _documents(folder: Path) -> list[Path]:
    from rightstrack.ingest.reading import load
    from rightstrack.ingest.sources.upr_evidence.parser import detect

    found = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in {".txt", ".pdf", ".docx"}:
            if detect(load(path).text):
                found.append(path)
            else:
                print(f"{folder.name}: {path.name} left out: no UPR document symbol (A/HRC/WG.6/NN/XXX/1-3)")
    return found


def _rows(sheet: Path) -> list[dict[str, str]]:
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _references(sheet: Path) -> dict[str, str]:
    """Recommendation paragraph → the assessment's grade as a level (:data:`GRADE_LEVELS`)."""
    found = {}
    for row in _rows(sheet):
        level = GRADE_LEVELS.get(_grade(row.get("grade") or ""))
        if level is not None:
            found[row["paragraph"].strip().rstrip(".")] = level
    return found


def _grade(written: str) -> str:
    """The Committee's grade letter of a cell: "B", "b ", the older "B2" (B1/B2, C1/C2) all read "B".

    >>> [_grade(cell) for cell in ("B", " c1", "B2", "N/A", "")]
    ['B', 'C', 'B', '', '']
    """
    letter = written.strip().upper()
    return letter[0] if letter[:1] in GRADE_LEVELS and (len(letter) == 1 or letter[1:].isdigit()) else ""


def _themes(sheet: Path) -> dict[str, str]:
    """Recommendation paragraph → the assessment's theme (for the ceiling only)."""
    return {
        row["paragraph"].strip().rstrip("."): row.get("primary_theme", "").strip() for row in _rows(sheet)
    }


def _ceiling(state: str, sheet: Path, judged: dict[str, set[str]], names: dict[int, str]) -> Scores:
    """Recall of the ranking when each recommendation's alike ones are those of its theme in the
    assessment (information RightsTrack does not have)."""
    from rightstrack.analysis.evidence import score, turns
    from rightstrack.evidence.linking import embedders, inputs

    (given,) = inputs([state])
    themes = _themes(sheet)
    groups: dict[str, list[int]] = defaultdict(list)
    for index, want in enumerate(given.wanted):
        if themes.get(want.ref):
            groups[themes[want.ref]].append(index)
    alike = [[j for j in groups.get(themes.get(w.ref, ""), []) if j != i] for i, w in enumerate(given.wanted)]
    embedder, subjects = embedders()
    scored = score(given.wanted, given.passages, embedder, subjects, alike=alike)
    documents = [passage.document for passage in given.passages]
    result = Scores()
    for row, want in enumerate(given.wanted):
        if want.ref in judged:
            order = turns(list(scored.scores[row]), documents)[:10]
            result.add([names[given.passages[column].key] for column in order], judged[want.ref])
    return result


def _consistency(sheet: Path, judged: dict[str, set[str]]) -> Scores:
    """Recall of ranking each recommendation's paragraphs by how many other recommendations of its theme
    in the assessment cite them: how much the assessment gives one set of quotes to a theme."""
    themes = _themes(sheet)
    cited_by: dict[str, list[set[str]]] = defaultdict(list)
    for ref, cited in judged.items():
        cited_by[themes.get(ref, "")].append(cited)
    result = Scores()
    for ref, cited in judged.items():
        counts: dict[str, int] = defaultdict(int)
        mates = cited_by[themes.get(ref, "")]
        for other in mates:
            if other is not cited:
                for name in other:
                    counts[name] += 1
        result.add(sorted(counts, key=lambda name: (-counts[name], name))[:10], cited)
    return result


def _with_confirmations(
    state: str, wanted: list[tuple[int, set[str]]], names: dict[int, str], outcome: Outcome
) -> None:
    """Confirm, as an editor would, the cited paragraphs in the top 10 of every 10th recommendation;
    link again; the other recommendations' recall before and after."""
    from rightstrack.evidence.decisions import decide
    from rightstrack.evidence.linking import link_evidence
    from rightstrack.evidence.models import Decision, EvidenceLink

    def ranking(rec: int) -> list[str]:
        links = EvidenceLink.objects.filter(recommendation_id=rec).order_by("rank", "-score")
        return [names[paragraph] for paragraph in links.values_list("paragraph_id", flat=True)]

    chosen = {rec for index, (rec, _) in enumerate(sorted(wanted)) if index % 10 == 0}
    others = [(rec, relevant) for rec, relevant in wanted if rec not in chosen]
    for rec, relevant in others:
        outcome.others_before.add(ranking(rec), relevant)
    for rec, relevant in wanted:
        if rec in chosen:
            for link in EvidenceLink.objects.filter(recommendation_id=rec, rank__lte=10):
                if names[link.paragraph_id] in relevant:
                    decide(link, Decision.CONFIRMED, None)
                    outcome.confirmed += 1
    link_evidence([state])
    for rec, relevant in others:
        outcome.others_after.add(ranking(rec), relevant)


def _judgements(sheet: Path) -> dict[str, set[str]]:
    """Recommendation paragraph → the cited paragraphs ("A/HRC/WG.6/52/DNK/1 para. 6")."""
    judged: dict[str, set[str]] = {}
    for row in _rows(sheet):
        cited = {name for part in row.get("sources", "").split(";") for name in _cited(part)}
        if cited:
            judged[row["paragraph"].strip().rstrip(".")] = cited
    return judged


_CITATION = re.compile(r"(A/HRC/WG\.6/\d+/[A-Z]{3}/[123])\s*,?\s+paras?\.\s*([\d\s,\-–and]+)")


def _cited(part: str) -> list[str]:
    """ "A/HRC/WG.6/52/DNK/1 para. 6" as it is; "…/1 paras. 6-8 and 10" as each paragraph.

    >>> _cited("A/HRC/WG.6/52/DNK/1 paras. 6-7 and 9")
    ['A/HRC/WG.6/52/DNK/1 para. 6', 'A/HRC/WG.6/52/DNK/1 para. 7', 'A/HRC/WG.6/52/DNK/1 para. 9']
    """
    match = _CITATION.search(part)
    if match is None:
        return []
    numbers: list[int] = []
    for piece in re.split(r",|\band\b", match[2]):
        bounds = [int(value) for value in re.findall(r"\d+", piece)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 50:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return [f"{match[1]} para. {number}" for number in numbers]


def _measurable(name: str, sheet: Path, into: Path) -> Path:
    """``sheet`` itself, or a copy in ``into`` without the rows that cannot be measured: one without
    text, one repeating a paragraph already given (the first is kept). What is left out is printed."""
    rows = _rows(sheet)
    kept: list[dict[str, str]] = []
    seen: set[str] = set()
    left_out: list[str] = []
    for number, row in enumerate(rows, 2):
        ref = (row.get("paragraph") or "").strip().rstrip(".")
        if not (row.get("text") or "").strip():
            left_out.append(f"row {number}: no text")
        elif ref and ref in seen:
            left_out.append(f"row {number}: paragraph {ref} again")
        else:
            seen.add(ref)
            kept.append(row)
    if not left_out:
        return sheet
    print(f"{name}: assessment.csv rows left out ({len(left_out)}): {'; '.join(left_out)}")
    copy = into / sheet.name
    with copy.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(kept)
    return copy


def _import_sheet(name: str, sheet: Path, values: str) -> bool:
    """Import the assessment's recommendations through the mapped spreadsheet import. The sheet is
    refused whole when any cell cannot be read (an unknown position word, say); the recommending
    States and positions are not measured here, so it is then imported again with the text and the
    paragraph only, and the refusal is printed."""
    from rightstrack.documents.importing import ImportFailed, import_files
    from rightstrack.ingest.registry import mapped_source
    from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns

    for columns in (COLUMNS, LEAST_COLUMNS):
        try:
            import_files([sheet], source=mapped_source(parse_columns(f"{columns},{values}")), actor="bench")
        except ImportFailed as failure:
            print(f"{name}: assessment.csv refused with columns {columns}: {failure}")
            continue
        return True
    print(f"{name}: no recommendation could be imported; skipped")
    return False


def run_state(folder: Path) -> Outcome | None:
    from rightstrack.analysis.evidence import bm25
    from rightstrack.analysis.suggested_levels import combined
    from rightstrack.core.evidence import upr_cycle
    from rightstrack.documents.importing import ImportFailed, import_files
    from rightstrack.evidence.linking import link_evidence
    from rightstrack.evidence.models import EvidenceLink, EvidenceParagraph, SuggestedLevel
    from rightstrack.evidence.suggesting import suggest_for_states
    from rightstrack.ingest.reading import load
    from rightstrack.ingest.sources.upr_evidence.parser import parse
    from rightstrack.recommendations.models import RecommendationRef

    documents = _documents(folder)
    sheet = folder / "assessment.csv"
    if not documents or not sheet.is_file():
        print(f"{folder.name}: no UPR documents or no assessment.csv; skipped")
        return None
    sheet = _measurable(folder.name, sheet, Path(tempfile.mkdtemp(prefix="bench-evidence-")))
    accepted = []
    for path in documents:  # each on its own: a refused document is named with its place, the rest go on
        try:
            import_files([path], actor="bench")
        except ImportFailed as failure:
            print(f"{folder.name}: refused, left out: {failure}")
            continue
        accepted.append(path)
    sessions = [
        (evidence.state, evidence.session)
        for evidence in (parse(load(path).text).evidence for path in accepted)
        if evidence is not None and evidence.session is not None
    ]
    if not sessions:
        print(f"{folder.name}: no UPR document could be read; skipped")
        return None
    state, cycle = sessions[0][0], upr_cycle(sessions[0][1]) - 1
    if not _import_sheet(folder.name, sheet, f"state:={state},mechanism:=UPR,cycle:={cycle}"):
        return None
    documents = accepted
    link_evidence([state])
    suggest_for_states([state])
    paragraphs = list(EvidenceParagraph.objects.filter(document__state=state).select_related("document"))
    names = {p.pk: f"{p.document.symbol} para. {p.number}" for p in paragraphs}
    refs = {
        rec: value
        for rec, value in RecommendationRef.objects.filter(
            recommendation__review__state_id=state, scheme__endswith="paragraph"
        ).values_list("recommendation_id", "value")
    }
    ranked: dict[int, list[str]] = defaultdict(list)
    for link in EvidenceLink.objects.filter(paragraph__in=paragraphs).order_by("recommendation", "rank"):
        ranked[link.recommendation_id].append(names[link.paragraph_id])
    judged = _judgements(sheet)
    references = _references(sheet)
    outcome = Outcome()
    wanted = [(rec, judged[ref]) for rec, ref in refs.items() if ref in judged]
    texts = dict(
        RecommendationRef.objects.filter(recommendation_id__in=[rec for rec, _ in wanted]).values_list(
            "recommendation_id", "recommendation__text"
        )
    )
    baseline = bm25([texts[rec] for rec, _ in wanted], [p.text for p in paragraphs])
    for row, (rec, relevant) in enumerate(wanted):
        outcome.ours.add(ranked.get(rec, []), relevant)
        order = sorted(range(len(paragraphs)), key=lambda column: -baseline[row, column])
        outcome.bm25.add([names[paragraphs[column].pk] for column in order[:100]], relevant)
    print(
        f"{folder.name} ({state}, cycle {cycle} recommendations: {len(wanted)} with cited paragraphs; "
        f"{len(paragraphs)} paragraphs in {len(documents)} documents)"
    )
    print(f"  RightsTrack  {outcome.ours.line()}")
    print(f"  BM25         {outcome.bm25.line()}")
    per_kind: dict[int, dict[str, str]] = defaultdict(dict)
    for rec, kind, level in SuggestedLevel.objects.filter(recommendation_id__in=list(refs)).values_list(
        "recommendation_id", "kind", "level"
    ):
        per_kind[rec][kind] = level
    for rec, ref in refs.items():
        reference = references.get(ref)
        if reference is not None:
            outcome.levels.add(reference, combined(per_kind[rec]) or "no information")
    for line in outcome.levels.lines():
        print(f"  suggested level {line}" if line.startswith("agreement") else line)
    outcome.ceiling = _ceiling(state, sheet, judged, names)
    outcome.consistency = _consistency(sheet, {ref: judged[ref] for ref in refs.values() if ref in judged})
    _with_confirmations(state, wanted, names, outcome)
    for line in outcome.perspective():
        print(f"  {line}")
    return outcome


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    states = sorted(path for path in folder.iterdir() if path.is_dir()) if folder.is_dir() else []
    if not states:
        print(f"{folder}: no State folder inside", file=sys.stderr)
        return 2
    configure()
    from bench.fresh import migrate_with_vocabularies

    migrate_with_vocabularies()
    total = Outcome()
    for state in states:
        outcome = run_state(state)
        if outcome is not None:
            total.merge(outcome)
    print(f"ALL  RightsTrack  {total.ours.line()}")
    print(f"ALL  BM25         {total.bm25.line()}")
    for line in total.levels.lines():
        print(f"ALL  suggested level {line}" if line.startswith("agreement") else line)
    for line in total.perspective():
        print(f"ALL  {line}")
    n = total.ours.count or 1
    print(f"recall@5 {total.ours.recall5 / n:.3f} {total.bm25.recall5 / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
