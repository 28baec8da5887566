from django.contrib import admin

from rightstrack.evidence.models import EvidenceDocument, EvidenceLink, EvidenceParagraph


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
