"""Keeps ``Recommendation.level`` (the IRI outcome of published assessments, or the level of a
treaty body's grades: ``core.grading.recommendation_level``) up to date.

Lists, filters and dashboards read that column instead of computing every IRI per request. It is
recomputed for the recommendations an import touched, and by signal whenever an assessment or a
published level changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models.signals import post_delete, post_save

from rightstrack.assessments.models import Assessment, PublishedLevel, Status
from rightstrack.core.grading import GradeClaim, recommendation_level
from rightstrack.core.iri import Level
from rightstrack.recommendations.models import Recommendation

BATCH = 900


def refresh_levels(recommendation_ids: Iterable[int]) -> int:
    """Recompute the level of these recommendations; returns how many changed."""
    ids = sorted(set(recommendation_ids))
    changed = 0
    for start in range(0, len(ids), BATCH):
        changed += _refresh(ids[start : start + BATCH])
    return changed


def _refresh(ids: list[int]) -> int:
    claims: dict[int, list[Level | None]] = defaultdict(list)
    grades: dict[int, list[GradeClaim]] = defaultdict(list)
    for (
        rec_id,
        code,
        scheme,
        score,
        who,
        sub_item,
        assessed_on,
        published_on,
    ) in Assessment.private_objects.filter(recommendation_id__in=ids, status=Status.PUBLISHED).values_list(
        "recommendation_id",
        "grade__code",
        "grade__scheme__code",
        "grade__score",
        "stakeholder_id",
        "sub_item",
        "assessed_on",
        "document__published_on",
    ):
        claims[rec_id].append(Level(code) if code and scheme == "iri" else None)
        if code and scheme != "iri":
            grades[rec_id].append(GradeClaim(who, assessed_on or published_on, score, sub_item))
    published: dict[int, tuple[str | None, bool]] = {}
    for rec_id, code, undetermined in (
        PublishedLevel.objects.filter(recommendation_id__in=ids, index="iri")
        .order_by("document__published_on", "id")
        .values_list("recommendation_id", "grade__code", "undetermined")
    ):
        published[rec_id] = (code, undetermined)
    rows = []
    for rec in Recommendation.objects.filter(pk__in=ids).only("id", "level", "level_score"):
        published_code, undetermined = published.get(rec.pk, (None, False))
        result = recommendation_level(
            claims.get(rec.pk, []),
            grades.get(rec.pk, []),
            published=Level(published_code) if published_code else None,
            published_undetermined=undetermined,
        )
        if rec.level != result.outcome.value or rec.level_score != result.score:
            rec.level = str(result.outcome.value)
            rec.level_score = result.score
            rows.append(rec)
    Recommendation.objects.bulk_update(rows, ["level", "level_score"], batch_size=BATCH)
    return len(rows)


def _on_assessment(sender: Any, instance: Assessment, **kwargs: Any) -> None:
    refresh_levels([instance.recommendation_id])


def _on_level(sender: Any, instance: PublishedLevel, **kwargs: Any) -> None:
    refresh_levels([instance.recommendation_id])


def connect() -> None:
    post_save.connect(_on_assessment, sender=Assessment, dispatch_uid="level-on-assessment-save")
    post_delete.connect(_on_assessment, sender=Assessment, dispatch_uid="level-on-assessment-delete")
    post_save.connect(_on_level, sender=PublishedLevel, dispatch_uid="level-on-published-save")
    post_delete.connect(_on_level, sender=PublishedLevel, dispatch_uid="level-on-published-delete")
