"""Storing one parsed document, in the order its records depend on each other."""

from __future__ import annotations

from dataclasses import dataclass, field

from rightstrack.assessments.levels import refresh_levels
from rightstrack.core.records import ParsedDocument
from rightstrack.documents.models import SourceDocument
from rightstrack.documents.store.assessments import Stakeholders, store_assessments, store_campaign
from rightstrack.documents.store.extras import store_extras
from rightstrack.documents.store.places import Places
from rightstrack.documents.store.recommendations import Index, Progress, Reviews, store_recommendations
from rightstrack.ingest.reading import LoadedFile


@dataclass
class StoreOutcome:
    created: dict[str, int] = field(
        default_factory=lambda: {"recommendations": 0, "assessments": 0, "stakeholders": 0}
    )
    merged: int = 0
    problems: list[str] = field(default_factory=list)


def store_document(
    parsed: ParsedDocument, loaded: LoadedFile, progress: Progress | None = None
) -> StoreOutcome:
    outcome = StoreOutcome(problems=[problem.describe() for problem in parsed.problems])
    document = SourceDocument.objects.create(
        kind=parsed.kind,
        name=loaded.name[:255],
        sha256=loaded.sha256,
        size=loaded.size,
        title=parsed.title[:500],
        symbol=parsed.symbol[:100],
        published_on=parsed.published_on,
    )
    reviews = Reviews()
    review = reviews.get(parsed.review)
    places = Places(document)
    stakeholders = Stakeholders()
    for record in parsed.stakeholders:
        stakeholders.get(record)
    stored = store_recommendations(parsed, reviews, Index(), places, progress)
    outcome.created["recommendations"] = stored.created
    outcome.merged = stored.merged
    outcome.problems += stored.problems
    outcome.created["assessments"] = store_assessments(parsed, reviews, stored, stakeholders, places)
    store_campaign(parsed, document, review, stakeholders, places)
    outcome.problems += store_extras(parsed, reviews, stored, stakeholders, places)
    outcome.created["stakeholders"] = stakeholders.created
    places.flush()
    refresh_levels(rec.pk for rec in stored.by_ref.values())
    document.problems = outcome.problems
    document.save(update_fields=["problems"])
    return outcome
