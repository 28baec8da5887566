"""Storing a parsed document: natural keys, merging with what is there, the place of every record.

Writes go in batches (a 270,000-row export imports in 32–36 s of CPU, ``bench/uhri.py``): recommendations
built without ``Model.__init__`` (``rows.Blueprint``) and written with ``INSERT ... RETURNING``
(``rows.insert_objects``) and, on SQLite, indexed for full-text search in one statement instead of a
trigger per row (``rows.fts_suspended``, inside the import's transaction); link tables, provenance and
statements of position with ``rows.insert_rows`` (on SQLite one JSON array per 20,000 rows, unpacked by
``json_each``; ``executemany`` elsewhere); assessments with ``bulk_create`` and their history rows
written explicitly in the same batches. The reviews and known recommendations a document touches are
read in a few queries, a similar-text match only scores texts of close length, and levels are
recomputed only for recommendations that can have changed.
"""

from __future__ import annotations

from rightstrack.documents.store.document import StoreOutcome, store_document
from rightstrack.documents.store.recommendations import known_labels, sort_key

__all__ = ["StoreOutcome", "known_labels", "sort_key", "store_document"]
