"""Claim moves: an article that moves into another story takes its claims through linking again there
(issue 16, part 4: merging claims must not depend on the order articles came in).

A batch's settle moves stored articles between stories (an undated article placed again, the far and
strays rules, a later article linking two), and so does the periodic re-clustering. A claim an article
reported while it sat in the wrong story was matched against that story's claims: merged with another
event's claim of its speaker, or left apart from the claim of the same statement in the story it belongs
to. So the placing links the claims of the stored articles its settle moved (`Movers`) again, in the
stories they are in now and before the batch's own claims (a batch article then meets the moved ones'
claims where they now are, not where they were), as the re-clustering's hand-off does (`linking.relink`).

And an article's earlier claim holds its report again only while it is still of the article's story
(`held`): started in it, reported by another of its articles, reported by the article alone (its
own claim, which goes with it), or reported in a story that began within `claim_events.EVENT_DAYS` of the
article's (one event the clustering split in two: two outlets' same-day reports of a testimony joined
while in one story stay joined; dropping them cost tallowmere dated a claim). One of another story of
other days holds it only as any other story's claim would, of the same event (`claim_events`). Otherwise
the report is matched afresh in its story (it joins that story's claim of the statement, or starts one)
and the claim it leaves stays with the articles still reporting it: no claim stays joined across two
stories of different days only because an article once sat in the wrong one. Locked claims keep the
article's evidence (curators' work is never undone: `claim_linking._pinned`). Linking is idempotent, so
a batch that moves nothing links nothing again, and a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from tracker.crossref import claim_events, claim_evidence, claim_leaving
from tracker.crossref.models import Claim, Story, StoryArticle
from tracker.sources.models import Article

if TYPE_CHECKING:
    from tracker.crossref.claim_pool import Pool


@dataclass
class Movers:
    """The stored articles a settle moved (`moved`, filled by `clustering.settle`: article -> the story it
    was in) that report claims, or may (candidates), first seen first; the story each is in now; the
    stories they left and joined (`touched`)."""

    moved: dict[int, int | None] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)
    stories: dict[int, Story] = field(default_factory=dict)
    touched: set[int] = field(default_factory=set)
    left: set[int] = field(default_factory=set)  # the claims they reported before
    moving: set[int] = field(default_factory=set)  # they and a relink's articles (`Pool.moving`)

    def __bool__(self) -> bool:
        return bool(self.articles)

    def read(
        self, batch: Sequence[Article], given: claim_evidence.Articles, settled: dict, settle: bool = True
    ) -> list[int]:
        """Of `moved`, the stored articles, not the batch's; their candidates, cases and evidence added to
        `given` (the batch's, which the pool is read for), and the claims they reported (`left`; and those
        the batch reported, when `settle` is off: `linking.relink`'s articles were moved by the periodic
        re-clustering). The stories the pool is read for: theirs and the batch's (`settled`). No query when
        the settle moved none; four when it did."""
        if ids := set(self.moved) - {a.pk for a in batch}:
            rows = StoryArticle.objects.select_related("story", "article").filter(article__in=ids)
            here = {m.article_id: m for m in rows}
            own = claim_evidence.own([m.article for m in here.values()])
            self.articles = sorted(
                (m.article for m in here.values() if own.candidates[m.article_id]), key=_first
            )
            if self.articles:
                more = claim_evidence.Articles.with_evidence(self.articles, own)
                given.given.update(more.given)
                given.days.update(more.days)
            self.stories = {a.pk: here[a.pk].story for a in self.articles}
            self.touched = ({self.moved[pk] for pk in ids} | {m.story_id for m in here.values()}) - {None}
        relinked = [] if settle else batch
        self.left = {claim for a in [*self.articles, *relinked] for claim, _, _ in given.given[a.pk].evidence}
        self.moving = {a.pk for a in [*self.articles, *relinked]}
        return [story.pk for story in [*self.stories.values(), *settled.values()]]

    def link(self, link_claims: Callable, **batch) -> dict[int, Claim]:
        """Their claims linked again where they are now (`claim_linking.link_claims` with the batch's
        `kept`, `batch` and `pool`); the claims they report, by id."""
        claims: dict[int, Claim] = {}
        batch["pool"].moving = set(self.moving)  # each leaves it as it is linked again (`Pool.reach`)
        for article in self.articles:
            linked = link_claims(article, answers=False, story=self.stories[article.pk], **batch)
            claims.update((claim.pk, claim) for claim in linked)
        return claims

    def follow(self, claims: dict[int, Claim], kept: claim_evidence.Kept) -> dict[int, Claim]:
        """Once the batch is linked and its evidence written: the claims they reported before (`left`) that
        stand, made to follow the reports they keep (`claim_leaving.follow`); `claims` with those it
        read, by id."""
        return claim_leaving.follow(self.left - set(kept.merged), claims)


def _first(article: Article) -> tuple:
    return article.first_seen_at, article.pk


def held(
    pool: Pool,
    article: int,
    story: int | None,
    previous: set[int],
    kept: claim_evidence.Kept,
    speaking: list[Claim],
) -> set[int]:
    """Of the article's earlier claims (`previous`) among its speakers' (`speaking`), those it still holds:
    of its story, its own alone, or reported in a story of the same days (`_days_apart`: one event the
    clustering split). `Pool.reach` takes the others as any other story's claims: of the same event
    elsewhere (in `far`) or out of reach. The reports of the articles moving in the batch and not linked
    again yet (`Pool.moving`) count neither here nor in `Pool.near`: each is placed again on its own, so
    two movers sharing a claim end as placed right."""
    if story is None:
        return previous
    elsewhere = {}
    for claim in speaking:
        others = kept[claim.pk][2] - {article} - pool.moving if claim.pk in previous else set()
        if others and not pool.near(claim, story, set(), kept):
            elsewhere[claim.pk] = pool.stories(claim.pk, others) - {None, story}
    if not any(elsewhere.values()):
        return previous
    apart = _days_apart(pool, story, set().union(*elsewhere.values()))
    return previous - {pk for pk, stories in elsewhere.items() if stories and stories <= apart}


def _days_apart(pool: Pool, story: int, others: set[int]) -> set[int]:
    """Of the `others` stories, those that began more than `claim_events.EVENT_DAYS` from when `story`
    began (each by its representative's stated time, else its first sighting). Read once a pool
    (`Pool.began`): the first time, with every story its claims are reported in (`homes`); after, one
    query more only for a story not read yet."""
    began = pool.began
    if missing := {story, *others} - began.keys():
        missing |= set(pool.homes.values()) - began.keys()
        rows = Story.objects.filter(pk__in=missing).values_list(
            "pk", "representative__published_at", "representative__first_seen_at", "first_seen_at"
        )
        began.update(dict.fromkeys(missing))  # None: no such story
        began.update((pk, published or seen or first) for pk, published, seen, first in rows)
    if began[story] is None:
        return set()
    reach = timedelta(days=claim_events.EVENT_DAYS)
    return {pk for pk in others if began[pk] is not None and abs(began[pk] - began[story]) > reach}
