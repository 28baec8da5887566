"""Grading schemes as data: every scheme maps its grades to a comparable score (0–1).

A scheme is a fixed list with a version; the store loads these definitions, and an import that
meets a grade its scheme does not define reports it instead of inventing one.

>>> SCHEMES["iri"].grade("partially").score
Decimal('0.5')
>>> SCHEMES["hrc-2012"].grade("N/A").score is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from rightstrack.core.iri import OUTCOME_OF_LEVEL, IriResult, Level, Outcome, recommendation_iri


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


# --- A graded recommendation's comparable level -----------------------------------------------------


@dataclass(frozen=True)
class GradeClaim:
    """One grade given on a recommendation (a limb of it), under any scheme but the IRI's.

    ``who`` names the stakeholder (the Committee, an NGO), ``when`` the date of the document that gave
    the grade (``None`` when unknown), ``score`` the grade's score (``None``: it carries no level),
    ``limb`` what it grades (an assessment's sub-item, ``""``: the whole paragraph).
    """

    who: object
    when: date | None
    score: Decimal | None
    limb: str = ""


def level_of_grade_score(score: Decimal) -> Level:
    """A grade's score on the IRI's three levels: 1 → fully, 0 → not, anything between → partially.

    >>> [level_of_grade_score(_D(s)).value for s in ("1", "0.75", "0.5", "0.25", "0")]
    ['fully', 'partially', 'partially', 'partially', 'not']
    """
    if score < 0 or score > 1:
        raise ValueError(f"a grade's score lies between 0 and 1, not {score}")
    if score == 1:
        return Level.FULLY
    if score == 0:
        return Level.NOT
    return Level.PARTIALLY


def latest_grades(grades: Iterable[GradeClaim]) -> list[GradeClaim]:
    """Each stakeholder's grades from its latest dated document (all of them when none is dated):
    a later follow-up report's grades replace an earlier round's. The same grade of the same limb
    given on the same date by two documents (a report and its JSON) counts once.

    >>> latest_grades([GradeClaim("CCPR", date(2016, 1, 1), _D("1"), "(a)"),
    ...                GradeClaim("CCPR", date(2018, 1, 1), _D("0"), "(a)"),
    ...                GradeClaim("CCPR", date(2018, 1, 1), _D("0"), "(a)")])
    [GradeClaim(who='CCPR', when=datetime.date(2018, 1, 1), score=Decimal('0'), limb='(a)')]
    """
    by_who: dict[object, list[GradeClaim]] = {}
    for grade in dict.fromkeys(grades):
        by_who.setdefault(grade.who, []).append(grade)
    kept: list[GradeClaim] = []
    for claims in by_who.values():
        dates = [claim.when for claim in claims if claim.when is not None]
        latest = max(dates) if dates else None
        kept += [claim for claim in claims if claim.when == latest]
    return kept


def graded_result(grades: Sequence[GradeClaim]) -> IriResult:
    """The comparable level of a recommendation from the grades given on it (INDEXES.md).

    Each stakeholder's latest grades count (one per limb graded); the score is the mean of their
    scores and becomes a level by :func:`level_of_grade_score`. Grades with no score (D, N/A) say
    "no information": with nothing else, the outcome is "no answer".

    >>> result = graded_result([GradeClaim("CCPR", None, _D("0.5")), GradeClaim("CCPR", None, _D("0"))])
    >>> result.outcome.value, result.score, result.basis
    ('partially implemented', Decimal('0.25'), 'grades')
    >>> graded_result([GradeClaim("CCPR", None, None)]).outcome.value
    'no answer'
    """
    kept = latest_grades(grades)
    scores = [grade.score for grade in kept if grade.score is not None]
    if not scores:
        return IriResult(Outcome.NO_ANSWER, None, len(kept), "grades")
    score = sum(scores, Decimal(0)) / len(scores)
    return IriResult(OUTCOME_OF_LEVEL[level_of_grade_score(score)], score, len(kept), "grades")


def recommendation_level(
    claims: Sequence[Level | None],
    grades: Sequence[GradeClaim] = (),
    published: Level | None = None,
    published_undetermined: bool = False,
) -> IriResult:
    """A recommendation's level: its IRI (:func:`~rightstrack.core.iri.recommendation_iri`) when any
    assessment claims an IRI level or a source published one; else, when it is graded under another
    scheme (a treaty body's A–E), the level of those grades (:func:`graded_result`) — never
    "undetermined" for a graded recommendation.

    ``claims`` has one entry per assessment (its IRI level or ``None``), ``grades`` one per
    assessment graded under another scheme.

    >>> recommendation_level([None, None], [GradeClaim("CCPR", None, _D("1"))]).outcome.value
    'fully implemented'
    >>> recommendation_level([None]).outcome.value
    'undetermined'
    """
    uses_iri = any(claim is not None for claim in claims) or published is not None or published_undetermined
    if grades and not uses_iri:
        return graded_result(grades)
    return recommendation_iri(claims, published=published, published_undetermined=published_undetermined)
