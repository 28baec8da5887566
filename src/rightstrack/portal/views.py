"""The stakeholder portal: contributors enter assessments, editors moderate and run campaigns."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rightstrack.assessments.history_display import shown
from rightstrack.assessments.models import (
    Assessment,
    AssessmentHistory,
    FollowUpCampaign,
    Stakeholder,
    Status,
)
from rightstrack.assessments.picture import display_ref
from rightstrack.assessments.workflow import Move, NotAllowed, ReasonMissing, Refused, perform
from rightstrack.assist.models import Decision, LabelSuggestion
from rightstrack.core.state_names import state_name
from rightstrack.portal import mail, permissions
from rightstrack.portal.forms import (
    AcceptForm,
    AssessmentForm,
    CampaignForm,
    ContactForm,
    InvitationForm,
    ModerationForm,
    UploadForm,
)
from rightstrack.portal.models import CampaignInvitation, Invitation, Membership, Role
from rightstrack.portal.roles import grant_role
from rightstrack.portal.services import apply_changes
from rightstrack.recommendations.models import Recommendation, Review
from rightstrack.recommendations.states import in_order

#: How a level entered in the portal is known (stored in English; pages translate it).
STATED_BY_CONTRIBUTOR = gettext_noop("stated by the contributor")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    role = permissions.role_of(request.user)
    organisation = permissions.organisation_of(request.user)
    mine = (
        Assessment.private_objects.filter(stakeholder=organisation)
        .select_related("recommendation__review__state", "recommendation__review__mechanism", "grade")
        .order_by("-updated_at")[:200]
        if organisation
        else []
    )
    open_campaigns = FollowUpCampaign.objects.filter(is_open=True).select_related(
        "review__state", "review__mechanism", "programme"
    )
    editor = permissions.is_editor(request.user)
    waiting = Assessment.private_objects.filter(status=Status.SUBMITTED).count() if editor else 0
    suggestions = LabelSuggestion.objects.filter(decision=Decision.PENDING).count() if editor else 0
    return render(
        request,
        "portal/home.html",
        {
            "role": role,
            "organisation": organisation,
            "mine": mine,
            "campaigns": open_campaigns,
            "waiting": waiting,
            "suggestions": suggestions,
        },
    )


@login_required
def review_assess(request: HttpRequest, review_id: int) -> HttpResponse:
    """The recommendations of a review, each with the contributor organisation's assessment."""
    organisation = permissions.organisation_of(request.user)
    if not permissions.can_contribute(request.user) or organisation is None:
        raise PermissionDenied(_("Only contributors of an organisation enter assessments."))
    review = get_object_or_404(Review.objects.select_related("state", "mechanism"), pk=review_id)
    recommendations = list(review.recommendations.prefetch_related("refs").order_by("sort_key", "id"))
    own = {
        a.recommendation_id: a
        for a in Assessment.private_objects.filter(recommendation__review=review, stakeholder=organisation)
    }
    rows = [(r, display_ref(r), own.get(r.pk)) for r in recommendations]
    return render(
        request, "portal/review_assess.html", {"review": review, "rows": rows, "organisation": organisation}
    )


@login_required
def assess(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    """Create or change the contributor organisation's assessment of one recommendation."""
    organisation = permissions.organisation_of(request.user)
    if not permissions.can_contribute(request.user) or organisation is None:
        raise PermissionDenied(_("Only contributors of an organisation enter assessments."))
    recommendation = get_object_or_404(Recommendation.objects.select_related("review"), pk=recommendation_id)
    existing = (
        Assessment.private_objects.filter(
            recommendation=recommendation, stakeholder=organisation, document=None
        )
        .order_by("-updated_at")
        .first()
    )
    if existing is not None:
        return redirect("portal:edit", pk=existing.pk)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assessment = Assessment.private_objects.create(
            recommendation=recommendation,
            stakeholder=organisation,
            grade=form.cleaned_data["grade"],
            level_basis=STATED_BY_CONTRIBUTOR if form.cleaned_data["grade"] else "",
            original_text=form.cleaned_data["original_text"],
            source_note=form.cleaned_data["source_note"],
            assessed_on=timezone.localdate(),
            status=Status.DRAFT,
        )
        messages.success(request, _("Draft saved. Submit it when it is ready for the editors."))
        return redirect("portal:edit", pk=assessment.pk)
    return render(
        request,
        "portal/assess.html",
        {"form": form, "recommendation": recommendation, **_about(recommendation)},
    )


#: The numberings that are a paragraph of the document the recommendations were made in.
PARAGRAPH_SCHEMES = ("ohchr-paragraph", "ccpr-co-paragraph")


def _about(recommendation: Recommendation, leave_out: int | None = None) -> dict[str, Any]:
    """What a contributor needs beside the form: where the recommendation is (paragraph, number), who
    made it, the State's position, and what stakeholders already published about it."""
    refs = list(recommendation.refs.all())
    paragraph = next((r.value + r.part for r in refs if r.scheme in PARAGRAPH_SCHEMES), "")
    earlier = (
        Assessment.public_objects.filter(recommendation=recommendation)
        .select_related("stakeholder", "grade__scheme", "document")
        .order_by("assessed_on", "id")
    )
    if leave_out is not None:
        earlier = earlier.exclude(pk=leave_out)
    return {
        "paragraph": paragraph,
        "number": display_ref(recommendation),
        "recommending_states": [
            state_name(s.code, get_language() or "en", s.name) for s in in_order(recommendation)
        ],
        "earlier": earlier,
        "levels": recommendation.published_levels.select_related("grade", "document").order_by("id"),
    }


def _visible_or_404(request: HttpRequest, pk: int) -> Assessment:
    assessment = get_object_or_404(
        Assessment.private_objects.select_related("recommendation__review", "stakeholder", "grade"), pk=pk
    )
    if not permissions.can_view(request.user, assessment):
        raise Http404("no such assessment")  # another organisation's draft does not exist for you
    return assessment


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _visible_or_404(request, pk)
    editor = permissions.is_editor(request.user)
    if not permissions.can_edit(request.user, assessment):
        raise PermissionDenied(_("You may not change this assessment."))
    form_class = (
        ModerationForm if editor and assessment.stakeholder_id != _org_id(request) else AssessmentForm
    )
    initial = {
        "grade": assessment.grade,
        "original_text": assessment.original_text,
        "source_note": assessment.source_note,
        "public_text": assessment.public_text,
        "version": assessment.version,
    }
    form = form_class(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version") or 0
        if form_class is AssessmentForm and data.get("grade") is not None:
            data["level_basis"] = STATED_BY_CONTRIBUTOR
        conflict = apply_changes(assessment, data, version, request.user)
        if conflict is None:
            messages.success(request, _("Saved."))
            return redirect("portal:edit", pk=assessment.pk)
        form = form_class(initial={**initial, **conflict.mine, "version": conflict.current.version})
    return render(
        request,
        "portal/edit.html",
        {
            **_about(assessment.recommendation, leave_out=assessment.pk),
            "recommendation": assessment.recommendation,
            "form": form,
            "assessment": assessment,
            "editor": editor,
            "own": permissions.is_own_work(request.user, assessment),
            "conflict": conflict,
        },
        status=409 if conflict else 200,
    )


def _org_id(request: HttpRequest) -> int | None:
    organisation = permissions.organisation_of(request.user)
    return organisation.pk if organisation else None


def _move(request: HttpRequest, pk: int, move: Move, reason: str = "") -> HttpResponse | None:
    """Make ``move`` through the one workflow; None when done, else the page saying why not."""
    assessment = _visible_or_404(request, pk)
    try:
        perform(request.user, move, assessment, reason)
    except NotAllowed as refused:
        raise PermissionDenied(refused.reason) from None
    except Refused as refused:
        status = 400 if isinstance(refused, ReasonMissing) else 409
        return render(
            request,
            "portal/refused.html",
            {"assessment": assessment, "reason": refused.reason},
            status=status,
        )
    return None


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    refused = _move(request, pk, Move.SUBMIT)
    if refused is not None:
        return refused
    messages.success(request, _("Submitted: an editor will review it before it is published."))
    return redirect("portal:home")


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    refused = _move(request, pk, Move.PUBLISH)
    if refused is not None:
        return refused
    messages.success(request, _("Published."))
    return redirect("portal:moderation")


@login_required
@require_POST
def return_to_draft(request: HttpRequest, pk: int) -> HttpResponse:
    refused = _move(request, pk, Move.RETURN, request.POST.get("reason", ""))
    if refused is not None:
        return refused
    messages.info(request, _("Returned to its organisation as a draft, with your reason."))
    return redirect("portal:moderation")


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _visible_or_404(request, pk)
    # The history holds the contributor's own words and draft-stage values: editors and the
    # organisation that wrote it may read it, nobody else (the published text is on the public page).
    if not (permissions.is_editor(request.user) or permissions.is_own_work(request.user, assessment)):
        raise Http404("no such assessment")
    rows = shown(AssessmentHistory.objects.filter(assessment_ref=assessment.pk).select_related("user"))
    return render(request, "portal/history.html", {"assessment": assessment, "rows": rows})


@login_required
def moderation(request: HttpRequest) -> HttpResponse:
    permissions.require_editor(request.user)
    waiting = (
        Assessment.private_objects.filter(status=Status.SUBMITTED)
        .select_related("recommendation__review__state", "stakeholder", "grade", "document")
        .order_by("updated_at")
    )
    return render(request, "portal/moderation.html", {"waiting": waiting})


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """A contributor uploads the filled Excel sheet; its assessments wait for an editor."""
    from rightstrack.documents.importing import ImportFailed, import_bytes

    if not (permissions.can_contribute(request.user) or permissions.is_editor(request.user)):
        raise PermissionDenied(_("Only contributors and editors upload sheets."))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["sheet"]
        organisation = permissions.organisation_of(request.user)
        try:
            reports = import_bytes(
                upload_file.read(),
                upload_file.name,
                actor=request.user.get_username(),
                kind="stakeholder-sheet",
                stakeholder=organisation if not permissions.is_editor(request.user) else None,
            )
        except ImportFailed as failure:
            form.add_error("sheet", str(failure.error))
        else:
            created = reports[0].created["assessments"] if reports else 0
            messages.success(
                request, _("Sheet imported: %(n)d new assessments, waiting for an editor.") % {"n": created}
            )
            return redirect("portal:home")
    return render(request, "portal/upload.html", {"form": form})


@login_required
def sheet(request: HttpRequest, review_id: int) -> HttpResponse:
    from rightstrack.assessments.sheets import sheet_for
    from rightstrack.core.records import StakeholderRecord

    organisation = permissions.organisation_of(request.user)
    if organisation is None:
        raise PermissionDenied(_("Sheets are written for one organisation."))
    review = get_object_or_404(Review.objects.select_related("state", "mechanism"), pk=review_id)
    record = StakeholderRecord(organisation.name, organisation.acronym, organisation.kind)
    response = HttpResponse(
        sheet_for(review, record),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{review.state_id}-{review.mechanism.code}-{review.cycle}.xlsx"'
    )
    return response


@login_required
def campaigns(request: HttpRequest) -> HttpResponse:
    permissions.require_editor(request.user)
    rows = FollowUpCampaign.objects.select_related(
        "review__state", "review__mechanism", "programme"
    ).annotate(contacted=Count("invitations", distinct=True))
    reviews = Review.objects.select_related("state", "mechanism").order_by("state__name", "cycle")
    return render(request, "portal/campaigns.html", {"rows": rows, "reviews": reviews})


@login_required
@require_POST
def campaign_open(request: HttpRequest, review_id: int) -> HttpResponse:
    permissions.require_editor(request.user)
    review = get_object_or_404(Review, pk=review_id)
    organisation = permissions.organisation_of(request.user)
    programme = (
        organisation
        or Stakeholder.objects.get_or_create(
            name="RightsTrack follow-up programme", defaults={"kind": "follow_up_programme"}
        )[0]
    )
    form = CampaignForm(request.POST)
    deadline = form.cleaned_data["deadline"] if form.is_valid() else None
    campaign = FollowUpCampaign.objects.create(
        review=review, programme=programme, is_open=True, deadline=deadline
    )
    return redirect("portal:campaign", pk=campaign.pk)


@login_required
def campaign(request: HttpRequest, pk: int) -> HttpResponse:
    """Sources and results of a round: who was contacted, when, who answered, how many each answered."""
    permissions.require_editor(request.user)
    round_ = get_object_or_404(
        FollowUpCampaign.objects.select_related("review__state", "review__mechanism"), pk=pk
    )
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact, created = CampaignInvitation.objects.get_or_create(
            campaign=round_,
            stakeholder=form.cleaned_data["stakeholder"],
            defaults={"email": form.cleaned_data["email"]},
        )
        if created and contact.email:
            _mail_contact(request, contact, reminder=False)
        return redirect("portal:campaign", pk=round_.pk)
    answered = dict(
        Assessment.private_objects.filter(recommendation__review=round_.review)
        .exclude(status=Status.DRAFT)
        .values_list("stakeholder")
        .annotate(n=Count("recommendation", distinct=True))
        .values_list("stakeholder", "n")
    )
    contacts = [
        (c, answered.get(c.stakeholder_id, 0)) for c in round_.invitations.select_related("stakeholder")
    ]
    stats = {
        "contacted": len(contacts),
        "answered": sum(1 for _, n in contacts if n),
        "recommendations": round_.review.recommendations.count(),
    }
    return render(
        request,
        "portal/campaign.html",
        {"campaign": round_, "contacts": contacts, "form": form, "stats": stats},
    )


@login_required
@require_POST
def campaign_remind(request: HttpRequest, pk: int) -> HttpResponse:
    """E-mail a reminder to every contacted stakeholder who has not answered yet."""
    permissions.require_editor(request.user)
    round_ = get_object_or_404(FollowUpCampaign, pk=pk)
    answered = set(
        Assessment.private_objects.filter(recommendation__review=round_.review)
        .exclude(status=Status.DRAFT)
        .values_list("stakeholder_id", flat=True)
    )
    sent = 0
    for contact in round_.invitations.exclude(stakeholder_id__in=answered).exclude(email=""):
        _mail_contact(request, contact, reminder=True)
        contact.reminded_at = timezone.now()
        contact.reminders += 1
        contact.save(update_fields=["reminded_at", "reminders"])
        sent += 1
    messages.success(request, _("%(n)d reminder(s) sent.") % {"n": sent})
    return redirect("portal:campaign", pk=round_.pk)


def _mail_contact(request: HttpRequest, contact: CampaignInvitation, reminder: bool) -> None:
    review = contact.campaign.review
    link = request.build_absolute_uri(reverse("portal:review", kwargs={"review_id": review.pk}))
    mail.send_contact(contact, link, reminder)


@login_required
def invite(request: HttpRequest) -> HttpResponse:
    permissions.require_editor(request.user)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = Invitation.objects.create(
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
            invited_by=request.user if request.user.is_authenticated else None,
        )
        link = request.build_absolute_uri(reverse("portal:accept", kwargs={"token": invitation.token}))
        mail.send_invitation(invitation, link)
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return redirect("portal:invite")
    pending = Invitation.objects.filter(accepted_at=None).order_by("-created_at")
    return render(request, "portal/invite.html", {"form": form, "pending": pending})


class _NotClaimed(Exception):
    """The invitation was used (or expired) between the page and the form: nothing is created."""


class _NameTaken(Exception):
    """The chosen user name exists: the claim of the invitation is rolled back with the rest."""


def accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.filter(token=token).first()
    if invitation is None or not invitation.usable:
        used = invitation is not None and invitation.accepted_at is not None
        return render(request, "portal/invitation_invalid.html", {"used": used}, status=410)
    if request.user.is_authenticated:  # never switch a signed-in person to a new account silently
        return render(request, "portal/invitation_signed_in.html", {"invitation": invitation}, status=409)
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = _create_account(invitation, form.cleaned_data["username"], form.cleaned_data["password"])
        except _NotClaimed:
            return render(request, "portal/invitation_invalid.html", {"used": True}, status=410)
        except _NameTaken:
            form.add_error("username", _("This name is taken."))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("portal:home")
    return render(request, "portal/accept.html", {"form": form, "invitation": invitation})


def _create_account(invitation: Invitation, username: str, password: str) -> Any:
    """One account per invitation: the link is claimed by a conditional update inside the transaction
    that creates the account, so of several people posting it at once exactly one gets it."""
    user_model = get_user_model()
    hashed = make_password(password)  # the slow part, before the write lock is taken
    now = timezone.now()
    try:
        with transaction.atomic():
            claimed = Invitation.objects.filter(
                pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=now
            ).update(accepted_at=now)
            if claimed != 1:
                raise _NotClaimed
            if user_model.objects.filter(username=username).exists():
                raise _NameTaken
            user = user_model.objects.create_user(username, invitation.email)
            user.password = hashed
            user.save(update_fields=["password"])
            Membership.objects.create(user=user, role=invitation.role, organisation=invitation.organisation)
            grant_role(user, Role(invitation.role))
    except IntegrityError:  # the same name created by somebody else at this very moment
        raise _NameTaken from None
    return user
