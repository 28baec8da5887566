"""National action plans: measures, their deadlines and responsible agencies, and what they answer."""

from __future__ import annotations

from django.db import models

from rightstrack.documents.models import SourceDocument
from rightstrack.recommendations.models import Recommendation, State


class Agency(models.Model):
    """A government body (ministry, committee...) of a State."""

    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="agencies")
    name = models.CharField(max_length=300)
    acronym = models.CharField(max_length=50, blank=True)

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["state", "name"], name="one_agency_name_per_state")]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class ActionPlan(models.Model):
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="action_plans")
    title = models.CharField(max_length=500)
    document = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["state", "title"], name="one_plan_title_per_state")]

    def __str__(self) -> str:
        return self.title


class Measure(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="measures")
    number = models.CharField(max_length=32)
    text = models.TextField()
    completion_form = models.CharField(max_length=300, blank=True)
    deadline_text = models.CharField(max_length=200, blank=True)
    deadline = models.DateField(null=True, blank=True)
    theme = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PLANNED)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="measures")
    recommendations = models.ManyToManyField(Recommendation, blank=True, related_name="measures")
    sort_key = models.CharField(max_length=32, blank=True)

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_measure_number_per_plan")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"
