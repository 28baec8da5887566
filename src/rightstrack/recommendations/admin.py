from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from rightstrack.documents.models import PositionStatement
from rightstrack.recommendations.models import (
    Mechanism,
    Recommendation,
    RecommendationRef,
    RecommendationTerm,
    Review,
    State,
    Term,
    TermAlias,
    TermMapping,
    Vocabulary,
)
from rightstrack.recommendations.vocabularies import MappingError, add_to_new_version, map_unmatched


@admin.register(State)
class StateAdmin(admin.ModelAdmin[State]):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Mechanism)
class MechanismAdmin(admin.ModelAdmin[Mechanism]):
    list_display = ["code", "name", "kind"]
    list_filter = ["kind"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin[Review]):
    list_display = ["state", "mechanism", "cycle", "session", "year"]
    list_filter = ["mechanism", "cycle"]
    search_fields = ["state__name", "state__code"]


class RefInline(admin.TabularInline[RecommendationRef, Recommendation]):
    model = RecommendationRef
    extra = 0


class TermInline(admin.TabularInline[RecommendationTerm, Recommendation]):
    model = RecommendationTerm
    extra = 0
    autocomplete_fields = ["term"]


class PositionInline(admin.TabularInline[PositionStatement, Recommendation]):
    """What each document says of the State's answer (read only: documents are not edited)."""

    model = PositionStatement
    extra = 0
    can_delete = False
    fields = ("document", "words", "kind", "stage", "position", "qualifier", "place")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Recommendation | None = None) -> bool:
        return False


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin[Recommendation]):
    """Editors' list of conflicts: filter by "position conflict" or "text conflict"."""

    list_display = [
        "__str__",
        "response",
        "wg_stage",
        "position_conflict",
        "text_conflict",
        "action_category",
    ]
    list_filter = [
        "position_conflict",
        "text_conflict",
        "review__mechanism",
        "response",
        "wg_stage",
        "action_category",
        "review__state",
    ]
    search_fields = ["text", "refs__value"]
    filter_horizontal = ["recommending_states"]
    readonly_fields = ["text_variants"]
    inlines = [RefInline, TermInline, PositionInline]


class AliasInline(admin.TabularInline[TermAlias, Term]):
    model = TermAlias
    extra = 0


@admin.register(Term)
class TermAdmin(admin.ModelAdmin[Term]):
    """Terms, and the labels documents used that no vocabulary version holds ("unmatched"): an editor
    maps one to a known term of its version (field "mapped to"), or adds the selected ones to a new
    version (action); either re-tags the records and writes a history row (term mappings)."""

    list_display = ["label", "vocabulary", "code", "unmatched", "tagged", "mapped_to"]
    list_filter = ["unmatched", ("mapped_to", admin.EmptyFieldListFilter), "vocabulary"]
    search_fields = ["label"]
    inlines = [AliasInline]
    actions = ["add_labels_to_new_version"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Term]:
        return super().get_queryset(request).annotate(tag_count=Count("recommendationterm"))

    @admin.display(description="records", ordering="tag_count")
    def tagged(self, term: Term) -> int:
        return int(getattr(term, "tag_count", 0))

    def get_readonly_fields(self, request: HttpRequest, obj: Term | None = None) -> list[str]:
        if obj is not None and obj.unmatched:
            fixed = ["vocabulary", "label", "code", "unmatched", "previous"]
            return fixed if obj.mapped_to_id is None else [*fixed, "mapped_to"]
        return ["unmatched", "mapped_to"]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        term_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
        if db_field.name == "mapped_to" and term_id:
            term = Term.objects.filter(pk=term_id).first()
            if term is not None:
                kwargs["queryset"] = Term.objects.filter(vocabulary=term.vocabulary, unmatched=False)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Term, form: Any, change: bool) -> None:
        if change and obj.unmatched and "mapped_to" in form.changed_data and obj.mapped_to is not None:
            target = obj.mapped_to
            mapping = map_unmatched(Term.objects.get(pk=obj.pk), target, request.user)
            obj.mapped_to = target
            self.message_user(
                request, f"{obj.label!r} mapped to {target.label!r}: {mapping.retagged} re-tagged"
            )
            return
        super().save_model(request, obj, form, change)

    @admin.action(description="Add the selected unmatched labels to a new version of their vocabulary")
    def add_labels_to_new_version(self, request: HttpRequest, queryset: QuerySet[Term]) -> None:
        terms = list(queryset.select_related("vocabulary"))
        version = str(timezone.localdate().year)
        if terms and Vocabulary.objects.filter(code=terms[0].vocabulary.code, version=version).exists():
            version = timezone.localdate().isoformat()
        try:
            new = add_to_new_version(terms, version, request.user)
        except MappingError as error:
            self.message_user(request, str(error), level=messages.ERROR)
            return
        self.message_user(request, f"{len(terms)} label(s) added: {new}")


@admin.register(TermMapping)
class TermMappingAdmin(admin.ModelAdmin[TermMapping]):
    """History of what editors did with unmatched labels (read-only)."""

    list_display = ["term", "action", "target", "retagged", "editor", "at"]
    list_filter = ["action"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: TermMapping | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: TermMapping | None = None) -> bool:
        return False


@admin.register(Vocabulary)
class VocabularyAdmin(admin.ModelAdmin[Vocabulary]):
    list_display = ["code", "version", "name"]
