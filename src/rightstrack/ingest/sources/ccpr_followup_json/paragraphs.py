"""``hrc.paragraphs``: one recommendation per paragraph, one assessment per graded limb, with checks.

>>> same_meaning("Information/action not satisfactory", "Response/action not satisfactory")
True
>>> limb_letters("(c) to (f)"), limb_letters("(a) and (b)"), limb_letters("")
(['c', 'd', 'e', 'f'], ['a', 'b'], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.grading import SchemeDef
from rightstrack.core.records import (
    AssessmentRecord,
    Place,
    Problem,
    RecommendationRecord,
    ReviewKey,
    StakeholderRecord,
)

from .shape import child, expect
from .shape import field as get

CO_SCHEME = "ccpr-co-paragraph"
_PARA = re.compile(r"^\d{1,3}$")
_LIMB_IN_TEXT = re.compile(r"\(([a-z])\)\s*(\S)")
_LETTER = re.compile(r"\(([a-z])\)")
_RANGE = re.compile(r"\(([a-z])\)\s*to\s*\(([a-z])\)")
_MEANING_PREFIX = re.compile(r"^(?:information|response)\s*/\s*")
_NON_WORD = re.compile(r"\W+")
_RECOMMENDED_ACTION = re.compile(r"\bRecommended action:")
_STRAY_NUMBER = re.compile(r"[.;]\s+(\d{1,3})\s*$")


@dataclass
class Read:
    recommendations: list[RecommendationRecord] = field(default_factory=list)
    assessments: list[AssessmentRecord] = field(default_factory=list)
    grades: list[str] = field(default_factory=list)  # every limb's grade as written
    problems: list[Problem] = field(default_factory=list)


def same_meaning(written: str, label: str) -> bool:
    """Whether a grade's meaning says what the scheme's label says ("Information/" = "Response/")."""

    def norm(text: str) -> str:
        return _NON_WORD.sub(" ", _MEANING_PREFIX.sub("", text.strip().casefold())).strip()

    return norm(written) == norm(label)


def limb_letters(limb: str) -> list[str]:
    """The letters a limb label covers: ``(c) to (f)`` is c, d, e, f."""
    letters: list[str] = []
    for match in _RANGE.finditer(limb):
        letters += [chr(c) for c in range(ord(match.group(1)), ord(match.group(2)) + 1)]
    rest = _RANGE.sub(" ", limb)
    letters += _LETTER.findall(rest)
    return sorted(set(letters))


def read_paragraphs(
    items: list[Any], review: ReviewKey, scheme: SchemeDef, committee: StakeholderRecord, editorial: bool
) -> Read:
    read = Read()
    seen: set[str] = set()
    for index, item in enumerate(items):
        path = child("hrc.paragraphs", index)
        paragraph = expect(item, path, dict)
        number = get(paragraph, "para", path, str).strip()
        place = Place(section=path, paragraph=number)
        if not _PARA.match(number) or number in seen:
            reason = "is given twice" if number in seen else "is not a paragraph number"
            raise DocumentRejected(f"para {number!r} {reason}", place)
        seen.add(number)
        text = get(paragraph, "recommendation", path, str).strip()
        title = get(paragraph, "title", path, str).strip() if "title" in paragraph else ""
        read.recommendations.append(
            RecommendationRecord(
                ref=number,
                ref_scheme=CO_SCHEME,
                text=text,
                place=place,
                theme_heading="" if editorial else title,
                review=review,
            )
        )
        read.problems += _check_text(text, place)
        limbs = get(paragraph, "limbs", path, list)
        if not limbs:
            read.problems.append(Problem(place, "no graded limb"))
        grades: list[str] = []
        for limb_index, limb_item in enumerate(limbs):
            limb_path = child(child(path, "limbs"), limb_index)
            assessment, grade = _limb(
                limb_item, limb_path, number, text, review, scheme, committee, read.problems
            )
            read.assessments.append(assessment)
            grades.append(grade)
        read.grades += grades
        header = _header_grades(paragraph, path, grades)
        if header != grades:
            read.problems.append(
                Problem(place, f"header grades {header} differ from the limbs' grades {grades}")
            )
    return read


def _header_grades(paragraph: dict[str, Any], path: str, grades: list[str]) -> list[str]:
    """The grades listed in the paragraph's heading (the limbs' grades when it lists none)."""
    if "header_grades" not in paragraph:
        return grades
    listed = get(paragraph, "header_grades", path, list)
    return [expect(grade, child(child(path, "header_grades"), i), str) for i, grade in enumerate(listed)]


def _limb(
    item: object,
    path: str,
    number: str,
    text: str,
    review: ReviewKey,
    scheme: SchemeDef,
    committee: StakeholderRecord,
    problems: list[Problem],
) -> tuple[AssessmentRecord, str]:
    limb = expect(item, path, dict)
    label = get(limb, "limb", path, str).strip()
    grade = get(limb, "grade", path, str).strip()
    evaluation = get(limb, "eval", path, str)
    place = Place(section=path, paragraph=number)
    codes = {g.code: g for g in scheme.grades}
    level = grade if grade in codes else None
    if level is None:
        problems.append(Problem(place, f"grade {grade!r} is not in scheme {scheme.code!r}: no level"))
    elif "meaning" in limb and not same_meaning(get(limb, "meaning", path, str), codes[grade].label):
        problems.append(
            Problem(place, f"meaning {limb['meaning']!r} differs from the scheme's {codes[grade].label!r}")
        )
    missing = [letter for letter in limb_letters(label) if f"({letter})" not in text]
    if missing:
        problems.append(Problem(place, f"limb {label!r}: the recommendation has no ({'), ('.join(missing)})"))
    problems += _check_evaluation(evaluation, place)
    assessment = AssessmentRecord(
        recommendation_ref=number,
        stakeholder=committee,
        text=evaluation,
        place=place,
        level=level,
        level_basis="stated" if level else "",
        scheme=scheme.code,
        recommendation_review=review,
        sub_item=label,
    )
    return assessment, grade


def _check_text(text: str, place: Place) -> list[Problem]:
    """A lettered limb starting in lower case: the PDF's words came out of order around it."""
    return [
        Problem(place, f"limb ({match.group(1)}) starts in lower case: the text may be scrambled there")
        for match in _LIMB_IN_TEXT.finditer(text)
        if match.group(2).islower()
    ]


def _check_evaluation(evaluation: str, place: Place) -> list[Problem]:
    problems = []
    if _RECOMMENDED_ACTION.search(evaluation):
        problems.append(
            Problem(place, "the evaluation runs on into the report's 'Recommended action' (kept as is)")
        )
    stray = _STRAY_NUMBER.search(evaluation)
    if stray:
        problems.append(
            Problem(place, f"the evaluation ends with a stray {stray.group(1)!r} (a page number?)")
        )
    return problems
