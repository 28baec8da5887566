"""Who may do what in the stakeholder portal: roles, organisations, invitations, campaign contacts."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rightstrack.assessments.models import FollowUpCampaign, Stakeholder


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    EDITOR = "editor", _("Editor")
    CONTRIBUTOR = "contributor", _("Contributor")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A user's role, and for a contributor the one organisation whose work they enter."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)
    organisation = models.ForeignKey(
        Stakeholder, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.CONTRIBUTOR) | models.Q(organisation__isnull=False),
                name="contributor_has_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


def _token() -> str:
    return secrets.token_urlsafe(32)


def _in_two_weeks() -> object:
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    """An e-mailed link that lets a person create their account with a given role."""

    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role.choices)
    organisation = models.ForeignKey(Stakeholder, null=True, blank=True, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True, default=_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_in_two_weeks)
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.email} as {self.role}"

    @property
    def usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class CampaignInvitation(models.Model):
    """One stakeholder asked to take part in a follow-up round: when, reminders, answer."""

    campaign = models.ForeignKey(FollowUpCampaign, on_delete=models.CASCADE, related_name="invitations")
    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.PROTECT, related_name="campaign_contacts")
    email = models.EmailField(blank=True)
    contacted_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)
    reminders = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "stakeholder"], name="one_invitation_per_campaign")
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder} in {self.campaign}"
