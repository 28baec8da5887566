from django.contrib import admin

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


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin[Recommendation]):
    list_display = ["__str__", "response", "action_category"]
    list_filter = ["review__mechanism", "response", "action_category", "review__state"]
    search_fields = ["text", "refs__value"]
    filter_horizontal = ["recommending_states"]
    inlines = [RefInline, TermInline]


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
