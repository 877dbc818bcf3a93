"""Rows for tests, built one way (factory_boy) instead of a builder per test module.

Defaults are the plainest valid row; a test names what it is about and leaves the rest:
`ArticleFactory(story=story, outlet__name="Alpha", text=..., first_seen_at=...)` gets the outlet of
that name (one per domain, `alpha.example`), a unique URL, and its story membership. Nothing here
reads the sample corpus or runs spaCy: tests that need the real chain use the `sample_corpus` fixture.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from tracker.cases.models import Case, Entity
from tracker.crossref.models import Claim, ClaimCandidate, Event, Evidence, Story, StoryArticle
from tracker.digests.models import Subscriber, Subscription
from tracker.dockets.models import DocketEntry
from tracker.sources.models import Article, Outlet

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)


class OutletFactory(DjangoModelFactory):
    """An outlet by name, on `<name without spaces>.example`; the same name gives the same outlet."""

    class Meta:
        model = Outlet
        django_get_or_create = ("domain",)

    name = factory.Sequence(lambda n: f"Outlet{n}")
    domain = factory.LazyAttribute(lambda o: f"{o.name.lower().replace(' ', '')}.example")


class StoryFactory(DjangoModelFactory):
    class Meta:
        model = Story
        skip_postgeneration_save = True

    title = "A story"
    first_seen_at = T0
    last_changed_at = factory.SelfAttribute("first_seen_at")

    @factory.post_generation
    def cases(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.cases.add(*extracted)


class ArticleFactory(DjangoModelFactory):
    """An analysed article; `story=` makes it a member of that story."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    outlet = factory.SubFactory(OutletFactory)
    url = factory.LazyAttributeSequence(lambda o, n: f"https://{o.outlet.domain}/{n}")
    canonical_url = factory.SelfAttribute("url")
    title = "A story"
    text = ""
    first_seen_at = T0
    status = Article.Status.ANALYZED

    @factory.post_generation
    def story(obj, create, extracted, **kwargs):
        if create and extracted is not None:
            StoryArticle.objects.create(story=extracted, article=obj)


class EntityFactory(DjangoModelFactory):
    """A curated entity by name and kind; the same pair gives the same entity (a migration may have
    seeded it)."""

    class Meta:
        model = Entity
        django_get_or_create = ("name", "kind")

    name = factory.Sequence(lambda n: f"Person {n}")
    kind = Entity.Kind.PERSON
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ClaimFactory(DjangoModelFactory):
    """A claim of `speaker` (an Entity or None) in `story`, of that story's first case."""

    class Meta:
        model = Claim

    story = None
    case = factory.LazyAttribute(lambda o: o.story.cases.first() if o.story else None)
    speaker = None
    speaker_text = factory.LazyAttribute(lambda o: o.speaker.name if o.speaker else "")
    kind = "testimony"
    text = factory.Sequence(lambda n: f"claim {n}")
    confidence = 3


class EvidenceFactory(DjangoModelFactory):
    """`article`'s report of `claim` by `sentence`, offsets where the sentence is in the article's text
    (0 when it is not)."""

    class Meta:
        model = Evidence

    claim = factory.SubFactory(ClaimFactory)
    article = factory.SubFactory(ArticleFactory)
    sentence = "Musk said so."
    start = factory.LazyAttribute(lambda o: max(o.article.text.find(o.sentence), 0))
    end = factory.LazyAttribute(lambda o: o.start + len(o.sentence))
    verb = "say"
    attribution = "indirect"
    first_seen_at = factory.SelfAttribute("article.first_seen_at")


class ClaimCandidateFactory(DjangoModelFactory):
    """`article`'s claim candidate: `text` said by `speaker_entity` (named by it unless `speaker` is
    given) in `sentence` (the text itself unless given); `start` is where the text begins, the sentence
    around it where the text sits in it."""

    class Meta:
        model = ClaimCandidate

    article = factory.SubFactory(ArticleFactory)
    speaker_entity = None
    speaker = factory.LazyAttribute(lambda o: o.speaker_entity.name if o.speaker_entity else "")
    verb = "say"
    attribution = ClaimCandidate.Attribution.INDIRECT
    kind = ClaimCandidate.Kind.TESTIMONY
    text = factory.Sequence(lambda n: f"claim {n}")
    sentence = factory.SelfAttribute("text")
    start = 0
    end = factory.LazyAttribute(lambda o: o.start + len(o.text))
    sentence_start = factory.LazyAttribute(lambda o: o.start - max(o.sentence.find(o.text), 0))
    sentence_end = factory.LazyAttribute(lambda o: o.sentence_start + len(o.sentence))
    quotes = factory.LazyFunction(list)


class CaseFactory(DjangoModelFactory):
    class Meta:
        model = Case
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Case {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class EventFactory(DjangoModelFactory):
    """A dated event of a case (machine-built, so visible)."""

    class Meta:
        model = Event

    case = factory.SubFactory(CaseFactory)
    date = factory.LazyAttribute(lambda o: T0.date())
    title = factory.Sequence(lambda n: f"Event {n}")


class DocketEntryFactory(DjangoModelFactory):
    """A docket entry of a case, filed and entered on `filed_on` (entered at 20:00 UTC that day)."""

    class Meta:
        model = DocketEntry

    case = factory.SubFactory(CaseFactory)
    guid = factory.Sequence(lambda n: f"entry-{n}")
    kind = DocketEntry.Kind.MINUTES
    docket_number = "4:24-cv-04722-YGR"
    description = factory.LazyAttribute(lambda o: f"{o.kind} entry")
    filed_on = factory.LazyAttribute(lambda o: T0.date())
    entered_at = factory.LazyAttribute(
        lambda o: datetime.combine(o.filed_on or T0.date(), time(20), tzinfo=UTC)
    )


class SubscriptionFactory(DjangoModelFactory):
    class Meta:
        model = Subscription

    subscriber = factory.SubFactory("tests.factories.SubscriberFactory", subscription=None)
    case = None
    entity = None


class SubscriberFactory(DjangoModelFactory):
    """A confirmed (active) subscriber, daily unless `frequency=` says otherwise, following `case=` or
    `entity=` (one Subscription; pass neither for a subscriber without one)."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    class Params:
        case = None
        entity = None

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    status = Subscriber.Status.ACTIVE
    frequency = "daily"
    confirmed_at = factory.LazyFunction(timezone.now)
    subscription = factory.Maybe(
        factory.LazyAttribute(lambda o: o.case is not None or o.entity is not None),
        factory.RelatedFactory(
            SubscriptionFactory,
            factory_related_name="subscriber",
            case=factory.SelfAttribute("..case"),
            entity=factory.SelfAttribute("..entity"),
        ),
    )
