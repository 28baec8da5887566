"""``implementation``: the implementation report of one UPR review: a summary table of levels, then per
theme each recommendation — or group of recommendations answered together (``Recommendation.group``,
as the MIA prints them) — with its level from published assessments ("no assessment" otherwise), a
one-line rationale per assessment and its confirmed evidence (quote, document, paragraph, source)."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from rightstrack.core.iri import Outcome
from rightstrack.reports.base import Request
from rightstrack.reports.document import Block, Heading, Report, Table, Text
from rightstrack.reports.kinds.common import response_label, stakeholder_label, state_label, state_names
from rightstrack.reports.kinds.thematic_list import (
    DOCUMENT_KINDS,
    RATIONALE_CHARS,
    Evidence,
    Row,
    assessment_level,
    by_theme,
    choose_review,
    gather,
    outcome_label,
    shorten,
    sources_of,
)

FORMATS = ("html", "pdf", "docx")
OPTIONS = ("cycle", "date")
#: The summary's order of levels.
LEVELS = (
    Outcome.FULLY,
    Outcome.PARTIALLY,
    Outcome.NOT,
    Outcome.UNDETERMINED,
    Outcome.NO_ANSWER,
)


def build(request: Request) -> Report:
    review = choose_review(request)
    rows = gather(review)
    report = Report(
        kind="implementation",
        state=request.state.code,
        language=request.language,
        date=request.stated_date(sources_of(review, rows)),
        title=_("%(state)s: implementation of the recommendations of the UPR")
        % {"state": state_label(request.state)},
        subtitle=(
            _("Review of %(year)s (cycle %(cycle)s): level, rationale and evidence per recommendation")
            if review.year
            else _("Cycle %(cycle)s: level, rationale and evidence per recommendation")
        )
        % {"year": review.year, "cycle": review.cycle or "–"},
        slug=f"upr{review.cycle or ''}",
    )
    report.add(Heading(_("Summary"), 2), _summary(rows))
    report.add(
        Text(
            _(
                "Levels come from published assessments only; evidence is quoted only when an editor "
                "confirmed it. A recommendation nobody assessed says “no assessment”."
            ),
            "note",
        )
    )
    for theme, members in by_theme(rows):
        report.add(Heading(theme, 2, page_break=False))
        for group in _groups(members):
            report.add(*_group(group))
    return report


def _summary(rows: list[Row]) -> Table:
    counts = Counter(row.outcome for row in rows)
    evidenced = Counter(row.outcome for row in rows if row.evidence)
    table_rows: list[list[object]] = [
        [outcome_label(level), counts[level], evidenced[level]] for level in LEVELS if counts[level]
    ]
    table_rows.append([_("Total"), len(rows), sum(evidenced.values())])
    return Table.of(
        [_("Level"), _("Recommendations"), _("With confirmed evidence")],
        table_rows,
        caption=_("Recommendations by level of implementation"),
        row_headers=True,
        widths=(50, 25, 25),
        name="summary",
    )


def _groups(rows: list[Row]) -> list[list[Row]]:
    """Recommendations answered together (same ``group``) in one list, in order of their first one."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.recommendation.group or f"#{row.recommendation.pk}"].append(row)
    return list(groups.values())


def _group(rows: list[Row]) -> list[Block]:
    refs = " + ".join(row.ref for row in rows)
    title = (
        _("Recommendations %(refs)s") % {"refs": refs}
        if len(rows) > 1
        else _("Recommendation %(ref)s") % {"ref": refs}
    )
    blocks: list[Block] = [Heading(title, 3, anchor=f"rec-{rows[0].ref}")]
    for row in rows:
        recommendation = row.recommendation
        states = state_names(recommendation)
        said = [
            *([row.ref] if len(rows) > 1 else []),  # a group's heading lists its numbers
            recommendation.text.strip(),
            *([_("Recommended by %(states)s") % {"states": states}] if states else []),
            _("Position: %(position)s") % {"position": response_label(recommendation.response)},
        ]
        blocks.append(Text("\n".join(said), "quote"))
        blocks.append(Text(_("Level: %(level)s") % {"level": outcome_label(row.outcome)}, "strong"))
    seen: set[tuple[int, str]] = set()
    for row in rows:
        for assessment in row.assessments:
            key = (assessment.stakeholder_id, assessment.shown_text.strip())
            if key in seen:  # a joint answer is stored on each recommendation it answers
                continue
            seen.add(key)
            level = assessment_level(assessment)
            who = stakeholder_label(assessment.stakeholder)
            rationale = shorten(assessment.shown_text, RATIONALE_CHARS)
            blocks.append(Text(f"{who}" + (f" ({level})" if level else "") + f": {rationale}"))
    evidence = list({(e.document, e.paragraph): e for row in rows for e in row.evidence}.values())
    if evidence:
        blocks.append(_evidence(evidence))
    else:
        blocks.append(Text(_("No confirmed evidence."), "note"))
    return blocks


def _evidence(evidence: list[Evidence]) -> Table:
    return Table.of(
        [_("Quote"), _("Document"), _("Paragraph"), _("Source")],
        [
            [
                f"“{item.quote}”",
                f"{item.document} ({_(DOCUMENT_KINDS.get(item.kind, item.kind))})",
                item.paragraph,
                item.source_text,
            ]
            for item in evidence
        ],
        caption=_("Evidence"),
        widths=(50, 20, 8, 22),
        name="evidence",
    )
