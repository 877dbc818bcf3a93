"""What is tracked (cases and topics) and the curated vocabulary (entities and their aliases)."""

import re
import zoneinfo

from django.db import models
from django.db.models.functions import Lower, Upper
from simple_history.models import HistoricalRecords


class Case(models.Model):
    class Kind(models.TextChoices):
        COURT_CASE = "case", "court case"
        TOPIC = "topic", "topic"

    class Status(models.TextChoices):
        ACTIVE = "active", "active"
        DECIDED = "decided", "decided"
        CLOSED = "closed", "closed"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COURT_CASE)
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    caption = models.CharField(max_length=300, blank=True, help_text="The caption on the docket.")
    court = models.CharField(max_length=200, blank=True)
    docket_number = models.CharField(max_length=100, blank=True)
    judge = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", help_text="The court's time zone.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    description = models.TextField(blank=True)
    keywords = models.JSONField(
        default=list,
        blank=True,
        help_text="Phrases that make an article relevant on their own (case-insensitive).",
    )
    entities = models.ManyToManyField("Entity", blank=True, related_name="cases")
    entity_threshold = models.PositiveSmallIntegerField(
        default=2,
        help_text="Distinct case entities that make an article relevant; 0: entities alone never do.",
    )
    hidden_docket_kinds = models.JSONField(
        default=list,
        blank=True,
        help_text='Docket entry kinds kept off the timeline as procedural noise, e.g. ["service", "pro_hac_vice"].',
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[entities])

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)


class EntityQuerySet(models.QuerySet):
    def curated(self):
        """The entities readers see: curated, and not merged into another (a merged one redirects)."""
        return self.filter(status=Entity.Status.CURATED, merged_into__isnull=True)


class Entity(models.Model):
    class Kind(models.TextChoices):
        PERSON = "PERSON", "person"
        ORG = "ORG", "organisation"
        PRODUCT = "PRODUCT", "product"
        COURT = "COURT", "court"
        LAW = "LAW", "law"
        GPE = "GPE", "place"
        EVENT = "EVENT", "event"

    class Status(models.TextChoices):
        CANDIDATE = "candidate", "candidate"
        CURATED = "curated", "curated"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CURATED)
    represented_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="represents",
        help_text="For an organisation: the person who speaks for it in court (its owner or chief "
        "executive). An organisation cannot take the stand, so testimony an article attributes to it is "
        "credited to this person when the same article names them.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_entities",
        help_text="Set when a curator merged this entity into another: its pages redirect there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = EntityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [models.UniqueConstraint(Lower("name"), "kind", name="entity_unique_name_kind")]
        # crossref's promote_candidates finds a recurring name's entity as `iexact` does (UPPER on both
        # sides): without this index, a scan of every entity for each recurring name of a batch.
        indexes = [models.Index(Upper("name"), "kind", name="entity_upper_name_kind")]

    def __str__(self):
        return self.name

    def surface_forms(self):
        """The name and every alias, as (text, case_sensitive) pairs."""
        forms = [(self.name, True)]
        forms += [(a.text, a.case_sensitive) for a in self.aliases.all()]
        return forms

    def current(self) -> "Entity":
        """The entity this one now lives on: itself, or the end of its chain of merges."""
        entity, seen = self, {self.pk}
        while entity.merged_into_id and entity.merged_into_id not in seen:
            seen.add(entity.merged_into_id)
            entity = entity.merged_into
        return entity


class Alias(models.Model):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=200)
    case_sensitive = models.BooleanField(
        default=True, help_text='On for names that are also words: "Meta" the company, not "meta".'
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["text"]
        verbose_name_plural = "aliases"
        constraints = [models.UniqueConstraint("entity", "text", name="alias_unique_per_entity")]

    def __str__(self):
        return self.text


def phrases_pattern(forms: list[tuple[str, bool]]) -> re.Pattern | None:
    """One regex that finds any of the (text, case_sensitive) phrases as a whole phrase, not inside a
    longer word; None when there are none. One search per entity instead of one per alias."""
    parts = [re.escape(text) if cs else f"(?i:{re.escape(text)})" for text, cs in forms if text.strip()]
    if not parts:
        return None
    parts.sort(key=len, reverse=True)  # the longest alternative first: "Grok AI" before "Grok"
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)")
