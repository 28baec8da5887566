"""Merge recommendations that turn out to be one: every row that points to them moves to the one kept.

UPR Info numbers a recommendation once per recommending State, a Working Group report once per
paragraph. Imported first, the per-State rows of a paragraph that names two States are two records;
when the report arrives, they are one recommendation. Whatever pointed to the others (references,
States, terms, assessments, statements of position, places, links, machine help...) then points to
the one kept; a row that would repeat one the kept recommendation already has is dropped, as a
duplicate; links of the recommendation to itself are dropped.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction

from rightstrack.documents.models import Provenance
from rightstrack.recommendations.models import Recommendation, RecommendationLink


def _pointers() -> list[tuple[type[models.Model], str]]:
    """(model, field name) of every foreign key to a recommendation, M2M tables included."""
    models_: list[type[models.Model]] = []
    for relation in Recommendation._meta.related_objects:
        through = getattr(relation, "through", None)
        models_.append(through if relation.many_to_many and through else relation.related_model)
    for m2m in Recommendation._meta.many_to_many:
        through = m2m.remote_field.through
        if through is not None:
            models_.append(through)
    found: list[tuple[type[models.Model], str]] = []
    for model in dict.fromkeys(models_):
        for field in model._meta.get_fields():
            if field.many_to_one and getattr(field, "related_model", None) is Recommendation:
                found.append((model, field.name))
    return found


def _move(model: type[models.Model], field: str, source: int, target: int) -> None:
    for pk in list(model._default_manager.filter(**{f"{field}_id": source}).values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                model._default_manager.filter(pk=pk).update(**{f"{field}_id": target})
        except IntegrityError:  # the kept recommendation has the same row already
            model._default_manager.filter(pk=pk).delete()


def merge_into(keep: Recommendation, others: list[Recommendation]) -> None:
    """Move everything of ``others`` to ``keep``, then delete ``others``."""
    content_type = ContentType.objects.get_for_model(Recommendation)
    pointers = _pointers()
    for other in others:
        if other.pk == keep.pk:
            continue
        for model, field in pointers:
            _move(model, field, other.pk, keep.pk)
        for pk in list(
            Provenance.private_objects.filter(content_type=content_type, object_id=other.pk).values_list(
                "pk", flat=True
            )
        ):
            try:
                with transaction.atomic():
                    Provenance.private_objects.filter(pk=pk).update(object_id=keep.pk)
            except IntegrityError:
                Provenance.private_objects.filter(pk=pk).delete()
        Recommendation.objects.filter(pk=other.pk).delete()
    RecommendationLink.objects.filter(source=keep, target=keep).delete()
