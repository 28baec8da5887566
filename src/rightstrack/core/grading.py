"""Grading schemes as data: every scheme maps its grades to a comparable score (0–1).

A scheme is a fixed list with a version; the store loads these definitions, and an import that
meets a grade its scheme does not define reports it instead of inventing one.

>>> SCHEMES["iri"].grade("partially").score
Decimal('0.5')
>>> SCHEMES["hrc-2012"].grade("N/A").score is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class GradeDef:
    code: str
    label: str
    score: Decimal | None  # None: the grade carries no implementation level (no information)


@dataclass(frozen=True)
class SchemeDef:
    code: str
    name: str
    description: str
    grades: tuple[GradeDef, ...]

    def grade(self, code: str) -> GradeDef:
        for grade in self.grades:
            if grade.code == code:
                return grade
        raise KeyError(f"grading scheme {self.code!r} has no grade {code!r}")


_D = Decimal

IRI = SchemeDef(
    "iri",
    "UPR Info implementation levels (IRI)",
    "A stakeholder's claim on a UPR recommendation, scored as in UPR Info's Methodology.",
    (
        GradeDef("not", "not implemented", _D("0")),
        GradeDef("partially", "partially implemented", _D("0.5")),
        GradeDef("fully", "fully implemented", _D("1")),
    ),
)

HRC_2019 = SchemeDef(
    "hrc",
    "Human Rights Committee follow-up grades (A–E)",
    "The Committee's follow-up assessment of a State's action on selected concluding observations.",
    (
        GradeDef("A", "Response/action largely satisfactory", _D("1")),
        GradeDef("B", "Response/action partially satisfactory", _D("0.5")),
        GradeDef("C", "Response/action not satisfactory", _D("0")),
        GradeDef("D", "No cooperation with the Committee", None),
        GradeDef(
            "E", "Information or measures contrary to or reflecting rejection of the recommendation", _D("0")
        ),
    ),
)

HRC_2012 = SchemeDef(
    "hrc-2012",
    "Human Rights Committee follow-up grades (A1–C, N/A)",
    "The grades used in NGO follow-up of concluding observations around 2012 (seed 003).",
    (
        GradeDef("A1", "Response fully satisfactory", _D("1")),
        GradeDef("A2", "Response largely satisfactory", _D("0.75")),
        GradeDef("B1", "Partially satisfactory: progress made, additional information needed", _D("0.5")),
        GradeDef("B2", "Partially satisfactory: progress made, additional action required", _D("0.5")),
        GradeDef("B3", "Partially satisfactory: initial action taken, implementation pending", _D("0.25")),
        GradeDef("C", "Response not satisfactory", _D("0")),
        GradeDef("N/A", "No information available", None),
    ),
)

HRC_2013 = SchemeDef(
    "hrc-2013",
    "Human Rights Committee follow-up grades (A, B1–C2, D1–D2, E)",
    "The Committee's own follow-up grades in its progress reports of about 2013–2017 (e.g. CCPR/C/118/2),"
    " defined there under 'Assessment of replies'.",
    (
        GradeDef("A", "Reply/action satisfactory: response largely satisfactory", _D("1")),
        GradeDef("B1", "Substantive action taken, but additional information required", _D("0.5")),
        GradeDef("B2", "Initial action taken, but additional information and measures required", _D("0.5")),
        GradeDef("C1", "Response received but actions taken do not implement the recommendation", _D("0")),
        GradeDef("C2", "Response received but not relevant to the recommendation", _D("0")),
        GradeDef("D", "No cooperation with the Committee", None),
        GradeDef(
            "D1",
            "No response received within the deadline, or no reply to a specific question in the report",
            None,
        ),
        GradeDef("D2", "No response received after reminder(s)", None),
        GradeDef(
            "E",
            "Response indicates that the measures taken are contrary to the Committee's recommendations",
            _D("0"),
        ),
    ),
)

SCHEMES: dict[str, SchemeDef] = {scheme.code: scheme for scheme in (IRI, HRC_2019, HRC_2012, HRC_2013)}
