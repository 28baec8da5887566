"""Storing a parsed document: natural keys, merging with what is there, the place of every record.

Writes go in batches, so a 30,000-row export stores in a few seconds: recommendations with
``INSERT ... RETURNING`` (``rows.insert_objects``) and, on SQLite, indexed for full-text search in one
statement instead of a trigger per row (``rows.fts_suspended``, inside the import's transaction); link
tables and provenance with ``executemany`` (``rows.insert_rows``); assessments with ``bulk_create`` and
their history rows written explicitly in the same batches. The reviews and known recommendations a
document touches are read in a few queries, a similar-text match only scores texts of close length, and
levels are recomputed only for recommendations that can have changed.
"""

from __future__ import annotations

from rightstrack.documents.store.document import StoreOutcome, store_document
from rightstrack.documents.store.recommendations import known_labels, sort_key

__all__ = ["StoreOutcome", "known_labels", "sort_key", "store_document"]
