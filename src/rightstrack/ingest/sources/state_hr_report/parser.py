"""Interface of the "Report on Human Rights in <State>" parser: :func:`detect` and :func:`parse`.

>>> detect("## Report on Human Rights in Kazakhstan\\n...Human Rights Priority Action Plan\\n"
...        "No\\tEvent name\\tCompletion form\\tTimeline\\tResponsible performers")
True
>>> detect("Kazakhstan Mid-term Implementation Assessment")
False
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rightstrack.core.records import ParsedDocument, Problem, ReviewKey, TreatyRecord

from .action_plan import read_plan
from .front import looks_like_report, read_authors, read_title
from .letter import letter_priorities, noted_chart
from .regional import coe_treaties, ilo_conventions
from .text import Outline, checked_lines
from .treaties import core_treaties, osce_commitments, thematic_treaties
from .upr import MECHANISM, review_infos

KIND = "state-hr-report"
#: The review the report is mainly about: the latest UPR cycle it describes.
MAIN_CYCLE = 3


def detect(text: str) -> bool:
    """Whether ``text`` looks like this report: its title near the top and the action plan's table."""
    return looks_like_report(text)


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """The treaty inventory, UPR reviews, OHCHR priorities and action plan of the report.

    Raises :class:`~rightstrack.core.errors.DocumentRejected` (place and reason) when the text is
    empty, is not this report, or its treaty table or action plan cannot be read whole.
    ``issue_labels`` is accepted for the common interface; the plan's themes are its own section titles.
    """
    del issue_labels
    lines = checked_lines(text)
    _, title, state = read_title(lines)
    outline = Outline.of(lines)
    problems: list[Problem] = []
    stated: dict[str, int] = {}
    plan = read_plan(lines, outline)
    treaties: list[TreatyRecord] = [
        *core_treaties(lines, outline, problems),
        *ilo_conventions(lines, outline, problems, stated),
        *coe_treaties(lines, outline, problems),
        *osce_commitments(lines, outline),
        *thematic_treaties(lines, outline, problems),
    ]
    problems += _disagreements(treaties)
    infos = review_infos(lines, outline, state, problems, stated)
    review = next(
        (info.review for info in infos if info.review.cycle == MAIN_CYCLE),
        ReviewKey(state, MECHANISM, cycle=MAIN_CYCLE),
    )
    recommendations = letter_priorities(lines, outline, problems)
    noted_chart(lines, outline, problems)
    author, stakeholders = read_authors(lines, problems)
    problems += plan.problems + plan.register.problems
    return ParsedDocument(
        kind=KIND,
        title=title,
        review=review,
        recommendations=recommendations,
        stakeholders=stakeholders,
        stated_counts=stated,
        author=author,
        problems=sorted(problems, key=lambda problem: problem.place.line or 0),
        measures=plan.measures,
        treaties=treaties,
        review_infos=infos,
    )


def _disagreements(treaties: Sequence[TreatyRecord]) -> list[Problem]:
    """A treaty listed in two tables (ILO conventions are, twice) with different dates."""
    first: dict[str, TreatyRecord] = {}
    problems = []
    for treaty in treaties:
        before = first.setdefault(treaty.code, treaty) if treaty.code else treaty
        if before is not treaty and before.date != treaty.date:
            problems.append(
                Problem(
                    treaty.place,
                    f"{treaty.code} dated {treaty.date_text!r} here and {before.date_text!r} at line "
                    f"{before.place.line}",
                )
            )
    return problems
