"""What is tracked: cases and topics (court, relevance, the docket kinds the timeline hides).

Every change is kept by django-simple-history ("History" on each object's page). The entity vocabulary
and its curation (promote, merge, re-extract) are in `tracker.curation.entity_admin`.
"""

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from tracker.cases.models import Case
from tracker.cases.signals import send_cases_changed


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "docket_number", "court", "judge", "status", "entity_count")
    list_filter = ("kind", "status")
    search_fields = ("name", "slug", "caption", "docket_number", "court", "judge")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("entities",)
    readonly_fields = ("created_at",)
    fieldsets = (
        (None, {"fields": ("kind", "name", "slug", "status", "description")}),
        ("Court", {"fields": ("caption", "court", "docket_number", "judge", "time_zone")}),
        ("Relevance", {"fields": ("keywords", "entities", "entity_threshold")}),
        ("Timeline", {"fields": ("hidden_docket_kinds",)}),
        (None, {"fields": ("created_at",)}),
    )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        send_cases_changed([form.instance.pk])  # readers' cached pages of the case are retired

    def delete_model(self, request, obj):
        pk = obj.pk  # None once deleted
        super().delete_model(request, obj)
        send_cases_changed([pk])

    def delete_queryset(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        send_cases_changed(ids)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entity_count=Count("entities", distinct=True))

    @admin.display(description="entities", ordering="entity_count")
    def entity_count(self, case: Case) -> int:
        return case.entity_count
