"""From what the sections yield to the core records: recommendations and assessments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rightstrack.core.records import AssessmentRecord, Place, Problem, RecommendationRecord, StakeholderRecord

from .feedback import SECTION as FEEDBACK
from .feedback import Feedback, FeedbackRecommendation, Group
from .index_table import IndexEntry
from .issues import IssueSplit
from .uncommented import SECTION as UNCOMMENTED
from .uncommented import UncommentedRow

REF_SCHEME = "upr-info-mia"
ISSUES = "upr-info-issues"
UNMATCHED_ISSUES = "upr-info-issues-unmatched"
SINGLE_RESPONSE_BASIS = "published IRI, single response"
_CLAIM_LEVELS = frozenset({"not", "partially", "fully"})


def recommendations(
    feedback: Feedback, uncommented: Sequence[UncommentedRow], index: Mapping[int, IndexEntry]
) -> list[RecommendationRecord]:
    """Every recommendation, commented and uncommented, by n°."""
    records = [
        _commented(member, group, index.get(member.number))
        for group in feedback.groups
        for member in group.members
    ]
    records += [_uncommented(row) for row in uncommented]
    return sorted(records, key=lambda record: int(record.ref))


def _commented(
    member: FeedbackRecommendation, group: Group, entry: IndexEntry | None
) -> RecommendationRecord:
    return RecommendationRecord(
        ref=str(member.number),
        ref_scheme=REF_SCHEME,
        text=member.text,
        place=Place(line=member.line, section=FEEDBACK),
        recommending_states=list(member.states),
        terms=terms(entry.issues) if entry else {},
        published_level=member.level,
        published_level_place=Place(line=member.level_line, section=FEEDBACK),
        group=group.key,
        theme_heading=member.theme,
    )


def _uncommented(row: UncommentedRow) -> RecommendationRecord:
    return RecommendationRecord(
        ref=str(row.number),
        ref_scheme=REF_SCHEME,
        text=row.text,
        place=Place(line=row.line, section=UNCOMMENTED, row=row.row),
        recommending_states=list(row.states),
        response=row.response,
        action_category=row.action_category,
        terms=terms(row.issues),
    )


def terms(issues: IssueSplit) -> dict[str, list[str]]:
    """The ``terms`` of a recommendation from its issue cell.

    >>> terms(IssueSplit(("Elections",), ("Financiary of policies",)))
    {'upr-info-issues': ['Elections'], 'upr-info-issues-unmatched': ['Financiary of policies']}
    """
    found: dict[str, list[str]] = {}
    if issues.labels:
        found[ISSUES] = list(issues.labels)
    if issues.unmatched:
        found[UNMATCHED_ISSUES] = list(issues.unmatched)
    return found


def assessments(
    feedback: Feedback, stakeholders: Mapping[str, StakeholderRecord]
) -> tuple[list[AssessmentRecord], list[Problem]]:
    """One assessment per response and recommendation it answers (every member of a group).

    A claim level is set only where the document implies it: a group answered by one response
    whose members all publish the same level, since an IRI of one claim is that claim.
    """
    records: list[AssessmentRecord] = []
    problems: list[Problem] = []
    for group in feedback.groups:
        level, problem = _single_claim(group)
        if problem is not None:
            problems.append(problem)
        for response in group.responses:
            for member in group.members:
                records.append(
                    AssessmentRecord(
                        recommendation_ref=str(member.number),
                        stakeholder=stakeholders[response.responder.key],
                        text=response.text,
                        place=Place(line=response.line, section=FEEDBACK),
                        level=level,
                        level_basis=SINGLE_RESPONSE_BASIS if level else "",
                    )
                )
    return records, problems


def _single_claim(group: Group) -> tuple[str | None, Problem | None]:
    if len(group.responses) != 1:
        return None, None
    levels = {member.level for member in group.members}
    if len(levels) == 1:
        level = levels.pop()
        return (level if level in _CLAIM_LEVELS else None), None
    published = ", ".join(f"n°{member.number} {member.level!r}" for member in group.members)
    return None, Problem(
        Place(line=group.responses[0].line, section=FEEDBACK),
        f"group {group.key} has a single response but its members publish different levels ({published}): "
        "no claim level inferred",
    )
