"""Parser of the Human Rights Committee's follow-up progress reports (``CCPR/C/NNN/2`` and addenda), as text.

Each graded limb becomes an assessment by the Committee (scheme ``hrc`` for A–E, ``hrc-2013`` for the
older A, B1, B2, C1, C2, D1, D2, E), attached to the concluding observations' paragraph with the refs
of ``ccpr_followup_json`` (``ccpr-co-paragraph``), so both sources name a recommendation the same way.

>>> detect("CCPR/C/131/2/Add.2\\nReport on follow-up to the concluding observations"
...        " of the Committee\\n[B]: (a)")
True
>>> detect("Report of the Working Group on the Universal Periodic Review")
False
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.followup import decision_kind
from rightstrack.core.grading import SCHEMES
from rightstrack.core.records import (
    AssessmentRecord,
    FollowUpDecisionRecord,
    ParsedDocument,
    Place,
    Problem,
    RecommendationRecord,
    ReviewInfoRecord,
    ReviewKey,
    StakeholderRecord,
)
from rightstrack.core.states import state_info
from rightstrack.ingest.sources.ccpr_followup_json.paragraphs import CO_SCHEME
from rightstrack.ingest.sources.ccpr_followup_json.shape import day, day_range

from .report import ParagraphEvaluation, StateEvaluation, read

KIND = "ccpr-followup-report"
COMMITTEE = StakeholderRecord("Human Rights Committee", "CCPR", "treaty_body")
OTHERS = StakeholderRecord("Other stakeholders (as summarised by the Committee)", "", "ngo")
_TITLE = re.compile(
    r"Report on follow-up to the concluding observations of the (?:Human Rights )?Committee", re.I
)
_SYMBOL = re.compile(r"^\s*CCPR/C/\d{2,3}/\d(?:/Add\.\d+)?\s*$", re.M)
_GRADE = re.compile(r"\[[A-E]\d?\]")
_YEAR = re.compile(r"(\d{4})\s*$")
_DUE_IN_WORDS = re.compile(r"\bdue (?:on|in) ((?:\d{1,2} )?[A-Z][a-z]+ \d{4})")


def detect(text: str) -> bool:
    """Whether ``text`` is a Committee follow-up progress report with bracketed grades."""
    head = " ".join(text[:3000].split())
    return bool(_TITLE.search(head)) and bool(_SYMBOL.search(text[:3000])) and bool(_GRADE.search(text))


def scheme_of(grades: Iterable[str]) -> str:
    """``hrc-2013`` when a grade carries a digit (B1, C2, D1), else ``hrc`` (A–E)."""
    return "hrc-2013" if any(any(c.isdigit() for c in grade) for grade in grades) else "hrc"


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Every State evaluation of the report; raises :class:`DocumentRejected` when it holds none."""
    del issue_labels
    report = read(text)
    if not report.states:
        raise DocumentRejected(
            "no State evaluation: no 'Concluding observations' block naming CCPR/C/XXX/CO/N", Place(line=1)
        )
    _check_whole(report.states)
    problems: list[Problem] = []
    known = [state for state in report.states if _registered(state.state)]
    for state in report.states:
        if state not in known:
            problems.append(
                Problem(
                    Place(line=state.line, section=state.name),
                    f"the evaluation of {state.co_symbol} is not imported: {state.state!r} is not a State"
                    " of the register (Kosovo's observations under UNMIK are CCPR/C/UNK/CO/1)",
                )
            )
    if not known:
        raise DocumentRejected(problems[0].message, problems[0].place)
    report.states = known
    grades = [
        limb.grade for state in report.states for p in state.paragraphs for limb in p.limbs if limb.grade
    ]
    recommendations: list[RecommendationRecord] = []
    assessments: list[AssessmentRecord] = []
    infos: list[ReviewInfoRecord] = []
    decisions: list[FollowUpDecisionRecord] = []
    for state in report.states:
        review = _review(state)
        scheme = SCHEMES[scheme_of(limb.grade for p in state.paragraphs for limb in p.limbs)]
        infos.append(
            ReviewInfoRecord(
                review,
                Place(line=state.line, section=state.name),
                (state.co_symbol, report.symbol),
                adopted_on=day(state.co_date) if state.co_date else None,
            )
        )
        if state.decision:
            decisions.append(_decision(state, review, report.symbol))
        for paragraph in state.paragraphs:
            recommendations.append(_recommendation(paragraph, review, state, problems))
            assessments += _assessments(paragraph, review, state, scheme.code, problems)
        written = [limb.grade for p in state.paragraphs for limb in p.limbs]
        listed = [g for number in state.header_grades for g in state.header_grades[number]]
        if listed and Counter(listed) != Counter(written):
            problems.append(
                Problem(
                    Place(line=state.line, section=state.name),
                    f"the heading lists the grades {listed}, the evaluations give {written}",
                )
            )
    dates = day_range(report.session_dates) if report.session_dates else None
    first = report.states[0]
    names = ", ".join(state.name or state.state for state in report.states)
    return ParsedDocument(
        kind=KIND,
        title=f"Human Rights Committee follow-up report {report.symbol}: {names}",
        review=_review(first),
        recommendations=recommendations,
        assessments=assessments,
        stakeholders=[COMMITTEE, OTHERS],
        stated_counts={"State evaluations": len(report.states), "graded limbs": len(grades)},
        published_on=dates[1] if dates else None,
        author=COMMITTEE,
        problems=problems,
        symbol=report.symbol,
        review_infos=infos,
        follow_up_decisions=decisions,
    )


def _decision(state: StateEvaluation, review: ReviewKey, symbol: str) -> FollowUpDecisionRecord:
    """The Committee's "Recommended action" for the State, with the next periodic report's due date
    (from "Next periodic report: ..." or, failing that, "... which is due on 29 October 2014")."""
    due_text = state.next_report_due
    if not due_text:
        due_in_words = _DUE_IN_WORDS.search(state.decision)
        due_text = due_in_words.group(1) if due_in_words else ""
    return FollowUpDecisionRecord(
        review=review,
        place=Place(line=state.line, section=f"{state.name}: Recommended action"),
        kind=decision_kind(state.decision),
        text=state.decision,
        report_symbol=symbol,
        next_report_due=day(due_text) if due_text else None,
        next_report_due_text=due_text[:200],
    )


def _check_whole(states: list[StateEvaluation]) -> None:
    """Rejects a State evaluation without any paragraph (a layout not read) and a report whose last
    evaluation does not end with the Committee's "Recommended action" (a truncated file)."""
    for state in states:
        if not state.paragraphs:
            raise DocumentRejected(
                f"the evaluation of {state.name} ({state.co_symbol}) has no 'Paragraph N:' heading:"
                " this layout is not read",
                Place(line=state.line, section=state.name),
            )
    last = states[-1]
    if not last.decision:
        raise DocumentRejected(
            f"the evaluation of {last.name} ({last.co_symbol}) ends without the Committee's"
            " 'Recommended action': the file looks truncated",
            Place(line=last.paragraphs[-1].line, section=last.name, paragraph=last.paragraphs[-1].number),
        )


def _review(state: StateEvaluation) -> ReviewKey:
    """``CCPR/C/SVK/CO/4`` of 31 October 2016: Slovakia's 4th periodic report, 2016."""
    year = _YEAR.search(state.co_date)
    return ReviewKey(state.state, "CCPR", state.co_cycle, year=int(year.group(1)) if year else None)


def _recommendation(
    paragraph: ParagraphEvaluation, review: ReviewKey, state: StateEvaluation, problems: list[Problem]
) -> RecommendationRecord:
    place = Place(line=paragraph.line, section=state.name, paragraph=paragraph.number)
    text = paragraph.recommendation
    if not text:
        text = paragraph.title
        problems.append(
            Problem(
                place,
                "the recommendation is not quoted: filed under its title"
                if text
                else "the recommendation is not quoted (the Committee's evaluation only):"
                " matched by its number",
            )
        )
    return RecommendationRecord(
        ref=paragraph.number,
        ref_scheme=CO_SCHEME,
        text=text,
        place=place,
        theme_heading=paragraph.title,
        review=review,
    )


def _assessments(
    paragraph: ParagraphEvaluation,
    review: ReviewKey,
    state: StateEvaluation,
    scheme: str,
    problems: list[Problem],
) -> list[AssessmentRecord]:
    place = Place(line=paragraph.line, section=state.name, paragraph=paragraph.number)
    if not paragraph.limbs:
        problems.append(Problem(place, "no grade in the Committee's evaluation"))
    found = []
    labels = Counter(limb.label for limb in paragraph.limbs)
    seen: set[str] = set()
    for limb in paragraph.limbs:
        sub_item = _sub_item(limb.label, limb.evaluation) if labels[limb.label] > 1 else limb.label
        while sub_item in seen:  # the same words twice: numbered in order
            sub_item = f"{sub_item} #{sum(1 for s in seen if s.startswith(sub_item)) + 1}"
        seen.add(sub_item)
        limb_scheme = scheme
        if limb.grade not in _codes(scheme) and limb.grade in _codes("hrc"):
            limb_scheme = "hrc"  # an A–E grade beside B1, C2...: a later round of the same State
        level = limb.grade if limb.grade in _codes(limb_scheme) else None
        basis = "stated" if level else ""
        if limb.words:
            basis = f"read from the words {limb.words!r}" if level else ""
            if level is None:
                problems.append(Problem(place, f"{limb.label}: {limb.words!r} names no grade: no level"))
        elif level is None:
            problems.append(Problem(place, f"grade {limb.grade!r} is not in scheme {scheme!r}: no level"))
        found.append(
            AssessmentRecord(
                recommendation_ref=paragraph.number,
                stakeholder=COMMITTEE,
                text=limb.evaluation,
                place=place,
                level=level,
                level_basis=basis,
                scheme=limb_scheme,
                recommendation_review=review,
                sub_item=sub_item,
            )
        )
    if paragraph.state_reply:
        found.append(
            AssessmentRecord(
                recommendation_ref=paragraph.number,
                stakeholder=StakeholderRecord(state.name or state.state, state.state, "state"),
                text=paragraph.state_reply,
                place=Place(line=paragraph.line, section="Summary of the State party's reply"),
                recommendation_review=review,
                scheme=scheme,
            )
        )
    if paragraph.other_information:
        found.append(
            AssessmentRecord(
                recommendation_ref=paragraph.number,
                stakeholder=OTHERS,
                text=paragraph.other_information,
                place=Place(line=paragraph.line, section="Summary of information from stakeholders"),
                recommendation_review=review,
                scheme=scheme,
            )
        )
    return found


def _registered(code: str) -> bool:
    try:
        state_info(code)
    except KeyError:
        return False
    return True


def _codes(scheme: str) -> set[str]:
    return {grade.code for grade in SCHEMES[scheme].grades}


def _sub_item(label: str, evaluation: str) -> str:
    """A limb graded twice in one paragraph (two rounds, or grades without letters): the label and the
    evaluation's opening words, so each grade stays its own."""
    opening = " ".join(evaluation.split()[:10])
    return f"{label} {opening}".strip()[:200] if opening else label
