from django.contrib import admin

from rightstrack.documents.models import Provenance, SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin[SourceDocument]):
    list_display = ["name", "kind", "title", "published_on", "imported_at"]
    list_filter = ["kind"]
    search_fields = ["name", "title", "symbol", "sha256"]
    readonly_fields = ["sha256", "size", "imported_at", "problems"]


@admin.register(Provenance)
class ProvenanceAdmin(admin.ModelAdmin[Provenance]):
    list_display = ["document", "content_type", "object_id", "field", "section", "line", "page"]
    list_filter = ["content_type", "section"]
