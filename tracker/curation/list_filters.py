"""List filters the curators' screens share: merged rows (entities and claims), claims with discrepancies,
machine claims waiting below the publishing tier."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Exists, OuterRef

from tracker.crossref.models import Discrepancy


class MergedFilter(admin.SimpleListFilter):
    """Rows a curator merged into another (`merged_into`), or the current ones; entities and claims."""

    title = "merged"
    parameter_name = "merged"

    def lookups(self, request, model_admin):
        return [
            ("current", f"current {model_admin.model._meta.verbose_name_plural}"),
            ("away", "merged away"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "current":
            return queryset.filter(merged_into__isnull=True)
        if self.value() == "away":
            return queryset.filter(merged_into__isnull=False)
        return queryset


class DiscrepancyFlagFilter(admin.SimpleListFilter):
    title = "discrepancies"
    parameter_name = "discrepancy"

    def lookups(self, request, model_admin):
        return [("yes", "with discrepancies"), ("open", "with open ones"), ("no", "without")]

    def queryset(self, request, queryset):
        any_ = Discrepancy.objects.filter(claim=OuterRef("pk"))
        if self.value() == "yes":
            return queryset.filter(Exists(any_))
        if self.value() == "open":
            return queryset.filter(Exists(any_.filter(status=Discrepancy.State.OPEN)))
        if self.value() == "no":
            return queryset.exclude(Exists(any_))
        return queryset


class AwaitingReviewFilter(admin.SimpleListFilter):
    """Machine claims below `TRACKER_PUBLISH_MIN_CONFIDENCE`: readers do not see them until a curator
    approves them (`Claim.objects.awaiting_review()`)."""

    title = "waiting for review (below the publishing tier)"
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        tier = settings.TRACKER_PUBLISH_MIN_CONFIDENCE
        return [("yes", f"waiting: machine claims below tier {tier}")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.awaiting_review()
        return queryset
