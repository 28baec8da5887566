from django.contrib import admin

from rightstrack.actionplans.models import ActionPlan, Agency, Measure


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin[Agency]):
    list_display = ["name", "acronym", "state"]
    search_fields = ["name", "acronym"]


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin[ActionPlan]):
    list_display = ["title", "state"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin[Measure]):
    list_display = ["number", "plan", "deadline", "status"]
    list_filter = ["plan", "status", "agencies"]
    search_fields = ["text", "number"]
    filter_horizontal = ["agencies"]
    raw_id_fields = ["recommendations"]
