"""The JSON API's response shapes (django-ninja Schemas), read from rows the API has already loaded.

Nothing here queries the database: every resolver reads select_related/prefetch_related data or
attributes the API attached beforehand (`sources`, `coverage`, `variant_sources`), so a list costs the
same number of queries whatever its length. Articles are third-party writing: an article shows its
headline and a short plain-text excerpt of the feed's summary, never the stored full text. `status`
says who stands behind a row: "machine" means extracted or built by software and not yet reviewed.
"""

from __future__ import annotations

from datetime import date, datetime

from django.urls import NoReverseMatch, reverse
from ninja import Field, Schema

from tracker.sources.sanitising import html_to_text

EXCERPT_CHARS = 300


def permalink(name: str, *args) -> str | None:
    """The path of a public page by URL name, or None while that page does not exist."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def excerpt(html: str, limit: int = EXCERPT_CHARS) -> str:
    """A short plain-text excerpt of a feed summary, cut at a word."""
    text = " ".join(html_to_text(html).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class Error(Schema):
    detail: str


class OutletOut(Schema):
    id: int
    name: str
    domain: str


class EntityRef(Schema):
    id: int
    slug: str
    name: str
    kind: str


class SourceOut(Schema):
    """An article as a source: who published it, where, and when (stated and first seen)."""

    id: int
    headline: str = Field(alias="title")
    outlet: OutletOut
    url: str
    canonical_url: str
    published_at: datetime | None
    first_seen_at: datetime


class EvidenceOut(Schema):
    """One article's report of a claim; `quotes` are the article's own words, verbatim, with offsets."""

    source: SourceOut = Field(alias="article")
    text: str
    sentence: str
    verb: str
    speaker_via: str = Field(
        description='Who spoke for the claim\'s speaker, as written ("Musk\'s lawyers"), or "".'
    )
    attribution: str
    quotes: list[dict]
    hedges: list
    first_seen_at: datetime


class VariantOut(Schema):
    """One outlet's version in a discrepancy: its words and where they come from."""

    words: str | None = None
    value: str | None = None
    field: str | None = None
    start: int | None = None
    end: int | None = None
    source: SourceOut | None = None


class DiscrepancyOut(Schema):
    id: int
    kind: str
    status: str
    note: str
    claim: int | None = Field(alias="claim_id")
    event: int | None = Field(alias="event_id")
    story: int | None = Field(alias="story_id")
    variants: list[VariantOut]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_variants(obj):
        sources = getattr(obj, "variant_sources", {})
        return [
            {
                "words": v.get("words"),
                "value": v.get("value"),
                "field": v.get("field"),
                "start": v.get("start"),
                "end": v.get("end"),
                "source": sources.get(v.get("article")),
            }
            for v in obj.variants
            if isinstance(v, dict)
        ]


class Reviewed(Schema):
    """The one resolver of `machine` (status "machine": built by software, not yet reviewed)."""

    @staticmethod
    def resolve_machine(obj) -> bool:
        return obj.status == "machine"


class OfCase(Schema):
    """The one resolver of `case`: the slug of the row's (select_related) case."""

    @staticmethod
    def resolve_case(obj):
        return obj.case.slug if obj.case_id else None


class ClaimLinks(Reviewed):
    """A claim's `url`, its first EVIDENCE_LIMIT `evidence` rows (apidata.claims) and `evidence_url`,
    where all of them are; each subclass declares the fields and the evidence rows' shape."""

    @staticmethod
    def resolve_url(obj):
        return permalink("web:claim", obj.pk)

    @staticmethod
    def resolve_evidence(obj):
        return obj.evidence_shown

    @staticmethod
    def resolve_evidence_url(obj):
        return permalink("api:claim-evidence", obj.pk)


class ClaimOut(ClaimLinks, OfCase):
    id: int
    case: str | None
    speaker: EntityRef | None
    speaker_text: str
    kind: str
    text: str
    date: date | None
    precision: str
    status: str
    machine: bool
    locked: bool
    event: int | None = Field(alias="event_id")
    story: int | None = Field(alias="story_id")
    responds_to: int | None = Field(alias="responds_to_id")
    first_seen_at: datetime | None
    first_outlet: OutletOut | None
    outlets_count: int
    independent_count: int
    url: str | None
    evidence: list[EvidenceOut]
    evidence_count: int
    evidence_url: str | None
    discrepancies: list[DiscrepancyOut]

    @staticmethod
    def resolve_discrepancies(obj):
        return obj.discrepancies.all()


class CaseSlugs(Schema):
    """The one resolver of `cases` (slugs of the row's prefetched cases); each subclass declares the field."""

    @staticmethod
    def resolve_cases(obj):
        return [c.slug for c in obj.cases.all()]


class StoryOut(CaseSlugs):
    id: int
    title: str
    cases: list[str]
    first_seen_at: datetime
    last_changed_at: datetime
    url: str | None
    events: list[int]
    articles: list[SourceOut]

    @staticmethod
    def resolve_url(obj):
        return permalink("web:story", obj.pk)

    @staticmethod
    def resolve_events(obj):
        return [e.pk for e in obj.events.all()]

    @staticmethod
    def resolve_articles(obj):
        return [m.article for m in obj.memberships.all()]


class EntityOut(CaseSlugs):
    id: int
    slug: str
    name: str
    kind: str
    description: str
    aliases: list[str]
    cases: list[str]
    url: str | None

    @staticmethod
    def resolve_aliases(obj):
        return [a.text for a in obj.aliases.all()]

    @staticmethod
    def resolve_url(obj):
        return permalink("web:entity", obj.slug)


class ArticleOut(CaseSlugs):
    """An article's metadata: never its text, only the headline and an excerpt of the feed's summary."""

    id: int
    headline: str = Field(alias="title")
    outlet: OutletOut
    url: str
    canonical_url: str
    author: str
    published_at: datetime | None
    first_seen_at: datetime
    edited_at: datetime | None
    summary: str
    cases: list[str]
    story: int | None
    copy_of: int | None = Field(alias="copy_of_id")
    copy_kind: str
    credited_source: str

    @staticmethod
    def resolve_summary(obj):
        return excerpt(obj.summary)

    @staticmethod
    def resolve_story(obj):
        membership = getattr(obj, "story_membership", None)
        return membership.story_id if membership else None


class ClaimPage(Schema):
    items: list[ClaimOut]
    next: str | None


class StoryPage(Schema):
    items: list[StoryOut]
    next: str | None


class EntityPage(Schema):
    items: list[EntityOut]
    next: str | None


class ArticlePage(Schema):
    items: list[ArticleOut]
    next: str | None


class DiscrepancyPage(Schema):
    items: list[DiscrepancyOut]
    next: str | None
