"""Parser of NGO follow-up reports grading a State's action on the Human Rights Committee's
concluding observations, sub-recommendation by sub-recommendation (A1, A2, B1, B2, B3, C, N/A).

The text (a Word table converted to text) first gives an overview per followed-up paragraph
(``Recommendation N``: sentence | grade | overview), then a detailed table per paragraph
(``Paragraph N``: the Committee's concern, then sentence | grade | action taken by the State | other
comments), footnotes and the grade key. ``README.md`` in this folder describes the layout; the
reference document is seed ``003`` (Kazakhstan, 2012).

>>> detect("\\tRecommendation 7\\n\\tGrade\\n\\nParagraph 7\\n\\n\\tRecommendations from the HR Committee\\n")
True
>>> detect("Paragraph 18 (accountability ...):\\tThe State party should ...")
False
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.grading import SCHEMES
from rightstrack.core.records import ParsedDocument, Place, Problem, ReviewKey, StakeholderRecord
from rightstrack.core.states import resolve_state, state_info

from .blocks import OVERVIEW, Block, read_blocks
from .build import SCHEME, assessments, pair, recommendation
from .cells import read_tokens
from .grades import check_definitions, read_definitions

KIND = "hrc-followup-grades"
_DETECT_RECOMMENDATION = re.compile(r"^ ?\tRecommendation \d{1,3}\s*$", re.MULTILINE)
_DETECT_TABLE = re.compile(r"^\tRecommendations from the HR Committee\s*$", re.MULTILINE)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\b")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Concluding observations a follow-up report may leave unnamed, known by their State and the
# paragraphs the Committee selected for follow-up: (State, paragraphs) -> (symbol, report, year adopted).
KNOWN_FOLLOW_UPS: tuple[tuple[str, tuple[str, ...], str, int, int], ...] = (
    ("KAZ", ("7", "21", "25", "26"), "CCPR/C/KAZ/CO/1", 1, 2011),
)


def detect(text: str) -> bool:
    """Whether ``text`` looks like such a report: ``Recommendation N`` cells and the detailed table header."""
    return _DETECT_RECOMMENDATION.search(text) is not None and _DETECT_TABLE.search(text) is not None


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Everything the report holds. Raises :class:`DocumentRejected` (place and reason) on unreadable input.

    ``issue_labels`` is accepted for a common interface; the report is filed by paragraph, not by issue.
    """
    del issue_labels
    if not text.strip():
        raise DocumentRejected("the text is empty", Place(line=1))
    if _CONTROL.search(text):
        raise DocumentRejected("the text holds control characters: not a decoded text", Place(line=1))
    if not _DETECT_RECOMMENDATION.search(text):
        raise DocumentRejected("not a graded follow-up report: no 'Recommendation N' table", Place(line=1))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tokens = read_tokens(lines)
    problems = list(tokens.problems)
    overview, detail = read_blocks(tokens, problems)
    if not overview:
        raise DocumentRejected("not a graded follow-up report: no 'Recommendation N' block", Place(line=1))
    _check_pairs(overview, detail, len(lines))
    if not tokens.definitions:
        raise DocumentRejected(
            "the text does not end with the grade key ('Grade A: …'): the document looks truncated",
            Place(line=len(lines), section="grade key"),
        )
    state = _state(text)
    review, symbol = _review(state, [block.number for block in overview], problems)
    author = StakeholderRecord(
        f"Unnamed NGO authors (follow-up of {symbol or 'CCPR concluding observations'})", "", "ngo"
    )
    problems.append(Problem(Place(line=1, section=OVERVIEW), "the document does not name its authors"))
    found = []
    for block, table in pair(overview, detail):
        found += assessments(block, table, review, author, problems)
    end = Place(line=tokens.definitions[0][0] if tokens.definitions else len(lines), section="grade key")
    used = [
        (row.grade, block.place(row.grade_cell.line, k))
        for block in overview
        for k, row in enumerate(block.rows, 1)
    ]
    problems += check_definitions(read_definitions(tokens.definitions), SCHEMES[SCHEME], used, end)
    if tokens.footnotes:
        problems.append(
            Problem(
                Place(line=tokens.footnotes[0], section="footnotes"),
                f"{len(tokens.footnotes)} footnotes not attached: their marks did not survive",
            )
        )
    numbers = ", ".join(block.number for block in overview)
    return ParsedDocument(
        kind=KIND,
        title=f"NGO follow-up of the Human Rights Committee's concluding observations on "
        f"{state_info(state).name}: paragraphs {numbers}",
        review=review,
        recommendations=[recommendation(block, review) for block in overview],
        assessments=found,
        stakeholders=[author],
        author=author,
        problems=sorted(problems, key=lambda problem: problem.place.line or 0),
        symbol="",
    )


def _check_pairs(overview: Sequence[Block], detail: Sequence[Block], end: int) -> None:
    """Rejects unless every overview block has its detailed table, with as many graded rows."""
    numbers = [block.number for block in overview]
    tables = [block.number for block in detail]
    if len(set(numbers)) != len(numbers):
        raise DocumentRejected(f"a paragraph is given twice in the overview: {numbers}", Place(line=1))
    if numbers != tables:
        missing = [n for n in numbers if n not in tables]
        where = Place(line=end, section="detailed table") if missing else Place(line=detail[0].line)
        raise DocumentRejected(
            f"the overview grades paragraphs {', '.join(numbers)} but the detailed tables are for "
            f"{', '.join(tables) or 'none'}: the document looks truncated or out of order",
            where,
        )
    for block, table in zip(overview, detail, strict=True):
        if len(block.rows) != len(table.rows):
            raise DocumentRejected(
                f"paragraph {block.number}: the overview grades {len(block.rows)} sentences, "
                f"the detailed table {len(table.rows)}",
                table.place(),
            )


def _state(text: str) -> str:
    """The State named most often (it must be named at least twice, more than any other)."""
    counts = Counter(code for name in _CAPITALISED.findall(text) if (code := resolve_state(name)))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        raise DocumentRejected("cannot tell which State the report is about", Place(line=1))
    return ranked[0][0]


def _review(state: str, numbers: list[str], problems: list[Problem]) -> tuple[ReviewKey, str]:
    """The concluding observations followed up, known by State and follow-up paragraphs."""
    place = Place(line=1, section=OVERVIEW)
    for known_state, paragraphs, symbol, report, year in KNOWN_FOLLOW_UPS:
        if (known_state, tuple(numbers)) == (state, paragraphs):
            problems.append(
                Problem(
                    place,
                    f"the document does not name the concluding observations it follows "
                    f"up: {symbol} ({year}), whose follow-up paragraphs are {', '.join(numbers)}",
                )
            )
            return ReviewKey(state, "CCPR", report, year=year), symbol
    problems.append(Problem(place, "the document does not name the concluding observations it follows up"))
    return ReviewKey(state, "CCPR"), ""
