"""The editors' queue of label suggestions, in groups an editor can decide at once.

Suggestions are grouped by label (every recommendation the classifier gives "Death penalty") or by
recommendation (every label proposed for one recommendation). Groups come in this order — what an
editor should decide first:

1. **conflicts first** — groups holding suggestions that contradict what a document or a person has
   said since the suggestion was made (another action category; a label of a kind a document already
   tagged): accepting them would override a source, so a person must look; the more, the earlier;
2. **then the least certain** — the lowest mean *margin*, the distance of the classifier's
   probability from an even chance (|p − 0.5|): where the machine is least sure, a person's decision
   adds most (a block of "> 99 %" rows is quick to accept and comes after);
3. **then the most cited** — the group with the most suggestions: one decision covers more rows.

Within a group, rows follow the same rule (conflicts, margin, then the recommendation's number).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext as _

from rightstrack.assist.models import Head, LabelSuggestion
from rightstrack.assist.suggestions import VOCABULARY_OF
from rightstrack.recommendations.models import ActionCategory, Recommendation, RecommendationTerm

EVEN_CHANCE = 0.5


class GroupBy(StrEnum):
    LABEL = "label"
    RECOMMENDATION = "recommendation"


@dataclass(frozen=True)
class Row:
    """One pending suggestion, with what accepting it would change and what it contradicts."""

    suggestion: LabelSuggestion
    conflict: str  # what a document or a person says instead; "" when nothing

    @property
    def margin(self) -> float:
        return abs(self.suggestion.probability - EVEN_CHANCE)

    @property
    def change(self) -> str:
        """What accepting it does, in words."""
        s = self.suggestion
        if s.head == Head.ACTION:
            current = s.recommendation.action_category
            before = str(ActionCategory(current).label) if current in ActionCategory.values else _("none")
            return _("action category: %(before)s → %(after)s") % {"before": before, "after": s.label}
        return _("adds the %(kind)s “%(label)s”") % {"kind": s.get_head_display(), "label": s.label}

    def order(self) -> tuple[Any, ...]:
        s = self.suggestion
        return (not self.conflict, self.margin, s.recommendation.sort_key, s.recommendation_id, s.pk)


@dataclass
class Group:
    """Suggestions an editor decides together: one label, or one recommendation."""

    key: str
    title: str
    kind: str
    rows: list[Row] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.rows)

    @property
    def conflicts(self) -> int:
        return sum(1 for row in self.rows if row.conflict)

    @property
    def mean_margin(self) -> float:
        return sum(row.margin for row in self.rows) / len(self.rows) if self.rows else 0.0

    @property
    def lowest(self) -> float:
        return min(row.suggestion.probability for row in self.rows)

    @property
    def highest(self) -> float:
        return max(row.suggestion.probability for row in self.rows)

    def order(self) -> tuple[Any, ...]:
        return (-self.conflicts, round(self.mean_margin, 6), -self.size, self.key)


def rows_of(suggestions: Iterable[LabelSuggestion]) -> list[Row]:
    """Each pending suggestion with its conflict, if any (read in two queries for all of them)."""
    suggestions = list(suggestions)
    ids = {s.recommendation_id for s in suggestions}
    given: dict[tuple[int, str], list[str]] = defaultdict(list)
    for rec_id, vocabulary, label in (
        RecommendationTerm.objects.filter(recommendation_id__in=ids, confirmed=True)
        .exclude(origin=RecommendationTerm.Origin.SUGGESTED)
        .values_list("recommendation_id", "term__vocabulary__code", "term__label")
    ):
        given[(rec_id, vocabulary)].append(label)
    rows = []
    for s in suggestions:
        conflict = ""
        if s.head == Head.ACTION:
            current = s.recommendation.action_category
            if current is not None and str(current) != s.value:
                said = ActionCategory(current).label if current in ActionCategory.values else current
                conflict = _("already set to %(value)s") % {"value": str(said)}
        elif s.head in VOCABULARY_OF:
            labels = given.get((s.recommendation_id, VOCABULARY_OF[Head(s.head)]), [])
            if labels and s.value not in labels:
                conflict = _("a document or a person gave: %(labels)s") % {
                    "labels": "; ".join(sorted(labels))
                }
        rows.append(Row(s, conflict))
    return rows


def grouped(rows: Iterable[Row], by: GroupBy) -> list[Group]:
    """``rows`` in groups, each group's rows and the groups themselves in the queue's order."""
    groups: dict[str, Group] = {}
    for row in rows:
        s = row.suggestion
        if by is GroupBy.LABEL:
            key = f"{s.head}:{s.value}"
            group = groups.get(key) or groups.setdefault(key, Group(key, s.label, s.get_head_display()))
        else:
            key = str(s.recommendation_id)
            group = groups.get(key) or groups.setdefault(
                key, Group(key, _describe(s.recommendation), _("Recommendation"))
            )
        group.rows.append(row)
    for group in groups.values():
        group.rows.sort(key=Row.order)
    return sorted(groups.values(), key=Group.order)


def _describe(recommendation: Recommendation) -> str:
    return f"{recommendation.review} — {recommendation.text[:120]}"


def select(rows: Iterable[Row], key: str, by: GroupBy) -> list[Row]:
    """The rows of one group (``head:value`` or a recommendation's id), in the queue's order."""
    return next((g.rows for g in grouped(rows, by) if g.key == key), [])
