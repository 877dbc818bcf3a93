"""Claims across stories of one event: when a report of another story's claim is the same statement.

Claim linking compares a report with the claims of its own story (claims that story's articles report,
or that started in it) and with no others, except here: two outlets' articles of one event may end up in
two stories, and the speaker's statement they both report should still be one claim, with evidence from
each. What "one event" means here does not rest on the story clustering being right, nor on when the
tracker happened to see the articles (an archive taken in at once is all first seen in one minute):

- the same speaker: the same entity, or for a speaker no entity holds, the same proper name (every
  word capitalised, not a pronoun: "Jane Roe", "State Department"); "he", "the official" or "critics"
  reach no further than their story;
- the day the statement was made, as the report states it (its own date, at day precision), or else
  the article's stated publication day (else its first sighting), within EVENT_DAYS of each other;
- verbatim words in common: a run of RUN_WORDS words or more that both reports quote;
- and the reports resembling each other as claim linking's threshold asks (so that a slogan both
  quote does not make two statements one).

All four hold of one report of the claim and the new report, so the test is symmetric and the grouping
does not depend on which came first. Only machine claims no curator touched are reached this way
(`claim_merging.mergeable`): a curator's claim grows from its own story only. Bounded: the reports are
looked up through the articles' publication time index, for the speakers' entities only, within
EVENT_DAYS + LOOKUP_SLACK days (the slack lets a report state a day before it was published).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q

from tracker.crossref.models import ClaimCandidate, Evidence, Status
from tracker.crossref.words import MIN_SIMILARITY, normalise_quote, similarity
from tracker.sources.models import Article

EVENT_DAYS = 2
RUN_WORDS = 3
LOOKUP_SLACK = timedelta(days=7)
PRONOUNS = frozenset("he she they it we i you one".split())
Run = tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """One report of a claim in another story, as the same-event test compares it."""

    day: date
    runs: frozenset[Run]
    words: frozenset[str]


def runs(quotes: list[dict]) -> frozenset[Run]:
    """Every run of RUN_WORDS consecutive words of the verbatim quotes (normalised)."""
    found = set()
    for quote in quotes:
        words = normalise_quote(quote.get("text", "")).split()
        found.update(tuple(words[i : i + RUN_WORDS]) for i in range(len(words) - RUN_WORDS + 1))
    return frozenset(found)


def stated_day(day: date | None, precision: str, published: datetime | None, seen: datetime) -> date:
    """The day a report says its statement was made, else the day its article was published (or seen)."""
    if day is not None and precision == "day":
        return day
    return (published or seen).date()


def same_event(
    candidate: ClaimCandidate, article: Article, words: frozenset[str], reports: list[Report]
) -> bool:
    """One of `reports` (another story's claim's) is the candidate's statement of the same event (its
    content `words`)."""
    day = stated_day(candidate.date, candidate.date_precision, article.published_at, article.first_seen_at)
    quoted = runs(candidate.quotes)
    return any(
        abs((r.day - day).days) <= EVENT_DAYS
        and r.runs & quoted
        and similarity(r.words, words) >= MIN_SIMILARITY
        for r in reports
    )


def named(speaker: str) -> bool:
    """A proper name: every word capitalised, and not a pronoun."""
    parts = speaker.split()
    return bool(parts) and all(p[:1].isupper() for p in parts) and speaker.lower() not in PRONOUNS


def reports_near(
    article: Article, entity_ids: list[int], names: list[str], words: Callable[[str], frozenset[str]]
) -> dict[int, list[Report]]:
    """The reports (claim id -> its reports) of the speakers' unlocked machine claims (by entity, or by
    name for claims of no entity) that other articles published (or, undated, first seen) around this
    article's day give with a verbatim quote: one query, which reads no report without a quote (most of
    them: three in four on bench/ingest.py's articles, each three dates and a text to load for nothing)."""
    if not entity_ids and not names:
        return {}
    middle = article.published_at or article.first_seen_at
    span = (
        middle - LOOKUP_SLACK - timedelta(days=EVENT_DAYS),
        middle + LOOKUP_SLACK + timedelta(days=EVENT_DAYS),
    )
    dated = Q(article__published_at__range=span) | Q(
        article__published_at__isnull=True, first_seen_at__range=span
    )
    rows = (
        Evidence.objects.filter(dated)
        .filter(
            Q(claim__speaker_id__in=entity_ids)
            | Q(claim__speaker__isnull=True, claim__speaker_text__in=names)
        )
        .filter(claim__locked=False, claim__status=Status.MACHINE, claim__merged_into__isnull=True)
        .exclude(article=article)
        .exclude(quotes=[])
        .values_list(
            "claim_id", "date", "date_precision", "article__published_at", "first_seen_at", "quotes", "text"
        )
    )
    found: dict[int, list[Report]] = {}
    for claim_id, day, precision, published, seen, quotes, text in rows:
        if quoted := runs(quotes):
            report = Report(stated_day(day, precision, published, seen), quoted, words(text or ""))
            found.setdefault(claim_id, []).append(report)
    return found
