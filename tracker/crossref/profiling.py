"""Each article's clustering profile read from the database: its mentions, its dated facts, the cases'
topic words, then `features.profile` (plain Python) over them. Split from `clustering` (its budget).

`features.profile` is a pure function of what is read here, and each batch profiles its neighbourhood
again (the same stored articles, batch after batch): its profiles are kept per process (`PROFILES`),
keyed by everything they are worked out from (the text by its digest), so a change to any of it is a
new key, never a stale profile. Profiles are read, never changed (`undated` replaces, not edits, one).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from tracker.cases.models import Case
from tracker.crossref import features, undated, words
from tracker.crossref.kept import Kept
from tracker.crossref.models import DateMention, Mention
from tracker.nlp import dates
from tracker.sources.models import Article

PROFILES = Kept(1024)  # about 32 KB each: a neighbourhood or two; least recently used out


def effective_time(article: Article) -> datetime:
    return article.published_at or article.first_seen_at


def profiles(articles: Sequence[Article]) -> list[features.Profile]:
    """Each article's features, its own alone: `_apply` then times an undated one by the dated article it
    resembles most, else by the day its dated facts name most often (`undated.placed`)."""
    mentions: dict[int, list[tuple]] = {}
    rows = Mention.objects.filter(article__in=[a.pk for a in articles]).order_by("start")
    for article_id, text, label, start in rows.values_list("article_id", "text", "label", "start"):
        mentions.setdefault(article_id, []).append((text, label, start))
    pinned: dict[int, Counter] = {}  # the days each article's dated facts name, how often
    days = DateMention.objects.filter(article__in=[a.pk for a in articles], precision="day").exclude(
        value=None
    )
    for article_id, value in days.values_list("article_id", "value"):
        pinned.setdefault(article_id, Counter())[value] += 1
    named: dict[int, tuple[set, set]] = {}  # an undated article's days named with no year, and weekdays
    unread = DateMention.objects.filter(article__in=[a.pk for a in articles if a.published_at is None])
    texts = {a.pk: a.text for a in articles}
    for article_id, text, start in unread.filter(precision="day", value=None).values_list(
        "article_id", "text", "start"
    ):
        yearless, weekdays = named.setdefault(article_id, (set(), set()))
        if undated.ahead(texts[article_id], start):
            continue  # a day to come: "is expected to testify Tuesday", "sentencing is set for June 18"
        if found := dates.yearless_day(text):
            yearless.add(found)  # (month, day): "May 10"
        elif (weekday := dates.bare_weekday(text)) is not None:
            weekdays.add(weekday)  # "on Tuesday"
    topic = topic_words()
    found = []
    for a in articles:
        said = {}  # an undated article's: what it says of when, for `undated.placed`
        if a.published_at is None:
            day = max(pinned[a.pk].items(), key=lambda kv: (kv[1], kv[0]))[0] if a.pk in pinned else None
            yearless, weekdays = named.get(a.pk, ((), ()))
            said = {"pinned": _noon(day), "yearless": frozenset(yearless), "weekdays": frozenset(weekdays)}
        found.append(
            _profile(
                key=(effective_time(a), a.canonical_url),
                time=a.published_at,
                seen=a.first_seen_at,
                title=a.title,
                text=a.text,
                mentions=tuple(mentions.get(a.pk, ())),
                topic=topic,
                days=pinned.get(a.pk, Counter()),
                said=said,
            )
        )
    return found


def _noon(day) -> datetime | None:
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=12) if day else None


def _profile(*, text: str, mentions: tuple, days: Counter, said: dict, **rest) -> features.Profile:
    """`features.profile` with what an undated article `said` of when, kept by all it is given (`PROFILES`)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    key = (digest, mentions, tuple(sorted(days.items())), *sorted(rest.items()), *sorted(said.items()))
    if (kept := PROFILES.get(key)) is None:
        kept = dataclasses.replace(features.profile(text=text, mentions=mentions, days=days, **rest), **said)
        PROFILES.put(key, kept)
    return kept


def topic_words() -> frozenset[str]:
    """The stems of the tracked cases' one-word keywords ("distillation")."""
    keywords = Case.objects.order_by().values_list("keywords", flat=True)
    return frozenset(
        w for phrases in keywords for k in phrases or [] if " " not in k.strip() for w in words.stems(k)
    )
