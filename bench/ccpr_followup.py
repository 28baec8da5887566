"""Human Rights Committee follow-up reports: our reading against another project's (reference.json).

    python -m bench.ccpr_followup [DIR]      # DIR: reports/*.txt and reference.json (default below)

For every State of the reference (its latest assessment: ``assessment_symbol``), finds the State in
the report of that symbol and compares paragraphs and, limb by limb in order, the grades. Every
disagreement is classified against the report's own summary of the grades (the evaluation heading,
``13 [B], 25 [B] [C]``): "ours wrong" when the reference's grades are the heading's and ours are not,
"reference wrong" the other way round or when the reference writes the letter of our 2013-scheme
sub-grade (C for the report's C1: in the older reports the heading may list an earlier reply's grades),
"other" when nothing settles it. "Grades exact after reading the disagreements" counts, beside the exact
grades, the limbs of the paragraphs classified "reference wrong" ("exact" itself is unchanged).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rightstrack.ingest.sources.ccpr_followup_report.report import Report, StateEvaluation, read

DEFAULT = Path("/work/shared/data/ccpr-followup")


def _file_symbol(path: Path) -> str:
    """``131_2_Add2.txt`` is CCPR/C/131/2/Add.2."""
    parts = path.stem.split("_")
    symbol = f"CCPR/C/{parts[0]}/{parts[1]}"
    return symbol + (f"/Add.{parts[2].removeprefix('Add')}" if len(parts) > 2 else "")


def _classify(ours: list[str], theirs: list[str], heading: list[str]) -> str:
    if heading and theirs == heading and ours != heading:
        return "ours wrong"
    if heading and ours == heading and theirs != heading:
        return "reference wrong"
    if _letters_of_ours(ours, theirs):
        return "reference wrong"
    return "other"


def _letters_of_ours(ours: list[str], theirs: list[str]) -> bool:
    """Whether the reference writes, limb by limb, our grade or the letter of our 2013-scheme sub-grade
    (C for C1, B for B2): the same reading, but the report's own code is ours.

    This settles disagreements the heading cannot: in the older reports a State evaluated over several
    replies has its heading (``10 [B2], 15 [B2] and 16 [B1]``) from an earlier reply's evaluation, while
    both parses read the last reply's grades (CCPR/C/112/2: Togo's third reply, ``[C1]``).
    """
    return (
        len(ours) == len(theirs)
        and ours != theirs
        and all(
            a == b or (len(a) == 2 and a[1].isdigit() and b == a[0])
            for a, b in zip(ours, theirs, strict=True)
        )
    )


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    reference: dict[str, Any] = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    reports: dict[str, Report] = {}
    for path in sorted((folder / "reports").glob("*.txt")):
        reports[_file_symbol(path)] = read(path.read_text(encoding="utf-8"))
    ours_states = sum(len(report.states) for report in reports.values())
    states = paragraphs = paragraphs_found = limbs = exact = recent_limbs = recent_exact = letters = 0
    found_states = 0
    kinds: dict[str, int] = {"ours wrong": 0, "reference wrong": 0, "other": 0}
    settled = 0  # limbs not exact, in paragraphs whose disagreement is "reference wrong"
    lines: list[str] = []
    for code, entry in sorted(reference.items()):
        states += 1
        symbol = entry["assessment_symbol"]
        recent = "/Add." in symbol
        report = reports.get(symbol)
        match: StateEvaluation | None = None
        if report is not None:
            match = next((s for s in report.states if s.state == code), None)
        if match is None:
            lines.append(f"{code} {symbol}: State not found")
        else:
            found_states += 1
        by_number = {p.number: p for p in match.paragraphs} if match else {}
        for paragraph in entry["paragraphs"]:
            paragraphs += 1
            theirs = [limb["grade"] for limb in paragraph["limbs"]]
            limbs += len(theirs)
            recent_limbs += len(theirs) if recent else 0
            ours_paragraph = by_number.get(paragraph["num"])
            if ours_paragraph is None:
                if match is not None:
                    lines.append(f"{code} {symbol} para {paragraph['num']}: paragraph not found")
                continue
            paragraphs_found += 1
            ours = [limb.grade for limb in ours_paragraph.limbs]
            same = sum(1 for a, b in zip(ours, theirs, strict=False) if a == b)
            exact += same
            letters += sum(1 for a, b in zip(ours, theirs, strict=False) if a[:1] == b[:1])
            recent_exact += same if recent else 0
            if ours != theirs:
                heading = (match.header_grades if match else {}).get(paragraph["num"]) or entry.get(
                    "header_grades", {}
                ).get(paragraph["num"], [])
                kind = _classify(ours, theirs, heading)
                kinds[kind] += 1
                if kind == "reference wrong":
                    settled += len(theirs) - same
                lines.append(
                    f"{code} {symbol} para {paragraph['num']}: ours {ours} reference {theirs}"
                    f" heading {heading}: {kind}"
                )
    print(f"reports read: {len(reports)}, State evaluations found in them: {ours_states}")
    print(f"States found: {found_states}/{states}")
    print(f"paragraphs found: {paragraphs_found}/{paragraphs}")
    print(f"grades exact per (State, paragraph, limb): {exact}/{limbs} = {exact / max(limbs, 1):.3f}")
    print(
        f"grades exact after reading the disagreements: {exact} exact + {settled} reference wrong"
        f" = {exact + settled}/{limbs} = {(exact + settled) / max(limbs, 1):.3f}"
    )
    print(
        f"  same letter (the reference writes B for the 2013 scheme's B1 and B2, C for C1 and C2...):"
        f" {letters}/{limbs} = {letters / max(limbs, 1):.3f}"
    )
    print(
        f"  recent layout (addenda, sessions >= 125): {recent_exact}/{recent_limbs}"
        f" = {recent_exact / max(recent_limbs, 1):.3f}"
    )
    print("paragraphs whose grades disagree: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
    for line in lines:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
