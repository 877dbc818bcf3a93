"""What the steps of a linking batch read of the stories and articles they touch, kept to what they use
(issue 17, goal 3): at 600 articles a batch touches stories of a hundred articles and more, read again
at every batch, and settles neighbourhoods of a few hundred articles seventeen times a batch."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import T0, ArticleFactory, ClaimFactory, EvidenceFactory, StoryFactory
from tracker.crossref import clustering, event_reports, neighbourhoods, story_reads, story_refresh
from tracker.crossref.models import DateMention, Evidence
from tracker.crossref.story_reads import StoryReads

pytestmark = pytest.mark.django_db

OPENED = "The hearing, which opened in Lakeview on March 3, 2026, drew a crowd of farmers."


def dated(story, text: str = OPENED, hours: int = 0, outlet: str = "Alpha"):
    """An article of the story whose one date mention dates an opening."""
    row = ArticleFactory(
        story=story,
        outlet__name=outlet,
        title=f"Hearing {hours}",
        text=text,
        first_seen_at=T0 + timedelta(hours=hours),
        content_html=f"<p>{text}</p>",
        summary="<p>A summary.</p>",
    )
    start = text.index("March 3, 2026")
    DateMention.objects.create(
        article=row,
        text="March 3, 2026",
        start=start,
        end=start + 13,
        value=date(2026, 3, 3),
        precision="day",
    )
    return row


def test_a_storys_refresh_reads_no_article_text():
    """`story_refresh.refresh` reads the members' few columns it needs, not their texts or HTML (a big
    story's refresh read every member's text at each batch). Seen failing with whole rows read."""
    story = StoryFactory()
    first = dated(story, hours=1)
    dated(story, hours=2, outlet="Beta")
    with CaptureQueriesContext(connection) as queries:
        story_refresh.refresh([story], clustering.FEATURES_VERSION)
    assert not any('"text"' in q["sql"] or "content_html" in q["sql"] for q in queries)
    story.refresh_from_db()
    assert story.representative_id == first.pk and story.title == first.title
    assert story.features == {"version": clustering.FEATURES_VERSION, "articles": 2}


def test_a_neighbourhood_is_read_without_the_articles_html():
    """Settling reads its scope's texts (profiles) but not their HTML or summaries. Seen failing with
    whole rows read."""
    story = StoryFactory()
    stored = dated(story)
    new = ArticleFactory(text="Another report.", first_seen_at=T0 + timedelta(hours=3))
    with CaptureQueriesContext(connection) as queries:
        scope = neighbourhoods.neighbourhood([new])
    assert [a.pk for a in scope] == [stored.pk, new.pk]
    assert not any("content_html" in q["sql"] or '"summary"' in q["sql"] for q in queries)


def test_an_articles_mention_reports_are_computed_once_for_the_same_text_and_mentions(monkeypatch):
    """A story's mention reports are read at every batch touching it: an article's are computed again
    only when its text, times or mentions changed. Seen failing with them computed at every read."""
    story = StoryFactory()
    row = dated(story)
    computed = []
    real = event_reports.mention_reports
    monkeypatch.setattr(event_reports, "mention_reports", lambda a, m: computed.append(a.pk) or real(a, m))
    first = story_reads.mention_reports(story_reads.story_articles(story))
    again = story_reads.mention_reports(story_reads.story_articles(story))
    assert computed == [row.pk] and again == first and first[0].kind == "opening"
    DateMention.objects.filter(article=row).update(value=date(2026, 3, 4))
    moved = story_reads.mention_reports(story_reads.story_articles(story))
    assert computed == [row.pk, row.pk] and moved[0].date == date(2026, 3, 4)
    row.text = OPENED.replace("opened", "closed")
    row.save()
    assert story_reads.mention_reports(story_reads.story_articles(story)) == []
    assert computed == [row.pk] * 3


def _shared_claim_read_once():
    """Two stories of a batch sharing one claim (evidence from an article of each), the first read."""
    stories = [StoryFactory(title=f"Story {n}") for n in range(2)]
    claim = ClaimFactory(story=stories[0], text="the barn was sold")
    for n, story in enumerate(stories):
        EvidenceFactory(claim=claim, article=dated(story, hours=n, outlet=f"Outlet {n}"))
    batch = story_reads.batch_reads([s.pk for s in stories])
    StoryReads.of(stories[0], batch)
    return stories, claim, batch


def test_a_claim_two_stories_of_a_batch_share_keeps_its_evidences_articles(monkeypatch):
    """The second story of a batch reporting a shared claim finds its evidence already on the batch's
    articles and sets none again. Seen failing with every evidence row's article set for each story."""
    stories, claim, batch = _shared_claim_read_once()
    descriptor = type(Evidence.article)
    real, sets = descriptor.__set__, []

    def counted(self, instance, value):
        sets.append(instance)
        real(self, instance, value)

    monkeypatch.setattr(descriptor, "__set__", counted)
    second = StoryReads.of(stories[1], batch)
    assert not [s for s in sets if isinstance(s, Evidence)]
    assert {e.article.pk for c in second.claims for e in c.evidence.all()} == set(batch.articles) - {None}


def test_a_storys_evidence_read_again_is_made_into_rows_only_when_new_or_changed():
    """A story's evidence, read again at the next batch, comes from the rows kept per process; a new row
    or one stored with other values is read whole. Seen failing with the evidence prefetched at every
    read (other instances each time)."""
    story = StoryFactory(title="Barn sale")
    claim = ClaimFactory(story=story, text="the barn was sold")
    first = EvidenceFactory(claim=claim, article=dated(story), sentence="Vell said the barn was sold.")
    (read,) = story_reads.story_claims(story)
    kept = list(read.evidence.all())
    second = EvidenceFactory(claim=claim, article=dated(story, hours=1), sentence="The barn was sold.")
    Evidence.objects.filter(pk=first.pk).update(sentence="Vell said the red barn was sold.")
    with CaptureQueriesContext(connection) as queries:
        (again,) = story_reads.story_claims(story)
        rows = list(again.evidence.all())
    assert [e.pk for e in rows] == [first.pk, second.pk]
    assert rows[0] is not kept[0] and rows[0].sentence == "Vell said the red barn was sold."
    (third,) = story_reads.story_claims(story)
    assert [e is r for e, r in zip(third.evidence.all(), rows, strict=True)] == [True, True]
    assert all(e.claim is third for e in third.evidence.all())
    assert len(queries) <= 6  # ids, claims, evidence ids and values, the rows not kept, cited articles


def test_a_claims_cited_articles_are_worked_out_once_a_batch():
    """What the story steps work out of a claim's evidence (its articles, by which the rules count its
    outlets and the events date and time it) is the batch's, shared by its stories. Seen failing with
    the outlets counted per story's scope (worked out again for each story)."""
    from tracker.crossref.discrepancies.scope import Scope

    stories = [StoryFactory(title=f"Story {n}") for n in range(2)]
    claim = ClaimFactory(story=stories[0], text="the barn was sold")
    for n, story in enumerate(stories):
        EvidenceFactory(claim=claim, article=dated(story, hours=n, outlet=f"Outlet {n}"))
    batch = story_reads.batch_reads([s.pk for s in stories])
    first, second = (Scope.of(s, StoryReads.of(s, batch)) for s in stories)
    assert first.claim_outlets(first.claims[0]) == 2
    assert list(batch.cited) == [claim.pk] and second.reads.memo is batch.cited
    assert second.reads.cited(second.claims[0]) is batch.cited[claim.pk]


def test_a_claims_evidence_on_the_batchs_articles_is_not_walked_again_for_the_next_story():
    """A claim of several of a batch's stories has its evidence set on the batch's articles by the
    first; the next story's read does not walk it again, unless a read with other instances of the
    articles (a story's own) set them meanwhile. Seen failing with every claim's evidence walked for
    each story (the marker below set back)."""
    stories, claim, batch = _shared_claim_read_once()
    rows = list(batch.claims[claim.pk].evidence.all())
    marker = object()
    rows[0]._state.fields_cache["article"] = marker
    StoryReads.of(stories[1], batch)
    assert rows[0]._state.fields_cache["article"] is marker and claim.pk in batch.articled
    story_reads.story_claims(stories[1], articles=story_reads.story_articles(stories[1]), batch=batch)
    assert rows[1].article is not batch.articles[rows[1].article_id] and claim.pk not in batch.articled
    StoryReads.of(stories[0], batch)
    assert all(e.article is batch.articles[e.article_id] for e in rows)
