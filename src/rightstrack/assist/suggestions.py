"""Label suggestions: the classifier proposes, an editor accepts or rejects; nothing is changed silently.

- A suggestion is made only where no label of that kind is known already: no term a document or a
  person gave (any origin, confirmed), no action category stated by a document.
- Each (recommendation, head, label) has one row for ever. A later model (retrained) updates the
  probability of a *pending* row; an accepted or rejected row keeps its decision, so a label an
  editor rejected is never proposed again.
- Accepting a term adds it to the recommendation as ``origin=suggested, confirmed=True`` (the
  person confirmed it); accepting an action category sets it. Both decisions are kept with who and
  when.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from rightstrack.assist.models import Decision, Head, LabelSuggestion
from rightstrack.core.percent import confidence
from rightstrack.core.uhri import SDG_GOALS, UHRI_GROUPS, UHRI_THEMES
from rightstrack.core.vocab import UPR_INFO_ISSUES
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Term
from rightstrack.recommendations.vocabularies import terms_by_label

if TYPE_CHECKING:
    from rightstrack.analysis.classify import Classification, Classifier

#: The vocabulary each multi-label head suggests from.
VOCABULARY_OF = {
    Head.ISSUES: UPR_INFO_ISSUES,
    Head.THEMES: UHRI_THEMES,
    Head.GROUPS: UHRI_GROUPS,
    Head.SDGS: SDG_GOALS,
}
BATCH = 500


class DecisionError(Exception):
    """A suggestion that cannot be decided (already decided, or its label vanished)."""


def model_name(classifier: Classifier) -> str:
    """A stable name for a trained model: its training date and a digest of its description."""
    info: dict[str, Any] = classifier.model.info
    digest = hashlib.sha256(json.dumps(info, sort_keys=True).encode()).hexdigest()[:8]
    trained = str(info.get("trained_on", "?"))[:10]
    return f"classifier {trained} {digest}"


@dataclass
class SuggestReport:
    recommendations: int = 0
    created: int = 0
    updated: int = 0
    kept_decided: int = 0
    skipped_known: int = 0
    unmatched: dict[str, int] = field(default_factory=dict)

    def add(self, other: SuggestReport) -> None:
        for name in ("recommendations", "created", "updated", "kept_decided", "skipped_known"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for head, count in other.unmatched.items():
            self.unmatched[head] = self.unmatched.get(head, 0) + count


class _Vocabularies:
    """Head label → term, in the vocabulary version a review's year belongs to."""

    def __init__(self) -> None:
        self._maps: dict[tuple[str, int | None], dict[str, Term]] = {}

    def term(self, head: str, label: str, year: int | None) -> Term | None:
        key = (VOCABULARY_OF[Head(head)], year)
        if key not in self._maps:
            self._maps[key] = terms_by_label(*key) or {}
        return self._maps[key].get(label.casefold())


def suggest(
    recommendation_ids: Iterable[int], classifier: Classifier | None = None, min_probability: float = 0.0
) -> SuggestReport:
    """Classify these recommendations and store what the classifier suggests (see the module doc)."""
    from rightstrack.analysis.classify import default_classifier

    classifier = classifier or default_classifier()
    name = model_name(classifier)
    report = SuggestReport()
    vocabularies = _Vocabularies()
    ids = sorted(set(recommendation_ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        recommendations = list(
            Recommendation.objects.filter(pk__in=chunk)
            .select_related("review")
            .only("id", "text", "action_category", "review__year")
        )
        results = classifier.classify([rec.text for rec in recommendations])
        with transaction.atomic():
            _store(recommendations, results, name, vocabularies, report, min_probability)
        report.recommendations += len(recommendations)
    return report


def _store(
    recommendations: Sequence[Recommendation],
    results: Sequence[Classification],
    model: str,
    vocabularies: _Vocabularies,
    report: SuggestReport,
    min_probability: float,
) -> None:
    ids = [rec.pk for rec in recommendations]
    known_terms: set[tuple[int, int]] = set(
        RecommendationTerm.objects.filter(recommendation_id__in=ids, confirmed=True).values_list(
            "recommendation_id", "term_id"
        )
    )
    tagged_vocabularies: set[tuple[int, str]] = set(
        RecommendationTerm.objects.filter(recommendation_id__in=ids, confirmed=True)
        .exclude(origin=RecommendationTerm.Origin.SUGGESTED)
        .values_list("recommendation_id", "term__vocabulary__code")
    )
    existing = {
        (s.recommendation_id, s.head, s.value): s
        for s in LabelSuggestion.objects.filter(recommendation_id__in=ids)
    }
    fresh: list[LabelSuggestion] = []
    changed: list[LabelSuggestion] = []
    for rec, result in zip(recommendations, results, strict=True):
        proposals: list[tuple[str, str, float, Term | None]] = []
        if rec.action_category is None and result.action_category is not None:
            proposals.append((Head.ACTION, str(result.action_category), result.action_probability, None))
        for head in (Head.ISSUES, Head.THEMES, Head.GROUPS, Head.SDGS):
            if (rec.pk, VOCABULARY_OF[head]) in tagged_vocabularies:
                report.skipped_known += len(getattr(result, head.value))
                continue  # a document or a person tagged this kind already: theirs stands
            for label in getattr(result, head.value):
                term = vocabularies.term(head, label.label, rec.review.year)
                if term is None:
                    report.unmatched[head.value] = report.unmatched.get(head.value, 0) + 1
                    continue
                if (rec.pk, term.pk) in known_terms:
                    report.skipped_known += 1
                    continue
                proposals.append((head, term.label, label.probability, term))
        best: dict[tuple[str, str], tuple[str, str, float, Term | None]] = {}
        for proposal in proposals:  # two labels may mean one term (read through a vocabulary's mapping)
            key = (proposal[0], proposal[1])
            if key not in best or proposal[2] > best[key][2]:
                best[key] = proposal
        for head_name, value, probability, term in best.values():
            if probability < min_probability:
                continue
            row = existing.get((rec.pk, head_name, value))
            if row is None:
                fresh.append(
                    LabelSuggestion(
                        recommendation_id=rec.pk,
                        head=head_name,
                        value=value,
                        term=term,
                        probability=round(probability, 4),
                        model=model,
                        reason=_reason(head_name, probability, model),
                    )
                )
            elif row.decision != Decision.PENDING:
                report.kept_decided += 1
            elif row.model != model or abs(row.probability - probability) > 1e-4:
                row.probability, row.model = round(probability, 4), model
                row.reason = _reason(head_name, probability, model)
                changed.append(row)
    LabelSuggestion.objects.bulk_create(fresh, batch_size=BATCH)
    LabelSuggestion.objects.bulk_update(
        changed, ["probability", "model", "reason", "updated_at"], batch_size=BATCH
    )
    report.created += len(fresh)
    report.updated += len(changed)


def _reason(head: str, probability: float, model: str) -> str:
    return f"{model}: {Head(head).label}, {confidence(probability)} probable from the recommendation's words"


@transaction.atomic
def accept(suggestion: LabelSuggestion, user: Any) -> LabelSuggestion:
    """Apply a pending suggestion as a human-confirmed label."""
    suggestion = LabelSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.decision != Decision.PENDING:
        raise DecisionError(f"this suggestion was already {suggestion.decision}")
    recommendation = Recommendation.objects.select_for_update().get(pk=suggestion.recommendation_id)
    if suggestion.head == Head.ACTION:
        recommendation.action_category = int(suggestion.value)
        recommendation.save(update_fields=["action_category"])
    elif suggestion.term_id is None:
        raise DecisionError("the suggested term is no longer in its vocabulary")
    else:
        RecommendationTerm.objects.update_or_create(
            recommendation=recommendation,
            term_id=suggestion.term_id,
            defaults={"origin": RecommendationTerm.Origin.SUGGESTED, "confirmed": True},
        )
    return _decide(suggestion, Decision.ACCEPTED, user)


@transaction.atomic
def reject(suggestion: LabelSuggestion, user: Any) -> LabelSuggestion:
    """Refuse a pending suggestion: it is never proposed again, whatever later models say."""
    suggestion = LabelSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.decision != Decision.PENDING:
        raise DecisionError(f"this suggestion was already {suggestion.decision}")
    return _decide(suggestion, Decision.REJECTED, user)


def _decide(suggestion: LabelSuggestion, decision: Decision, user: Any) -> LabelSuggestion:
    suggestion.decision = decision
    suggestion.decided_by = user if user is not None and user.is_authenticated else None
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["decision", "decided_by", "decided_at", "updated_at"])
    return suggestion


def evidence(suggestions: Sequence[LabelSuggestion], text: str) -> dict[int, list[str]]:
    """For each suggestion, the words of ``text`` that weigh most for its label (shown as the reason)."""
    from rightstrack.analysis.classify import default_classifier, explain

    classifier = default_classifier()
    return {
        s.pk: explain(classifier, text, s.head, s.value)
        for s in suggestions
        if s.head in classifier.model.heads
    }
