"""The portal's e-mails, written in one place: an invitation to make an account, a follow-up round's
invitation and its reminders. Each says what to do, where, and by when."""

from __future__ import annotations

from django.core.mail import send_mail
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from rightstrack.portal.models import CampaignInvitation, Invitation


def invitation_message(invitation: Invitation, link: str) -> tuple[str, str]:
    """Subject and body of the e-mail that lets a person make their account."""
    expires = formats.date_format(timezone.localtime(invitation.expires_at), "DATETIME_FORMAT")
    organisation = (
        _(" for %(organisation)s") % {"organisation": invitation.organisation.name}
        if invitation.organisation
        else ""
    )
    body = _(
        "Hello,\n\n"
        "You are invited to RightsTrack as %(role)s%(organisation)s.\n\n"
        "To make your account, open this link before %(expires)s (UTC):\n%(link)s\n"
        "There, choose a user name and a password of at least 10 characters; the account is made for "
        "%(email)s and you are signed in at once. The link works once. After that date it no longer "
        "works: ask the person who invited you for a new one.\n"
    ) % {
        "role": invitation.get_role_display(),
        "organisation": organisation,
        "expires": expires,
        "link": link,
        "email": invitation.email,
    }
    return _("Your invitation to RightsTrack"), body


def send_invitation(invitation: Invitation, link: str) -> None:
    subject, body = invitation_message(invitation, link)
    send_mail(subject, body, None, [invitation.email])


def contact_message(contact: CampaignInvitation, link: str, reminder: bool) -> tuple[str, str]:
    """Subject and body of a follow-up round's invitation (or reminder) to a stakeholder."""
    review = contact.campaign.review
    subject = (_("Reminder: ") if reminder else "") + _("Follow-up of the recommendations of %(review)s") % {
        "review": review
    }
    body = _(
        "Dear %(name)s,\n\nWe invite you to say how far each recommendation of %(review)s has been "
        "implemented, with your comments and sources, at %(link)s (or in the Excel sheet you can "
        "download there)."
    ) % {"name": contact.stakeholder.name, "review": review, "link": link}
    deadline = contact.campaign.deadline
    if deadline is not None:
        body += "\n\n" + _("Answers are expected by %(date)s.") % {
            "date": formats.date_format(deadline, "DATE_FORMAT")
        }
    return subject, body


def send_contact(contact: CampaignInvitation, link: str, reminder: bool) -> None:
    subject, body = contact_message(contact, link, reminder)
    send_mail(subject, body, None, [contact.email])
