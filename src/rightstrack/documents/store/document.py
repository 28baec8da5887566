"""Storing one parsed document, in the order its records depend on each other."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from rightstrack.assessments.levels import refresh_levels
from rightstrack.core.iri import recommendation_iri
from rightstrack.core.records import ParsedDocument
from rightstrack.documents.models import SourceDocument
from rightstrack.documents.store.assessments import Stakeholders, store_assessments, store_campaign
from rightstrack.documents.store.extras import store_extras
from rightstrack.documents.store.places import Places
from rightstrack.documents.store.recommendations import (
    Index,
    Progress,
    Reviews,
    Stored,
    store_recommendations,
)
from rightstrack.documents.store.submissions import existing_review, match_existing
from rightstrack.ingest.reading import LoadedFile


@dataclass
class StoreOutcome:
    created: dict[str, int] = field(
        default_factory=lambda: {"recommendations": 0, "assessments": 0, "stakeholders": 0}
    )
    merged: int = 0
    problems: list[str] = field(default_factory=list)


@contextmanager
def _full_collections_held() -> Iterator[None]:
    """No full garbage collection while a document is stored (young generations still collected).

    Storing tens of thousands of records grows the heap by as many long-lived objects, and each growth
    of a quarter triggers a full collection that walks all of them: seconds on a 30,000-row export, to
    find nothing. Short-lived cycles (query machinery) are still collected by the young generations;
    the thresholds are restored afterwards.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], max(thresholds[2], 1_000_000))
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def store_document(
    parsed: ParsedDocument,
    loaded: LoadedFile,
    progress: Progress | None = None,
    index: Index | None = None,
) -> StoreOutcome:
    """Store one parsed document. Documents stored in one transaction may share ``index``: the
    recommendations it has read or written are not read again for the next document."""
    with _full_collections_held():
        return _store_document(parsed, loaded, progress, index if index is not None else Index())


def new_source_document(
    parsed: ParsedDocument, loaded: LoadedFile, submission: bool = False
) -> SourceDocument:
    """The provenance row of an imported file (its SHA-256 makes a second import of it change nothing)."""
    return SourceDocument.objects.create(
        kind=parsed.kind,
        name=loaded.name[:255],
        sha256=loaded.sha256,
        size=loaded.size,
        title=parsed.title[:500],
        symbol=parsed.symbol[:100],
        published_on=parsed.published_on,
        submission=submission,
    )


def _store_document(
    parsed: ParsedDocument, loaded: LoadedFile, progress: Progress | None, index: Index
) -> StoreOutcome:
    outcome = StoreOutcome(problems=[problem.describe() for problem in parsed.problems])
    document = new_source_document(parsed, loaded, submission=not parsed.assessments_published)
    reviews = Reviews(create=parsed.creates_recommendations)
    if parsed.creates_recommendations:
        review = reviews.get(parsed.review)
    else:  # a submission about existing recommendations: it creates no review, reference or place
        review = existing_review(parsed)
        reviews.cache[(parsed.review.state, parsed.review.mechanism, parsed.review.cycle)] = review
    places = Places(document)
    stakeholders = Stakeholders()
    for record in parsed.stakeholders:
        stakeholders.get(record)
    stored = (
        store_recommendations(parsed, reviews, index, places, progress)
        if parsed.creates_recommendations
        else match_existing(parsed, review)
    )
    outcome.created["recommendations"] = stored.created
    outcome.merged = stored.merged
    outcome.problems += stored.problems
    outcome.created["assessments"] = store_assessments(parsed, reviews, stored, stakeholders, places)
    store_campaign(parsed, document, review, stakeholders, places)
    outcome.problems += store_extras(parsed, reviews, stored, stakeholders, places)
    document.stakeholders.add(*{s.pk for s in stakeholders.cache.values()})  # who the document names
    outcome.created["stakeholders"] = stakeholders.created
    places.flush()
    refresh_levels(_may_change_level(stored))
    document.problems = outcome.problems
    document.save(update_fields=["problems"])
    return outcome


def _may_change_level(stored: Stored) -> list[int]:
    """The recommendations whose level the document may have changed.

    Every one it touched, but those it created without an assessment or a published level: their level
    is already the one of no claim at all (what ``refresh_levels`` would compute), as long as the
    column's default says so.
    """
    nothing = recommendation_iri([], published=None, published_undetermined=False)
    level, score = str(nothing.outcome.value), nothing.score
    return [
        rec.pk
        for rec in stored.by_ref.values()
        if rec.pk not in stored.created_ids
        or rec.pk in stored.levelled
        or (rec.level, rec.level_score) != (level, score)
    ]
