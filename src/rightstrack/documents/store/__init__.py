"""Storing a parsed document: natural keys, merging with what is there, the place of every record.

Writes go in batches (``bulk_create``), so a 30,000-row export stores in seconds; history rows for
assessments are written explicitly in the same batches.
"""

from __future__ import annotations

from rightstrack.documents.store.document import StoreOutcome, store_document
from rightstrack.documents.store.recommendations import known_labels, sort_key

__all__ = ["StoreOutcome", "known_labels", "sort_key", "store_document"]
