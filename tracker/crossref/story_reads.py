"""Reading a story for the story-wide steps (discrepancies, events): its articles, its claims with their
evidence, and the event-like date mentions of its articles, each read once and shared by the steps
(`StoryReads`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from tracker.crossref import event_reports
from tracker.crossref.event_reports import Report
from tracker.crossref.models import Claim, DateMention, Evidence, Story
from tracker.sources.models import Article


@dataclass(frozen=True)
class StoryReads:
    """What the story-wide steps read of one story, read once (`of`) and passed to each of them:
    `articles` by id with their outlets (`story_articles`), `claims` with their evidence
    (`story_claims`) and `mentions`, the event-like date mentions of the articles as reports
    (`mention_reports`)."""

    articles: dict[int, Article]
    claims: list[Claim]
    mentions: list[Report]

    @classmethod
    def of(cls, story: Story, batch: BatchReads | None = None) -> StoryReads:
        """`batch`: a linking batch's, when its stories' steps share claims (read once for them all)."""
        articles = story_articles(story)
        return cls(articles, story_claims(story, articles=articles, batch=batch), mention_reports(articles))


@dataclass
class BatchReads:
    """The claims (with their evidence) and cited articles a linking batch's story steps have read, by
    id: a claim reported in several of the batch's stories is read once. The story steps change a
    claim's event only, so of a claim already read only its event is read again for each story (a
    step of an earlier story moved it, or unhooked it from a stale event)."""

    claims: dict[int, Claim] = field(default_factory=dict)
    articles: dict[int, Article] = field(default_factory=dict)


def story_claims(
    story: Story, *, articles: dict[int, Article] | None = None, batch: BatchReads | None = None
) -> list[Claim]:
    """The story's claims (its own, and those with evidence in its articles), evidence prefetched with
    their articles and outlets. Each article is read once however many evidence rows cite it
    (`articles`: the story's, as `story_articles` reads them, when the caller has them; `batch`: what
    the batch's earlier stories read)."""
    batch = BatchReads() if batch is None else batch
    evidence = Evidence.objects.order_by("first_seen_at", "pk")
    # the ids first, each side on its index (claims by story, evidence by article), so that neither
    # the corpus's claims nor a DISTINCT over their evidence is read; a story's claims are few enough
    # to pass as a list
    ids = set(Claim.objects.filter(story=story).values_list("pk", flat=True))
    ids |= set(
        Evidence.objects.filter(article__story_membership__story=story).values_list("claim_id", flat=True)
    )
    # of claims read before, their events now, and every claim's place (Claim's ordering, as sorted by
    # the database); unread claims are read in that order
    seen = ids & set(batch.claims)
    order = list(Claim.objects.filter(pk__in=ids).values_list("pk", "event_id")) if seen else []
    claims = []
    if unread := ids - seen:
        claims = Claim.objects.filter(pk__in=unread).select_related("speaker")
        claims = list(claims.prefetch_related(Prefetch("evidence", queryset=evidence)))
    batch.claims.update((c.pk, c) for c in claims)
    if seen:
        events = dict(order)
        claims = [batch.claims[pk] for pk, _ in order if pk in batch.claims]
        for claim in claims:
            claim.event_id = events[claim.pk]
    cited = {e.article_id for c in claims for e in c.evidence.all()}
    known = {pk: a for pk, a in (articles or {}).items() if pk in cited}
    if missing := cited - set(known) - set(batch.articles):
        batch.articles |= {a.pk: a for a in Article.objects.filter(pk__in=missing).select_related("outlet")}
    known |= {pk: batch.articles[pk] for pk in cited - set(known)}
    for claim in claims:
        for e in claim.evidence.all():
            e.article = known[e.article_id]
    return claims


def story_articles(story: Story) -> dict[int, Article]:
    """The story's articles by id, with their outlets."""
    return {a.pk: a for a in Article.objects.filter(story_membership__story=story).select_related("outlet")}


def mention_reports(articles: dict[int, Article]) -> list[Report]:
    """The event-like date mentions of these articles (by id, with outlets), as reports: one query."""
    mentions = DateMention.objects.filter(article_id__in=list(articles), value__isnull=False)
    by_article: dict[int, list[DateMention]] = defaultdict(list)
    for mention in mentions.order_by("article_id", "start"):
        by_article[mention.article_id].append(mention)
    reports = []
    for article_id, found in by_article.items():
        reports.extend(event_reports.mention_reports(articles[article_id], found))
    return reports
