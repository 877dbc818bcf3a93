"""Reading a story for the story-wide steps (discrepancies, events): its articles, its claims with their
evidence, and the event-like date mentions of its articles, each read once and shared by the steps
(`StoryReads`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

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
    def of(cls, story: Story) -> StoryReads:
        articles = story_articles(story)
        return cls(articles, story_claims(story, articles=articles), mention_reports(articles))


def story_claims(story: Story, *, articles: dict[int, Article] | None = None) -> list[Claim]:
    """The story's claims (its own, and those with evidence in its articles), evidence prefetched with
    their articles and outlets. Each article is read once however many evidence rows cite it
    (`articles`: the story's, as `story_articles` reads them, when the caller has them)."""
    evidence = Evidence.objects.order_by("first_seen_at", "pk")
    # the ids first, each side on its index (claims by story, evidence by article), so that neither
    # the corpus's claims nor a DISTINCT over their evidence is read; a story's claims are few enough
    # to pass as a list
    ids = set(Claim.objects.filter(story=story).values_list("pk", flat=True))
    ids |= set(
        Evidence.objects.filter(article__story_membership__story=story).values_list("claim_id", flat=True)
    )
    claims = Claim.objects.filter(pk__in=ids).select_related("speaker")
    claims = list(claims.prefetch_related(Prefetch("evidence", queryset=evidence)))
    cited = {e.article_id for c in claims for e in c.evidence.all()}
    known = {pk: a for pk, a in (articles or {}).items() if pk in cited}
    if missing := cited - set(known):
        known |= {a.pk: a for a in Article.objects.filter(pk__in=missing).select_related("outlet")}
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
