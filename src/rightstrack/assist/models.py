"""What the machine said of a recommendation, kept apart from what documents and people said."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rightstrack.recommendations.models import ActionCategory, Recommendation, Term


class Head(models.TextChoices):
    """Which classifier head made a suggestion (the vocabulary it suggests from)."""

    ACTION = "action", _("Action category")
    ISSUES = "issues", _("Issue")
    THEMES = "themes", _("UHRI theme")
    GROUPS = "groups", _("Group of persons")
    SDGS = "sdgs", _("SDG")


class Decision(models.TextChoices):
    PENDING = "pending", _("Waiting for an editor")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class LabelSuggestion(models.Model):
    """A label a classifier suggests for a recommendation, with its probability, until an editor decides.

    One row per (recommendation, head, value) for ever: a later model updates the probability of a
    pending row but never reopens an accepted or rejected one, so a rejection survives retraining.
    """

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="suggestions")
    head = models.CharField(max_length=16, choices=Head.choices)
    value = models.CharField(max_length=200, help_text="The label, or the action category's number.")
    term = models.ForeignKey(Term, null=True, blank=True, on_delete=models.CASCADE)
    probability = models.FloatField()
    model = models.CharField(max_length=200, help_text="The model that made (or last updated) it.")
    reason = models.CharField(max_length=500, blank=True)
    decision = models.CharField(max_length=16, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["recommendation", "head", "-probability"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "head", "value"], name="one_suggestion_per_label"
            )
        ]
        indexes = [models.Index(fields=["decision", "head"])]

    def __str__(self) -> str:
        return f"{self.recommendation_id} {self.head}={self.value} ({self.probability:.2f}, {self.decision})"

    @property
    def label(self) -> str:
        """The label as people read it: an action category with its name on UPR Info's scale."""
        if self.head == Head.ACTION and self.value.isdigit() and int(self.value) in ActionCategory.values:
            return str(ActionCategory(int(self.value)).label)
        return self.value


class Analysis(models.Model):
    """What the machine last computed for one recommendation: its embedding and which models ran."""

    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.CASCADE, primary_key=True, related_name="analysis"
    )
    text_sha256 = models.CharField(max_length=64)
    classifier = models.CharField(max_length=200, blank=True)
    embedder = models.CharField(max_length=100, blank=True)
    vector = models.BinaryField(null=True, blank=True, help_text="float32, unit length.")
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name_plural = "analyses"

    def __str__(self) -> str:
        return f"{self.recommendation_id} ({self.embedder}, {self.classifier})"
