"""What ``bench.evidence`` reads of another tracker's assessment sheet: cited paragraphs written as lists
or ranges, grades written as the Committee's older sub-grades, rows that cannot be measured."""

from __future__ import annotations

import doctest
from pathlib import Path

import bench.evidence
from bench.evidence import _judgements, _measurable, _references

HEADER = "paragraph,recommending_state,position,primary_theme,grade,text,sources\n"


def test_the_benchmarks_own_examples_hold() -> None:
    failed, tried = doctest.testmod(bench.evidence)
    assert tried >= 2 and failed == 0


def test_a_sheet_with_older_grades_ranges_and_unmeasurable_rows_is_read_as_far_as_it_can_be(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "assessment.csv"
    sheet.write_text(
        HEADER
        + '118.1,Chile,supported,Theme,B2,Ratify the Convention,"A/HRC/WG.6/53/XXX/1 paras. 6-7 and 9"\n'
        + "118.2,Chile,supported,Theme,c1,Adopt a law,A/HRC/WG.6/53/XXX/2 para. 4\n"
        + "118.3,Chile,noted,Theme,N/A,,A/HRC/WG.6/53/XXX/3 para. 2\n"
        + "118.1,Peru,supported,Theme,A,Ratify the Convention,A/HRC/WG.6/53/XXX/3 para. 1\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    kept = _measurable("xxx", sheet, out)  # no text (118.3) and a paragraph again (118.1) left out
    assert kept.parent == out
    assert _references(kept) == {"118.1": "partially", "118.2": "not"}
    assert _judgements(kept) == {
        "118.1": {f"A/HRC/WG.6/53/XXX/1 para. {n}" for n in (6, 7, 9)},
        "118.2": {"A/HRC/WG.6/53/XXX/2 para. 4"},
    }
