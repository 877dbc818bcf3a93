"""Incremental story clustering: a new article joins the most similar recent story, or starts its own.

Who is involved (entities) is not enough: the same people and companies appear in every story of a
case, so a testimony, the verdict and a company report must stay apart. What happened comes from the
words of the title and the lead with the article's own entity names taken out; those words carry most
of the score, and a story is only joined when they agree at least a little (MIN_TERM_SIMILARITY).

Only stories with an article first seen within WINDOW of the new one are compared, found through the
index on `Article.first_seen_at`, so linking costs the same whatever the size of the database. Caveats:
an archive imported at once (every article first seen "now") puts all of it in one window, so the
candidates are capped; and nothing is ever reclustered: a story split by an early decision stays split
until a curator merges it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils.dateparse import parse_datetime

from tracker.cases.models import Case
from tracker.crossref.models import Mention, Story, StoryArticle
from tracker.sources.models import Article

WINDOW = timedelta(days=4)
THRESHOLD = 0.5  # the score a story needs for an article to join it
MIN_TERM_SIMILARITY = 0.2  # shared people alone never join different events
TERM_WEIGHT, ENTITY_WEIGHT, DATE_WEIGHT = 0.6, 0.25, 0.15
TITLE_WEIGHT = 2.0  # a title word counts as much as two lead words
UNLINKED_WEIGHT = 0.5  # a name no curated entity matched is weaker evidence than a linked one
LEAD_CHARS = 400
STEM_CHARS = 5  # truncation stemming: testified/testifies/testimony, distilled/distillation
MAX_TERMS, MAX_ENTITIES = 80, 40  # the story's features stay bounded however many articles join
MAX_CANDIDATES = 300
FEATURES_VERSION = 1

STOPWORDS = frozenset(
    """
    a about above after again against all also an and any are around as at be because been before
    being between both but by can could did do does doing down during each even ever every few for
    from further had has have having he her here hers him his how however i if in into is it its itself
    just last least like make many may might more most much must my near new news no nor not now
    of off on once one only or other our out over own per said same say says see she should since so
    some still such than that the their them then there these they this those through to today told
    too two under until up upon us use used using very via was way we week were what when where which
    while who whom why will with within without would year years yet you your ai inc ltd co corp
    according amid asked back called came come first get got including know later latest made next
    reported reporting update updated
    """.split()
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Features:
    """What an article or a story is compared by: unit-length term and entity vectors, and dates."""

    terms: dict[str, float]
    entities: dict[str, float]
    published: tuple[datetime, datetime] | None  # earliest and latest date a page or feed stated
    seen: tuple[datetime, datetime]  # earliest and latest first sighting


def words(text: str) -> list[str]:
    """Lower-cased content words, possessives dropped, stopwords and numbers out, truncated to stems."""
    found = []
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        word = word.split("'", 1)[0]
        if len(word) > 2 and word not in STOPWORDS and not word.isdigit():
            found.append(word[:STEM_CHARS])
    return found


def article_features(article: Article) -> Features:
    """The article's title and lead words (minus its own entity names) and its entity mentions."""
    mentions = list(Mention.objects.filter(article=article).order_by().values_list("entity_id", "text"))
    names = {t for _, text in mentions for t in _TOKEN.findall(text.lower().replace("\u2019", "'"))}
    excluded = {n[:STEM_CHARS] for n in names if len(n) > 2} | topic_words()
    terms: Counter[str] = Counter()
    for word in words(article.title):
        if word not in excluded:
            terms[word] += TITLE_WEIGHT
    for word in words(article.text[:LEAD_CHARS]):
        if word not in excluded:
            terms[word] += 1.0
    linked = Counter(f"e{entity_id}" for entity_id, _ in mentions if entity_id is not None)
    unlinked = Counter(f"n:{text.lower()}" for entity_id, text in mentions if entity_id is None)
    entities = {key: 1 + math.log(count) for key, count in linked.items()}
    entities |= {key: UNLINKED_WEIGHT * (1 + math.log(count)) for key, count in unlinked.items()}
    published = (article.published_at, article.published_at) if article.published_at else None
    return Features(
        terms=_unit(terms),
        entities=_unit(entities),
        published=published,
        seen=(article.first_seen_at, article.first_seen_at),
    )


def topic_words() -> set[str]:
    """The stems of the tracked cases' one-word keywords ("distillation"): every article of a topic
    has them, so, like the names of the people involved, they say which case, not which event."""
    keywords = Case.objects.order_by().values_list("keywords", flat=True)
    return {w for phrases in keywords for k in phrases or [] if " " not in k.strip() for w in words(k)}


def similarity(article: Features, story: Features) -> float:
    """How likely the article reports the story's event, from 0 to 1; 0 outside the window.

    The date comparison uses stated publication dates when both sides have them (a backfill sees
    everything at once), and first sightings otherwise (a page that states no date)."""
    if article.published and story.published:
        gap = _gap(article.published, story.published)
    else:
        gap = _gap(article.seen, story.seen)
    if gap > WINDOW:
        return 0.0
    terms = _dot(article.terms, story.terms)
    if terms < MIN_TERM_SIMILARITY:
        return 0.0
    closeness = 1.0 - gap / WINDOW
    return (
        TERM_WEIGHT * terms + ENTITY_WEIGHT * _dot(article.entities, story.entities) + DATE_WEIGHT * closeness
    )


@transaction.atomic
def assign_story(article: Article) -> StoryArticle:
    """The article's story membership: its existing one, its original's story for a copy, the best
    recent story above THRESHOLD, or a new story of its own. Idempotent."""
    existing = StoryArticle.objects.select_related("story").filter(article=article).first()
    if existing is not None:
        return existing
    original = _original_of(article)
    if original is not None:
        membership = assign_story(original)
        return _join(_locked(membership.story_id), article, features=None, score=1.0)
    features = article_features(article)
    best, best_score = None, 0.0
    for story in candidate_stories(article):
        score = similarity(features, story_features(story))
        if score > best_score:
            best, best_score = story, score
    if best is None or best_score < THRESHOLD:
        return _create(article, features)
    return _join(_locked(best.pk), article, features=features, score=best_score)


def _original_of(article: Article, hops: int = 5) -> Article | None:
    """The original at the end of a chain of copies; None for an original, or for a chain that loops."""
    seen, current = {article.pk}, article
    for _ in range(hops):
        if current.copy_of_id is None:
            return current if current.pk != article.pk else None
        if current.copy_of_id in seen:
            return None
        seen.add(current.copy_of_id)
        current = Article.objects.get(pk=current.copy_of_id)
    return None


def _locked(story_id: int) -> Story:
    """The story, locked until the transaction ends, so concurrent joins do not lose feature updates."""
    stories = Story.objects.select_related("representative").select_for_update(of=("self",))
    return stories.get(pk=story_id)


def candidate_stories(article: Article) -> list[Story]:
    """Stories with an article first seen within WINDOW of this one, latest first (an index range
    on Article.first_seen_at joined to memberships: never a scan of all stories)."""
    recent = StoryArticle.objects.filter(
        article__first_seen_at__range=(article.first_seen_at - WINDOW, article.first_seen_at + WINDOW)
    ).values("story_id")
    stories = Story.objects.filter(pk__in=recent).order_by("-last_changed_at")
    return list(stories.only("pk", "features", "last_changed_at")[:MAX_CANDIDATES])


def story_features(story: Story) -> Features:
    raw = story.features or {}
    seen = _span(raw.get("seen")) or (story.first_seen_at, story.last_changed_at)
    return Features(
        terms=_unit(raw.get("terms", {})),
        entities=_unit(raw.get("entities", {})),
        published=_span(raw.get("published")),
        seen=seen,
    )


def _create(article: Article, features: Features) -> StoryArticle:
    story = Story.objects.create(
        title=article.title[:500],
        representative=article,
        first_seen_at=article.first_seen_at,
        last_changed_at=article.first_seen_at,
        features=_serialise(features, articles=1),
    )
    story.cases.add(*article.cases.all())
    return StoryArticle.objects.create(story=story, article=article, similarity=1.0)


def _join(story: Story, article: Article, *, features: Features | None, score: float) -> StoryArticle:
    """Add the article to the story. A copy (features None) adds its cases and its sighting, but not
    its words: a syndicated text repeated ten times must not outweigh the original reporting."""
    raw = story.features or {}
    current = story_features(story)
    articles = int(raw.get("articles", 1))
    seen = _merge_span(current.seen, (article.first_seen_at, article.first_seen_at))
    if features is None:
        merged = Features(raw.get("terms", {}), raw.get("entities", {}), current.published, seen)
    else:
        merged = Features(
            terms=_centroid(raw.get("terms", {}), features.terms, MAX_TERMS),
            entities=_centroid(raw.get("entities", {}), features.entities, MAX_ENTITIES),
            published=_merge_span(current.published, features.published),
            seen=seen,
        )
        articles += 1
    story.features = _serialise(merged, articles=articles)
    story.first_seen_at = min(story.first_seen_at, article.first_seen_at)
    story.last_changed_at = max(story.last_changed_at, article.first_seen_at)
    fields = ["features", "first_seen_at", "last_changed_at"]
    if features is not None and _is_earlier(article, story.representative):
        story.representative, story.title = article, article.title[:500]
        fields += ["representative", "title"]
    story.save(update_fields=fields)
    story.cases.add(*article.cases.all())
    return StoryArticle.objects.create(story=story, article=article, similarity=round(score, 4))


def _is_earlier(article: Article, representative: Article | None) -> bool:
    if representative is None:
        return True
    mine = (article.published_at or article.first_seen_at, article.first_seen_at, article.pk)
    theirs = (
        representative.published_at or representative.first_seen_at,
        representative.first_seen_at,
        representative.pk,
    )
    return mine < theirs


def _centroid(total: dict[str, float], vector: dict[str, float], keep: int) -> dict[str, float]:
    """The sum of the members' unit vectors, cut to its `keep` heaviest keys."""
    summed = Counter(total)
    summed.update(vector)
    return dict(summed.most_common(keep))


def _serialise(features: Features, *, articles: int) -> dict:
    """Story.features: the centroids (not unit length: they are sums), dates as ISO strings."""

    def span(pair):
        return [pair[0].isoformat(), pair[1].isoformat()] if pair else None

    return {
        "version": FEATURES_VERSION,
        "articles": articles,
        "terms": {k: round(v, 4) for k, v in Counter(features.terms).most_common(MAX_TERMS)},
        "entities": {k: round(v, 4) for k, v in Counter(features.entities).most_common(MAX_ENTITIES)},
        "published": span(features.published),
        "seen": span(features.seen),
    }


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _gap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> timedelta:
    """Distance between two spans of time; zero when they overlap."""
    return max(a[0] - b[1], b[0] - a[1], timedelta(0))


def _merge_span(a, b):
    if not a or not b:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))


def _span(raw) -> tuple[datetime, datetime] | None:
    if not raw:
        return None
    return (parse_datetime(raw[0]), parse_datetime(raw[1]))
