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

import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q, TextField
from django.db.models.functions import Cast

from tracker.crossref import claim_merging
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Status
from tracker.crossref.words import MIN_SIMILARITY, similarity, word_runs
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
    return frozenset().union(*(word_runs(quote.get("text", ""), RUN_WORDS) for quote in quotes))


@functools.lru_cache(maxsize=1 << 14)
def stored_runs(quotes: str) -> frozenset[Run]:
    """`runs` of a report's quotes as the database stores them (JSON text), kept per process: the
    same-event reports of a batch's days are read again at every batch around them (a frozenset,
    never changed)."""
    return runs(json.loads(quotes))


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


def window(middle: datetime) -> tuple[datetime, datetime]:
    """The publication times (else first sightings) whose reports an article of `middle` may be compared
    with: EVENT_DAYS and LOOKUP_SLACK either side."""
    reach = LOOKUP_SLACK + timedelta(days=EVENT_DAYS)
    return middle - reach, middle + reach


def reports_near(
    article: Article, entity_ids: list[int], names: list[str], words: Callable[[str], frozenset[str]]
) -> dict[int, list[Report]]:
    """The reports (claim id -> its reports) of the speakers' unlocked machine claims (by entity, or by
    name for claims of no entity) that other articles published (or, undated, first seen) around this
    article's day give with a verbatim quote: one query, which reads no report without a quote (most of
    them: three in four on bench/ingest.py's articles, each three dates and a text to load for nothing)."""
    middle = article.published_at or article.first_seen_at
    return Reports.read([middle], entity_ids, names, words).near(article, entity_ids, names)


@dataclass(frozen=True)
class _Row:
    """One stored report, with what places it: its article and that article's time."""

    article: int
    when: datetime  # the article's publication time, else the report's first sighting
    report: Report


class Reports:
    """The reports `reports_near` reads, for a linking batch's articles at once (`read`: one query for
    all their speakers and days), then handed out for each article in memory (`near`). The batch keeps
    them true as it links, as the database would answer: an article's reports leave when its evidence is
    removed (`forget`), its new evidence's come in (`attach`), and a claim merged away hands its reports
    to the claim that took it (`merge`). An article the read did not cover (a speaker or a day outside
    it) is read on its own (`covers`). Held by claim, and the claims by speaker (`claims_of`): an article
    looks at its speakers' reports only, not at every report of the batch."""

    def __init__(self, entities: Iterable[int] = (), names: Iterable[str] = (), spans=()) -> None:
        self.entities, self.names = frozenset(entities), frozenset(names)
        self.spans: list[tuple[datetime, datetime]] = list(spans)
        self.rows: dict[int, dict[tuple[int, int], _Row]] = {}  # claim -> (article, start) -> its report
        self.speakers: dict[int, tuple[int | None, str]] = {}  # claim -> (speaker entity, speaker text)
        self.claims_of: dict[tuple[int | None, str], set[int]] = {}  # `_speaker` -> its claims

    @classmethod
    def read(
        cls,
        middles: Iterable[datetime],
        entity_ids: Iterable[int],
        names: Iterable[str],
        words: Callable[[str], frozenset[str]],
    ) -> Reports:
        """The reports of these speakers' claims around these days (`window`), in one query."""
        found = cls(entity_ids, names, _spans(middles))
        if not (found.entities or found.names) or not found.spans:
            return found
        dated = Q()
        for span in found.spans:
            dated |= Q(article__published_at__range=span)
            dated |= Q(article__published_at__isnull=True, first_seen_at__range=span)
        rows = (
            Evidence.objects.filter(dated)
            .filter(
                Q(claim__speaker_id__in=found.entities)
                | Q(claim__speaker__isnull=True, claim__speaker_text__in=found.names)
            )
            .filter(claim__locked=False, claim__status=Status.MACHINE, claim__merged_into__isnull=True)
            .exclude(quotes=[])
            .values_list(
                "claim_id",
                "claim__speaker_id",
                "claim__speaker_text",
                "article_id",
                "start",
                "date",
                "date_precision",
                "article__published_at",
                "first_seen_at",
                Cast("quotes", TextField()),  # as stored: its runs are kept by it (`stored_runs`)
                "text",
            )
        )
        for claim_id, speaker_id, speaker_text, article_id, start, *when, quotes, text in rows:
            found._speak(claim_id, speaker_id, speaker_text)
            found._add((claim_id, article_id, start), *when, stored_runs(quotes), text, words)
        return found

    def _add(
        self, key, day, precision, published, seen, quoted: frozenset[Run], text, words: Callable
    ) -> None:
        if quoted:
            report = Report(stated_day(day, precision, published, seen), quoted, words(text or ""))
            self.rows.setdefault(key[0], {}).setdefault(key[1:], _Row(key[1], published or seen, report))

    def _speak(self, claim_id: int, speaker_id: int | None, speaker_text: str) -> None:
        """The claim's speaker, as the reports are looked up by it."""
        if (before := self.speakers.get(claim_id)) is not None:
            self.claims_of[_speaker(*before)].discard(claim_id)
        self.speakers[claim_id] = (speaker_id, speaker_text)
        self.claims_of.setdefault(_speaker(speaker_id, speaker_text), set()).add(claim_id)

    def covers(self, article: Article, entity_ids: list[int], names: list[str]) -> bool:
        """What the read holds is all the article may be compared with."""
        low, high = window(article.published_at or article.first_seen_at)
        return (
            self.entities.issuperset(entity_ids)
            and self.names.issuperset(names)
            and any(start <= low and high <= end for start, end in self.spans)
        )

    def near(self, article: Article, entity_ids: list[int], names: list[str]) -> dict[int, list[Report]]:
        """`reports_near` of the article, from what the read holds."""
        if not entity_ids and not names:
            return {}
        low, high = window(article.published_at or article.first_seen_at)
        speakers = [(pk, "") for pk in entity_ids] + [(None, name) for name in names]
        claims = set().union(*(self.claims_of.get(_speaker(*speaker), ()) for speaker in speakers))
        found: dict[int, list[Report]] = {}
        for claim_id in sorted(claims):
            for row in self.rows.get(claim_id, {}).values():
                if row.article != article.pk and low <= row.when <= high:
                    found.setdefault(claim_id, []).append(row.report)
        return found

    def forget(self, article_id: int) -> None:
        """The article's evidence was removed (its re-link)."""
        for rows in self.rows.values():
            for key in [key for key in rows if key[0] == article_id]:
                del rows[key]

    def attach(self, article: Article, evidence: Iterable[Evidence], words: Callable) -> None:
        """The article's new evidence (its claims' current speakers with it): what a claim no curator
        touched gains (`claim_merging.mergeable`), as the read would find it."""
        seen = article.first_seen_at
        for row in evidence:
            if claim_merging.mergeable(row.claim):
                self._speak(row.claim.pk, row.claim.speaker_id, row.claim.speaker_text)
                key = (row.claim.pk, article.pk, row.start)
                self._add(
                    key,
                    row.date,
                    row.date_precision,
                    article.published_at,
                    seen,
                    runs(row.quotes),
                    row.text,
                    words,
                )

    def merge(self, heir: Callable[[int], int], claims: dict[int, Claim]) -> None:
        """Claims merged away (`heir`: the claim each now lives on): their reports are their heir's (a
        report of an article's span the heir holds too is the heir's, as `claim_merging` keeps it)."""
        for old in sorted(pk for pk in self.rows if heir(pk) != pk):
            rows, pk = self.rows.pop(old), heir(old)
            for key, row in rows.items():
                self.rows.setdefault(pk, {}).setdefault(key, row)
            if rows:
                claim = claims.get(pk)
                self._speak(pk, *((claim.speaker_id, claim.speaker_text) if claim else self.speakers[old]))


def _speaker(speaker_id: int | None, speaker_text: str) -> tuple[int | None, str]:
    """What a report's claim is looked up by: its speaker entity, else (for a claim of none) its name."""
    return (speaker_id, "") if speaker_id is not None else (None, speaker_text)


def _spans(middles: Iterable[datetime]) -> list[tuple[datetime, datetime]]:
    """The windows of these days, those that overlap made one."""
    spans: list[tuple[datetime, datetime]] = []
    for low, high in sorted(window(middle) for middle in middles):
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], high))
        else:
            spans.append((low, high))
    return spans
