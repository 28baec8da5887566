"""The MIA's feedback section (responses by theme, joint recommendations together) and its list of
uncommented recommendations."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from rightstrack.assessments.picture import RecommendationPicture, ReviewPicture
from rightstrack.core.iri import Outcome
from rightstrack.reports.document import Block, Heading, Table, Text
from rightstrack.reports.kinds.common import (
    level_label,
    paragraphs,
    response_label,
    stakeholder_label,
    state_names,
    unique_assessments,
)

#: Theme headings printed after all others, in this order.
LAST_THEMES = ("Other", "")


def theme_order(theme: str) -> tuple[int, str]:
    return (LAST_THEMES.index(theme) + 1 if theme in LAST_THEMES else 0, theme.casefold())


def feedback(picture: ReviewPicture) -> list[Block]:
    """Per theme heading, each recommendation (or group answered together) and its responses."""
    commented = [row for row in picture.rows if row.iri.outcome != Outcome.NO_ANSWER]
    groups: dict[str, list[RecommendationPicture]] = defaultdict(list)
    for row in commented:
        groups[row.recommendation.group or f"#{row.recommendation.pk}"].append(row)
    themes: dict[str, list[list[RecommendationPicture]]] = defaultdict(list)
    for members in groups.values():  # rows come in n° order, so do groups and their members
        themes[members[0].recommendation.theme_heading].append(members)
    blocks: list[Block] = []
    for theme in sorted(themes, key=theme_order):
        blocks.append(Heading(theme or _("Other"), 3))
        for members in themes[theme]:
            blocks.extend(_group(members))
    return blocks


def _group(members: list[RecommendationPicture]) -> list[Block]:
    blocks: list[Block] = []
    for position, row in enumerate(members):
        if position:
            blocks.append(Text("+", "join"))
        recommendation = row.recommendation
        blocks.append(Heading(_("Recommendation n° %(n)s") % {"n": row.ref}, 4, anchor=f"rec-{row.ref}"))
        states = state_names(recommendation)
        recommended = f" ({_('Recommended by %(states)s') % {'states': states}})" if states else ""
        blocks.append(Text(recommendation.text + recommended))
        level = level_label(row.iri.outcome) if row.iri.outcome != Outcome.UNDETERMINED else "-"
        blocks.append(Text(f"IRI: {level}", "strong"))
    for assessment in unique_assessments(a for row in members for a in row.assessments):
        blocks.append(
            Text(
                _("%(stakeholder)s response:") % {"stakeholder": stakeholder_label(assessment.stakeholder)},
                "speaker",
            )
        )
        blocks.extend(Text(part) for part in paragraphs(assessment.shown_text))
    return blocks


def uncommented(picture: ReviewPicture) -> list[Block]:
    rows = [row for row in picture.rows if row.iri.outcome == Outcome.NO_ANSWER]
    if not rows:
        return [Text(_("Every recommendation received at least one response."))]
    return [
        Text(_("The recommendations this assessment does not address:")),
        Table.of(
            [
                _("rec. n°"),
                _("Recommendation"),
                _("Recommending State"),
                _("Response"),
                _("Action category"),
                _("Issue"),
            ],
            [
                [
                    row.ref,
                    row.recommendation.text,
                    state_names(row.recommendation),
                    response_label(row.recommendation.response, row.recommendation.wg_stage),
                    row.recommendation.action_category,
                    ", ".join(row.issues),
                ]
                for row in rows
            ],
            widths=(7, 45, 13, 11, 9, 15),
            name="uncommented",
        ),
        Text(_("Action category: 1 minimal action … 5 specific action (UPR Info's scale)."), "note"),
    ]
