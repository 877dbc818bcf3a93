"""An event's sources side by side: one card per outlet, each with its articles and the sentences that
carry the event's claims, quotes highlighted and wordings that differ between outlets marked.

Articles are third-party writing: a card holds the headline, outlet, time, link and the claim sentences,
never the article's stored text. The words compared across outlets are those a quote-wording
discrepancy of the claim records (its variants), so only real disagreements are marked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from tracker.crossref import corroboration
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence
from tracker.sources.models import Article, Outlet
from tracker.web.wordings import Segment, segments


@dataclass
class Sentence:
    text: str
    segments: list[Segment]
    claims: list[Claim] = field(default_factory=list)


@dataclass
class Report:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Card:
    outlet: Outlet
    reports: list[Report] = field(default_factory=list)

    @property
    def unverified(self) -> bool:
        """No report counts (`corroboration.unverified`): listed, labelled, not counted."""
        return all(corroboration.unverified(r.article) for r in self.reports)


def event_with_relations(queryset, pk: int) -> Event:
    """The event with everything its page shows, in a fixed number of queries."""
    public_claims = Claim.objects.public().select_related("speaker").order_by("-outlets_count", "pk")
    evidence = Evidence.objects.select_related("article__outlet", "article__copy_of__outlet").order_by(
        "article__first_seen_at", "article_id", "start", "pk"
    )
    return (
        queryset.select_related("case", "first_reported_by")
        .prefetch_related(
            Prefetch("claims", queryset=public_claims, to_attr="public_claims"),
            Prefetch("public_claims__evidence", queryset=evidence),
            Prefetch("public_claims__discrepancies", queryset=Discrepancy.objects.order_by("pk")),
            "stories",
        )
        .get(pk=pk)
    )


def discrepancies_of(event: Event) -> list[Discrepancy]:
    """The discrepancies on the event, on its claims and on its stories (those not on a claim), newest
    first, in one query."""
    found = Discrepancy.objects.filter(
        Q(event=event) | Q(claim__event=event) | Q(claim__isnull=True, story__events=event)
    ).select_related("claim__speaker")
    return sorted(set(found), key=lambda d: (d.created_at, d.pk), reverse=True)


def _wordings(claim: Claim) -> dict[tuple[int, str], list[str]]:
    """(article id, quoted words) -> the other articles' wordings, from quote-wording discrepancies."""
    out: dict[tuple[int, str], list[str]] = {}
    for d in claim.discrepancies.all():
        if d.kind != Discrepancy.Kind.QUOTE_WORDING:
            continue
        words = [(v.get("article"), str(v.get("words", ""))) for v in d.variants]
        for article, text in words:
            out[(article, text)] = [t for a, t in words if a != article and t != text]
    return out


def cards(event: Event) -> list[Card]:
    """One card per outlet, outlets in the order they first reported; within a card, its articles and
    their distinct claim sentences (a sentence that carries several claims appears once)."""
    by_outlet: dict[int, Card] = {}
    reports: dict[int, Report] = {}
    sentences: dict[tuple[int, str], Sentence] = {}
    quotes: dict[tuple[int, str], dict[str, list[str]]] = defaultdict(dict)
    rows = [(claim, ev) for claim in event.public_claims for ev in claim.evidence.all()]
    rows.sort(key=lambda r: (r[1].article.first_seen_at, r[1].article_id, r[1].start, r[1].pk))
    wordings = {claim.pk: _wordings(claim) for claim in event.public_claims}
    for claim, ev in rows:
        article = ev.article
        card = by_outlet.setdefault(article.outlet_id, Card(article.outlet))
        if article.pk not in reports:
            reports[article.pk] = Report(article)
            card.reports.append(reports[article.pk])
        key = (article.pk, ev.sentence)
        if key not in sentences:
            sentences[key] = Sentence(ev.sentence, [])
            reports[article.pk].sentences.append(sentences[key])
        if claim not in sentences[key].claims:
            sentences[key].claims.append(claim)
        for quote in ev.quotes:
            text = str(quote.get("text", ""))
            others = wordings[claim.pk].get((article.pk, text))
            if others or text not in quotes[key]:
                quotes[key][text] = others or []
    for key, sentence in sentences.items():
        sentence.segments = segments(sentence.text, list(quotes[key].items()))
    return list(by_outlet.values())
