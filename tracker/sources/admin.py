"""Staff work on the sources: outlets, feed health (poll, pause, resume), fetch runs, articles.

Every list selects its related rows up front and never loads big columns it does not show (the raw
bodies of fetch runs, the texts of articles), so a page costs the same few queries at any size.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.db import models
from django.db.models import Count, QuerySet
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from tracker.sources import tasks
from tracker.sources.models import Article, ArticleFeed, ArticleVersion, Feed, FetchRun, Outlet

LATEST_RUNS = 10
ARTICLE_LIST_DEFERRED = ("text", "content_html", "summary")


def _short(text: str, length: int = 80) -> str:
    return Truncator(text.splitlines()[0] if text else "").chars(length)


HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}  # what Django 6 does; a bare host is https


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    max_num = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# --- outlets -----------------------------------------------------------------------------------


@admin.register(Outlet)
class OutletAdmin(SimpleHistoryAdmin):
    """Outlets, with their kind (a wire service's copies count once) and the known-syndicator flag;
    every change is in the object's history."""

    formfield_overrides = HTTPS_URLS
    list_display = ("name", "domain", "kind", "syndicator", "confirmed", "article_count")
    list_editable = ("kind", "syndicator", "confirmed")
    list_filter = ("kind", "syndicator", "confirmed")
    search_fields = ("name", "domain")
    readonly_fields = ("created_at",)

    def get_queryset(self, request) -> QuerySet[Outlet]:
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, outlet: Outlet) -> int:
        return outlet.article_count


# --- feeds -------------------------------------------------------------------------------------


class LatestRunsFormSet(BaseInlineFormSet):
    """Only the latest runs: a busy feed has thousands."""

    def get_queryset(self):
        if not hasattr(self, "_latest_runs"):
            self._latest_runs = list(super().get_queryset()[:LATEST_RUNS])
        return self._latest_runs


class FetchRunInline(ReadOnlyInline):
    model = FetchRun
    formset = LatestRunsFormSet
    verbose_name_plural = f"latest {LATEST_RUNS} fetch runs"
    fields = (
        "started_at",
        "outcome",
        "http_status",
        "bytes_received",
        "entries_seen",
        "entries_new",
        "entries_updated",
        "entries_failed",
        "duration_ms",
        "error",
    )
    readonly_fields = fields
    show_change_link = True

    def get_queryset(self, request) -> QuerySet[FetchRun]:
        return super().get_queryset(request).select_related("feed").defer("content_gz")


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = (
        "label",
        "outlet",
        "active",
        "status",
        "last_outcome",
        "last_status",
        "error_count",
        "short_error",
        "next_poll",
        "last_polled_at",
        "article_count",
    )
    list_display_links = ("label",)
    list_filter = ("status", "kind", "active", "trusted_aggregator", "last_outcome", "cases")
    list_select_related = ("outlet",)
    search_fields = ("url", "title", "outlet__name", "outlet__domain")
    autocomplete_fields = ("outlet",)
    filter_horizontal = ("cases",)
    actions = ("poll_now", "pause", "resume")
    inlines = (FetchRunInline,)
    readonly_fields = (
        "status",
        "etag",
        "last_modified",
        "next_poll_at",
        "last_polled_at",
        "last_success_at",
        "last_new_entry_at",
        "last_status",
        "last_outcome",
        "error_count",
        "last_error",
        "created_at",
    )
    fieldsets = (
        (None, {"fields": ("url", "title", "kind", "outlet", "cases", "active", "poll_interval")}),
        ("Trust", {"fields": ("trusted_aggregator",)}),
        (
            "Health",
            {
                "fields": (
                    "status",
                    "last_outcome",
                    "last_status",
                    "error_count",
                    "last_error",
                    "next_poll_at",
                    "last_polled_at",
                    "last_success_at",
                    "last_new_entry_at",
                )
            },
        ),
        ("Conditional GET", {"classes": ("collapse",), "fields": ("etag", "last_modified", "created_at")}),
    )

    def get_queryset(self, request) -> QuerySet[Feed]:
        return super().get_queryset(request).annotate(article_count=Count("items__article", distinct=True))

    @admin.display(description="feed", ordering="url")
    def label(self, feed: Feed) -> str:
        return Truncator(feed.title or feed.url).chars(60)

    @admin.display(description="last error")
    def short_error(self, feed: Feed) -> str:
        return _short(feed.last_error)

    @admin.display(description="next poll", ordering="next_poll_at")
    def next_poll(self, feed: Feed) -> str:
        if not feed.active:
            return "inactive"
        if feed.status in (Feed.Status.PAUSED, Feed.Status.GONE):
            return feed.get_status_display()
        return naturaltime(feed.next_poll_at)

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, feed: Feed) -> int:
        return feed.article_count

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request, queryset: QuerySet[Feed]) -> None:
        ids = list(queryset.values_list("id", flat=True))
        for feed_id in ids:
            tasks.fetch_feed.delay_on_commit(feed_id)
        text = f"Queued {len(ids)} feed(s) for polling; their fetch runs are listed on each feed."
        self.message_user(request, text, messages.SUCCESS)

    @admin.action(description="Pause (stop polling)", permissions=["change"])
    def pause(self, request, queryset: QuerySet[Feed]) -> None:
        count = queryset.update(status=Feed.Status.PAUSED)
        self.message_user(request, f"Paused {count} feed(s).", messages.SUCCESS)

    @admin.action(description="Resume (poll again, errors forgiven)", permissions=["change"])
    def resume(self, request, queryset: QuerySet[Feed]) -> None:
        inactive = queryset.filter(active=False).count()
        count = queryset.update(status=Feed.Status.OK, error_count=0, next_poll_at=timezone.now())
        text = f"Resumed {count} feed(s); they are polled within a minute."
        if inactive:
            text += f" {inactive} of them are inactive: tick 'active' to have the scheduler poll them."
        self.message_user(request, text, messages.SUCCESS)


# --- fetch runs --------------------------------------------------------------------------------


@admin.register(FetchRun)
class FetchRunAdmin(admin.ModelAdmin):
    list_display = (
        "feed",
        "started_at",
        "outcome",
        "http_status",
        "bytes_received",
        "entries_seen",
        "entries_new",
        "entries_updated",
        "entries_failed",
        "duration_ms",
        "short_error",
    )
    list_filter = ("outcome", "feed")
    list_select_related = ("feed",)
    date_hierarchy = "started_at"
    search_fields = ("feed__url", "feed__title", "error")
    exclude = ("content_gz",)
    readonly_fields = ("body_preview",)

    def get_queryset(self, request) -> QuerySet[FetchRun]:
        return super().get_queryset(request).defer("content_gz")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="error")
    def short_error(self, run: FetchRun) -> str:
        return _short(run.error)

    @admin.display(description="body (start, as received)")
    def body_preview(self, run: FetchRun) -> str:
        content = run.content  # loads the deferred bytes: one query, on the change page only
        if content is None:
            return "(not kept: not modified, an error, or pruned)"
        return Truncator(content.decode("utf-8", errors="replace")).chars(5000)


# --- articles ----------------------------------------------------------------------------------


class HasPublishedDateFilter(admin.SimpleListFilter):
    title = "published date"
    parameter_name = "dated"

    def lookups(self, request, model_admin):
        return (("yes", "stated"), ("no", "unknown"))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(published_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(published_at__isnull=True)
        return queryset


class CopyKindFilter(admin.SimpleListFilter):
    title = "copy kind"
    parameter_name = "copy"

    def lookups(self, request, model_admin):
        return (("original", "original (not a copy)"), *Article.CopyKind.choices)

    def queryset(self, request, queryset):
        if self.value() == "original":
            return queryset.filter(copy_of__isnull=True)
        if self.value() in Article.CopyKind.values:
            return queryset.filter(copy_kind=self.value())
        return queryset


class ArticleVersionInline(ReadOnlyInline):
    model = ArticleVersion
    fields = ("title", "seen_at", "replaced_at", "text_hash", "text")
    readonly_fields = fields
    verbose_name_plural = "earlier versions"


class ArticleFeedInline(ReadOnlyInline):
    model = ArticleFeed
    fields = ("feed", "guid", "link", "first_seen_at")
    readonly_fields = fields
    verbose_name_plural = "carried by feeds"

    def get_queryset(self, request) -> QuerySet[ArticleFeed]:
        return super().get_queryset(request).select_related("feed")


class ArticleChangeList(ChangeList):
    """The list never shows the texts: leave them in the database."""

    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).defer(*ARTICLE_LIST_DEFERRED)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = (
        "title",
        "outlet",
        "published_at",
        "first_seen_at",
        "status",
        "relevant",
        "truncated",
        "copy_of",
    )
    list_filter = (
        "status",
        "relevant",
        "truncated",
        "published_suspect",
        "outlet",
        "outlet_established",
        "cases",
        CopyKindFilter,
        HasPublishedDateFilter,
    )
    list_select_related = ("outlet", "copy_of")
    search_fields = ("title", "outlet__name", "url", "canonical_url")
    date_hierarchy = "first_seen_at"
    autocomplete_fields = ("outlet",)
    raw_id_fields = ("copy_of",)
    filter_horizontal = ("cases",)
    inlines = (ArticleFeedInline, ArticleVersionInline)
    readonly_fields = (
        "url",
        "canonical_url",
        "published_from",
        "published_suspect",
        "first_seen_at",
        "edited_at",
        "updated_at",
        "text",
        "text_hash",
        "truncated",
        "summary",
        "content_html",
        "extractor",
        "site_name",
        "copy_similarity",
        "original_url",
        "error",
        "page_attempts",
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "outlet",
                    "author",
                    "url",
                    "canonical_url",
                    ("published_at", "published_from", "published_suspect"),
                    ("first_seen_at", "edited_at", "updated_at"),
                )
            },
        ),
        ("Curation", {"fields": ("status", "relevant", "outlet_established", "cases", "credited_source")}),
        ("Copies", {"fields": ("copy_of", "copy_kind", "copy_similarity", "original_url")}),
        ("Text", {"fields": ("text", "truncated", "text_hash", "extractor", "site_name")}),
        ("From the feed", {"classes": ("collapse",), "fields": ("summary", "content_html")}),
        ("Fetching", {"classes": ("collapse",), "fields": ("error", "page_attempts")}),
    )

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList
