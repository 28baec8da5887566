"""Batched inserts of plain rows, for the tables an import fills by the tens of thousands.

Django's ``bulk_create`` builds a model instance and compiles SQL per row; for link tables (references,
recommending States, tags, provenance) a prepared ``INSERT ... ON CONFLICT DO NOTHING`` run with
``executemany`` writes the same rows several times faster (on SQLite 3.38 and later, one JSON array per
20,000 rows unpacked by ``json_each``, a fifth faster again). Only columns are written; no signal is sent
(none is listened to on these tables). :func:`insert_returning` does the same for rows whose new ids
the caller needs (recommendations), with ``INSERT ... VALUES (...), (...) RETURNING id``.

On SQLite, recommendations are indexed for full-text search by a trigger per row
(``recommendations/migrations/0004_fulltext.py``); :func:`fts_suspended` lets a bulk insert index its
rows with one statement instead, inside the same transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.db.models import signals

BATCH = 2000
#: Rows per statement when they go to SQLite as one JSON array (:func:`_json_rows`).
JSON_BATCH = 20_000
#: Rows per ``INSERT ... RETURNING`` statement (its parameters stay far below every backend's limit).
RETURNING_BATCH = 500
FTS_TABLE = "recommendation_fts"
FTS_INSERT_TRIGGER = "recommendation_fts_insert"


def _column(field: models.Field[Any, Any]) -> str:
    if field.column is None:  # pragma: no cover - only fields without a column (none written here)
        raise ValueError(f"{field} has no column")
    return field.column


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` (values in the order of ``columns``) into ``model``'s table; duplicates are skipped."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    plain = _values_sql(table, names, len(columns))
    if _json_rows():
        values = ", ".join(f"value ->> {at}" for at in range(len(columns)))
        sql = f"INSERT INTO {table} ({names}) SELECT {values} FROM json_each(%s) WHERE true "
        with connection.cursor() as cursor:
            for start in range(0, len(rows), JSON_BATCH):
                chunk = rows[start : start + JSON_BATCH]
                try:
                    text = json.dumps(chunk, ensure_ascii=False, allow_nan=False)
                except (TypeError, ValueError):  # a value JSON does not carry as it is (a date, a decimal)
                    text = ""
                if text and "\\u0000" not in text:  # SQLite's JSON strings end at a NUL
                    cursor.execute(sql + "ON CONFLICT DO NOTHING", [text])
                else:
                    cursor.executemany(plain, [tuple(row) for row in chunk])
        return
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(plain, [tuple(row) for row in rows[start : start + BATCH]])


def _values_sql(table: str, names: str, width: int) -> str:
    marks = ", ".join(["%s"] * width)
    return f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING"


def _json_rows() -> bool:
    """Whether rows go to the database as one JSON array per statement (SQLite with ``->>``, 3.38 on).

    SQLite then unpacks them itself (``json_each``): a fifth less time than binding row by row with
    ``executemany``. Strings, integers, floats, booleans (stored 1/0) and None keep their values.
    """
    return connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 38)


def insert_returning(
    model: type[models.Model], columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> list[int]:
    """Insert ``rows`` into ``model``'s table and return their new primary keys, in the order of ``rows``.

    Values must already be what the database stores (``get_db_prep_save``). Both SQLite and PostgreSQL
    number the rows of one statement in increasing order, so the returned ids are sorted rather than
    trusted to come back in the order of the ``VALUES`` list.
    """
    if not rows:
        return []
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    row_marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
    pk = quote(_column(model._meta.pk))
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), RETURNING_BATCH):
            chunk = rows[start : start + RETURNING_BATCH]
            values = ", ".join([row_marks] * len(chunk))
            params = [value for row in chunk for value in row]
            cursor.execute(f"INSERT INTO {table} ({names}) VALUES {values} RETURNING {pk}", params)
            new = sorted(row[0] for row in cursor.fetchall())
            if len(new) != len(chunk):  # pragma: no cover - the database inserted what it was given
                raise RuntimeError(f"{len(chunk)} rows inserted into {table}, {len(new)} ids returned")
            ids.extend(new)
    return ids


#: Fields whose Python value is what the database stores (no ``get_db_prep_save`` needed).
_PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)


def _plain(field: models.Field[Any, Any]) -> bool:
    if isinstance(field, models.ForeignKey):
        return _plain(field.target_field)
    return isinstance(field, _PLAIN)


class Blueprint[M: models.Model]:
    """New, unsaved instances of ``model`` made without ``Model.__init__`` (three times as fast).

    ``make(values)`` gives what ``model(**values)`` gives for concrete fields named by their attribute
    name (``review_id``): the other fields take their defaults (a callable default is called for each
    instance). Models with ``pre_init``/``post_init`` receivers go through ``__init__`` as usual.
    """

    def __init__(self, model: type[M]) -> None:
        self.model = model
        self.fixed: dict[str, Any] = {}
        self.made: list[tuple[str, Any]] = []
        for field in model._meta.concrete_fields:
            if field.has_default() and callable(field.default):
                self.made.append((field.attname, field.default))
            else:
                self.fixed[field.attname] = field.get_default()
        self.plain = not (signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model))

    def make(self, values: dict[str, Any]) -> M:
        attributes = {**self.fixed, **{name: default() for name, default in self.made}, **values}
        if not self.plain:
            return self.model(**attributes)
        obj = self.model.__new__(self.model)
        obj._state = models.base.ModelState()
        obj.__dict__.update(attributes)
        return obj


def insert_objects(objs: Sequence[models.Model]) -> list[int]:
    """Save new model instances as ``bulk_create`` does (no signal, no ``save()``), in fewer steps.

    Every concrete field but the primary key is written; values go through ``get_db_prep_save``
    unless the field stores its Python value as it is (or the value is None, stored as NULL by every
    field). Automatic dates (``auto_now_add``) are taken once for the whole batch, the same for every
    row. The instances get their ids and become saved instances. Returns the ids.
    """
    if not objs:
        return []
    model = type(objs[0])
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself: the proxy looks it up on every use
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    fixed: dict[int, Any] = {}  # position in the row → the batch's prepared value
    for at, field in enumerate(fields):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = field.pre_save(objs[0], True)
            for obj in objs[1:]:
                setattr(obj, field.attname, value)
            fixed[at] = field.get_db_prep_save(value, db)
    names = [field.attname for field in fields]
    prepared = [(at, field) for at, field in enumerate(fields) if not _plain(field) and at not in fixed]
    rows: list[list[Any]] = []
    empty: dict[tuple[int, type], Any] = {}  # (position, list or dict) → an empty one, prepared
    for obj in objs:
        attributes = obj.__dict__
        row = [attributes[name] for name in names]
        for at, field in prepared:
            value = row[at]
            if value is None:
                continue
            if type(value) in (list, dict) and not value:  # an empty list of variants, row after row
                key = (at, type(value))
                if key not in empty:
                    empty[key] = field.get_db_prep_save(value, db)
                row[at] = empty[key]
            else:
                row[at] = field.get_db_prep_save(value, db)
        for at, value in fixed.items():
            row[at] = value
        rows.append(row)
    ids = insert_returning(model, [_column(field) for field in fields], rows)
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = db.alias
    return ids


@contextmanager
def fts_suspended(model: type[models.Model]) -> Iterator[list[int]]:
    """Insert rows into ``model`` (recommendations) without the per-row full-text trigger.

    The caller appends the ids it inserted to the yielded list; on leaving, those rows are indexed in
    one statement and the trigger is created again. All of it runs in a savepoint of the caller's
    transaction: on an error the trigger's removal is undone with everything else, and no other
    connection ever sees the table without it. Elsewhere than SQLite with the trigger, it does nothing
    but yield (PostgreSQL's index is maintained by the database itself).
    """
    inserted: list[int] = []
    if connection.vendor != "sqlite":
        yield inserted
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [FTS_INSERT_TRIGGER]
        )
        found = cursor.fetchone()
    if found is None:
        yield inserted
        return
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(_column(model._meta.pk))
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER {FTS_INSERT_TRIGGER}")
        yield inserted
        with connection.cursor() as cursor:
            for start in range(0, len(inserted), RETURNING_BATCH):
                chunk = inserted[start : start + RETURNING_BATCH]
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}(rowid, text) SELECT {pk}, text FROM {table} "
                    f"WHERE {pk} IN ({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )
            cursor.execute(found[0])
