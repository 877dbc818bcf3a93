"""Outlets, feeds, polls and articles: what was fetched, from where, and what it said."""

import gzip
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Outlet(models.Model):
    """A publisher. An article's outlet is claimed by its own domain (or the item's <source>); see
    Article.outlet_established for when the tracker holds evidence of it."""

    class Kind(models.TextChoices):
        NEWS = "news", "news"
        WIRE = "wire", "wire service"
        AGGREGATOR = "aggregator", "aggregator"
        COURT = "court", "court"

    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=253, unique=True, help_text="Host without www.")
    homepage = models.URLField(max_length=500, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.NEWS)
    syndicator = models.BooleanField(default=False, help_text="Known to republish other outlets' articles.")
    confirmed = models.BooleanField(
        default=False,
        help_text="A curator confirmed this outlet: its articles count as established whatever feed carried them.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class FeedQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(
            active=True,
            status__in=[Feed.Status.OK, Feed.Status.FAILING],
            next_poll_at__lte=now,
        )


class Feed(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", "news"
        DOCKET = "docket", "docket"

    class Status(models.TextChoices):
        OK = "ok", "ok"
        FAILING = "failing", "failing (backing off)"
        PAUSED = "paused", "paused after repeated errors"
        GONE = "gone", "gone (HTTP 410)"

    url = models.URLField(max_length=1000, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(max_length=300, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds")
    cases = models.ManyToManyField("cases.Case", blank=True, related_name="feeds")
    active = models.BooleanField(default=True, help_text="Off: never polled by the scheduler.")
    trusted_aggregator = models.BooleanField(
        default=False,
        help_text="Staff trust this feed's items to name their outlets (<source>): they count as established.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OK)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    poll_interval = models.PositiveIntegerField(default=30 * 60, help_text="Seconds between polls.")
    next_poll_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_new_entry_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Last HTTP status.")
    last_outcome = models.CharField(max_length=20, blank=True)
    error_count = models.PositiveIntegerField(default=0, help_text="Consecutive failed polls.")
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["url"]

    def __str__(self):
        return self.title or self.url

    @property
    def healthy(self) -> bool:
        return self.status == self.Status.OK


class FetchRun(models.Model):
    """One poll of one feed: what was asked, what came back, what was stored."""

    class Outcome(models.TextChoices):
        OK = "ok", "ok"
        NOT_MODIFIED = "not_modified", "not modified (304)"
        PARSE_WARNING = "parse_warning", "parsed with problems"
        HTTP_ERROR = "http_error", "HTTP error"
        GONE = "gone", "gone (410)"
        FETCH_ERROR = "fetch_error", "fetch error"
        PARSE_ERROR = "parse_error", "not a feed"
        REFUSED = "refused", "refused by the guard"
        ENTRY_ERRORS = "entry_errors", "some entries not stored"
        STORE_ERROR = "store_error", "could not be stored"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    duration_ms = models.PositiveIntegerField(default=0)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    final_url = models.URLField(max_length=1000, blank=True)
    bytes_received = models.PositiveIntegerField(default=0)
    entries_seen = models.PositiveIntegerField(default=0)
    entries_new = models.PositiveIntegerField(default=0)
    entries_updated = models.PositiveIntegerField(default=0)
    entries_failed = models.PositiveIntegerField(default=0, help_text="Entries that could not be stored.")
    failures = models.JSONField(
        default=list, blank=True, help_text='The first entries not stored: [{"entry": ..., "reason": ...}].'
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    error = models.TextField(blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    content_gz = models.BinaryField(null=True, blank=True, help_text="The raw body, gzipped; pruned later.")

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["feed", "-started_at"])]

    def __str__(self):
        return f"{self.feed} @ {self.started_at:%Y-%m-%d %H:%M} {self.outcome}"

    @property
    def content(self) -> bytes | None:
        return gzip.decompress(bytes(self.content_gz)) if self.content_gz else None


class ArticleQuerySet(models.QuerySet):
    def originals(self):
        return self.filter(copy_of__isnull=True)

    def relevant(self):
        return self.filter(relevant=True)


class Article(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "new (page not fetched yet)"
        FETCHED = "fetched", "text stored"
        ANALYZED = "analyzed", "analyzed"
        FAILED = "failed", "failed"

    class DateSource(models.TextChoices):
        FEED = "feed", "feed"
        PAGE = "page", "page"

    class CopyKind(models.TextChoices):
        EXACT = "exact", "exact copy"
        NEAR = "near", "near copy (syndicated or rewritten)"
        CANONICAL = "canonical", "canonical link to another site"

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    outlet_established = models.BooleanField(
        default=True,
        help_text="The tracker holds evidence of the outlet: its own feed carried the article, the page came "
        "from its host, or a trusted aggregator named it. Off: claimed only (counts skip it unless the "
        "outlet is confirmed). Storing always sets it.",
    )
    feeds = models.ManyToManyField(Feed, through="ArticleFeed", related_name="articles")
    url = models.URLField(max_length=1000, help_text="The link as first seen.")
    canonical_url = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=500)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(  # indexed: a settle's neighbourhood is found by it
        null=True, blank=True, db_index=True, help_text="Only a date the feed or page states."
    )
    published_from = models.CharField(max_length=5, choices=DateSource.choices, blank=True)
    published_suspect = models.BooleanField(
        default=False,
        help_text="The stated time is in the future, or long before the first sighting on a feed that "
        "usually publishes promptly: kept, but it does not make the article first reported alone.",
    )
    first_seen_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(
        null=True, blank=True, help_text="When the current title/text replaced an earlier one."
    )
    updated_at = models.DateTimeField(auto_now=True)
    summary = models.TextField(blank=True, help_text="Sanitised HTML from the feed.")
    content_html = models.TextField(
        blank=True, help_text="Sanitised HTML of the full text, when the feed had it."
    )
    text = models.TextField(blank=True, help_text="The main text, plain.")
    truncated = models.BooleanField(
        default=False, help_text="The text (or the feed's HTML) was cut at TRACKER_MAX_ARTICLE_CHARS."
    )
    text_hash = models.CharField(max_length=64, blank=True, db_index=True)
    extractor = models.CharField(max_length=30, blank=True, help_text="What produced the text.")
    site_name = models.CharField(max_length=200, blank=True)
    copy_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    copy_kind = models.CharField(max_length=10, choices=CopyKind.choices, blank=True)
    copy_similarity = models.FloatField(null=True, blank=True)
    original_url = models.URLField(
        max_length=1000, blank=True, help_text="Where a cross-site canonical link points: the original."
    )
    credited_source = models.CharField(max_length=200, blank=True, help_text='e.g. "Sources: TechCrunch AI".')
    cases = models.ManyToManyField("cases.Case", blank=True, related_name="articles")
    relevant = models.BooleanField(default=False, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    error = models.TextField(blank=True)
    page_attempts = models.PositiveSmallIntegerField(default=0)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-first_seen_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(copy_of=models.F("id")), name="article_not_copy_of_itself"
            )
        ]
        # Every stored text looks for the copies that name it as their original (`articles.finalize`):
        # without it, a scan of every article (about 40 ms on SQLite, 22 ms on PostgreSQL at 10,000).
        indexes = [models.Index(fields=["original_url"], name="article_original_url")]

    def __str__(self):
        return self.title

    @property
    def needs_page(self) -> bool:
        return self.status == self.Status.NEW


class ArticleFeed(models.Model):
    """An article as carried by one feed, under the guid that feed gave it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feed_items")
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(max_length=1000)
    link = models.URLField(max_length=1000, blank=True)
    entry_hash = models.CharField(max_length=64, blank=True, help_text="What this feed said last, hashed.")
    first_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint("feed", "guid", name="articlefeed_unique_feed_guid"),
        ]

    def __str__(self):
        return f"{self.feed_id}:{self.guid}"


class ArticleVersion(models.Model):
    """An earlier state of an article that its outlet has since edited."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    title = models.CharField(max_length=500)
    text = models.TextField(blank=True)
    text_hash = models.CharField(max_length=64, blank=True)
    seen_at = models.DateTimeField(help_text="When this state was first seen.")
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-replaced_at"]

    def __str__(self):
        return f"{self.title} (until {self.replaced_at:%Y-%m-%d %H:%M})"


class ArticleSignature(models.Model):
    """The MinHash signature of an article's text and its LSH band keys, for near-copy search."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="signature"
    )
    minhash = models.BinaryField()

    def __str__(self):
        return f"signature of article {self.article_id}"


class SignatureBand(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField(db_index=True, help_text="Hash of (band number, band values).")

    class Meta:
        constraints = [models.UniqueConstraint("article", "key", name="signatureband_unique")]

    def __str__(self):
        return f"band {self.key} of article {self.article_id}"


def content_retention_cutoff():
    return timezone.now() - timedelta(days=settings.TRACKER_FETCH_CONTENT_RETENTION_DAYS)


class RateCounter(models.Model):
    """One fixed-window counter of a rate limit or lock (login failures, subscribe requests): rows of
    their own, so no cache eviction or culling can reset a limit, and the window's end is set once,
    when the window opens (a cache's incr used to push it back)."""

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_ends_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count} until {self.window_ends_at:%Y-%m-%d %H:%M:%S}"
