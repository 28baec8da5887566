"""Provenance rows, collected while storing and written in batches."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from rightstrack.core.records import Place
from rightstrack.documents.models import Provenance, SourceDocument
from rightstrack.documents.store.rows import insert_rows

BATCH = 1000
COLUMNS = [
    "document_id",
    "content_type_id",
    "object_id",
    "field",
    "section",
    "line",
    "page",
    "paragraph",
    "row",
    "cell",
]


class Places:
    def __init__(self, document: SourceDocument) -> None:
        self.document = document
        self.rows: list[tuple[Any, ...]] = []
        self.types: dict[type[models.Model], int] = {}

    def add(self, record: models.Model, place: Place, datum: str = "") -> None:
        kind = type(record)
        if kind not in self.types:
            self.types[kind] = ContentType.objects.get_for_model(kind).pk
        self.rows.append(
            (
                self.document.pk,
                self.types[kind],
                record.pk,
                datum,
                place.section[:100],
                place.line,
                place.page,
                place.paragraph[:32],
                place.row,
                place.cell[:16],
            )
        )

    def flush(self) -> None:
        insert_rows(Provenance, COLUMNS, self.rows)
        self.rows = []
