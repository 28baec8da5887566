"""Grading schemes are data: upserted from :mod:`rightstrack.core.grading` after every migrate."""

from __future__ import annotations

from typing import Any

from rightstrack.assessments.models import Grade, GradingScheme
from rightstrack.core.grading import SCHEMES


def sync_grading_schemes(**kwargs: Any) -> None:
    for definition in SCHEMES.values():
        scheme, _ = GradingScheme.objects.update_or_create(
            code=definition.code, defaults={"name": definition.name, "description": definition.description}
        )
        for order, grade in enumerate(definition.grades):
            Grade.objects.update_or_create(
                scheme=scheme,
                code=grade.code,
                defaults={"label": grade.label, "score": grade.score, "order": order},
            )
