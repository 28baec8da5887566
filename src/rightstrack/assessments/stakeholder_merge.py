"""Likely duplicate stakeholders (the same organisation under two names), and merging one into another.

Importers find a stakeholder by its exact name or acronym, so one organisation named two ways in two
documents ("Kazakhstan International Bureau for Human Rights and the Rule of Law" and "… Human Rights
and the Rule of Law Committee") becomes two. :func:`likely_duplicates` offers such pairs to an editor;
:func:`merge` moves everything that points to one onto the other, all or nothing, and writes a
:class:`StakeholderMerge` history row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from django.db import IntegrityError, models, transaction
from rapidfuzz import fuzz

from rightstrack.assessments.models import Stakeholder, StakeholderMerge

#: Names scoring at least this (rapidfuzz token-set ratio of the names' significant words) are offered.
THRESHOLD = 85.0
#: Words that tell nothing about which organisation is meant.
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "de",
        "des",
        "du",
        "et",
        "for",
        "from",
        "in",
        "la",
        "le",
        "les",
        "of",
        "on",
        "republic",
        "the",
        "to",
    ]
)


@dataclass(frozen=True)
class Candidate:
    first: Stakeholder
    second: Stakeholder
    score: float
    reason: str


class MergeRefused(Exception):
    """The merge cannot be made (nothing was changed); the message says why."""


def _stem(word: str) -> str:
    """Plurals and adjectives fold onto their noun: NGOs → ngo, Kazakhstani → kazakhstan."""
    for ending in ("is", "i", "s"):
        if len(word) > 4 and word.endswith(ending) and not word.endswith("ss"):
            return word[: -len(ending)]
    return word


def significant_words(name: str) -> str:
    """The words that name the organisation, lower case, stemmed, in order."""
    words = re.findall(r"\w+", name.lower())
    return " ".join(_stem(word) for word in words if word not in _STOP)


def likely_duplicates(threshold: float = THRESHOLD) -> list[Candidate]:
    """Pairs of stakeholders of the same kind (or of no stated kind) whose names are near, or that share
    an acronym, best first."""
    stakeholders = list(Stakeholder.objects.order_by("pk"))
    words = {s.pk: significant_words(s.name) for s in stakeholders}
    found = []
    for first, second in combinations(stakeholders, 2):
        if first.kind and second.kind and first.kind != second.kind:
            continue
        if first.acronym and first.acronym.casefold() == second.acronym.casefold():
            found.append(Candidate(first, second, 100.0, "acronym"))
            continue
        score = fuzz.token_set_ratio(words[first.pk], words[second.pk])
        if score >= threshold:
            found.append(Candidate(first, second, round(score, 1), "name"))
    return sorted(found, key=lambda c: (-c.score, c.first.name, c.second.name))


def merge(
    duplicate: Stakeholder, kept: Stakeholder, actor: str, user_id: int | None = None
) -> StakeholderMerge:
    """Move every record pointing to ``duplicate`` onto ``kept``, delete ``duplicate`` and record it."""
    if duplicate.pk == kept.pk:
        raise MergeRefused("a stakeholder cannot be merged into itself")
    moved: dict[str, int] = {}
    try:
        with transaction.atomic():
            for relation in Stakeholder._meta.related_objects:
                if relation.related_model is StakeholderMerge:
                    continue
                model: type[models.Model] = relation.related_model
                name = relation.field.name
                if relation.many_to_many:
                    continue
                count = model._base_manager.filter(**{name: duplicate}).update(**{name: kept})
                if count:
                    moved[model._meta.verbose_name_plural.__str__()] = count
            documents = list(duplicate.documents.all())
            kept.documents.add(*documents)
            if documents:
                moved["documents naming it"] = len(documents)
            if not kept.acronym and duplicate.acronym:
                kept.acronym = duplicate.acronym
            if not kept.kind and duplicate.kind:
                kept.kind = duplicate.kind
            kept.save(update_fields=["acronym", "kind"])
            StakeholderMerge.objects.filter(kept=duplicate).update(kept=kept)
            record = StakeholderMerge.objects.create(
                kept=kept,
                merged_name=duplicate.name,
                merged_acronym=duplicate.acronym,
                merged_ref=duplicate.pk,
                actor=actor,
                user_id=user_id,
                moved=moved,
            )
            duplicate.delete()
    except IntegrityError as error:
        raise MergeRefused(
            f"{duplicate.name} and {kept.name} both hold the same record (the same assessment of the same "
            f"recommendation from the same document, or the same invitation): nothing was merged ({error})"
        ) from None
    return record
