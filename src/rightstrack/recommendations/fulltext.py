"""Queries of the recommendations' full-text index (SQLite FTS5 table, PostgreSQL tsvector expression;
both made by migration 0004): every word of a search must occur, as a prefix.

The list filter (``matching``) and the ranked search (``best_matching``) share these queries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.db import connection
from django.db.models.expressions import RawSQL

_SQLITE = "SELECT rowid FROM recommendation_fts WHERE recommendation_fts MATCH %s"
_POSTGRES = (
    "SELECT id FROM recommendations_recommendation "
    "WHERE to_tsvector('simple', text) @@ to_tsquery('simple', %s)"
)


def fts5_query(words: Sequence[str]) -> str:
    """Every word, as a prefix, must occur: ``["death", "penalt"]`` → ``"death"* AND "penalt"*``.

    >>> fts5_query(['death', 'pen"alty'])
    '"death"* AND "pen""alty"*'
    """
    return " AND ".join('"' + word.replace('"', '""') + '"*' for word in words)


def ts_query(words: Sequence[str]) -> str:
    """PostgreSQL's form of :func:`fts5_query`: ``death:* & penalt:*``.

    >>> ts_query(["death", "pen'alty", "--"])
    'death:* & penalty:*'
    """
    cleaned = [re.sub(r"[^\w]+", "", word) for word in words]
    return " & ".join(word + ":*" for word in cleaned if word) or "''"


def matching(words: Sequence[str]) -> RawSQL:
    """The ids of recommendations whose text holds every word, as a subquery for ``pk__in``."""
    if connection.vendor == "sqlite":
        return RawSQL(_SQLITE, [fts5_query(words)])
    if connection.vendor == "postgresql":
        return RawSQL(_POSTGRES, [ts_query(words)])
    like = " AND ".join("UPPER(text) LIKE UPPER(%s)" for _ in words)
    return RawSQL(f"SELECT id FROM recommendations_recommendation WHERE {like}", [f"%{w}%" for w in words])


def best_matching(words: Sequence[str], limit: int) -> list[int]:
    """At most ``limit`` ids of recommendations holding every word, best first by the index's rank."""
    if not words:
        return []
    params: list[str | int]
    if connection.vendor == "sqlite":
        sql, params = f"{_SQLITE} ORDER BY rank LIMIT %s", [fts5_query(words), limit]
    elif connection.vendor == "postgresql":
        rank = "ts_rank(to_tsvector('simple', text), to_tsquery('simple', %s))"
        sql, params = (
            f"{_POSTGRES} ORDER BY {rank} DESC, id LIMIT %s",
            [ts_query(words), ts_query(words), limit],
        )
    else:  # pragma: no cover - SQLite and PostgreSQL are the supported databases
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [int(row[0]) for row in cursor.fetchall()]
