"""Story clustering: which stored articles report the same real-world event, whatever order they came in.

`assign_story` gives a new article a story at once: its original's for a copy, else what settling its
neighbourhood gives it (linking settles a whole batch at once instead, and uses it for copies only).
`settle` clusters the neighbourhood of a batch from
scratch, by average linkage over pairwise scores (`features.cluster`), and moves memberships to match:
stories merge and split, copies found by their lead are linked to their original. The clustering is a
function of the set of articles (in key order: stated time and URL, never arrival or id), and the
neighbourhood (`neighbourhoods`) holds every undated article of its stories and the reports around the
days they are placed at, so a set within one window ends the same in any order
(tests/crossref/test_clustering_order.py); `recluster` settles a span (the periodic step).

"Recent" is the stated publication time when the article has one, its first sighting otherwise. A
story merged away is deleted: its claims, discrepancies and events move to the story that took its
articles, and a `StoryRedirect` sends its URL there. A story with a curator-locked event keeps its
articles; a story a curator locked (`Story.locked`) neither loses nor takes any.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.db.models import Q

from tracker.crossref import (
    features,
    linkage,
    neighbourhoods,
    row_updates,
    scope_rows,
    stored_copies,
    story_refresh,
)
from tracker.crossref.models import Claim, Discrepancy, Story, StoryArticle
from tracker.crossref.story_models import StoryRedirect
from tracker.sources.models import Article

WINDOW = features.WINDOW
FEATURES_VERSION = 2
SCOPE_FIELDS = scope_rows.FIELDS  # what settling reads of the stored articles it clusters


def candidate_stories(article: Article) -> list[Story]:
    """The stories of the articles within WINDOW of this one."""
    near = Article.objects.filter(neighbourhoods.near([article])).values("pk")
    return list(Story.objects.filter(memberships__article__in=near).distinct().order_by("pk"))


@transaction.atomic(savepoint=False)  # no caller goes on after an error: no savepoint of its own
def assign_story(article: Article) -> StoryArticle:
    """The article's story membership: its existing one, its original's for a copy, else what
    settling its neighbourhood gives it (a story of its own when it resembles none). Idempotent."""
    existing = StoryArticle.objects.select_related("story").filter(article=article).first()
    if existing is not None:
        return existing
    original = _original_of(article)
    if original is not None:
        membership = assign_story(original)
        return _add(membership.story, [article], similarity=1.0)[0]
    made = _settle([article])  # the article is in the scope, unlinked: settling gives it its story
    return made.get(article.pk) or StoryArticle.objects.select_related("story").get(article=article)


def _original_of(article: Article, hops: int = 5, known: dict | None = None) -> Article | None:
    """The original at the end of a chain of copies; None for an original, or for a chain that loops.
    Articles already loaded (`known`, by id: a settle's scope) are not read again."""
    seen, current, known = {article.pk}, article, known or {}
    for _ in range(hops):
        if current.copy_of_id is None:
            return current if current.pk != article.pk else None
        if current.copy_of_id in seen:
            return None
        seen.add(current.copy_of_id)
        current = known.get(current.copy_of_id) or known.setdefault(
            current.copy_of_id, Article.objects.get(pk=current.copy_of_id)
        )  # kept: a link `_link_copies` makes on it is seen by the next walk before it is written
    return None


@transaction.atomic(savepoint=False)
def settle(
    articles: Sequence[Article], *, grow_curated: bool = True, moved: dict[int, int | None] | None = None
) -> dict[int, Story]:
    """Recluster the neighbourhood of these articles and make the stored stories match; returns each
    given article's story afterwards (by article id). A story with a curator-locked event keeps its
    articles; with `grow_curated` False it takes none either (the periodic step leaves it as it is).
    `moved`: each article whose story changed -> the story it was in first (None: none), added to."""
    if not articles:
        return {}
    _settle(articles, grow_curated=grow_curated, moved=moved)
    memberships = StoryArticle.objects.select_related("story").filter(article__in=[a.pk for a in articles])
    return {m.article_id: m.story for m in memberships}


def _settle(articles: Sequence[Article], *, grow_curated: bool = True, moved=None) -> dict[int, StoryArticle]:
    scope, found = neighbourhoods.placed(articles)
    return _apply(scope, found, grow_curated=grow_curated, moved=moved)


def recluster(*, since: datetime, until: datetime | None = None, moved: dict | None = None) -> int:
    """Settle every analysed article stated (or, undated, seen) in [since, until], never touching a story
    with a curator-locked event; the number of them. `moved` (`settle`'s) is what the step's hand-off
    follows up (`reclustering`, which `tasks.recluster_recent` runs on the beat)."""
    until = until or datetime.max.replace(tzinfo=since.tzinfo)
    dated = Q(published_at__range=(since, until)) | Q(published_at=None, first_seen_at__range=(since, until))
    articles = list(Article.objects.filter(dated, status=Article.Status.ANALYZED).exclude(text=""))
    half = neighbourhoods.MAX_SCOPE // 2
    for start in range(0, len(articles), half):
        settle(
            sorted(articles, key=neighbourhoods.key)[start : start + half], grow_curated=False, moved=moved
        )
    return len(articles)


def _apply(
    scope: list[Article], found: list[features.Profile], *, grow_curated: bool = True, moved=None
) -> dict[int, StoryArticle]:
    """Make the stored stories match `features.cluster` of the scope (`found`: its profiles, the undated
    ones placed); the memberships made, by article."""
    copies = linkage.copy_groups(found)  # once a settle: the copy links and the clustering both use them
    _link_copies(scope, copies)
    member_of, pinned, frozen = scope_rows.memberships(scope, grow_curated=grow_curated)
    taken: set[int] = set()
    moves: dict[int, list[Article]] = {}  # story id (or -n for a new story) -> articles to move in
    keys = [p.key for p in found]  # copies the sources linked go with their original (`stored_copies`)
    groups = stored_copies.gathered(scope, features.cluster(found, copies=copies), keys)
    for n, group in enumerate(groups):
        members = [scope[i] for i in group]
        held = Counter(member_of[a.pk] for a in members if a.pk in member_of)
        ranked = sorted((s for s in held if s not in frozen), key=lambda s: (s not in pinned, -held[s], s))
        keeper = next((s for s in ranked if s not in taken), -(n + 1))
        taken.add(keeper)
        for article in members:
            current = member_of.get(article.pk)
            if current != keeper and current not in pinned:
                moves.setdefault(keeper, []).append(article)
    if moved is not None:
        moved.update(
            (a.pk, member_of.get(a.pk)) for group in moves.values() for a in group if a.pk not in moved
        )
    return _move(moves, member_of)


def _link_copies(scope: list[Article], copies: list[list[int]]) -> None:
    """Copies found by their lead (`linkage.copy_groups` of the scope's profiles) point at the earliest
    of their group, unless already linked: where sources linked a copy to another article, that
    article's original is linked instead. The links are written at the end, in one statement: the
    walks read the articles linked so far from `known`, which holds every article read."""
    known = {a.pk: a for a in scope}  # chains within the scope are walked without a query
    linked: list[Article] = []
    for group in copies:
        if len(group) < 2:
            continue
        first = _root(scope[group[0]], known)
        for i in group[1:]:
            root = _root(scope[i], known)
            if root.pk != first.pk and root.copy_of_id is None:
                root.copy_of, root.copy_kind = first, Article.CopyKind.NEAR
                linked.append(root)
    if linked:
        row_updates.update_each(
            Article, [(a.pk, {"copy_of_id": a.copy_of_id, "copy_kind": a.copy_kind}) for a in linked]
        )


def _root(article: Article, known: dict) -> Article:
    return _original_of(article, known=known) or article


def _move(moves: dict[int, list[Article]], member_of: dict[int, int]) -> dict[int, StoryArticle]:
    """Move the articles into their keepers (a negative key: a new story); a story left empty hands
    its claims, discrepancies and events to the story that took most of its articles, and goes,
    leaving a redirect to that heir. Each story touched is refreshed once."""
    left = {member_of[a.pk] for articles in moves.values() for a in articles if a.pk in member_of}
    if left:
        moved = [a.pk for articles in moves.values() for a in articles if a.pk in member_of]
        StoryArticle.objects.filter(article__in=moved).delete()
    went: dict[int, Counter] = {}
    touched: dict[int, Story | None] = dict.fromkeys(left)
    made: dict[int, StoryArticle] = {}
    fresh: list[Story] = []  # new stories, refreshed first, as they were made
    keepers = [keeper for keeper in sorted(moves) if keeper > 0]  # locked in one read, ids ascending
    kept = {s.pk: s for s in Story.objects.select_for_update().filter(pk__in=keepers).order_by("pk")}
    new = [_new_story(articles) for keeper, articles in sorted(moves.items()) if keeper < 0]
    Story.objects.bulk_create(new)  # in the order made: their ids as one create each gave them
    stories, rows = iter(new), []
    for keeper, articles in sorted(moves.items()):
        story = next(stories) if keeper < 0 else kept[keeper]
        if keeper < 0:
            fresh.append(story)
        else:
            touched[keeper] = story
        rows += [StoryArticle(story=story, article=a, similarity=1.0) for a in articles]
        for article in articles:
            if article.pk in member_of:
                went.setdefault(member_of[article.pk], Counter())[story.pk] += 1
    made.update((m.article_id, m) for m in StoryArticle.objects.bulk_create(rows))  # one insert a settle
    for old in Story.objects.filter(pk__in=left, memberships__isnull=True) if left else ():
        heir = went[old.pk].most_common(1)[0][0]
        StoryRedirect.record(old, heir)  # its URL answers with the heir (web.stories)
        Claim.objects.filter(story=old).update(story_id=heir)
        Discrepancy.objects.filter(story=old).update(story_id=heir)
        for event in old.events.all():
            event.stories.add(heir)
        del touched[old.pk]
        old.delete()
    unread = [pk for pk, story in touched.items() if story is None]
    touched.update((story.pk, story) for story in Story.objects.filter(pk__in=unread))
    story_refresh.refresh([*fresh, *touched.values()], FEATURES_VERSION)  # each story touched, once
    return made


def _new_story(articles: Sequence[Article]) -> Story:
    """A story for these articles, unsaved: the first one's title and times, no features yet."""
    first, empty = articles[0], {"version": FEATURES_VERSION, "articles": 0}
    seen = {"first_seen_at": first.first_seen_at, "last_changed_at": first.first_seen_at}
    return Story(title=first.title[:500], representative=first, features=empty, **seen)


def _create(articles: Sequence[Article], *, refresh=True) -> list[StoryArticle]:
    story = _new_story(articles)
    story.save(force_insert=True)
    return _add(story, articles, similarity=1.0, refresh=refresh)


def _add(story: Story, articles: Sequence[Article], *, similarity: float, refresh=True) -> list[StoryArticle]:
    made = StoryArticle.objects.bulk_create(
        [StoryArticle(story=story, article=a, similarity=round(similarity, 4)) for a in articles]
    )
    if refresh:
        story_refresh.refresh([story], FEATURES_VERSION)
    return made
