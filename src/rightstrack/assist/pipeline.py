"""One pass of machine help over the recommendations that need it: embed, suggest labels, link.

Run in the background after every import (``tasks.analyse_pending``), or by ``rightstrack analyse``.
A pass only does what is missing: texts never embedded by the configured embedder (or changed since),
recommendations not yet classified by the shipped model, and the links of the States they belong to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction

from rightstrack.assist import embeddings, linking, suggestions
from rightstrack.assist.models import Analysis
from rightstrack.recommendations.models import Recommendation, State

if TYPE_CHECKING:
    from rightstrack.analysis.classify import Classifier
    from rightstrack.analysis.embed import Embedder

Progress = Callable[[str, int, int], None]


@dataclass
class AnalysisReport:
    embedded: int = 0
    classified: int = 0
    suggestions: suggestions.SuggestReport = field(default_factory=suggestions.SuggestReport)
    links: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        made = self.suggestions
        return {
            "embedded": self.embedded,
            "classified": self.classified,
            "suggestions": {
                "created": made.created,
                "updated": made.updated,
                "kept_decided": made.kept_decided,
                "skipped_known": made.skipped_known,
                "unmatched": made.unmatched,
            },
            "links": self.links,
        }


def unclassified(ids: Iterable[int] | None, model: str) -> list[int]:
    rows = Recommendation.objects.all() if ids is None else Recommendation.objects.filter(pk__in=list(ids))
    done = set(
        Analysis.objects.filter(recommendation__in=rows, classifier=model).values_list(
            "recommendation_id", flat=True
        )
    )
    return [pk for pk in rows.values_list("id", flat=True) if pk not in done]


def _mark_classified(ids: list[int], model: str) -> None:
    with transaction.atomic():
        have = set(
            Analysis.objects.filter(recommendation_id__in=ids).values_list("recommendation_id", flat=True)
        )
        Analysis.objects.filter(recommendation_id__in=ids).update(classifier=model)
        texts = dict(
            Recommendation.objects.filter(pk__in=[pk for pk in ids if pk not in have]).values_list(
                "id", "text"
            )
        )
        Analysis.objects.bulk_create(
            [
                Analysis(recommendation_id=pk, text_sha256=embeddings.text_digest(text), classifier=model)
                for pk, text in texts.items()
            ],
            batch_size=500,
        )


def analyse(
    ids: Iterable[int] | None = None,
    *,
    states: Iterable[str] | None = None,
    embedder: Embedder | None = None,
    classifier: Classifier | None = None,
    relink: str = "scope",
    progress: Progress | None = None,
) -> AnalysisReport:
    """Machine help for ``ids`` (default: every recommendation, or those of ``states``).

    ``relink``: ``"scope"`` recomputes the suggested links of every State in scope, ``"changed"``
    only of the States whose recommendations were (re-)embedded in this pass, ``"none"`` none.
    """
    from rightstrack.analysis.classify import default_classifier

    embedder = embedder or embeddings.configured_embedder()
    classifier = classifier or default_classifier()
    scope: list[int] | None = list(ids) if ids is not None else None
    if scope is None and states is not None:
        scope = list(
            Recommendation.objects.filter(review__state__in=list(states)).values_list("id", flat=True)
        )
    report = AnalysisReport()
    todo = embeddings.stale(scope, embedder)
    if todo:
        report.embedded = embeddings.embed(
            todo, embedder, (lambda done, total: progress("embedding", done, total)) if progress else None
        )
    model = suggestions.model_name(classifier)
    todo_classify = unclassified(scope, model)
    for start in range(0, len(todo_classify), 2000):
        chunk = todo_classify[start : start + 2000]
        made = suggestions.suggest(chunk, classifier)
        _mark_classified(chunk, model)
        report.suggestions.add(made)
        report.classified += len(chunk)
        if progress:
            progress("classifying", report.classified, len(todo_classify))
    if relink != "none":
        affected = State.objects.filter(reviews__recommendations__isnull=False)
        if relink == "changed":
            affected = affected.filter(reviews__recommendations__in=todo)
        elif scope is not None:
            affected = affected.filter(reviews__recommendations__in=scope)
        targets = list(affected.distinct().order_by("code")) if relink == "scope" or todo else []
        for number, state in enumerate(targets, 1):
            report.links[state.code] = linking.link_state(state, embedder)
            if progress:
                progress("linking", number, len(targets))
    return report
