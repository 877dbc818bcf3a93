"""Events, stories and discrepancies for curators: publish, hide or send back events, build an event
from a story or lock it, explain or resolve a discrepancy with a public note.

Publishing and locking follow one rule, `Event.set_visibility`, from the form and the actions alike.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from tracker.crossref.models import Claim, Discrepancy, Event, Story
from tracker.crossref.signals import send_events_changed
from tracker.curation import publishing


class EventClaimInline(admin.TabularInline):
    model = Claim
    fk_name = "event"
    extra = 0
    can_delete = False
    fields = ("claim_link", "status", "independent_count", "outlets_count")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(merged_into__isnull=True).select_related("speaker")

    @admin.display(description="claim")
    def claim_link(self, claim: Claim) -> str:
        url = reverse("admin:crossref_claim_change", args=[claim.pk])
        return format_html('<a href="{}">{}</a>', url, str(claim))


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("title", "date", "precision", "case", "status", "locked", "first_reported_at")
    list_filter = ("status", "locked", "case", "precision")
    search_fields = ("title", "summary")
    list_select_related = ("case",)
    date_hierarchy = "date"
    fields = (
        "case",
        "title",
        "summary",
        ("date", "precision"),
        "status",
        "locked",
        "first_reported_at",
        "first_reported_by",
        "published_at",
        "last_changed_at",
    )
    readonly_fields = ("first_reported_at", "first_reported_by", "published_at", "last_changed_at")
    inlines = (EventClaimInline,)
    actions = ("publish", "hide", "send_back")

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        obj.set_visibility(obj.status, keep_locked=obj.locked)  # the one rule, as the actions apply it
        super().save_model(request, obj, form, change)
        send_events_changed([obj.pk])

    def _visibility(self, request, queryset, status: str, verb: str) -> None:
        result = publishing.set_event_visibility(events=list(queryset), status=status, user=request.user)
        self.message_user(request, f"{verb} {len(result.changed)} event(s).")

    @admin.action(description="Publish (lock)", permissions=["change"])
    def publish(self, request, queryset):
        self._visibility(request, queryset, Event.Visibility.PUBLISHED, "Published")

    @admin.action(description="Hide (lock)", permissions=["change"])
    def hide(self, request, queryset):
        self._visibility(request, queryset, Event.Visibility.HIDDEN, "Hid")

    @admin.action(description="Send back to machine status (unlock)", permissions=["change"])
    def send_back(self, request, queryset):
        self._visibility(request, queryset, Event.Visibility.MACHINE, "Sent back")


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    """The machine's stories; a curator may only lock one (re-clustering then never moves an article
    into or out of it) or build an event from it."""

    list_display = ("title", "first_seen_at", "last_changed_at", "locked")
    list_filter = ("locked",)
    search_fields = ("title",)
    fields = ("title", "representative", "cases", "first_seen_at", "last_changed_at", "locked")
    readonly_fields = ("title", "representative", "cases", "first_seen_at", "last_changed_at")
    actions = ("create_event", "lock", "unlock")

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description="Lock: re-clustering keeps their articles as they are", permissions=["change"])
    def lock(self, request, queryset):
        self.message_user(request, f"Locked {queryset.update(locked=True)} story(ies).")

    @admin.action(description="Unlock: re-clustering may move their articles again", permissions=["change"])
    def unlock(self, request, queryset):
        self.message_user(request, f"Unlocked {queryset.update(locked=False)} story(ies).")

    def has_add_event_permission(self, request) -> bool:
        return request.user.has_perm("crossref.add_event")

    @admin.action(description="Create an event from each selected story", permissions=["add_event"])
    def create_event(self, request, queryset):
        for story in queryset:
            event = publishing.create_event(title=story.title, story=story, user=request.user)
            self.message_user(request, f"Created event #{event.pk} from “{story.title}”.")


class DiscrepancyForm(forms.ModelForm):
    class Meta:
        model = Discrepancy
        fields = ("status", "note")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") != Discrepancy.State.OPEN and not (cleaned.get("note") or "").strip():
            raise forms.ValidationError("Explaining or resolving a discrepancy needs a public note.")
        return cleaned


@admin.register(Discrepancy)
class DiscrepancyAdmin(SimpleHistoryAdmin):
    """Explain or resolve with a public note; the variants stay as the outlets worded them."""

    form = DiscrepancyForm
    list_display = ("__str__", "kind", "status", "claim", "has_note", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("note", "key", "claim__text")
    list_select_related = ("claim__speaker",)
    fields = ("kind", "claim", "event", "story", "variant_list", "status", "note")
    readonly_fields = ("kind", "claim", "event", "story", "variant_list")

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="note", boolean=True)
    def has_note(self, discrepancy: Discrepancy) -> bool:
        return bool(discrepancy.note.strip())

    @admin.display(description="variants (as each outlet worded it)")
    def variant_list(self, discrepancy: Discrepancy) -> str:
        rows = [
            (str(v.get("words", "")), str(v.get("outlet", "")) or f"article {v.get('article', '?')}")
            for v in discrepancy.variants
            if isinstance(v, dict)
        ]
        return format_html("<ul>{}</ul>", format_html_join("", "<li>“{}” ({})</li>", rows)) if rows else "-"

    def save_model(self, request, obj, form, change):
        obj.note = obj.note.strip()  # the history records request.user (HistoryRequestMiddleware)
        super().save_model(request, obj, form, change)
