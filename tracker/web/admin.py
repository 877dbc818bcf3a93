"""The curators' queue of readers' error reports."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from tracker.web.models import ErrorReport


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "status", "reported", "short_text", "email")
    list_filter = ("status", "created_at")
    search_fields = ("text", "email", "note")
    readonly_fields = ("event", "claim", "reported", "text", "email", "ip_hash", "created_at", "updated_at")
    fields = ("reported", "text", "email", "status", "note", "ip_hash", "created_at", "updated_at")
    list_select_related = ("event", "claim")
    actions = ("mark_acting", "close")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # reports come from readers

    @admin.display(description="What is wrong")
    def short_text(self, obj):
        return obj.text[:100]

    @admin.display(description="Reported")
    def reported(self, obj):
        """Links to the reported object's admin page and to its public page."""
        if obj.event_id:
            admin_url = reverse("admin:crossref_event_change", args=[obj.event_id])
            public_url = reverse("web:event", args=[obj.event_id])
            label = f"event {obj.event_id}: {obj.event.title[:60]}"
        else:
            admin_url = reverse("admin:crossref_claim_change", args=[obj.claim_id])
            public_url = reverse("web:claim", args=[obj.claim_id])
            label = f"claim {obj.claim_id}: {obj.claim.text[:60]}"
        return format_html('<a href="{}">{}</a> (<a href="{}">public page</a>)', admin_url, label, public_url)

    @admin.action(description="Mark acting")
    def mark_acting(self, request, queryset):
        updated = queryset.update(status=ErrorReport.Status.ACTING)
        self.message_user(request, f"{updated} report(s) marked acting.")

    @admin.action(description="Close")
    def close(self, request, queryset):
        updated = queryset.update(status=ErrorReport.Status.CLOSED)
        self.message_user(request, f"{updated} report(s) closed.")
