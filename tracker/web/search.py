"""Search over events, claims, quotes and articles, ranked, with the matched words highlighted; and over
people and organisations, outlets, the court record and discrepancies (search_records.py).

PostgreSQL: full-text search (websearch syntax: "quoted phrases", or, -not), ranked by ts_rank, with
ts_headline excerpts, over GIN indexes of stored vectors (web/0005, web/0006; search_vectors.py), so no
text is parsed at query time; only a group's newest CANDIDATES matches are ranked, so a word most rows
hold costs no more than a rare one (issue 17: <= 100 ms p50 at 100,000 articles, bench/search.py).
SQLite: every word must occur somewhere (icontains), newest first,
highlighted in Python; no stemming, no ranking beyond recency.

Results never carry an article's full text: an article shows its headline and a short excerpt.
Highlights are returned as segments [(text, marked)], so templates escape everything and no HTML is
ever built from stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tracker.crossref.models import Claim, Event, Evidence
from tracker.sources.models import Article
from tracker.web import search_records
from tracker.web.htmx import wants_partial
from tracker.web.search_vectors import by_rank
from tracker.web.timeline import court_zone

PER_GROUP = 10
MAX_QUERY = 200
EXCERPT_CHARS = 220
# Markers ts_headline puts around matches; private-use characters that stored text never holds.
START, STOP = "\ue000", "\ue001"

Segments = list[tuple[str, bool]]


@dataclass
class Hit:
    """One result: the object, its highlighted text and, for quotes and articles, where it appeared."""

    obj: object
    segments: Segments
    kind: str  # "event", "claim", "quote", "article"


@dataclass
class Results:
    query: str
    events: list[Hit] = field(default_factory=list)
    claims: list[Hit] = field(default_factory=list)
    quotes: list[Hit] = field(default_factory=list)
    articles: list[Hit] = field(default_factory=list)
    entities: list[Hit] = field(default_factory=list)
    outlets: list[Hit] = field(default_factory=list)
    docket_entries: list[Hit] = field(default_factory=list)
    discrepancies: list[Hit] = field(default_factory=list)

    @property
    def count(self) -> int:
        groups = (self.events, self.claims, self.quotes, self.articles, self.entities, self.outlets)
        return sum(len(g) for g in groups) + len(self.docket_entries) + len(self.discrepancies)


def segments_from_markers(text: str) -> Segments:
    """Split ts_headline output (matches between START and STOP) into (text, marked) segments."""
    out: Segments = []
    for i, part in enumerate(re.split(f"[{START}{STOP}]", text)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def mark(text: str, needles: list[str]) -> Segments:
    """Split `text` into segments with every case-insensitive occurrence of a needle marked."""
    needles = [n for n in needles if n.strip()]
    if not needles or not text:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)), re.I)
    out: Segments = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def excerpt(text: str, needles: list[str], size: int = EXCERPT_CHARS) -> str:
    """A short window of `text` around the first needle found (or its start), cut at word boundaries."""
    lower = text.lower()
    hits = [i for n in needles if n and (i := lower.find(n.lower())) >= 0]
    first = hits[0] if hits else 0  # the first needle found: callers put the likeliest first
    start = max(0, first - size // 3)
    end = min(len(text), start + size)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = " ".join(text[start:end].split())
    return ("… " if start > 0 else "") + window + (" …" if end < len(text) else "")


def terms(query: str) -> list[str]:
    """The words and "quoted phrases" of a query, without websearch operators (or, -word)."""
    found = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        if phrase:
            found.append(phrase.strip())
        elif word.lower() != "or" and not word.startswith("-"):
            found.append(word.strip("\"'.,;:!?()"))
    return [t for t in found if t]


def distinct_quotes(evidence, limit: int = PER_GROUP) -> list[Evidence]:
    """One result per (claim, article, sentence): an article may carry a claim's sentence twice over."""
    seen, out = set(), []
    for e in evidence:
        key = (e.claim_id, e.article_id, e.sentence)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out[:limit]


def _public_evidence() -> QuerySet:
    return Evidence.objects.filter(claim__in=Claim.objects.public()).select_related(
        "article__outlet", "claim__case"
    )


def _articles() -> QuerySet:
    return Article.objects.relevant().select_related("outlet").defer("text", "content_html", "summary")


def article_plan(query: str) -> str:
    """PostgreSQL's plan for the articles' part of a search (EXPLAIN), for tests and the bench."""
    q = SearchQuery(query, search_type="websearch", config="english")
    return by_rank(_articles(), q)[:PER_GROUP].explain()


def search_postgresql(query: str) -> Results:
    q = SearchQuery(query, search_type="websearch", config="english")
    results = Results(query)

    def ranked(qs: QuerySet, headline_of: str, limit: int = PER_GROUP) -> QuerySet:
        headline = SearchHeadline(
            headline_of,
            q,
            config="english",
            start_sel=START,
            stop_sel=STOP,
            max_words=30,
            min_words=10,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        return by_rank(qs, q).annotate(headline=headline)[:limit]

    events = ranked(Event.objects.public().select_related("case"), "title")
    results.events = [Hit(e, segments_from_markers(e.headline), "event") for e in events]
    claims = ranked(Claim.objects.public().select_related("speaker", "case"), "text")
    results.claims = [Hit(c, segments_from_markers(c.headline), "claim") for c in claims]
    quotes = distinct_quotes(ranked(_public_evidence(), "sentence", limit=PER_GROUP * 3))
    results.quotes = [Hit(e, segments_from_markers(e.headline), "quote") for e in quotes]
    articles = ranked(_articles(), "text")
    results.articles = [Hit(a, segments_from_markers(a.headline), "article") for a in articles]
    return results


def _all_words(fields: tuple[str, ...], words: list[str]) -> Q:
    condition = Q()
    for word in words:
        any_field = Q()
        for f in fields:
            any_field |= Q(**{f"{f}__icontains": word})
        condition &= any_field
    return condition


def search_simple(query: str) -> Results:
    """SQLite: every term in some field; newest first; highlighted in Python."""
    words = terms(query)
    results = Results(query)
    if not words:
        return results
    needles = [" ".join(words), *words] if len(words) > 1 else words
    events = Event.objects.public().select_related("case").filter(_all_words(("title", "summary"), words))
    events = events.order_by("-date", "-pk")[:PER_GROUP]
    results.events = [Hit(e, mark(e.title, needles), "event") for e in events]
    claims = Claim.objects.public().select_related("speaker", "case").filter(_all_words(("text",), words))
    results.claims = [Hit(c, mark(c.text, needles), "claim") for c in claims[:PER_GROUP]]
    quotes = _public_evidence().filter(_all_words(("sentence",), words)).order_by("-first_seen_at", "-pk")
    results.quotes = [
        Hit(e, mark(e.sentence, needles), "quote") for e in distinct_quotes(quotes[: PER_GROUP * 3])
    ]
    found = Article.objects.relevant().filter(_all_words(("title", "summary", "text"), words))
    ids = list(found.order_by("-first_seen_at", "-pk").values_list("pk", flat=True)[:PER_GROUP])
    texts = dict(Article.objects.filter(pk__in=ids).values_list("pk", "text"))
    articles = {a.pk: a for a in _articles().filter(pk__in=ids)}
    results.articles = [
        Hit(articles[pk], mark(excerpt(texts[pk], needles), needles), "article")
        for pk in ids
        if pk in articles
    ]
    return results


def find_records(results: Results) -> Results:
    """Add the people and organisations, outlets, docket entries and discrepancies the words name."""
    words = terms(results.query)
    if not words:
        return results
    needles = [" ".join(words), *words] if len(words) > 1 else words
    results.entities = [Hit(e, mark(e.name, needles), "entity") for e in search_records.entities(words)]
    results.outlets = [Hit(o, mark(o.name, needles), "outlet") for o in search_records.outlets(words)]
    results.docket_entries = [
        Hit(d, mark(d.description, needles), "docket") for d in search_records.docket_entries(words)
    ]
    results.discrepancies = [
        Hit(d, mark(_discrepancy_text(d), needles), "discrepancy")
        for d in search_records.discrepancies(words)
    ]
    return results


def _discrepancy_text(d) -> str:
    words = [str(v.get("words", "")) for v in d.variants if isinstance(v, dict)]
    return " / ".join(w for w in words if w) or (d.claim.text if d.claim_id else "")


def search(query: str) -> Results:
    """The ranked results of a reader's query, grouped; empty for a blank query."""
    query = " ".join(query.split())[:MAX_QUERY]
    if not query:
        return Results(query)
    if connection.vendor == "postgresql":
        return find_records(search_postgresql(query))
    return find_records(search_simple(query))


@require_GET
def search_page(request):
    """The search page; htmx requests (typing in the box) get the results partial only."""
    query = request.GET.get("q", "")
    if "\x00" in query:  # no database takes a NUL in a string: a bad request, not a server error
        return HttpResponseBadRequest("The query holds a NUL character.")
    results = search(query)
    template = "web/search.html#results" if wants_partial(request) else "web/search.html"
    # The page echoes what was searched (at most MAX_QUERY characters), never the raw query string.
    return render(request, template, {"query": results.query, "results": results, "tz": court_zone()})
