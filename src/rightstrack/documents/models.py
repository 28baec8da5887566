"""Source documents and the place of every record in them (provenance)."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from rightstrack.core.records import Place


class SourceDocument(models.Model):
    """A file that was imported, identified by its SHA-256: importing it again changes nothing."""

    kind = models.CharField(max_length=64)
    name = models.CharField(max_length=255, help_text="File name as imported.")
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    title = models.CharField(max_length=500, blank=True)
    symbol = models.CharField(max_length=100, blank=True, help_text="UN document symbol, if any.")
    published_on = models.DateField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    problems = models.JSONField(default=list, blank=True, help_text="What the importer could not place.")
    submission = models.BooleanField(
        default=False,
        help_text="Uploaded for moderation (a filled sheet): its places are never shown on public pages.",
    )

    class Meta:
        ordering = ["imported_at"]

    def __str__(self) -> str:
        return self.title or self.name


class ProvenanceQuerySet(models.QuerySet["Provenance"]):
    def public(self) -> ProvenanceQuerySet:
        """Places a public page may show: none read in a submission waiting for an editor (a filled
        sheet), none of an assessment that is not published."""
        from django.apps import apps

        assessment = apps.get_model("assessments", "Assessment")
        unpublished = assessment._default_manager.exclude(status="published").values("pk")
        return self.exclude(document__submission=True).exclude(
            content_type__app_label="assessments",
            content_type__model="assessment",
            object_id__in=unpublished,
        )


class PublicProvenanceManager(models.Manager["Provenance"]):
    """The one public pages use: :meth:`ProvenanceQuerySet.public` always applied."""

    def get_queryset(self) -> ProvenanceQuerySet:
        return ProvenanceQuerySet(self.model, using=self._db).public()


class Provenance(models.Model):
    """Where one record (or one datum of it, ``field``) was read in a source document.

    No plain ``objects``: public code takes ``public_objects``, the store and the admin
    ``private_objects``, so that the place of an unpublished submission cannot leak by a forgotten filter.
    """

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="places")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=64, blank=True)
    section = models.CharField(max_length=100, blank=True)
    line = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    paragraph = models.CharField(max_length=32, blank=True)
    row = models.PositiveIntegerField(null=True, blank=True)
    cell = models.CharField(max_length=16, blank=True)

    private_objects: ClassVar[models.Manager[Provenance]] = ProvenanceQuerySet.as_manager()
    public_objects: ClassVar[PublicProvenanceManager] = PublicProvenanceManager()

    class Meta:
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "content_type", "object_id", "field"], name="one_place_per_record_datum"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document}: {self.as_place().describe()}"

    def as_place(self) -> Place:
        return Place(
            line=self.line,
            section=self.section,
            page=self.page,
            paragraph=self.paragraph,
            row=self.row,
            cell=self.cell,
        )


class PositionStatement(models.Model):
    """What one document says of the State's answer to one recommendation, in its words and place.

    A recommendation's position (``Recommendation.response``, ``wg_stage``, ``position_qualifier``)
    is decided from all of them by :func:`rightstrack.core.positions.resolve`; they stay, so that a
    conflict between two documents can be shown and traced.
    """

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="positions")
    recommendation = models.ForeignKey(
        "recommendations.Recommendation", on_delete=models.CASCADE, related_name="position_statements"
    )
    kind = models.CharField(max_length=16, blank=True, help_text="stage, final, or blank for a repeat.")
    authority = models.PositiveSmallIntegerField(default=0)
    words = models.CharField(max_length=64, blank=True, help_text="The answer as the document gives it.")
    stage = models.CharField(max_length=40, blank=True)
    position = models.CharField(max_length=32, blank=True)
    qualifier = models.CharField(max_length=40, blank=True)
    place = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-authority", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "recommendation", "words"], name="one_position_per_document_answer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document}: {self.words or '-'}"
