"""Linking a batch costs the same number of queries whatever the corpus already stored (issue 17, goal
3): the stored stories, their claims and their evidence are reached through indexes and keys, never
scanned, so the same bound holds at 10 and at 200 stored stories; on SQLite and PostgreSQL alike.

The stored rows are bulk-inserted (no spaCy): each stored story has three articles and two claims of
the same speaker as the batch, spread over the days before the batch, half of them within the windows
of clustering and claim matching. The batch is four articles: two report a new event (a new story, a
claim they share by a verbatim quote), one reports a stored story's claim, one is a copy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import T0, ClaimCandidateFactory, EntityFactory, OutletFactory
from tracker.crossref import linking
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Story, StoryArticle
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db

# the batch of four, whatever the stored stories: 73 on SQLite, 76 on PostgreSQL (case locks); 74 / 77
# when the claims' own stories and the stories reporting them were two reads (before `linking._owners`,
# which reads the discrepancy owners too); 77 / 80 when each article's evidence was an insert of its own (before `claim_pool.Pool.write`); 95 /
# 98 when each near copy linked was an UPDATE of its own (before `_link_copies` wrote them at once); 96 /
# 99 when each story step read its claims' events, versions, events and date discrepancies (before
# `batch_reads` read them and `events.prepare`); 103 / 106 when each article read the same-event
# reports (before `claim_events.Reports`); 105 / 108 when each claim's counts were an UPDATE of its own
# and each story's answers read its claims, evidence and speakers (before `claim_counts`,
# `link_responses_of`); 106 on SQLite when each article read the claims it may join (before
# `claim_pool`); 119 on SQLite when each article was settled on its own before the batch was settled
# again
BOUND = 76
LETTERS = "bcdfghjklmnprstvz"


def word(n: int, k: int) -> str:
    """A made-up word unique to (n, k): what makes one stored story unlike any other."""
    digits, value = [], n * 50 + k
    for _ in range(4):
        value, rest = divmod(value, len(LETTERS))
        digits.append(LETTERS[rest] + "aeiou"[(n + k + len(digits)) % 5])
    return "".join(digits)


def story_text(n: int) -> str:
    return " ".join(word(n, k) for k in range(40))


def analyzed(outlet, url: str, title: str, text: str, seen, **fields) -> Article:
    """An article as the extraction leaves it (analysed), stored at its canonical URL."""
    return Article.objects.create(
        outlet=outlet,
        url=url,
        canonical_url=url,
        title=title,
        text=text,
        first_seen_at=seen,
        status=Article.Status.ANALYZED,
        **fields,
    )


def candidate(article: Article, speaker, text: str, quote: str, start: int = 0) -> ClaimCandidate:
    sentence = f"Musk said that {text}, “{quote}”."
    return ClaimCandidateFactory.build(
        article=article,
        speaker="Musk",
        speaker_entity=speaker,
        attribution=ClaimCandidate.Attribution.DIRECT,
        text=text,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        sentence_start=start,
        quotes=[{"text": quote, "start": start, "end": start + len(quote)}],
        confidence=2,
    )


def store(stories: int, speaker, outlets) -> list[Article]:
    """`stories` stored stories, one every eight hours before T0 (newest first); their articles."""
    articles = Article.objects.bulk_create(
        Article(
            outlet=outlets[(n + i) % len(outlets)],
            url=f"https://stored.example/{n}/{i}",
            canonical_url=f"https://stored.example/{n}/{i}",
            title=f"{word(n, 1)} {word(n, 2)} {word(n, 3)}",
            text=story_text(n),
            first_seen_at=T0 - timedelta(hours=8 * (n + 1), minutes=i),
            published_at=T0 - timedelta(hours=8 * (n + 1), minutes=i + 5),
            status=Article.Status.ANALYZED,
        )
        for n in range(stories)
        for i in range(3)
    )
    made = Story.objects.bulk_create(
        Story(
            title=articles[3 * n].title,
            representative=articles[3 * n],
            first_seen_at=articles[3 * n + 2].first_seen_at,
            last_changed_at=articles[3 * n].first_seen_at,
            features={"version": 2, "articles": 3},
        )
        for n in range(stories)
    )
    StoryArticle.objects.bulk_create(
        StoryArticle(story=made[i // 3], article=a) for i, a in enumerate(articles)
    )
    claims = Claim.objects.bulk_create(
        Claim(
            story=made[n],
            speaker=speaker,
            speaker_text=speaker.name,
            kind="testimony",
            text=f"{word(n, k)} {word(n, k + 1)} {word(n, k + 2)}",
            first_seen_at=made[n].first_seen_at,
        )
        for n in range(stories)
        for k in (5, 10)
    )
    Evidence.objects.bulk_create(
        Evidence(
            claim=claim,
            article=article,
            first_seen_at=article.first_seen_at,
            **{
                f: getattr(candidate(article, speaker, claim.text, claim.text, start=k * 100), f)
                for f in ("text", "sentence", "start", "end", "verb", "attribution", "quotes")
            },
        )
        for n in range(stories)
        for k, claim in enumerate(claims[2 * n : 2 * n + 2])
        for article in articles[3 * n : 3 * n + 3]
    )
    return articles


def batch(speaker, outlets, stored: list[Article]) -> list[Article]:
    """Two reports of a new event, one more report of the newest stored story, and a copy of it."""
    new = "zorbax quellin fristo dabrun mokeli varnish trepid"
    articles = []
    for i, (text, title) in enumerate(
        [
            (new, "Zorbax quellin fristo"),
            (new + " gloam", "Zorbax quellin dabrun"),
            (stored[0].text, stored[0].title),
            (stored[0].text, stored[0].title),
        ]
    ):
        articles.append(
            analyzed(
                outlets[i],
                f"https://new.example/{i}",
                title,
                text,
                T0 + timedelta(minutes=10 * i),
                published_at=T0 + timedelta(minutes=10 * i - 5),
                copy_of=articles[2] if i == 3 else None,
            )
        )
    stored_claim = Claim.objects.filter(story__memberships__article=stored[0]).order_by("pk").first()
    ClaimCandidate.objects.bulk_create(
        [
            candidate(articles[0], speaker, "zorbax quellin fristo was planned", "fristo was planned"),
            candidate(articles[1], speaker, "the zorbax quellin fristo plan", "fristo was planned"),
            candidate(articles[2], speaker, stored_claim.text, stored_claim.text),
            candidate(articles[3], speaker, stored_claim.text, stored_claim.text),
        ]
    )
    return articles


@pytest.mark.parametrize("stories", [10, 200])
def test_a_batch_costs_the_same_queries_at_10_and_200_stored_stories(stories, django_assert_max_num_queries):
    speaker = EntityFactory(name="Elon Musk")
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(5)]
    stored = store(stories, speaker, outlets)
    articles = batch(speaker, outlets, stored)
    with django_assert_max_num_queries(BOUND):
        results = linking.link_articles(articles)
    # the batch was linked as it should be: a new story of two with one claim, the stored story joined
    assert results[0].story_id == results[1].story_id != results[2].story_id == results[3].story_id
    assert results[0].claim_ids == results[1].claim_ids
    assert results[2].story_id == StoryArticle.objects.get(article=stored[0]).story_id
    joined = Claim.objects.get(pk=results[2].claim_ids[0])
    assert joined.story_id == results[2].story_id and joined.evidence.count() == 5
    assert Story.objects.count() == stories + 1


def test_a_batch_reads_the_claims_it_may_join_once_whatever_its_size():
    """The claims a batch's articles may join are read once for the batch (`claim_pool`), not once an
    article: a batch of six reports of a stored story reads claim rows as often as a batch of two, and
    each report joins the stored claim. Seen failing with the pool left out (one read more an article)."""
    speaker = EntityFactory(name="Elon Musk")
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(6)]
    stored = store(10, speaker, outlets)
    claim = Claim.objects.filter(story__memberships__article=stored[0]).order_by("pk").first()

    def claim_reads(size: int, first: int) -> int:
        articles = [
            analyzed(
                outlets[i],
                f"https://again.example/{first + i}",
                stored[0].title,
                stored[0].text,
                T0 + timedelta(minutes=first + i),
            )
            for i in range(size)
        ]
        ClaimCandidate.objects.bulk_create(candidate(a, speaker, claim.text, claim.text) for a in articles)
        with CaptureQueriesContext(connection) as queries:
            results = linking.link_articles(articles)
        assert {pk for result in results for pk in result.claim_ids} == {claim.pk}
        return len([q for q in queries if q["sql"].startswith('SELECT "crossref_claim"."id", ')])

    assert claim_reads(6, 10) == claim_reads(2, 0)


def test_a_batch_records_the_history_of_the_claims_it_makes_in_one_insert():
    """The history rows ("+") of the claims a batch's articles make are written together once the batch
    is linked (`claim_pool.Pool.record`), not one insert an article; each as its claim was made. Seen
    failing with one insert an article (three)."""
    speaker = EntityFactory(name="Elon Musk")
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(3)]
    articles = [
        analyzed(
            outlets[i],
            f"https://made.example/{i}",
            f"{word(i, 1)} {word(i, 2)}",
            story_text(i),
            T0 + timedelta(days=30 * i),
        )
        for i in range(3)
    ]
    texts = [f"{word(i, 5)} {word(i, 6)} {word(i, 7)}" for i in range(3)]
    ClaimCandidate.objects.bulk_create(
        candidate(a, speaker, t, t) for a, t in zip(articles, texts, strict=True)
    )
    with CaptureQueriesContext(connection) as queries:
        linking.link_articles(articles)
    # one statement: an `executemany` (a COPY on PostgreSQL), logged as "N times: ..."
    history = ('INSERT INTO "crossref_historicalclaim"', 'COPY "crossref_historicalclaim"')
    inserts = [q for q in queries if q["sql"].split(" times: ")[-1].startswith(history)]
    assert len(inserts) == 1
    made = Claim.history.filter(history_type="+").order_by("id")
    assert [(row.id, row.text) for row in made] == list(
        Claim.objects.order_by("pk").values_list("pk", "text")
    )
    assert sorted(row.text for row in made) == sorted(texts)


def test_a_settle_inserts_its_new_stories_and_their_members_once():
    """The stories a settle makes and the articles it moves into stories are inserted once a settle
    (`clustering._move`), not once a story: three articles unlike each other make three stories of
    one article each. Seen failing with a create and an insert a story (three each)."""
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(3)]
    articles = [
        analyzed(
            outlets[i],
            f"https://apart.example/{i}",
            f"{word(i, 1)} {word(i, 2)}",
            story_text(i),
            T0 + timedelta(minutes=i),
        )
        for i in range(3)
    ]
    with CaptureQueriesContext(connection) as queries:
        results = linking.link_articles(articles)
    inserts = [q["sql"].split(" (")[0] for q in queries if q["sql"].startswith("INSERT")]
    assert inserts.count('INSERT INTO "crossref_story"') == 1
    assert inserts.count('INSERT INTO "crossref_storyarticle"') == 1
    assert len({r.story_id for r in results}) == 3
    assert sorted(Story.objects.values_list("representative", flat=True)) == [a.pk for a in articles]


def test_a_batch_inserts_its_evidence_once():
    """The evidence a batch's articles give is inserted once the batch is linked (`claim_pool.Pool.write`),
    not one insert an article, and each report is on its claim: three reports of three new claims and
    two of one stored claim. Seen failing with one insert an article (five)."""
    speaker = EntityFactory(name="Elon Musk")
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(5)]
    stored = store(2, speaker, outlets)
    claim = Claim.objects.filter(story__memberships__article=stored[0]).order_by("pk").first()
    articles = [
        analyzed(
            outlets[i],
            f"https://given.example/{i}",
            f"{word(10 + i, 1)} {word(10 + i, 2)}" if i < 3 else stored[0].title,
            story_text(10 + i) if i < 3 else stored[0].text,
            T0 + timedelta(days=30 * i),
        )
        for i in range(5)
    ]
    texts = [f"{word(10 + i, 5)} {word(10 + i, 6)} {word(10 + i, 7)}" for i in range(3)] + [claim.text] * 2
    ClaimCandidate.objects.bulk_create(
        candidate(a, speaker, t, t) for a, t in zip(articles, texts, strict=True)
    )
    with CaptureQueriesContext(connection) as queries:
        results = linking.link_articles(articles)
    inserts = [q for q in queries if q["sql"].startswith("INSERT") and '"crossref_evidence" (' in q["sql"]]
    assert len(inserts) == 1  # (INSERT OR IGNORE INTO on SQLite)
    assert [r.claim_ids for r in results][3:] == [[claim.pk], [claim.pk]]
    given = Evidence.objects.filter(article__in=articles).order_by("pk")
    assert [(e.article_id, e.claim.text) for e in given] == [
        (a.pk, t) for a, t in zip(articles, texts, strict=True)
    ]


def test_the_kept_evidence_rows_hold_nothing_of_the_batch_after_it():
    """The process keeps evidence rows across batches (`claim_reads._EVIDENCE`); once a batch's story
    steps are done its rows no longer hold its claims or articles, which every full garbage collection
    of a worker walked until another batch read the row again (docs/performance.md, session 30)."""
    from tracker.crossref import claim_reads

    claim_reads._EVIDENCE.clear()
    speaker = EntityFactory(name="Elon Musk")
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(5)]
    linking.link_articles(batch(speaker, outlets, store(3, speaker, outlets)))
    kept = list(claim_reads._EVIDENCE.values())
    assert kept and all(not row._state.fields_cache for row in kept)
