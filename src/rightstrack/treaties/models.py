"""Treaties, each State's status under them (the ratification inventory), and the treaty bodies'
decisions on their follow-up procedure."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from rightstrack.core import followup
from rightstrack.documents.models import SourceDocument
from rightstrack.recommendations.models import Review, State


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


class DecisionKind(models.TextChoices):
    """What a treaty body decides on its follow-up procedure (``rightstrack.core.followup``)."""

    DISCONTINUED = followup.DISCONTINUED, _("follow-up procedure ended")
    NEXT_REPORT = followup.NEXT_REPORT, _("information requested in the next periodic report")
    NEXT_LETTER = followup.NEXT_LETTER, _("follow-up goes on: letter to the State")
    OTHER = followup.OTHER, _("other decision")


class FollowUpDecision(models.Model):
    """A treaty body's decision on the follow-up of a review, as one of its follow-up reports states it
    (the Human Rights Committee's "Recommended action: ..."): the kind, the report's words, and the
    next periodic report's due date when the report gives it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="follow_up_decisions")
    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="follow_up_decisions")
    report_symbol = models.CharField(max_length=100, blank=True, help_text="e.g. CCPR/C/131/2/Add.2")
    decided_on = models.DateField(null=True, blank=True, help_text="The report's date (its session's end).")
    kind = models.CharField(max_length=32, choices=DecisionKind.choices)
    text = models.TextField(help_text="The decision in the report's words.")
    next_report_due = models.DateField(null=True, blank=True)
    next_report_due_text = models.CharField(max_length=200, blank=True, help_text="As written.")

    class Meta:
        ordering = ["review", models.F("decided_on").asc(nulls_first=True), "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "document"], name="one_follow_up_decision_per_report")
        ]

    def __str__(self) -> str:
        return f"{self.review} {self.report_symbol}: {self.kind}"
