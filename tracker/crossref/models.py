"""What the extraction found in each article: entity mentions and claim candidates.

These are the machine's own rows: re-extracting an article replaces them wholesale, in one transaction.
Curated work (claims, events, discrepancy notes, built on top of these) is never replaced.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from tracker.crossref.story_models import Redirect, Story, StoryArticle, StoryRedirect  # noqa: F401 - models of the app


class Precision(models.TextChoices):
    """How precisely a date is known: "30 Apr 2026", "week of 27 Apr", "April 2026", "2023"."""

    DAY = "day", "day"
    WEEK = "week", "week"
    MONTH = "month", "month"
    YEAR = "year", "year"


class Mention(models.Model):
    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(
        "cases.Entity", null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    text = models.CharField(max_length=300)
    label = models.CharField(max_length=10)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["article", "start"]
        indexes = [
            models.Index(fields=["text", "label"]),
            # The names no entity holds yet, the only ones `analysis.promote_candidates` reads: through
            # the index above it read every mention of a recurring name, linked or not (a read growing
            # with the corpus, batch after batch).
            models.Index(
                fields=["text", "label"], condition=models.Q(entity__isnull=True), name="mention_unlinked"
            ),
        ]
        constraints = [
            models.UniqueConstraint("article", "start", "end", name="mention_unique_span"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="mention_span_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.text} ({self.label})"


class DateMention(models.Model):
    """A date expression of an article, normalised against its publication date (None when relative
    and the article has no date, and for a day the text leaves open: "every Friday", a headline's present),
    with the tense of the act it dates (`nlp.date_tenses`: "ahead", "after", "before", "unsure", "standing" or
    ""),
    read whether the article is dated or not."""

    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="date_mentions")
    text = models.CharField(max_length=100)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    value = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=5)
    tense = models.CharField(max_length=8, blank=True, default="")

    class Meta:
        ordering = ["article", "start"]
        constraints = [models.UniqueConstraint("article", "start", "end", name="datemention_unique_span")]

    def __str__(self):
        return f"{self.text} = {self.value or '?'} ({self.precision})"


VIA_HELP = 'Who spoke for the speaker, as written: "Musk\'s lawyers", "an OpenAI spokeswoman".'


class ClaimCandidate(models.Model):
    """One attributed statement found in one article: who said what, how, with the verbatim quotes."""

    class Attribution(models.TextChoices):
        DIRECT = "direct", "direct quote"
        INDIRECT = "indirect", "indirect speech"
        ACCORDING_TO = "according_to", "according to"
        CHARACTERISATION = "characterisation", "the outlet's own characterisation"

    class Kind(models.TextChoices):
        TESTIMONY = "testimony", "testimony"
        ALLEGATION = "allegation", "allegation"
        DEFENSE = "defense", "defense"
        RULING = "ruling", "ruling"
        STATEMENT = "statement", "statement"
        REPORT = "report", "report"
        POLICY = "policy", "policy"
        QUESTION = "question", "question"

    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="claim_candidates")
    speaker = models.CharField(max_length=300, blank=True, help_text="As the article names the speaker.")
    speaker_name = models.CharField(max_length=300, blank=True, help_text="Who 'he' or 'Roe' resolved to.")
    speaker_entity = models.ForeignKey(
        "cases.Entity", null=True, blank=True, on_delete=models.SET_NULL, related_name="claim_candidates"
    )
    speaker_via = models.CharField(max_length=300, blank=True, db_default="", help_text=VIA_HELP)
    verb = models.CharField(max_length=50)
    attribution = models.CharField(max_length=20, choices=Attribution.choices)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.TextField(help_text="The content: what was said.")
    sentence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    quotes = models.JSONField(default=list, blank=True, help_text="[{text, start, end, prefix, suffix}]")
    hedges = models.JSONField(default=list, blank=True)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=Precision.choices, blank=True)
    date_text = models.CharField(max_length=100, blank=True)
    confidence = models.PositiveSmallIntegerField(
        default=0, help_text="Tier 0-3 (tracker/nlp/confidence.py)."
    )
    confidence_rule = models.CharField(max_length=40, blank=True, help_text="Why: the confidence rule's id.")

    class Meta:
        ordering = ["article", "start"]

    def __str__(self):
        return f"{self.speaker or '?'} {self.verb}: {self.text[:60]}"

    @property
    def named_speaker(self) -> str:
        """Under the name the article resolves it to ("he" -> "Jane Roe"), else as written."""
        return self.speaker_name or self.speaker


# --- Cross-referencing: what the outlets say together ------------------------------------------------


class Status(models.TextChoices):
    MACHINE = "machine", "machine-extracted"
    APPROVED = "approved", "approved"
    REJECTED = "rejected", "rejected"
    DISPUTED = "disputed", "disputed"


class EventQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: never hidden events; with TRACKER_PUBLISH_UNREVIEWED off, only published
        ones (machine-built events are otherwise shown, labelled as such)."""
        if settings.TRACKER_PUBLISH_UNREVIEWED:
            return self.exclude(status=Event.Visibility.HIDDEN)
        return self.filter(status=Event.Visibility.PUBLISHED)


class ClaimQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: never rejected claims; with TRACKER_PUBLISH_UNREVIEWED off, only
        approved ones (disputed claims stay visible, marked)."""
        current = self.filter(merged_into__isnull=True)  # a merged-away claim shows as the kept one
        curated = Q(status__in=[Status.APPROVED, Status.DISPUTED])
        if settings.TRACKER_PUBLISH_UNREVIEWED:
            trusted = Q(status=Status.MACHINE, confidence__gte=settings.TRACKER_PUBLISH_MIN_CONFIDENCE)
            return current.filter(curated | trusted)
        return current.filter(curated)

    def awaiting_review(self):
        """Machine claims below the publishing tier: what waits for a curator."""
        low = Q(status=Status.MACHINE, confidence__lt=settings.TRACKER_PUBLISH_MIN_CONFIDENCE)
        return self.filter(low, merged_into__isnull=True)


class Event(models.Model):
    """A dated entry of a case's timeline; keeps three times apart: when it happened, when it was first
    reported (and by whom), and when its coverage last changed."""

    class Visibility(models.TextChoices):
        MACHINE = "machine", "machine-built"
        PUBLISHED = "published", "published"
        HIDDEN = "hidden", "hidden"

    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    date = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.MACHINE)
    locked = models.BooleanField(default=False, help_text="Curated: never changed by re-extraction.")
    stories = models.ManyToManyField(Story, blank=True, related_name="events")
    first_reported_at = models.DateTimeField(null=True, blank=True)
    first_reported_by = models.ForeignKey(
        "sources.Outlet", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_changed_at = models.DateTimeField(null=True, blank=True)
    key = models.CharField(
        max_length=200, blank=True, db_index=True, help_text="Machine identity for re-runs."
    )
    published_at = models.DateTimeField(null=True, blank=True, help_text="When a curator published it.")

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["last_changed_at"])

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [models.UniqueConstraint("key", condition=~models.Q(key=""), name="event_unique_key")]

    def __str__(self):
        return f"{self.date} {self.title}"

    def set_visibility(self, status: str, *, keep_locked: bool = False) -> list[str]:
        """The one rule for publishing, hiding and sending back an event, for the admin's form and the
        curation actions alike: a published or hidden event is locked (the machine leaves it as the
        curator left it); one sent back to machine status is unlocked, unless `keep_locked` (the admin
        form's box) keeps it so; `published_at` is stamped the first time it is published and kept
        after. Sets the fields without saving; returns the names of those that changed."""
        values = {"status": status, "locked": status != self.Visibility.MACHINE or keep_locked}
        if status == self.Visibility.PUBLISHED and self.published_at is None:
            values["published_at"] = timezone.now()
        changed = [name for name, value in values.items() if getattr(self, name) != value]
        for name in changed:
            setattr(self, name, values[name])
        return changed


class Claim(models.Model):
    """One statement by one speaker, as reported by every outlet that carried it (its Evidence)."""

    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="claims"
    )
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    speaker = models.ForeignKey(
        "cases.Entity", null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    speaker_text = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=12, choices=ClaimCandidate.Kind.choices)
    text = models.TextField()
    date = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=5, choices=Precision.choices, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MACHINE)
    locked = models.BooleanField(default=False, help_text="Curated: never changed by re-extraction.")
    confidence = models.PositiveSmallIntegerField(
        default=0, db_index=True, help_text="Its evidence's best tier."
    )
    responds_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    first_seen_at = models.DateTimeField(null=True, blank=True)
    outlets_count = models.PositiveIntegerField(default=0)
    independent_count = models.PositiveIntegerField(default=0)
    first_outlet = models.ForeignKey(
        "sources.Outlet", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_claims",
        help_text="Set when a curator merged this claim into another: its page redirects there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()
    # Counts are facts the machine refreshes, not curation: left out of the history.
    history = HistoricalRecords(
        excluded_fields=["outlets_count", "independent_count", "confidence", "updated_at"]
    )

    class Meta:
        ordering = ["-first_seen_at", "-id"]

    def __str__(self):
        who = self.speaker.name if self.speaker else self.speaker_text or "?"
        return f"{who}: {self.text[:80]}"

    def get_absolute_url(self) -> str:
        """The public page of the claim, or of the claim it was merged into."""
        return reverse("web:claim", args=[self.current().pk])

    def is_public(self) -> bool:
        """What `Claim.objects.public()` decides, for a claim already in memory (keep the two alike)."""
        if self.status in (Status.APPROVED, Status.DISPUTED) or self.merged_into_id is not None:
            return self.merged_into_id is None
        trusted = self.confidence >= settings.TRACKER_PUBLISH_MIN_CONFIDENCE
        return settings.TRACKER_PUBLISH_UNREVIEWED and self.status == Status.MACHINE and trusted

    def current(self) -> "Claim":
        """The claim this one now lives on: itself, or the end of its chain of merges (a merged-away
        claim's public page redirects there)."""
        claim, seen = self, {self.pk}
        while claim.merged_into_id and claim.merged_into_id not in seen:
            seen.add(claim.merged_into_id)
            claim = claim.merged_into
        return claim


class ClaimRedirect(Redirect):
    """A machine claim that claim linking merged into an older one (`claim_merging`): its id now names
    the claim that took its evidence."""

    heir = "claim"
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="redirects")


class Evidence(models.Model):
    """One article's report of a claim: its sentence, verb and verbatim quotes, kept on the claim.

    A copy of the candidate's data, not a link to it: candidates are replaced on re-extraction, while
    evidence of a curated claim must stay."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="evidence")
    text = models.TextField(blank=True, help_text="The content, as this article words it.")
    sentence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    verb = models.CharField(max_length=50)
    speaker_via = models.CharField(max_length=300, blank=True, db_default="", help_text=VIA_HELP)
    attribution = models.CharField(max_length=20, choices=ClaimCandidate.Attribution.choices)
    quotes = models.JSONField(default=list, blank=True)
    hedges = models.JSONField(default=list, blank=True)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, blank=True)
    confidence = models.PositiveSmallIntegerField(default=0)
    first_seen_at = models.DateTimeField()

    class Meta:
        ordering = ["first_seen_at", "id"]
        constraints = [
            models.UniqueConstraint("claim", "article", "start", name="evidence_unique_per_article_span")
        ]
        # claim linking's window (claims reported near an article's sighting) without a scan
        indexes = [models.Index(fields=["first_seen_at", "claim"], name="evidence_seen_claim")]

    def __str__(self):
        return f"evidence of claim {self.claim_id} in article {self.article_id}"


class Discrepancy(models.Model):
    class Kind(models.TextChoices):
        QUOTE_WORDING = "quote_wording", "quote wording"
        HEDGE_DROPPED = "hedge_dropped", "hedge dropped"
        EXTENT = "extent", "extent"
        NUMBER = "number", "number"
        DATE = "date", "date"
        SETTING = "setting", "setting"
        SILENT_EDIT = "silent_edit", "silent edit"

    class State(models.TextChoices):
        OPEN = "open", "open"
        EXPLAINED = "explained", "explained by a curator"
        RESOLVED = "resolved", "resolved"

    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="discrepancies"
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="discrepancies"
    )
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="discrepancies"
    )
    kind = models.CharField(max_length=15, choices=Kind.choices)
    key = models.CharField(
        max_length=200, help_text="Machine identity, so re-runs update rather than duplicate."
    )
    variants = models.JSONField(default=list, help_text="[{words, article, outlet, start, end}]")
    status = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    note = models.TextField(blank=True, help_text="A curator's public note.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "discrepancies"
        constraints = [models.UniqueConstraint("key", name="discrepancy_unique_key")]

    def __str__(self):
        return f"{self.get_kind_display()}: {', '.join(str(v.get('words')) for v in self.variants)[:80]}"
