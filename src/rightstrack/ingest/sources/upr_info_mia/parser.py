"""Parser of UPR Info's "Mid-term Implementation Assessment" (MIA) text format.

An MIA (UPR Info follow-up programme) gathers what stakeholders said of a State's implementation
of its UPR recommendations, about two years after the review. ``README.md`` in this folder
describes the layout; the reference document is seed ``000`` (Kazakhstan, 3 December 2012).

``parse`` returns every recommendation (commented and uncommented), every stakeholder response as
one assessment per recommendation it answers, the contact figures and the document's own totals,
with every lesser oddity as a non-fatal :class:`~rightstrack.core.records.Problem`. It rejects,
with place and reason, a text it cannot read whole: nothing partial.

>>> detect("Kazakhstan Mid-term Implementation Assessment\\n\\nRecommendation nº1: ...\\n\\nIRI: -")
True
>>> detect("Report on Human Rights in Kazakhstan")
False
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ContactFigure, ParsedDocument, Place, Problem, StakeholderRecord

from .build import assessments, recommendations
from .checks import check_counts, check_headings_inside, check_numbers, checked_lines, last_line
from .feedback import Feedback, read_feedback
from .front import looks_like_mia, published_on, read_title, review_key
from .index_table import Commented, IndexEntry, place_index_rows, read_index_rows
from .issues import IssueMatcher
from .lines import nonblank
from .responders import build_registry
from .sections import Sections, find_sections
from .sources import is_summary, read_contact_figures, read_summary
from .uncommented import UncommentedRow, read_uncommented

KIND = "upr-info-mia"
AUTHOR = StakeholderRecord("UPR Info", "UPR Info", "follow_up_programme")


def detect(text: str) -> bool:
    """Whether ``text`` looks like an MIA: its title near the top, "Recommendation nº" and "IRI:" lines."""
    return looks_like_mia(text)


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Everything an MIA holds. Raises :class:`DocumentRejected` (place and reason) on unreadable input.

    ``issue_labels`` is the vocabulary of UPR Info issues used to split the index's Issue cells
    (longest match first, ignoring case); without it the cells are split on commas.
    """
    lines, problems = checked_lines(text)
    title_index, state = read_title(lines)
    sections = find_sections(lines)
    matcher = IssueMatcher.of(issue_labels)
    stated, summary = _summary(lines, sections)
    feedback, uncommented = _recommendations(lines, sections, matcher, problems)
    check_numbers(feedback, uncommented, stated["total"], last_line(lines, sections))
    problems += check_counts(feedback, uncommented, stated, summary)
    index = _index(lines, sections, feedback, matcher, problems)
    date, date_problems = published_on(nonblank(lines, 0, sections.require("feedback").heading))
    review, review_problems = review_key(state, date)
    registry = build_registry([(r.responder, r.line) for group in feedback.groups for r in group.responses])
    assessed, assessment_problems = assessments(feedback, registry.by_key)
    figures = _contact_figures(lines, sections, problems)
    problems += [*date_problems, *review_problems, *registry.problems, *assessment_problems]
    return ParsedDocument(
        kind=KIND,
        title=lines[title_index].strip(),
        review=review,
        recommendations=recommendations(feedback, uncommented, index),
        assessments=assessed,
        stakeholders=list(registry.by_key.values()),
        contact_figures=figures,
        stated_counts=stated,
        published_on=date,
        author=AUTHOR,
        problems=sorted(problems, key=lambda problem: problem.place.line or 0),
    )


def _summary(lines: Sequence[str], sections: Sections) -> tuple[dict[str, int], Place]:
    """The document's own totals and where it states them (before section 3)."""
    end = sections.require("feedback").heading
    for item in nonblank(lines, 0, end):
        if is_summary(item.clean):
            place = Place(line=item.number, section=sections.name_at(item.index))
            stated = read_summary(item.clean)
            if "total" not in stated:
                raise DocumentRejected(
                    "the IRI summary gives no total ('... out of N recommendations')", place
                )
            return stated, place
    raise DocumentRejected(
        "no IRI summary ('IRI: N recommendations are not implemented, ...') before section 3",
        Place(line=end + 1, section=sections.name_at(end)),
    )


def _recommendations(
    lines: Sequence[str], sections: Sections, matcher: IssueMatcher, problems: list[Problem]
) -> tuple[Feedback, list[UncommentedRow]]:
    """Section 3 and the uncommented table."""
    section = sections.require("feedback")
    feedback = read_feedback(nonblank(lines, section.start, section.end))
    check_headings_inside(lines, sections, section)
    problems += feedback.problems
    table = sections.get("uncommented")
    if table is None:
        return feedback, []
    uncommented, table_problems = read_uncommented(nonblank(lines, table.start, table.end), matcher)
    problems += table_problems
    return feedback, uncommented


def _index(
    lines: Sequence[str],
    sections: Sections,
    feedback: Feedback,
    matcher: IssueMatcher,
    problems: list[Problem],
) -> dict[int, IndexEntry]:
    """The index table's entries, placed and checked against section 3."""
    section = sections.get("index")
    if section is None:
        missing = Problem(Place(line=1, section="index table"), "no '2. Index' table: no issue labels")
        problems.append(missing)
        return {}
    rows, row_problems = read_index_rows(nonblank(lines, section.start, section.end))
    commented = Commented(
        levels={r.number: r.level for r in feedback.recommendations},
        themes={r.number: r.theme for r in feedback.recommendations},
    )
    entries, placing_problems = place_index_rows(rows, commented, matcher)
    problems += row_problems + placing_problems
    return entries


def _contact_figures(
    lines: Sequence[str], sections: Sections, problems: list[Problem]
) -> list[ContactFigure]:
    section = sections.get("sources")
    if section is None:
        missing = Problem(
            Place(line=1, section="sources and results"), "no '1. Sources and results': no figures"
        )
        problems.append(missing)
        return []
    figures, figure_problems = read_contact_figures(nonblank(lines, section.start, section.end))
    problems += figure_problems
    return figures
