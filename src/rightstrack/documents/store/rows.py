"""Batched inserts of plain rows, for the tables an import fills by the tens of thousands.

Django's ``bulk_create`` builds a model instance and compiles SQL per row; for link tables (references,
recommending States, tags, provenance) a prepared ``INSERT ... ON CONFLICT DO NOTHING`` run with
``executemany`` writes the same rows several times faster. Only columns are written; no signal is sent
(none is listened to on these tables).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models

BATCH = 2000


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` (values in the order of ``columns``) into ``model``'s table; duplicates are skipped."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, [tuple(row) for row in rows[start : start + BATCH]])
