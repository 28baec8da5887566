"""Grades as written (``B2``, ``N/A``, Cyrillic look-alikes) and the grade key at the end of the document.

>>> read_grade("В2"), read_grade("N/A"), read_grade("1."), read_grade("C")
('B2', 'N/A', None, 'C')
>>> read_definitions([(1, "Grade A: Implementation Satisfactory:"), (2, "A1 Response fully satisfactory"),
...                   (3, "B1: some progress"), (4, "N/A: no information available")])
{'A1': ['Response fully satisfactory'], 'B1': ['some progress'], 'N/A': ['no information available']}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from rightstrack.core.grading import SchemeDef
from rightstrack.core.records import Place, Problem

# Cyrillic capitals that look like Latin ones (А В С Е Н К М О Р Т Х), typed by mistake in grade cells.
_LOOK_ALIKES = MappingProxyType(str.maketrans("АВСЕНКМОРТХ", "ABCEHKMOPTX"))
_GRADE = re.compile(r"^(?:[A-E][1-3]?|N/?A)$")
_DEFINITION = re.compile(r"^([A-E][1-3]?|N/A)\s*:?\s+(\S.*?)\s*$")


def read_grade(text: str) -> str | None:
    """The grade code a cell holds, Cyrillic look-alikes read as Latin; None when it is no grade."""
    code = text.strip().translate(_LOOK_ALIKES).upper()
    if not _GRADE.match(code):
        return None
    return "N/A" if code in ("NA", "N/A") else code


def read_definitions(lines: Sequence[tuple[int, str]]) -> dict[str, list[str]]:
    """The grade key: code -> the definitions the document gives it (it may give two)."""
    found: dict[str, list[str]] = {}
    for _, text in lines:
        match = _DEFINITION.match(text)
        if match:
            found.setdefault(match.group(1), []).append(match.group(2))
    return found


def check_definitions(
    definitions: Mapping[str, list[str]], scheme: SchemeDef, used: Sequence[tuple[str, Place]], end: Place
) -> list[Problem]:
    """Problems where the document's grade key and ``scheme`` differ, or a grade used is undefined."""
    problems: list[Problem] = []
    codes = {grade.code for grade in scheme.grades}
    if not definitions:
        return [
            Problem(end, f"no grade key at the end of the document: grades read as scheme {scheme.code!r}")
        ]
    for code in sorted(set(definitions) - codes):
        problems.append(Problem(end, f"the document defines grade {code!r}, scheme {scheme.code!r} does not"))
    for code in sorted(codes - set(definitions)):
        problems.append(
            Problem(end, f"scheme {scheme.code!r} has grade {code!r}, the document does not define it")
        )
    for code, place in used:
        if code not in definitions:
            problems.append(Problem(place, f"grade {code!r} is used but not defined by the document's key"))
    return problems
