"""Provenance rows, collected while storing and written in batches."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from rightstrack.core.records import Place
from rightstrack.documents.models import Provenance, SourceDocument

BATCH = 1000


class Places:
    def __init__(self, document: SourceDocument) -> None:
        self.document = document
        self.rows: list[Provenance] = []
        self.types: dict[type[models.Model], ContentType] = {}

    def add(self, record: models.Model, place: Place, datum: str = "") -> None:
        kind = type(record)
        if kind not in self.types:
            self.types[kind] = ContentType.objects.get_for_model(kind)
        self.rows.append(
            Provenance(
                document=self.document,
                content_type=self.types[kind],
                object_id=record.pk,
                field=datum,
                section=place.section[:100],
                line=place.line,
                page=place.page,
                paragraph=place.paragraph[:32],
                row=place.row,
                cell=place.cell[:16],
            )
        )

    def flush(self) -> None:
        Provenance.objects.bulk_create(self.rows, batch_size=BATCH, ignore_conflicts=True)
        self.rows = []
