"""Reading a story for the story-wide steps (discrepancies, events): its articles, its claims with their
evidence, and the event-like date mentions of its articles, each read once and shared by the steps
(`StoryReads`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.db.models import F, Q

from tracker.crossref import event_reports
from tracker.crossref.claim_reads import claims_with_evidence
from tracker.crossref.event_reports import Report
from tracker.crossref.kept import Kept
from tracker.crossref.models import Claim, DateMention, Event, Evidence, Story, StoryArticle
from tracker.nlp.odd_spaces import ONE_SPACE
from tracker.sources.models import Article, ArticleVersion


@dataclass(frozen=True)
class StoryReads:
    """What the story-wide steps read of one story, read once (`of`) and passed to each of them:
    `articles` by id with their outlets (`story_articles`), `claims` with their evidence
    (`story_claims`) and `mentions`, the event-like date mentions of the articles as reports
    (`mention_reports`)."""

    articles: dict[int, Article]
    claims: list[Claim]
    mentions: list[Report]
    batch: BatchReads = field(default_factory=lambda: BatchReads())  # what `cited`, `citing` keep
    versions: list[ArticleVersion] | None = None  # `earlier`'s, when the batch read them

    def earlier(self) -> list[ArticleVersion]:
        """The earlier versions of the story's articles, seen first first: the batch's when it read them."""
        if self.versions is not None:
            return self.versions
        return list(_versions(self.articles))

    @property
    def memo(self) -> dict[int, dict[int, Article]]:
        return self.batch.cited

    def cited(self, claim: Claim) -> dict[int, Article]:
        """The articles of the claim's evidence by id, in the evidence's order, worked out once for the
        story's steps, and once for a linking batch's stories (`memo`: the batch's; its steps leave the
        claims' evidence as read), however many of them report the claim."""
        if (found := self.memo.get(claim.pk)) is None:
            found = self.memo[claim.pk] = {e.article_id: e.article for e in claim.evidence.all()}
        return found

    def citing(self, article: Article) -> list[tuple[int, int, int]]:
        """(claim id, start, end) of each evidence sentence in the article, of every claim read for the
        batch (the story's among them), worked out once a batch (the claims read since, added)."""
        batch = self.batch
        if len(batch.claims) > batch.indexed:  # claims are only added to a batch, in this order
            for claim in islice(batch.claims.values(), batch.indexed, None):
                for e in claim.evidence.all():
                    batch.evidence[e.article_id].append((claim.pk, e))
            batch.indexed = len(batch.claims)
        found = batch.spans.setdefault(article.pk, [])
        for pk, e in batch.evidence.get(article.pk, ())[len(found) :]:
            start = locate(article.text, e.sentence, e.start)
            found.append((pk, start, start + len(e.sentence)))
        return found

    @classmethod
    def of(cls, story: Story, batch: BatchReads | None = None) -> StoryReads:
        """`batch`: a linking batch's, when its stories' steps share claims (read once for them all);
        for a story it was made for (`batch_reads`), the story's articles, mentions and claims come from it."""
        batch = BatchReads() if batch is None else batch
        if (given := batch.stories.get(story.pk)) is None:
            articles = story_articles(story)
            batch.placed |= dict.fromkeys(articles, story.pk)
            claims = story_claims(story, articles=articles, batch=batch)
            return cls(articles, claims, mention_reports(articles, into=batch.dated), batch)
        articles = {pk: batch.articles[pk] for pk in given[0]}
        mentions = [report for pk in sorted(articles) for report in batch.mentions.get(pk, ())]
        claims = story_claims(story, articles=articles, batch=batch, ids=given[1])
        versions = sorted((v for pk in articles for v in batch.versions.get(pk, ())), key=_seen)
        return cls(articles, claims, mentions, batch, versions)


@dataclass
class BatchReads:
    """The claims (with their evidence) and cited articles a linking batch's story steps have read, by
    id: a claim reported in several of the batch's stories is read once. The story steps change a
    claim's event only: of a claim `batch_reads` read, the event is as the steps set it since (they set
    it on the claims read here as they write it); of a claim read otherwise, only its event is read
    again for each story (a step of an earlier story moved it, or unhooked it from a stale event)."""

    claims: dict[int, Claim] = field(default_factory=dict)
    articles: dict[int, Article] = field(default_factory=dict)
    stories: dict[int, tuple[list[int], set[int]]] = field(default_factory=dict)  # articles, claims
    mentions: dict[int, list[Report]] = field(default_factory=dict)  # by article
    # every dated mention (`_MENTION_FIELDS`), and an undated article's days named with no year (value None)
    dated: dict[int, list[tuple]] = field(default_factory=dict)
    cited: dict[int, dict[int, Article]] = field(default_factory=dict)  # `StoryReads.cited`'s, by claim
    facts: dict[tuple, object] = field(
        default_factory=dict
    )  # the rules' per-claim readings, by rule and claim
    indexed: int = 0  # of `claims`, those whose evidence `evidence` holds (`StoryReads.citing`)
    evidence: dict[int, list[tuple[int, Evidence]]] = field(default_factory=lambda: defaultdict(list))
    spans: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)  # `citing`'s, by article
    versions: dict[int, list[ArticleVersion]] = field(default_factory=dict)  # the stories' articles'
    ranked: dict[int, int] = field(default_factory=dict)  # `batch_reads`' claims: place in Claim's order
    stale: dict[int, set[int]] = field(default_factory=dict)  # `stale_events.drop_stale`'s, by story
    articled: set[int] = field(default_factory=set)  # claims whose evidence holds `articles`' (`_articled`)
    placed: dict[int, int] = field(default_factory=dict)  # `articles`' stories, by article (none: unplaced)


def batch_reads(stories: list[int]) -> BatchReads:
    """What `StoryReads.of` reads of each of these stories, read for all of them at once (their
    articles, date mentions, earlier versions, claim ids, claims with evidence, cited articles, and the
    machine events each story holds: eleven queries): the story steps change none of it but the
    claims' events, which they set on the claims read here as they write them (`event_writes.Pending.move`,
    `stale_events.loosen`, `stale_events.drop_stale`), and the events a story holds, which only its own step
    changes."""
    batch = BatchReads(stories={pk: ([], set()) for pk in stories})
    where = dict(StoryArticle.objects.filter(story__in=stories).values_list("article_id", "story_id"))
    batch.placed = dict(where)
    batch.articles = {a.pk: a for a in Article.objects.filter(pk__in=list(where)).select_related("outlet")}
    for pk in batch.articles:
        batch.stories[where[pk]][0].append(pk)
    batch.mentions = _mentions(batch.articles, into=batch.dated)
    for version in _versions(batch.articles):
        batch.versions.setdefault(version.article_id, []).append(version)
    batch.stale = {pk: set() for pk in stories}
    held = Event.stories.through.objects.filter(story__in=stories, event__locked=False)
    held = held.filter(event__status=Event.Visibility.MACHINE)
    for story_id, event_id in held.values_list("story_id", "event_id"):
        batch.stale[story_id].add(event_id)
    evidence = Evidence.objects.filter(article__story_membership__story__in=stories)
    rows = evidence.values_list("claim_id", "article__story_membership__story")
    owned = Claim.objects.filter(story__in=stories).values_list("pk", "story")
    for claim_id, story_id in [*owned, *rows]:
        batch.stories[story_id][1].add(claim_id)
    if ids := set().union(*(claims for _, claims in batch.stories.values())):
        batch.claims = {c.pk: c for c in claims_with_evidence(ids)}
        batch.ranked = {pk: n for n, pk in enumerate(batch.claims)}
        cited = {e.article_id for c in batch.claims.values() for e in c.evidence.all()}
        batch.articles |= _cited(cited - set(batch.articles), batch.placed)
    return batch


def story_claims(
    story: Story,
    *,
    articles: dict[int, Article] | None = None,
    batch: BatchReads | None = None,
    ids: set[int] | None = None,
) -> list[Claim]:
    """The story's claims (its own, and those with evidence in its articles), evidence prefetched with
    their articles and outlets. Each article is read once however many evidence rows cite it
    (`articles`: the story's, as `story_articles` reads them, when the caller has them; `batch`: what
    the batch's earlier stories read; `ids`: the story's claims, when the batch has read them)."""
    batch = BatchReads() if batch is None else batch
    # the ids first, each side on its index (claims by story, evidence by article), so that neither
    # the corpus's claims nor a DISTINCT over their evidence is read; a story's claims are few enough
    # to pass as a list
    if ids is None:
        ids = set(Claim.objects.filter(story=story).values_list("pk", flat=True))
        evidence = Evidence.objects.filter(article__story_membership__story=story)
        ids |= set(evidence.values_list("claim_id", flat=True))
    # of claims read before, their events now, and every claim's place (Claim's ordering, as sorted by
    # the database); unread claims are read in that order
    seen = ids & set(batch.claims)
    if seen and ids.issubset(batch.ranked):  # as `batch_reads` read them, their events as since set
        claims = [batch.claims[pk] for pk in sorted(ids, key=batch.ranked.__getitem__)]
        return _articled(claims, articles, batch)
    order = list(Claim.objects.filter(pk__in=ids).values_list("pk", "event_id")) if seen else []
    claims = []
    if unread := ids - seen:
        claims = claims_with_evidence(unread)
    batch.claims.update((c.pk, c) for c in claims)
    if seen:
        events = dict(order)
        claims = [batch.claims[pk] for pk, _ in order if pk in batch.claims]
        for claim in claims:
            claim.event_id = events[claim.pk]
    return _articled(claims, articles, batch)


def _articled(claims: list[Claim], articles: dict[int, Article] | None, batch: BatchReads) -> list[Claim]:
    """The claims, their evidence's articles set (the story's `articles`, else the batch's, read once).
    A claim whose evidence already holds the batch's articles (`BatchReads.articled`) is not walked
    again when `articles` are the batch's too (`StoryReads.of` of a story `batch_reads` read): the much
    reported claims are in nearly every story of a batch at 600 articles, and their evidence (3,600 rows
    at the last batches) was walked for each story to set the same articles again."""
    own = all(batch.articles.get(pk) is a for pk, a in (articles or {}).items())
    todo = [claim for claim in claims if claim.pk not in batch.articled] if own else claims
    cited = {e.article_id for c in todo for e in c.evidence.all()}
    known = {pk: a for pk, a in (articles or {}).items() if pk in cited}
    if missing := cited - set(known) - set(batch.articles):
        batch.articles |= _cited(missing, batch.placed)
    known |= {pk: batch.articles[pk] for pk in cited - set(known)}
    for claim in todo:
        for e in claim.evidence.all():
            article = known[e.article_id]
            if e._state.fields_cache.get("article") is not article:  # already set by an earlier story
                e.article = article
    # the batch's articles, or (another story's own reads) not: walked again when next seen
    (batch.articled.update if own else batch.articled.difference_update)(claim.pk for claim in todo)
    return claims


def story_articles(story: Story) -> dict[int, Article]:
    """The story's articles by id, with their outlets."""
    return {a.pk: a for a in Article.objects.filter(story_membership__story=story).select_related("outlet")}


def mention_reports(articles: dict[int, Article], *, into: dict | None = None) -> list[Report]:
    """The event-like date mentions of these articles (by id, with outlets), as reports: one query.
    `into`: where to keep every dated mention's row too, by article (`BatchReads.dated`)."""
    return [report for reports in _mentions(articles, into=into).values() for report in reports]


def _mentions(articles: dict[int, Article], *, into: dict | None = None) -> dict[int, list[Report]]:
    """`mention_reports` by article, in article id order. The mentions are read as tuples; an article's
    reports are computed once per process for the same text, times and mentions (`_REPORTS`): a story's
    articles are read again at each batch that touches the story, their reports need not be. `into`:
    as `mention_reports`' (the rules read the dates said inside a claim's words from them)."""
    undated = [pk for pk, article in articles.items() if article.published_at is None]
    dated = Q(value__isnull=False) | Q(article_id__in=undated, precision="day")  # and "June 18" undated
    rows = DateMention.objects.filter(dated, article_id__in=list(articles))
    by_article: dict[int, list[tuple]] = defaultdict(list)
    for row in rows.order_by("article_id", "start").values_list(*_MENTION_FIELDS):
        by_article[row[0]].append(row)
    if into is not None:
        into.update(by_article)
    valued = {pk: [row for row in found if row[4] is not None] for pk, found in by_article.items()}
    return {pk: _reports(articles[pk], found) for pk, found in valued.items() if found}


_MENTION_FIELDS = ("article_id", "text", "start", "end", "value", "precision")
_REPORTS: Kept = Kept(20_000)  # by `_reports`' key, least recently used out past 20,000 articles


def _reports(article: Article, rows: list[tuple]) -> list[Report]:
    """`event_reports.mention_reports` of the article and these mention rows (`_MENTION_FIELDS`), kept
    by what it reads: the article's id, text, times and suspect flag, and the rows."""
    key = (
        article.pk,
        hash(article.text),
        len(article.text),
        article.published_at,
        article.first_seen_at,
        article.published_suspect,
        tuple(rows),
    )
    found = _REPORTS.get(key)
    if found is None:
        mentions = [DateMention(**dict(zip(_MENTION_FIELDS, row, strict=True))) for row in rows]
        found = event_reports.mention_reports(article, mentions)
        _REPORTS.put(key, found)
    return list(found)


def locate(text: str, sentence: str, start: int) -> int:
    """Where an evidence sentence starts in its article's text (the nearest copy before `start`). A
    no-break or other odd space reads as a plain one: the extraction gives the sentence plain spaces
    where the stored text prints odd ones (nlp/odd_spaces.py)."""
    if not sentence:
        return max(0, start)
    found = text.rfind(sentence, 0, start + len(sentence))
    if found < 0:
        found = text.translate(ONE_SPACE).rfind(sentence.translate(ONE_SPACE), 0, start + len(sentence))
    return found if found >= 0 else max(0, start)


def _versions(articles: Iterable[int]):
    return ArticleVersion.objects.filter(article_id__in=list(articles)).order_by("seen_at", "pk")


def _seen(version: ArticleVersion) -> tuple:
    return version.seen_at, version.pk


def _cited(ids: set[int], placed: dict[int, int]) -> dict[int, Article]:
    """These articles by id, with their outlets; their stories (if placed) into `placed`, by article."""
    if not ids:
        return {}
    rows = Article.objects.filter(pk__in=ids).select_related("outlet")
    found = {a.pk: a for a in rows.annotate(in_story=F("story_membership__story"))}
    placed |= {pk: a.in_story for pk, a in found.items() if a.in_story is not None}
    return found
