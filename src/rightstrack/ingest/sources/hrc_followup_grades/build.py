"""Records from the paired overview blocks and detailed tables.

>>> opening("The State party should, in particular, take measures to eradicate all forms")
'The State party should, in particular, take measures…'
"""

from __future__ import annotations

from collections.abc import Sequence

from rightstrack.core.grading import SCHEMES
from rightstrack.core.records import (
    AssessmentRecord,
    Problem,
    RecommendationRecord,
    ReviewKey,
    StakeholderRecord,
)

from .blocks import Block, Graded
from .cells import Cell

SCHEME = "hrc-2012"
CO_SCHEME = "ccpr-co-paragraph"
OPENING_WORDS = 8
_LABELS = ("Overview", "Action taken by the State", "Other comments")


def opening(text: str, words: int = OPENING_WORDS) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when there are more."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:") + "…"


def pair(overview: Sequence[Block], detail: Sequence[Block]) -> list[tuple[Block, Block | None]]:
    """Each overview block with its detailed table (same paragraph number), or None when there is none."""
    tables = {block.number: block for block in detail}
    return [(block, tables.get(block.number)) for block in overview]


def recommendation(block: Block, review: ReviewKey) -> RecommendationRecord:
    """The paragraph's recommendation: its graded sentences, as the overview quotes them."""
    return RecommendationRecord(
        ref=block.number,
        ref_scheme=CO_SCHEME,
        text=" ".join(" ".join(row.text.paras) for row in block.rows),
        place=block.place(),
        review=review,
    )


def assessments(
    block: Block, table: Block | None, review: ReviewKey, author: StakeholderRecord, problems: list[Problem]
) -> list[AssessmentRecord]:
    """One assessment per graded sub-recommendation: the grade and all comments, labelled."""
    found: list[AssessmentRecord] = []
    codes = {grade.code for grade in SCHEMES[SCHEME].grades}
    openings = _openings([row.text.text for row in block.rows])
    for position, row in enumerate(block.rows, start=1):
        place = block.place(row.grade_cell.line, position)
        detailed = table.rows[position - 1] if table is not None else None
        if detailed is not None and detailed.grade != row.grade:
            problems.append(
                Problem(
                    place,
                    f"graded {row.grade!r} here, {detailed.grade!r} in the detailed table"
                    f" (line {detailed.grade_cell.line}): the overview's grade is kept",
                )
            )
        level = row.grade if row.grade in codes else None
        if level is None:
            problems.append(Problem(place, f"grade {row.grade!r} is not in scheme {SCHEME!r}: no level"))
        found.append(
            AssessmentRecord(
                recommendation_ref=block.number,
                stakeholder=author,
                text=_labelled(row, detailed, place.describe(), problems, table),
                place=place,
                level=level,
                level_basis="stated" if level else "",
                scheme=SCHEME,
                recommendation_review=review,
                sub_item=openings[position - 1],
            )
        )
    return found


def _openings(texts: list[str]) -> list[str]:
    """Opening words long enough to tell the sub-recommendations of a paragraph apart."""
    words = OPENING_WORDS
    while True:
        found = [opening(text, words) for text in texts]
        if len(set(found)) == len(found) or all(opening(t, words) == " ".join(t.split()) for t in texts):
            return found
        words += 4


def _labelled(
    row: Graded, detailed: Graded | None, where: str, problems: list[Problem], table: Block | None
) -> str:
    """``Overview: …`` / ``Action taken by the State: …`` / ``Other comments: …``, empty parts left out."""
    comments: list[list[Cell]] = [row.comments, [], []]
    if detailed is not None:
        cells = detailed.comments
        comments[1] = cells[:1]
        comments[2] = cells[1:]
        if len(cells) > 2 and table is not None:
            problems.append(
                Problem(
                    table.place(cells[2].line),
                    f"{len(cells)} comment cells for {where}: the extra ones read as other comments",
                )
            )
    parts = []
    for label, cells in zip(_LABELS, comments, strict=True):
        text = "\n\n".join(cell.text for cell in cells if cell.text)
        if text:
            parts.append(f"{label}: {text}")
    return "\n\n".join(parts)
