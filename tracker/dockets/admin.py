from django.contrib import admin

from tracker.dockets.models import DocketEntry


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
