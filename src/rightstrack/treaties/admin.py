from django.contrib import admin

from rightstrack.treaties.models import FollowUpDecision, Treaty, TreatyStatus


@admin.register(Treaty)
class TreatyAdmin(admin.ModelAdmin[Treaty]):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(TreatyStatus)
class TreatyStatusAdmin(admin.ModelAdmin[TreatyStatus]):
    list_display = ["state", "treaty", "status", "date"]
    list_filter = ["status", "state"]


@admin.register(FollowUpDecision)
class FollowUpDecisionAdmin(admin.ModelAdmin[FollowUpDecision]):
    list_display = ["review", "report_symbol", "kind", "next_report_due"]
    list_filter = ["kind"]
