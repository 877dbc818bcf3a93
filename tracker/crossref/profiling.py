"""Each article's clustering profile read from the database: its mentions, its dated facts, the cases'
topic words, then `features.profile` (plain Python) over them. Split from `clustering` (its budget);
`clustering.profiles` is this `profiles`.

`features.profile` is a pure function of what is read here, and each batch profiles its neighbourhood
again (the same stored articles, batch after batch): its profiles are kept per process (`PROFILES`),
keyed by everything they are worked out from (the text by its digest), so a change to any of it is a
new key, never a stale profile. Profiles are read, never changed (`undated` replaces, not edits, one).

An article's mentions and dated facts are kept too (`READ`), with the marks of the rows they were read
from (how many, the last id): an article kept gives only its marks, grouped, in the queries that read the
others' rows, and only one whose rows were replaced since (analysed again: a new last id, another count)
is read again; not every mention of the neighbourhood at every batch (issue 17: 500 articles at 600).
Their rows are inserted and deleted, never edited in place (but a mention's entity, which no profile reads).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from django.db.models import Count, DateField, Max, Value

from tracker.cases.models import Case
from tracker.crossref import features, words
from tracker.crossref.kept import Kept
from tracker.crossref.models import DateMention, Mention
from tracker.sources.models import Article

PROFILES = Kept(1024)  # about 32 KB each: a neighbourhood or two; least recently used out
READ = Kept(4096)  # article id -> the marks of its rows, its mentions and its dated facts (`_read`)


def effective_time(article: Article) -> datetime:
    return article.published_at or article.first_seen_at


def profiles(articles: Sequence[Article]) -> list[features.Profile]:
    """Each article's features, its own alone: `_apply` then times an undated one by the dated article it
    resembles most, else by the day its dated facts name most often (`undated.placed`)."""
    mentions, pinned = _read([a.pk for a in articles])
    topic = topic_words()
    found = []
    for a in articles:
        day = max(pinned[a.pk].items(), key=lambda kv: (kv[1], kv[0]))[0] if a.pk in pinned else None
        noon = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=12) if day else None
        found.append(
            _profile(
                key=(effective_time(a), a.canonical_url),
                time=a.published_at,
                pinned=None if a.published_at else noon,
                seen=a.first_seen_at,
                title=a.title,
                text=a.text,
                mentions=mentions[a.pk],
                topic=topic,
                days=pinned.get(a.pk, Counter()),
            )
        )
    return found


def _read(ids: list[int]) -> tuple[dict[int, tuple], dict[int, Counter]]:
    """Each article's mentions (text, label, start; by start) and the days its dated facts name, how
    often; kept (`READ`) with the marks of the rows they were read from. Two queries, as reading them
    all: an article kept gives only its marks (grouped), the others their rows; an article whose marks
    changed (analysed again) is read again, in two more."""
    known = [pk for pk in ids if pk in READ]
    marks: dict[int, list[int]] = {pk: [0, 0, 0, 0] for pk in known}
    found = _rows([pk for pk in ids if pk not in READ], known, marks)
    if stale := [pk for pk in known if READ.get(pk)[0] != marks[pk]]:
        found.update(_rows(stale, [], {}))
    kept = {pk: found.get(pk) or READ.get(pk) for pk in ids}
    for pk, read in found.items():
        READ.put(pk, read)
    return {pk: m for pk, (_, m, _) in kept.items()}, {pk: d for pk, (_, _, d) in kept.items() if d}


def _rows(unread: list[int], known: list[int], marks: dict[int, list[int]]) -> dict[int, tuple]:
    """The unread articles' (marks, mentions, days); the known ones' marks (into `marks`): how many
    rows and the last id, of their mentions and of their dated facts."""
    mentions: dict[int, list[tuple]] = {pk: [] for pk in unread}
    days: dict[int, Counter] = {pk: Counter() for pk in unread}
    read = {pk: [0, 0, 0, 0] for pk in unread}
    rows = Mention.objects.filter(article__in=unread).order_by()
    rows = rows.values_list("article_id", Value(0), "pk", "start", "text", "label")
    grouped = _grouped(Mention.objects.filter(article__in=known), Value(""), Value(""))
    for article_id, whole, pk, start, text, label in rows.union(grouped, all=True):
        if whole:  # a known article's count and last id
            marks[article_id][0:2] = pk, start
        else:
            mentions[article_id].append((start, len(mentions[article_id]), text, label))
            read[article_id][0:2] = read[article_id][0] + 1, max(read[article_id][1], pk)
    dated = _days(unread).order_by().values_list("article_id", Value(0), "pk", Value(0), "value")
    grouped = _grouped(_days(known), Value(None, output_field=DateField()))
    for article_id, whole, pk, last, value in dated.union(grouped, all=True):
        if whole:
            marks[article_id][2:4] = pk, last
        else:
            days[article_id][value] += 1
            read[article_id][2:4] = read[article_id][2] + 1, max(read[article_id][3], pk)
    return {
        pk: (read[pk], tuple((t, label, start) for start, _, t, label in sorted(mentions[pk])), days[pk])
        for pk in unread
    }


def _days(ids: list[int]):
    return DateMention.objects.filter(article__in=ids, precision="day").exclude(value=None)


def _grouped(rows, *blanks: Value):
    """Per article: 1, how many rows, the last id, then `blanks` (the other side's columns)."""
    fill = {f"blank{n}": blank for n, blank in enumerate(blanks)}
    grouped = rows.order_by().values("article_id").annotate(whole=Value(1), count=Count("pk"), last=Max("pk"))
    return grouped.annotate(**fill).values_list("article_id", "whole", "count", "last", *fill)


def _profile(*, text: str, mentions: tuple, days: Counter, **rest) -> features.Profile:
    """`features.profile`, kept by all it is given (`PROFILES`)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    key = (digest, mentions, tuple(sorted(days.items())), *sorted(rest.items()))
    if (kept := PROFILES.get(key)) is None:
        kept = features.profile(text=text, mentions=mentions, days=days, **rest)
        PROFILES.put(key, kept)
    return kept


def topic_words() -> frozenset[str]:
    """The stems of the tracked cases' one-word keywords ("distillation")."""
    keywords = Case.objects.order_by().values_list("keywords", flat=True)
    return frozenset(
        w for phrases in keywords for k in phrases or [] if " " not in k.strip() for w in words.stems(k)
    )
