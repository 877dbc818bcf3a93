"""What the extraction found in each article: entity mentions and claim candidates.

These are the machine's own rows: re-extracting an article replaces them wholesale, in one transaction.
Curated work (claims, events, discrepancy notes, built on top of these by cross-referencing) lives in
other models and is never replaced.
"""

from django.db import models


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
        indexes = [models.Index(fields=["text", "label"])]
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
    and the article has no date)."""

    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="date_mentions")
    text = models.CharField(max_length=100)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    value = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=5)

    class Meta:
        ordering = ["article", "start"]
        constraints = [models.UniqueConstraint("article", "start", "end", name="datemention_unique_span")]

    def __str__(self):
        return f"{self.text} = {self.value or '?'} ({self.precision})"


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

    class Precision(models.TextChoices):
        DAY = "day", "day"
        WEEK = "week", "week"
        MONTH = "month", "month"
        YEAR = "year", "year"

    article = models.ForeignKey("sources.Article", on_delete=models.CASCADE, related_name="claim_candidates")
    speaker = models.CharField(max_length=300, blank=True, help_text="As the article names the speaker.")
    speaker_entity = models.ForeignKey(
        "cases.Entity", null=True, blank=True, on_delete=models.SET_NULL, related_name="claim_candidates"
    )
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

    class Meta:
        ordering = ["article", "start"]

    def __str__(self):
        return f"{self.speaker or '?'} {self.verb}: {self.text[:60]}"
