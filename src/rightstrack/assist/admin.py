from django.contrib import admin

from rightstrack.assist.models import LabelSuggestion


@admin.register(LabelSuggestion)
class LabelSuggestionAdmin(admin.ModelAdmin[LabelSuggestion]):
    list_display = ("recommendation", "head", "value", "probability", "decision", "decided_by")
    list_filter = ("head", "decision")
    search_fields = ("value", "recommendation__text")
    raw_id_fields = ("recommendation", "term")
