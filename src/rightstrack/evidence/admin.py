from django.contrib import admin
from django.http import HttpRequest

from rightstrack.evidence.models import EvidenceDocument, EvidenceLink, EvidenceParagraph, SuggestedLevel


@admin.register(EvidenceDocument)
class EvidenceDocumentAdmin(admin.ModelAdmin[EvidenceDocument]):
    list_display = ("symbol", "title", "kind", "state", "session", "published_on")
    list_filter = ("kind", "state")
    readonly_fields = ("source",)


@admin.register(EvidenceParagraph)
class EvidenceParagraphAdmin(admin.ModelAdmin[EvidenceParagraph]):
    list_display = ("document", "number", "heading")
    list_filter = ("document__kind", "document__state")
    search_fields = ("text", "heading")
    raw_id_fields = ("document",)


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(admin.ModelAdmin[EvidenceLink]):
    """Read here; decided on the recommendation page (so that every change enters the history)."""

    list_display = ("recommendation", "paragraph", "rank", "score", "decision", "decided_by")
    list_filter = ("decision",)
    raw_id_fields = ("recommendation", "paragraph")
    readonly_fields = ("decision", "decided_by", "decided_at", "history", "score", "rank", "reason")


@admin.register(SuggestedLevel)
class SuggestedLevelAdmin(admin.ModelAdmin[SuggestedLevel]):
    """Read only: computed from the evidence after every linking and every decision on a link."""

    list_display = ("recommendation", "kind", "level", "confidence", "basis", "computed_at")
    list_filter = ("kind", "level", "basis")
    raw_id_fields = ("recommendation",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: SuggestedLevel | None = None) -> bool:
        return False
