"""Curating what is tracked: cases and topics, and the entity vocabulary with its aliases."""

from django.contrib import admin
from django.db.models import Count

from tracker.cases.models import Alias, Case, Entity


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "docket_number", "court", "status", "entity_count")
    list_filter = ("kind", "status")
    search_fields = ("name", "slug", "caption", "docket_number", "court", "judge")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("entities",)
    readonly_fields = ("created_at",)
    fieldsets = (
        (None, {"fields": ("kind", "name", "slug", "status", "description")}),
        ("Court", {"fields": ("caption", "court", "docket_number", "judge", "time_zone")}),
        ("Relevance", {"fields": ("keywords", "entities", "entity_threshold")}),
        (None, {"fields": ("created_at",)}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entity_count=Count("entities", distinct=True))

    @admin.display(description="entities", ordering="entity_count")
    def entity_count(self, case: Case) -> int:
        return case.entity_count


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ("text", "case_sensitive")


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "status", "alias_list")
    list_filter = ("kind", "status", "cases")
    search_fields = ("name", "slug", "aliases__text")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (AliasInline,)
    readonly_fields = ("created_at", "updated_at")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_list(self, entity: Entity) -> str:
        return ", ".join(alias.text for alias in entity.aliases.all())


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ("text", "entity", "case_sensitive")
    list_filter = ("case_sensitive", "entity__kind")
    list_select_related = ("entity",)
    search_fields = ("text", "entity__name")
    autocomplete_fields = ("entity",)
