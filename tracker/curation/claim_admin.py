"""The claim review queue: approve, reject, dispute or send back; merge claims the machine split and
split the ones it merged; create an event from claims.

Actions call `tracker.curation.reviewing` and `publishing`; history (who, when, before and after) is
kept by django-simple-history and shown from each object's "History" page.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from tracker.cases.models import Entity
from tracker.crossref.models import Claim, Discrepancy, Evidence, Status
from tracker.crossref.signals import send_events_changed
from tracker.curation import publishing, reviewing
from tracker.curation.changes import CurationError
from tracker.curation.display import highlighted_sentence
from tracker.curation.list_filters import AwaitingReviewFilter, DiscrepancyFlagFilter, MergedFilter
from tracker.curation.sample_admin import SampleCheckMixin
from tracker.curation.sampling import best_rule
from tracker.nlp.confidence import TIERS


class EvidenceInline(admin.TabularInline):
    """Each outlet's report, read-only: its sentence with the quotes highlighted, and the article."""

    model = Evidence
    extra = 0
    can_delete = False
    fields = ("outlet", "report", "verb", "attribution", "first_seen_at", "article_link")
    readonly_fields = fields
    ordering = ("first_seen_at", "pk")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request) -> QuerySet[Evidence]:
        return super().get_queryset(request).select_related("article__outlet")

    @admin.display(description="outlet")
    def outlet(self, evidence: Evidence) -> str:
        return evidence.article.outlet.name if evidence.article.outlet else "?"

    @admin.display(description="report (quotes highlighted)")
    def report(self, evidence: Evidence) -> str:
        return highlighted_sentence(evidence)

    @admin.display(description="article")
    def article_link(self, evidence: Evidence) -> str:
        article = evidence.article
        return format_html(
            '<a href="{}" rel="noopener noreferrer">{}</a>', article.url, article.title or article.url
        )


class ClaimAdminForm(forms.ModelForm):
    class Meta:
        model = Claim
        fields = ("text", "speaker", "speaker_text", "kind", "date", "precision", "event", "status", "locked")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "speaker" in self.fields:  # only curated entities may be a claim's speaker
            self.fields["speaker"].queryset = Entity.objects.curated()

    def clean(self):
        cleaned = super().clean()
        # What a curator reviews or edits is curated, hence locked; "send back" unlocks it.
        if cleaned.get("status") != Status.MACHINE or set(self.changed_data) - {"status", "locked"}:
            cleaned["locked"] = True
        return cleaned


@admin.register(Claim)
class ClaimAdmin(SampleCheckMixin, SimpleHistoryAdmin):
    """The review queue: newest first, one row per claim with its coverage, a discrepancy flag and its
    confidence tier and rule; machine claims below the publishing tier wait under their own filter."""

    form = ClaimAdminForm
    list_display = (
        "quote",
        "speaker_name",
        "kind",
        "status",
        "tier",
        "rule",
        "outlets",
        "first_seen_at",
        "has_discrepancy",
    )
    list_display_links = ("quote",)
    list_filter = (
        AwaitingReviewFilter,
        "status",
        MergedFilter,
        DiscrepancyFlagFilter,
        "case",
        "kind",
        "speaker",
        "story",
    )
    search_fields = ("text", "speaker_text", "speaker__name", "evidence__text", "evidence__sentence")
    list_select_related = ("speaker",)
    ordering = ("-first_seen_at", "-id")
    list_per_page = 50
    show_full_result_count = False
    inlines = (EvidenceInline,)
    autocomplete_fields = ("event",)
    readonly_fields = (
        "case",
        "story",
        "merged_into",
        "outlets",
        "first_seen_at",
        "first_outlet",
        "public",
        "tier",
        "rule",
    )
    fieldsets = (
        (None, {"fields": ("text", "speaker", "speaker_text", "kind", ("date", "precision"), "event")}),
        ("Review", {"fields": ("status", "locked", "merged_into", "public", ("tier", "rule"))}),
        ("Coverage", {"fields": ("case", "story", "outlets", "first_seen_at", "first_outlet")}),
    )
    actions = ("approve", "reject", "mark_disputed", "send_back", "merge", "create_event")

    def get_queryset(self, request) -> QuerySet[Claim]:
        flag = Exists(Discrepancy.objects.filter(claim=OuterRef("pk")))
        return super().get_queryset(request).annotate(discrepancy_flag=flag, best_rule=best_rule())

    @admin.display(description="claim", ordering="text")
    def quote(self, claim: Claim) -> str:
        text = claim.text if len(claim.text) <= 140 else claim.text[:139] + "…"
        return f"{text} → merged into #{claim.merged_into_id}" if claim.merged_into_id else text

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_name(self, claim: Claim) -> str:
        return claim.speaker.name if claim.speaker else claim.speaker_text or "?"

    @admin.display(description="outlets (independent of total)", ordering="independent_count")
    def outlets(self, claim: Claim) -> str:
        return f"{claim.independent_count} of {claim.outlets_count}"

    @admin.display(description="discrepancy", boolean=True)
    def has_discrepancy(self, claim: Claim) -> bool:
        return getattr(claim, "discrepancy_flag", False)

    @admin.display(description="tier", ordering="confidence")
    def tier(self, claim: Claim) -> str:
        return f"{claim.confidence} ({TIERS.get(claim.confidence, '?')})"

    @admin.display(description="rule")
    def rule(self, claim: Claim) -> str:
        """The confidence rule of its best evidence, when the extraction row is still there."""
        return getattr(claim, "best_rule", None) or "-"

    @admin.display(description="public page")
    def public(self, claim: Claim) -> str:
        url = claim.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url) if url else "-"

    def _review(self, request, queryset, status: str, verb: str) -> None:
        result = reviewing.review_claims(claims=list(queryset), status=status, user=request.user)
        self.message_user(
            request, f"{verb} {len(result.changed)} claim(s); {len(result.unchanged)} unchanged."
        )

    @admin.action(description="Approve (lock)", permissions=["change"])
    def approve(self, request, queryset):
        self._review(request, queryset, Status.APPROVED, "Approved")

    @admin.action(description="Reject (lock)", permissions=["change"])
    def reject(self, request, queryset):
        self._review(request, queryset, Status.REJECTED, "Rejected")

    @admin.action(description="Mark disputed (lock)", permissions=["change"])
    def mark_disputed(self, request, queryset):
        self._review(request, queryset, Status.DISPUTED, "Marked disputed")

    @admin.action(description="Send back to machine status (unlock)", permissions=["change"])
    def send_back(self, request, queryset):
        self._review(request, queryset, Status.MACHINE, "Sent back")

    @admin.action(description="Merge selected claims…", permissions=["change"])
    def merge(self, request, queryset):
        claims = list(queryset.select_related("speaker").order_by("first_seen_at", "pk"))
        if len(claims) < 2:
            self.message_user(request, "Select two claims or more to merge.", messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            kept = next((c for c in claims if str(c.pk) == request.POST.get("kept")), None)
            if kept is None:
                self.message_user(request, "Choose the claim to keep.", messages.ERROR)
            else:
                try:
                    result = reviewing.merge_claims(kept=kept, others=claims, user=request.user)
                except CurationError as exc:
                    self.message_user(request, str(exc), messages.ERROR)
                    return None
                self.message_user(
                    request,
                    f"Merged {len(result.merged)} claim(s) into #{kept.pk}; "
                    f"{result.evidence_moved} piece(s) of evidence moved.",
                )
                return HttpResponseRedirect(reverse("admin:crossref_claim_change", args=[kept.pk]))
        counts = dict(
            Evidence.objects.filter(claim__in=claims)
            .values_list("claim_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge claims",
            "opts": self.model._meta,
            "claims": [(c, counts.get(c.pk, 0)) for c in claims],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "curation/merge_claims.html", context)

    def has_add_event_permission(self, request) -> bool:
        return request.user.has_perm("crossref.add_event")

    @admin.action(description="Create an event from selected claims", permissions=["add_event"])
    def create_event(self, request, queryset):
        claims = list(queryset.filter(merged_into__isnull=True))
        event = publishing.create_event(title="", claims=claims, user=request.user)
        self.message_user(
            request, f"Created event #{event.pk} with {len(claims)} claim(s); edit and publish it."
        )
        return HttpResponseRedirect(reverse("admin:crossref_event_change", args=[event.pk]))

    def has_add_permission(self, request) -> bool:
        return False  # claims come from the machine, or from splitting one

    def save_model(self, request, obj, form, change):
        before = form.initial.get("event")
        super().save_model(request, obj, form, change)
        send_events_changed([before, obj.event_id])  # its events' claims changed (move, kind, date)

    def get_urls(self):
        split = path(
            "<int:claim_id>/split/", self.admin_site.admin_view(self.split_view), name="crossref_claim_split"
        )
        return [split, *super().get_urls()]

    def split_view(self, request, claim_id: int):
        """Move chosen evidence out of this claim into a new one (a GET shows the choice)."""
        claim = get_object_or_404(Claim, pk=claim_id)
        if not self.has_change_permission(request, claim) or not request.user.has_perm("crossref.add_claim"):
            raise PermissionDenied
        evidence = list(claim.evidence.select_related("article__outlet"))
        if request.method == "POST":
            try:
                result = reviewing.split_claim(
                    claim=claim,
                    evidence_ids=[int(i) for i in request.POST.getlist("evidence") if i.isdigit()],
                    text=request.POST.get("text", ""),
                    user=request.user,
                )
            except CurationError as exc:
                self.message_user(request, str(exc), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"Moved {result.evidence_moved} piece(s) of evidence to new claim #{result.new.pk}.",
                )
                return HttpResponseRedirect(reverse("admin:crossref_claim_change", args=[result.new.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Split evidence out of a claim",
            "opts": self.model._meta,
            "original": claim,
            "evidence": [(e, highlighted_sentence(e)) for e in evidence],
        }
        return TemplateResponse(request, "curation/split_claim.html", context)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None:
            context["split_url"] = reverse("admin:crossref_claim_split", args=[obj.pk])
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    change_form_template = "curation/claim_change_form.html"
