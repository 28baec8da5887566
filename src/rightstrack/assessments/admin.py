from typing import Any

from django.contrib import admin

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
    readonly_fields = ["at", "actor", "action", "changes"]
    fields = ["at", "actor", "action", "changes"]

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin[Assessment]):
    list_display = ["recommendation", "stakeholder", "grade", "status"]
    list_filter = ["status", "stakeholder", "recommendation__review"]
    search_fields = ["original_text", "public_text", "stakeholder__name", "stakeholder__acronym"]
    readonly_fields = ["original_text", "document", "created_at", "updated_at", "version"]
    raw_id_fields = ["recommendation"]
    inlines = [HistoryInline]

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
