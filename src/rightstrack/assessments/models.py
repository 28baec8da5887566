"""Stakeholders, what they say about recommendations, grading schemes and follow-up campaigns."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rightstrack.core.stakeholders import STAKEHOLDER_KINDS
from rightstrack.documents.models import SourceDocument
from rightstrack.recommendations.models import Recommendation, Review, State


class Stakeholder(models.Model):
    name = models.CharField(max_length=300, unique=True)
    acronym = models.CharField(max_length=50, blank=True, db_index=True)
    kind = models.CharField(max_length=32, choices=list(STAKEHOLDER_KINDS.items()), blank=True)
    state = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, help_text="For a State or an NHRI: which."
    )
    documents = models.ManyToManyField(
        SourceDocument,
        blank=True,
        related_name="stakeholders",
        help_text="Imported documents that name it (as author, respondent or contact).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym != self.name else self.name


class GradingScheme(models.Model):
    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.name


class Grade(models.Model):
    scheme = models.ForeignKey(GradingScheme, on_delete=models.CASCADE, related_name="grades")
    code = models.CharField(max_length=16)
    label = models.CharField(max_length=200)
    score = models.DecimalField(max_digits=4, decimal_places=3, null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["scheme", "order"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="one_grade_code_per_scheme")]

    def __str__(self) -> str:
        return f"{self.code}: {self.label}"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting moderation")
    PUBLISHED = "published", _("Published")


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def published(self) -> AssessmentQuerySet:
        return self.filter(status=Status.PUBLISHED)


class PublicAssessmentManager(models.Manager["Assessment"]):
    """Only published assessments: the one public pages and the public API use."""

    def get_queryset(self) -> AssessmentQuerySet:
        return AssessmentQuerySet(self.model, using=self._db).published()


class Assessment(models.Model):
    """A stakeholder's claim on one recommendation: the original words always kept."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="assessments")
    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.PROTECT, related_name="assessments")
    grade = models.ForeignKey(
        Grade, null=True, blank=True, on_delete=models.PROTECT, help_text="The claimed level, if stated."
    )
    level_basis = models.CharField(max_length=100, blank=True, help_text="How the claimed level was known.")
    original_text = models.TextField(help_text="The stakeholder's own words, never edited.")
    public_text = models.TextField(blank=True, help_text="Edited text for publication; empty: the original.")
    assessed_on = models.DateField(null=True, blank=True)
    document = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.PROTECT)
    sub_item = models.CharField(max_length=200, blank=True, help_text="The limb graded, e.g. (a).")
    source_note = models.CharField(max_length=500, blank=True, help_text="Evidence the stakeholder cites.")
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Changed only by rightstrack.assessments.workflow (submit, publish, return).",
    )
    return_reason = models.TextField(
        blank=True, help_text="Why an editor returned it to its organisation (shown to its contributors)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Raised by every edit: detects concurrent edits."
    )

    # No plain ``objects``: callers choose, so a draft cannot leak by a forgotten filter.
    private_objects: ClassVar[models.Manager[Assessment]] = AssessmentQuerySet.as_manager()
    public_objects: ClassVar[PublicAssessmentManager] = PublicAssessmentManager()

    class Meta:
        base_manager_name = "private_objects"
        default_manager_name = "private_objects"
        ordering = ["recommendation", "stakeholder__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "stakeholder", "document", "sub_item"],
                name="one_assessment_per_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder} on {self.recommendation_id}"

    @property
    def shown_text(self) -> str:
        return self.public_text or self.original_text

    @property
    def source_link(self) -> str:
        """The source the stakeholder cited, when it is a web address (http or https only): a link."""
        note = self.source_note.strip()
        scheme, _sep, rest = note.partition("://")
        if scheme.lower() in {"http", "https"} and rest and not any(c.isspace() for c in note):
            return note
        return ""


class AssessmentHistory(models.Model):
    """One change of an assessment: who, when, and each field before and after."""

    assessment = models.ForeignKey(Assessment, null=True, on_delete=models.SET_NULL, related_name="history")
    assessment_ref = models.PositiveBigIntegerField(help_text="The assessment's id, kept after a deletion.")
    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=300, help_text="Who or what made the change.")
    action = models.CharField(max_length=16)  # created / changed / deleted
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["at", "id"]
        verbose_name_plural = "assessment history"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} assessment {self.assessment_ref}"


class PublishedLevel(models.Model):
    """An implementation level a source document published for a recommendation (an MIA's IRI)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="published_levels"
    )
    index = models.CharField(max_length=32, default="iri")
    grade = models.ForeignKey(Grade, null=True, blank=True, on_delete=models.PROTECT)
    undetermined = models.BooleanField(default=False, help_text="Assessed, but published without a level.")
    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "index", "document"], name="one_level_per_document"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.grade or '-'}"


class FollowUpCampaign(models.Model):
    """A follow-up round on one review: who was asked, who answered, what was published."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="campaigns")
    programme = models.ForeignKey(Stakeholder, on_delete=models.PROTECT, related_name="campaigns")
    is_open = models.BooleanField(default=False, help_text="Contributors may enter assessments while open.")
    deadline = models.DateField(null=True, blank=True)
    document = models.OneToOneField(SourceDocument, null=True, blank=True, on_delete=models.CASCADE)
    published_on = models.DateField(null=True, blank=True)
    stated_counts = models.JSONField(default=dict, blank=True, help_text="The totals the document states.")

    def __str__(self) -> str:
        return f"{self.programme} follow-up of {self.review}"


class CampaignContact(models.Model):
    campaign = models.ForeignKey(FollowUpCampaign, on_delete=models.CASCADE, related_name="contacts")
    group = models.CharField(max_length=32)  # reports / ngo / un_agency / state / nhri
    contacted = models.PositiveIntegerField(null=True, blank=True)
    responded = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.group}: {self.contacted} contacted, {self.responded} responded"


class Suggestion(models.Model):
    """A recommendation a stakeholder suggests for a coming review."""

    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.PROTECT, related_name="suggestions")
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.PROTECT, related_name="suggestions"
    )
    theme = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    document = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.CASCADE)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PUBLISHED)

    def __str__(self) -> str:
        return self.text[:80]


class IssueSummary(models.Model):
    """A stakeholder's count of one review's recommendations on an issue, with evidence (seed 004)."""

    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.PROTECT, related_name="issue_summaries")
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="issue_summaries")
    issue = models.CharField(max_length=300)
    total = models.PositiveIntegerField(null=True, blank=True)
    total_text = models.CharField(max_length=200, blank=True)
    implemented = models.PositiveIntegerField(null=True, blank=True)
    partially = models.PositiveIntegerField(null=True, blank=True)
    not_implemented = models.PositiveIntegerField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    document = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        verbose_name_plural = "issue summaries"

    def __str__(self) -> str:
        return f"{self.stakeholder}: {self.issue}"


class StakeholderMerge(models.Model):
    """History of an editor's merge of a duplicate stakeholder into another: who, when, what moved."""

    kept = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="merged_from")
    merged_name = models.CharField(max_length=300)
    merged_acronym = models.CharField(max_length=50, blank=True)
    merged_ref = models.PositiveBigIntegerField(help_text="The merged stakeholder's id, kept after deletion.")
    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.CharField(max_length=300, help_text="Who made the merge.")
    moved = models.JSONField(default=dict, help_text="How many records of each kind moved to the kept one.")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.merged_name} merged into {self.kept} by {self.actor}"
