from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from rightstrack.assessments.history_display import shown
from rightstrack.assessments.models import (
    Assessment,
    AssessmentHistory,
    CampaignContact,
    FollowUpCampaign,
    Grade,
    GradingScheme,
    PublishedLevel,
    Stakeholder,
)
from rightstrack.assessments.workflow import Move, Refused, perform


@admin.register(Stakeholder)
class StakeholderAdmin(admin.ModelAdmin[Stakeholder]):
    list_display = ["name", "acronym", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]


class HistoryInline(admin.TabularInline[AssessmentHistory, Assessment]):
    model = AssessmentHistory
    fk_name = "assessment"
    extra = 0
    can_delete = False
    readonly_fields = ["at", "actor", "action", "what_changed"]
    fields = ["at", "actor", "action", "what_changed"]

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False

    @admin.display(description=_("What changed"))
    def what_changed(self, row: AssessmentHistory) -> str:
        """Each field by its name and each value by its display, as on the portal's history page."""
        (shown_row,) = shown([row])
        return format_html_join(
            mark_safe("<br>"),
            "{}: {} → {}",
            ((c.field, c.before or "–", c.after or "–") for c in shown_row.changes),
        )


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin[Assessment]):
    list_display = ["recommendation", "stakeholder", "grade", "status"]
    list_filter = ["status", "stakeholder", "recommendation__review"]
    search_fields = ["original_text", "public_text", "stakeholder__name", "stakeholder__acronym"]
    # The status moves only through rightstrack.assessments.workflow: here by the actions below.
    readonly_fields = [
        "status",
        "return_reason",
        "original_text",
        "document",
        "created_at",
        "updated_at",
        "version",
    ]
    raw_id_fields = ["recommendation"]
    inlines = [HistoryInline]
    actions = ["publish_submitted", "return_submitted"]

    @admin.action(description="Publish the selected submitted assessments")
    def publish_submitted(self, request: HttpRequest, queryset: QuerySet[Assessment]) -> None:
        done, refused = 0, []
        for assessment in queryset:
            try:
                perform(request.user, Move.PUBLISH, assessment)
            except Refused as refusal:
                refused.append(f"{assessment}: {refusal.reason}")
            else:
                done += 1
        self.message_user(request, f"{done} published.", messages.SUCCESS)
        for line in refused:
            self.message_user(request, line, messages.WARNING)

    @admin.action(description=_("Return the selected submitted assessments to their organisation"))
    def return_submitted(
        self, request: HttpRequest, queryset: QuerySet[Assessment]
    ) -> TemplateResponse | None:
        """Ask for the reason the contributors will read, then return each through the workflow."""
        if "apply" not in request.POST:
            return TemplateResponse(
                request,
                "admin/assessments/return_reason.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Why do they go back?"),
                    "assessments": queryset.select_related("stakeholder", "recommendation"),
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                    "opts": self.model._meta,
                },
            )
        reason = request.POST.get("reason", "")
        done, refused = 0, []
        for assessment in queryset:
            try:
                perform(request.user, Move.RETURN, assessment, reason)
            except Refused as refusal:
                refused.append(f"{assessment}: {refusal.reason}")
            else:
                done += 1
        self.message_user(request, _("%(n)d returned.") % {"n": done}, messages.SUCCESS)
        for line in refused:
            self.message_user(request, line, messages.WARNING)
        return None

    def save_model(self, request: Any, obj: Assessment, form: Any, change: bool) -> None:
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


class GradeInline(admin.TabularInline[Grade, GradingScheme]):
    model = Grade
    extra = 0


@admin.register(GradingScheme)
class GradingSchemeAdmin(admin.ModelAdmin[GradingScheme]):
    list_display = ["code", "name"]
    inlines = [GradeInline]


@admin.register(PublishedLevel)
class PublishedLevelAdmin(admin.ModelAdmin[PublishedLevel]):
    list_display = ["recommendation", "index", "grade", "undetermined", "document"]
    raw_id_fields = ["recommendation"]


class ContactInline(admin.TabularInline[CampaignContact, FollowUpCampaign]):
    model = CampaignContact
    extra = 0


@admin.register(FollowUpCampaign)
class FollowUpCampaignAdmin(admin.ModelAdmin[FollowUpCampaign]):
    list_display = ["review", "programme", "published_on"]
    inlines = [ContactInline]
