from django.contrib import admin
from django.http import HttpRequest

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
    Vocabulary,
)


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
    list_display = ["label", "vocabulary", "code"]
    list_filter = ["vocabulary"]
    search_fields = ["label"]
    inlines = [AliasInline]


@admin.register(Vocabulary)
class VocabularyAdmin(admin.ModelAdmin[Vocabulary]):
    list_display = ["code", "version", "name"]
