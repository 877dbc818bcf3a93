"""Admin: subscribers with their status, what they follow, deliveries (claimed, sent, deferred,
abandoned) and bounces. Abandoned deliveries (a crash between sending and recording) are resolved here."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from tracker.digests.models import Bounce, Delivery, Subscriber, Subscription


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    autocomplete_fields = ["case", "entity"]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "frequency", "confirmed_at", "bounce_count", "created_at"]
    list_filter = ["status", "frequency"]
    search_fields = ["email"]
    readonly_fields = [
        "token_version",
        "confirmed_at",
        "confirmation_sent_at",
        "unsubscribed_at",
        "created_at",
    ]
    inlines = [SubscriptionInline]
    actions = ["suspend", "reactivate"]

    @admin.action(description="Suspend (send nothing more)")
    def suspend(self, request, queryset):
        queryset.update(status=Subscriber.Status.SUSPENDED)

    @admin.action(description="Reactivate confirmed addresses (and forget their bounces)")
    def reactivate(self, request, queryset):
        queryset.filter(confirmed_at__isnull=False).exclude(status=Subscriber.Status.UNSUBSCRIBED).update(
            status=Subscriber.Status.ACTIVE, bounce_count=0
        )


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["subscriber", "case", "entity", "created_at"]
    list_filter = ["case"]
    search_fields = ["subscriber__email", "entity__name"]
    list_select_related = ["subscriber", "case", "entity"]
    autocomplete_fields = ["subscriber", "case", "entity"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["period", "subscriber", "status", "attempts", "item_count", "claimed_at", "sent_at"]
    list_filter = ["status", "period"]
    search_fields = ["subscriber__email", "message_id"]
    list_select_related = ["subscriber"]
    readonly_fields = [f.name for f in Delivery._meta.fields]
    actions = ["resend", "mark_sent"]

    @admin.action(description="Resend (the MTA log shows it was never accepted); digests only")
    def resend(self, request, queryset):
        # An alert is not resent on its own: a failed one's items go in the subscriber's next alert.
        queryset = queryset.exclude(period__startswith="alerts:")
        queryset.filter(status__in=[Delivery.Status.ABANDONED, Delivery.Status.FAILED]).update(
            status=Delivery.Status.DEFERRED, next_attempt_at=timezone.now()
        )

    @admin.action(description="Mark as sent (the MTA log shows it was accepted)")
    def mark_sent(self, request, queryset):
        queryset.filter(status=Delivery.Status.ABANDONED).update(status=Delivery.Status.SENT)


@admin.register(Bounce)
class BounceAdmin(admin.ModelAdmin):
    list_display = ["subscriber", "code", "source", "created_at"]
    list_filter = ["source", "code"]
    search_fields = ["subscriber__email", "message"]
    list_select_related = ["subscriber"]
    readonly_fields = [f.name for f in Bounce._meta.fields]
