"""Treaties and each State's status under them (the ratification inventory)."""

from __future__ import annotations

from django.db import models

from rightstrack.documents.models import SourceDocument
from rightstrack.recommendations.models import State


class Treaty(models.Model):
    code = models.CharField(max_length=64, unique=True, help_text="ICCPR, ICCPR-OP2, CRPD... or a slug.")
    name = models.CharField(max_length=500)

    class Meta:
        verbose_name_plural = "treaties"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class TreatyStatus(models.Model):
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="treaty_statuses")
    treaty = models.ForeignKey(Treaty, on_delete=models.PROTECT, related_name="statuses")
    status = models.CharField(max_length=32)
    date = models.DateField(null=True, blank=True)
    date_text = models.CharField(max_length=100, blank=True)
    note = models.TextField(blank=True)
    document = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        verbose_name_plural = "treaty statuses"
        constraints = [
            models.UniqueConstraint(
                fields=["state", "treaty", "document"], name="one_treaty_status_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.state_id} {self.treaty}: {self.status}"
