"""Docket entries in the admin: hiding one, correcting its kind or text, moving its links to news events
or deleting it is announced like an arrival (signals.record_changed, after the transaction commits), so
the pages that show the record, cached or kept, are retired at once."""

from django.contrib import admin

from tracker.dockets.models import DocketEntry
from tracker.dockets.signals import send_record_changed


def _announce(cases: set[int], events: set[int]) -> None:
    send_record_changed({pk for pk in cases if pk}, events)


def _linked(entries) -> set[int]:
    return set(
        DocketEntry.events.through.objects.filter(docketentry__in=entries).values_list("event_id", flat=True)
    )


@admin.register(DocketEntry)
class DocketEntryAdmin(admin.ModelAdmin):
    list_display = ("entered_at", "case", "number", "kind", "entry_type", "hidden", "amended_at")
    list_filter = ("case", "kind", "hidden", ("amended_at", admin.EmptyFieldListFilter), "feed")
    search_fields = ("description", "entry_type", "docket_number")
    date_hierarchy = "entered_at"
    list_select_related = ("case",)
    raw_id_fields = ("feed",)
    filter_horizontal = ("events",)
    readonly_fields = ("guid", "first_seen_at", "amended_at")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        entry, initial = form.instance, form.initial
        had = {getattr(e, "pk", e) for e in initial.get("events") or []}  # links before the change
        _announce({entry.case_id, initial.get("case")}, had | _linked([entry]))

    def delete_model(self, request, obj):
        cases, events = {obj.case_id}, _linked([obj])
        super().delete_model(request, obj)
        _announce(cases, events)

    def delete_queryset(self, request, queryset):
        cases, events = set(queryset.values_list("case_id", flat=True)), _linked(queryset)
        super().delete_queryset(request, queryset)
        _announce(cases, events)
