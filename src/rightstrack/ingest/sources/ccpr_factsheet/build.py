"""Core records from the sheets: UPR recommendations, quoted Committee paragraphs, links, assessments.

>>> sheet_key("Article 21 and 22 ICCPR – right of peaceful assembly", 7), sheet_key("Article25 ICCPR", 5)
('art21-22', 'art25')
>>> sheet_key("Equal access for people with disabilities", 2), normalise_answer("<p>Noted ✗</p>")
('sheet2', 'noted')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from rightstrack.core.grading import SCHEMES
from rightstrack.core.records import (
    AssessmentRecord,
    LinkRecord,
    Place,
    Problem,
    RecommendationRecord,
    ReviewKey,
    StakeholderRecord,
    SuggestionRecord,
)
from rightstrack.core.states import resolve_state

from .cells import Para, clean, join
from .table import COLUMN_NAMES, HRC, IMPLEMENTATION, SUGGESTIONS, Row, Sheet
from .treaty import FollowUp, Quoted, read_cell

ROW_SCHEME = "ccpr-factsheet-row"
CO_SCHEME = "ccpr-co-paragraph"
COMMITTEE = StakeholderRecord("Human Rights Committee", "CCPR", "treaty_body")
_ARTICLES = re.compile(r"\bArticles?\s*(\d+)((?:\s*(?:and|,|&)\s*\d+)*)", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
_ANSWERS = (("accept", "accepted"), ("support", "accepted"), ("note", "noted"), ("reject", "rejected"))
_HRC_GRADES = frozenset(grade.code for grade in SCHEMES["hrc"].grades)


@dataclass(frozen=True)
class Context:
    upr: ReviewKey  # the review whose recommendations the sheets list
    ccpr: ReviewKey  # the concluding observations quoted
    next_review: ReviewKey  # the review the suggestions are for
    coalition: StakeholderRecord  # who wrote the implementation narratives and the suggestions


@dataclass
class Records:
    recommendations: list[RecommendationRecord] = field(default_factory=list)
    assessments: list[AssessmentRecord] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    suggestions: list[SuggestionRecord] = field(default_factory=list)
    quoted: dict[str, tuple[Quoted, str]] = field(default_factory=dict)  # number -> (quote, sheet title)
    follow_ups: dict[tuple[str, str, str], tuple[FollowUp, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def sheet_key(title: str, position: int) -> str:
    """``art19`` for an ICCPR article's sheet, else ``sheet<position>``."""
    articles = _ARTICLES.search(title)
    if articles is None:
        return f"sheet{position}"
    return "art" + "-".join(_NUMBER.findall(articles.group(1) + articles.group(2)))


def normalise_answer(answer: str) -> str:
    """``accepted``/``noted``/``rejected`` from ``Accepted ✓``, ``Noted ✗``...; "" when unknown."""
    text = clean(answer).casefold()
    return next((code for stem, code in _ANSWERS if text.startswith(stem)), "")


def add_sheet(records: Records, sheet: Sheet, key: str, context: Context) -> None:
    """Adds the records of one sheet."""
    cell = read_cell(sheet.column(HRC).paras)
    numbers = list(dict.fromkeys(quoted.number for quoted in cell.quoted))
    for para in cell.unplaced:
        records.problems.append(
            Problem(_place(sheet, para, HRC), f"Committee text with no paragraph number: {para.text[:80]!r}")
        )
    narrative = sheet.column(IMPLEMENTATION).paras
    records.problems += _mid_sentence(sheet, narrative, IMPLEMENTATION)
    if not narrative:
        records.problems.append(
            Problem(Place(line=sheet.header_line, section=sheet.title), "no implementation text")
        )
    _add_rows(records, sheet, key, context, narrative, numbers)
    _add_quoted(records, sheet, cell.quoted)
    for follow_up in cell.follow_ups:
        records.follow_ups.setdefault(
            (follow_up.number, follow_up.sub_item, follow_up.text), (follow_up, sheet.title)
        )
    suggestions = sheet.column(SUGGESTIONS).paras
    records.problems += _mid_sentence(sheet, suggestions, SUGGESTIONS)
    records.suggestions += [
        SuggestionRecord(
            para.text, _place(sheet, para, SUGGESTIONS), sheet.title, context.next_review, context.coalition
        )
        for para in suggestions
        if not para.heading
    ]


def _add_rows(
    records: Records, sheet: Sheet, key: str, context: Context, narrative: list[Para], numbers: list[str]
) -> None:
    """Each UPR row: its recommendation, the coalition's narrative on it, its links to the Committee."""
    for position, row in enumerate(sheet.rows, start=1):
        ref = f"{key}.{position}"
        place = Place(line=row.line, section=sheet.title, row=position)
        records.recommendations.append(_upr_recommendation(records, sheet, row, ref, place, context))
        if narrative:
            records.assessments.append(
                AssessmentRecord(
                    recommendation_ref=ref,
                    stakeholder=context.coalition,
                    text=join(narrative),
                    place=_place(sheet, narrative[0], IMPLEMENTATION),
                    scheme="iri",
                    recommendation_review=context.upr,
                    # the narrative is the sheet's (an ICCPR article's): a recommendation the fact sheets
                    # cite under two articles gets the coalition's words on each
                    sub_item=sheet.title,
                )
            )
        for number in numbers:
            records.links.append(
                LinkRecord(
                    context.upr,
                    ROW_SCHEME,
                    ref,
                    context.ccpr,
                    CO_SCHEME,
                    number,
                    Place(line=row.line, section=sheet.title, row=position, paragraph=number),
                )
            )


def _upr_recommendation(
    records: Records, sheet: Sheet, row: Row, ref: str, place: Place, context: Context
) -> RecommendationRecord:
    response = normalise_answer(row.answer)
    if not response:
        records.problems.append(Problem(place, f"answer {row.answer!r} is neither accepted nor noted"))
    if resolve_state(row.country) is None:
        records.problems.append(Problem(place, f"recommending State {row.country!r} not recognised"))
    return RecommendationRecord(
        ref=ref,
        ref_scheme=ROW_SCHEME,
        text=" ".join(para.text for para in row.text),
        place=place,
        recommending_states=[row.country],
        response=response,
        theme_heading=sheet.title,
        review=context.upr,
    )


def _add_quoted(records: Records, sheet: Sheet, quoted: list[Quoted]) -> None:
    for quote in quoted:
        if quote.number not in records.quoted:
            records.quoted[quote.number] = (quote, sheet.title)
            continue
        first, title = records.quoted[quote.number]
        if first.text != quote.text:
            records.problems.append(
                Problem(
                    Place(line=quote.line, section=sheet.title, paragraph=quote.number),
                    f"paragraph {quote.number} is quoted differently under '{title}' (line {first.line}):"
                    " the first quotation is kept",
                )
            )


def treaty_records(records: Records, context: Context) -> None:
    """The quoted Committee paragraphs, once each, and the follow-up evaluations quoted with them."""
    for number, (quote, title) in records.quoted.items():
        records.recommendations.append(
            RecommendationRecord(
                ref=number,
                ref_scheme=CO_SCHEME,
                text=quote.text,
                place=Place(line=quote.line, section=title, paragraph=number, cell=COLUMN_NAMES[HRC]),
                theme_heading=quote.heading,
                review=context.ccpr,
            )
        )
    for follow_up, title in records.follow_ups.values():
        place = Place(line=follow_up.line, section=title, paragraph=follow_up.number, cell="follow-up letter")
        level = follow_up.level if follow_up.level in _HRC_GRADES else None
        if follow_up.level and level is None:
            records.problems.append(
                Problem(place, f"follow-up grade [{follow_up.level}] is not in scheme 'hrc'")
            )
        if follow_up.number not in records.quoted:
            records.problems.append(
                Problem(place, f"follow-up of paragraph {follow_up.number or '?'}, not quoted")
            )
        records.assessments.append(
            AssessmentRecord(
                recommendation_ref=follow_up.number,
                stakeholder=COMMITTEE,
                text=follow_up.text,
                place=place,
                level=level,
                level_basis="stated in the follow-up letter quoted by the fact sheet" if level else "",
                scheme="hrc",
                recommendation_review=context.ccpr,
                sub_item=follow_up.sub_item,
            )
        )


def _place(sheet: Sheet, para: Para, column: int) -> Place:
    return Place(line=para.line, section=sheet.title, cell=COLUMN_NAMES[column])


def _mid_sentence(sheet: Sheet, paras: list[Para], column: int) -> list[Problem]:
    """Paragraphs that start in mid-sentence after a finished one: the text between is missing."""
    return [
        Problem(
            _place(sheet, para, column),
            f"text starts in mid-sentence, the words before it are missing: {para.text[:50]!r}",
        )
        for previous, para in pairwise(paras)
        if para.starts_lower and not previous.open_ended
    ]
