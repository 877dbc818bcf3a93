"""'Check a sample' in the admin: curators mark a random sample of published machine claims right or
wrong, and see the precision those verdicts measure over time (tracker.curation.sampling).

The view lives under the claim admin (admin:crossref_claim_check_sample, linked from the claim list);
the verdicts are listed, read-only, under Curation → Claim checks.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from tracker.curation import sampling
from tracker.curation.display import highlighted_sentence
from tracker.curation.models import ClaimCheck
from tracker.nlp.confidence import TIERS

CHECK_PERMISSION = "curation.add_claimcheck"
VERDICTS = {"right": True, "wrong": False}


class SampleCheckMixin:
    """For the claim admin: the sample view, its URL and the link to it on the claim list."""

    change_list_template = "curation/claim_change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.check_sample_view)  # staff only, CSRF-protected
        return [path("check-sample/", view, name="crossref_claim_check_sample"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = dict(extra_context or {})
        if request.user.has_perm(CHECK_PERMISSION):
            extra_context["check_sample_url"] = reverse("admin:crossref_claim_check_sample")
        return super().changelist_view(request, extra_context)

    def check_sample_view(self, request):
        """GET: a fresh random sample (`?size=`, default 20, at most 100) and the precision table.
        POST: the verdicts (`verdict-<claim id>` = right | wrong; unmarked claims are skipped), then
        back to a new sample of the same size."""
        if not request.user.has_perm(CHECK_PERMISSION):
            raise PermissionDenied
        size = sampling.sample_size(request.GET.get("size"))
        if request.method == "POST":
            verdicts = {
                int(key.removeprefix("verdict-")): VERDICTS[value]
                for key, value in request.POST.items()
                if key.startswith("verdict-") and key.removeprefix("verdict-").isdigit() and value in VERDICTS
            }
            stored = sampling.record_verdicts(user=request.user, verdicts=verdicts) if verdicts else 0
            skipped = len(verdicts) - stored
            note = f"; {skipped} skipped (no longer published as machine claims)" if skipped else ""
            self.message_user(request, f"Recorded {stored} verdict(s){note}.")
            return HttpResponseRedirect(f"{reverse('admin:crossref_claim_check_sample')}?size={size}")
        sample = sampling.draw_sample(size)
        context = {
            **self.admin_site.each_context(request),
            "title": "Check a sample of published machine claims",
            "opts": self.model._meta,
            "size": size,
            "max_size": sampling.MAX_SIZE,
            "min_tier": settings.TRACKER_PUBLISH_MIN_CONFIDENCE,
            "tiers": TIERS,
            "sample": [
                (item, highlighted_sentence(item.evidence) if item.evidence else "") for item in sample
            ],
            "precision": sampling.precision_over_time(),
        }
        return TemplateResponse(request, "curation/check_sample.html", context)


@admin.register(ClaimCheck)
class ClaimCheckAdmin(admin.ModelAdmin):
    """The verdicts, read-only: they are made on the sample page, one per claim, curator and day."""

    list_display = ("checked_at", "claim", "right", "tier", "rule", "checked_by")
    list_filter = ("right", "tier", "checked_on")
    list_select_related = ("claim__speaker", "checked_by")
    date_hierarchy = "checked_at"
    raw_id_fields = ("claim",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
