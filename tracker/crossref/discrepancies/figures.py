"""Figures outlets disagree on: amounts, counts and durations, and dates.

- Numbers: the amounts of the story's titles and texts (tracker.nlp.amounts) of one kind and one noun
  ("jury", "damages") whose contexts share a content word are about the same thing; different values
  among them from different outlets are a discrepancy, keyed by story, kind and noun. It sits on the
  claim whose evidence holds one of the figures, when there is one (a Discrepancy has no story).
- Dates: a claim whose evidence is dated differently, at the same precision, by different outlets (its
  date, else a month or year said inside its words: content_dates.py) in different words (the same
  weekday in two outlets, read against two publication days, is not a disagreement readers see); and
  an event that happens once (an opening, a founding, a verdict: patterns/events.jsonl "once") dated
  differently at the same precision by different outlets' date mentions, keyed by story, kind and
  precision; events.update_events points the latter at its event. Such a mention is compared when it
  dates that event alone, with a day its article states (event_dates.py: not "testimony starts
  tomorrow"). And a thing a court set for a day ("set a hearing for December 3"), dated differently by
  different outlets (scheduled_dates.py), keyed by story and thing.
  A sum asked for ("asked the jury to order Acme to pay $5 million") is the damages sought, as "asked
  the jury to award" is. Not compared: two parties' asks, an ask and a figure nobody asks for (askers.py), an outlet's parts
  with the total another outlet gives, and an increment ("two more hours") with anything
  (figure_values.py).
Caveats: values equal within half a percent agree ("approximately $850 billion"); rounding beyond that
("$134 billion" / "$130 billion") disagrees.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from tracker.crossref import unions
from tracker.crossref.discrepancies.askers import asker
from tracker.crossref.discrepancies.content_dates import disagreeing_dates, said_dates, unambiguous, yearless
from tracker.crossref.discrepancies.event_dates import comparable
from tracker.crossref.discrepancies.figure_values import added, by_speaker, person, rounded, stage, varies
from tracker.crossref.discrepancies.scheduled_dates import scheduled_dates
from tracker.crossref.discrepancies.scope import (
    PER_PROCESS,
    Found,
    Scope,
    disagree,
    outlet_ids,
    variant,
)
from tracker.crossref.event_reports import event_kinds
from tracker.crossref.kept import Kept
from tracker.crossref.models import Claim, DateMention, Discrepancy
from tracker.crossref.story_reads import locate
from tracker.crossref.words import content_words
from tracker.nlp.amounts import WORD_NUMBERS, Amount, find_amounts

CONTEXT_CHARS = 100
ASKED_AS = {"payment": "damages", "award": "damages"}  # a money anchor (nlp/amounts.py) asked for
NUMBER_WORDS = content_words(" ".join(WORD_NUMBERS)) | content_words("million billion trillion thousand")


def numbers_differ(scope: Scope) -> list[Found]:
    groups: dict[tuple[str, str], list[tuple[int, str, Amount, frozenset[str], frozenset[str]]]]
    groups = defaultdict(list)
    for article in scope.articles.values():
        for field, text in (("title", article.title), ("text", article.text)):
            for amount, noun, words, asked in amounts(text):
                groups[(amount.kind, noun)].append((article.pk, field, amount, words, asked))
    found, holders, outlets = [], _Holders(scope), outlet_ids(scope.articles.values())
    for (kind, noun), items in sorted(groups.items()):
        split = (holders.by_speaker(component) for component in _components(items))
        for index, component in enumerate(part for parts in split for part in parts):
            by_value = {(a, rounded(amt.value), asked) for a, _, amt, _, asked in component}
            if not varies(by_value, outlets):
                continue
            variants = [
                variant(scope.articles[a], amt.text, amt.start, amt.end, field=f, value=amt.value)
                for a, f, amt, _, _ in component
            ]
            key = f"number:story:{scope.story.pk}:{kind}:{noun}" + (f":{index}" if index else "")
            claims = holders.claims(component)
            if not scope.touches(claims):  # its figures are the story's: only the claim it sits on moves
                continue
            claim = claims[0] if claims else None
            found.append(Found(Discrepancy.Kind.NUMBER, key, scope.sort(variants), claim=claim))
    return found


@lru_cache(maxsize=PER_PROCESS)
def amounts(text: str) -> tuple[tuple[Amount, str, frozenset[str], frozenset[str]], ...]:
    """The amounts of a title or text naming what they count, with that noun's key, the content words
    around them and who asks for them (`askers.asker`) with the stage they count at
    (`figure_values.stage`, compared as an asker is); kept per process (a function of the text)."""
    found = []
    for amount in find_amounts(text):
        by = asker(text, amount.start, amount.end)
        # a sum a party asks to be paid or awarded is the damages it seeks, however the outlet words it
        noun = "".join(sorted(content_words(ASKED_AS.get(amount.noun, amount.noun) if by else amount.noun)))
        if noun and not added(text, amount.start, amount.end):  # an increment is no total (figure_values)
            context = text[max(0, amount.start - CONTEXT_CHARS) : amount.end + CONTEXT_CHARS]
            words = frozenset(w for w in content_words(context) - NUMBER_WORDS - {noun} if not w.isdigit())
            found.append((amount, noun, words, by | stage(text, amount.start)))  # who asks, and its stage
    return tuple(found)


def _components(items: list) -> list[list]:
    """Amounts about the same thing: linked when their contexts share a content word (each amount joins
    the first earlier one holding each of its words: the same components as comparing every pair)."""
    holder: dict[str, int] = {}
    pairs = [
        (i, j) for i, item in enumerate(items) for word in item[3] if (j := holder.setdefault(word, i)) != i
    ]
    components = [[items[i] for i in group] for group in unions.connected(len(items), pairs)]
    return sorted(components, key=lambda c: (c[0][0], c[0][2].start))


class _Holders:
    """The first of the story's claims whose evidence sentence holds an amount: the sentences of each
    article's evidence are the batch's (`StoryReads.citing`), the claims' places the story's."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.places: dict[int, int] | None = None

    def claims(self, component: list) -> list[Claim]:
        """The story's claims whose evidence sentence holds one of the component's amounts of a text,
        in the story's order: the first is the one it sits on (as a scan of every claim's evidence, in
        the story's order, finds it)."""
        if self.places is None:
            self.places = {claim.pk: n for n, claim in enumerate(self.scope.claims)}
        held = {
            n
            for a, f, amt, _, _ in component
            if f == "text"
            for pk, start, end in self.scope.reads.citing(self.scope.articles[a])
            if (n := self.places.get(pk)) is not None and start <= amt.start and amt.end <= end
        }
        return [self.scope.claims[n] for n in sorted(held)]

    def by_speaker(self, component: list) -> list[list]:
        """The component split by who says its figures (`figure_values.by_speaker`): the name words of
        the people (`figure_values.person`) whose claims hold each amount (none: a title's, or no person's)."""
        said = [
            {person(c.speaker.name if c.speaker else c.speaker_text) for c in self.claims([i])}
            for i in component
        ]
        return [[component[i] for i in part] for part in by_speaker([frozenset().union(*n) for n in said])]


def dates_differ(scope: Scope) -> list[Found]:
    found = []
    for claim, precision, variants in _claim_dates(scope):
        if len({" ".join(v["words"].casefold().split()) for v in variants}) < 2:
            continue  # the outlets' words alike ("Tuesday", "Tuesday"): read against different days only
        key = f"date:claim:{claim.pk}:{precision}"
        found.append(
            Found(Discrepancy.Kind.DATE, key, scope.sort(map(dict, variants)), claim=claim, claim_keyed=True)
        )
    dated = scope.reads.batch.dated if scope.reads else {}
    once = [r for r in scope.mentions if event_kinds().get(r.kind, (False,))[0]]
    reports = [r for r in once if comparable(r, dated)]  # one thing, a stated date (event_dates.py)
    by_kind = defaultdict(list)
    for report in reports:
        by_kind[(report.kind, report.precision)].append(report)
    for (kind, precision), same in sorted(by_kind.items()):
        values = {r.articles[0]: r.date for r in same}
        if disagree(values, outlet_ids(scope.articles.values())):
            variants = [
                variant(
                    scope.articles[r.articles[0]],
                    r.words,
                    r.start,
                    r.end,
                    field="text",
                    value=r.date.isoformat(),
                )
                for r in same
            ]
            key = f"date:story:{scope.story.pk}:{kind}:{precision}"
            found.append(Found(Discrepancy.Kind.DATE, key, scope.sort(variants)))
    return found + scheduled_dates(scope)  # a day a court set a thing for (scheduled_dates.py)


def _claim_dates(scope: Scope) -> list[tuple[Claim, str, list[dict]]]:
    """Each claim's evidence dated differently at one precision by different outlets, with the variants,
    worked out once a linking batch (`BatchReads.facts`: a claim's evidence stays as read), in the
    story's order of claims, precisions in order."""
    facts = scope.reads.batch.facts
    disagreeing, extras = [], []  # and the dates said inside the words, of articles not dated so
    owned = [claim for claim in scope.claims if scope.owns(claim)]  # claim-keyed: the story's own
    for claim in owned:
        if ("dates", claim.pk) in facts:
            continue
        facts["dates", claim.pk] = []
        dated = [e for e in claim.evidence.all() if e.date and e.date_precision]
        dated = unambiguous(dated, scope.reads.batch.dated)  # a date of two in the words (content_dates)
        dated += yearless(list(claim.evidence.all()), dated, scope.reads.batch.dated)  # "December 1" undated
        said = said_dates(list(claim.evidence.all()), scope.reads.batch.dated)
        for precision, same, extra in disagreeing_dates(dated, said):
            disagreeing.append((claim, precision, same))
            extras.append(extra)
    found = zip(disagreeing, extras, _date_variants(disagreeing), strict=True)
    for (claim, precision, _), extra, variants in found:
        facts["dates", claim.pk].append((precision, variants + extra))
    return [(claim, *fact) for claim in owned for fact in facts["dates", claim.pk]]


# an evidence's date variant, by the evidence and its article as read (`_dated`)
DATED = Kept(1 << 16)


def _dated(evidence) -> tuple:
    """What an evidence's date variant depends on: the evidence, and its article (where the sentence is
    in its text, and the date mentions read from that text, dated against its publication time: the
    same text and time give the same mentions under the same code, and new code means a new process;
    its last save, too, for an edit that keeps both)."""
    article = evidence.article
    return (
        evidence.pk,
        evidence.article_id,
        evidence.date,
        evidence.sentence,
        evidence.start,
        evidence.end,
        article.outlet.name,
        article.published_at,
        article.updated_at,
        article.text,
    )


def _date_variants(disagreeing: list) -> list[list[dict]]:
    """Each disagreeing claim's variants (its evidence's `_date_variant`), those of evidence seen before
    as kept (`DATED`), the others' date mentions read in one query."""
    keys = [[_dated(e) for e in same] for _, _, same in disagreeing]
    known = {key: DATED.get(key) for row in keys for key in row}
    unknown = {
        key: e
        for (_, _, same), row in zip(disagreeing, keys, strict=True)
        for e, key in zip(same, row, strict=True)
        if known[key] is None
    }
    mentions = _date_mentions(list(unknown.values()))
    for key, evidence in unknown.items():
        known[key] = _date_variant(evidence, mentions)
        DATED.put(key, known[key])
    return [[dict(known[key]) for key in row] for row in keys]


class _Mention(NamedTuple):
    """What `_date_variant` reads of a date mention (a tuple: a story can have thousands to read)."""

    start: int
    end: int
    text: str


def _date_mentions(evidence: list) -> dict[tuple[int, object], list[_Mention]]:
    """The date mentions of these evidence's articles and dates, by (article, value), first first: one
    query for a story, not one per evidence."""
    if not evidence:
        return {}
    rows = DateMention.objects.filter(
        article_id__in={e.article_id for e in evidence}, value__in={e.date for e in evidence}
    ).order_by("article_id", "start", "pk")
    found: dict[tuple[int, object], list[_Mention]] = defaultdict(list)
    for article_id, value, start, end, text in rows.values_list(
        "article_id", "value", "start", "end", "text"
    ):
        found[(article_id, value)].append(_Mention(start, end, text))
    return found


def _date_variant(evidence, mentions: dict[tuple[int, object], list[_Mention]]) -> dict:
    """The date words of an evidence sentence (its date mention of that value), else the date itself."""
    text = evidence.article.text
    start = locate(text, evidence.sentence, evidence.start)
    end = start + len(evidence.sentence)
    mention = next(
        (
            m
            for m in mentions.get((evidence.article_id, evidence.date), ())
            if m.start >= start and m.end <= end
        ),
        None,
    )
    if mention or (said := getattr(evidence, "said", None)) and (mention := _Mention(*said[1:], said[0])):
        return variant(
            evidence.article,
            mention.text,
            mention.start,
            mention.end,
            field="text",
            value=evidence.date.isoformat(),
        )
    return variant(
        evidence.article,
        evidence.date.isoformat(),
        evidence.start,
        evidence.end,
        field="text",
        value=evidence.date.isoformat(),
    )
