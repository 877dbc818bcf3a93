"""How outlets frame one claim: a dropped hedge, the extent of the act (the setting it was said in:
testimony_settings.py).

- Hedge dropped: a claim's evidence carries a hedge of extent or modality ("partly", "may have";
  patterns/hedges.jsonl), and a headline or lead of the story states the claim (shares three of its
  content words, half of its own or of the claim's) unhedged, in an article reporting it (its evidence
  there says two of the claim's words) or naming its speaker: else it may state another's words ("a jury
  found ..." is not the founder's "in part"; nor a recap's lead where a sentence of another statement was
  joined to the claim).
- Extent: "partly" against "systematically" for the same act: the sentences of the story that name
  the claim's names (two of them) and share another of its words, read for extent cues
  (patterns/discrepancies.jsonl, group "extent").
Caveats: word lists and word overlap, not a reading.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker.crossref.discrepancies.scope import (
    PER_PROCESS,
    Found,
    Scope,
    cues,
    disagree,
    outlet_ids,
    variant,
)
from tracker.crossref.models import Claim, Discrepancy
from tracker.crossref.story_reads import locate
from tracker.crossref.words import STOPWORDS, content_words
from tracker.nlp.components import read_jsonl
from tracker.nlp.hedges import HEDGES_FILE, find_hedges, hedge_pattern
from tracker.nlp.passages import lead_span, sentence_spans
from tracker.sources.models import Article

HEDGE_TYPES = {"extent", "modality"}
WEAK_HEDGES = {"some"}  # "some analysts": too common to stand for the speaker's own caution
STATES_MIN_SHARED, STATES_SHARE = 3, 0.5
REPORTING = content_words(
    "says said admits admitted confirms confirmed testifies testified reveals revealed acknowledges"
    " acknowledged claims claimed tells told denies denied argues argued insists insisted reports"
)
NAME_STOPWORDS = {"ai", "us", "u", "s", "i", "ceo", "the", "a", "it", "he", "she", "they", "his", "her"}


@cache
def speaker_hedges() -> frozenset[str]:
    rules = [r for r in read_jsonl(HEDGES_FILE) if r.get("type") in HEDGE_TYPES]
    return frozenset({p.lower() for r in rules for p in r["phrases"]} - WEAK_HEDGES)


def _speaker_words_of(speaker_text: str, speaker: str | None) -> frozenset[str]:
    """The content words of a claim's speaker text and its speaker's name (None: no speaker)."""
    return content_words(" ".join([speaker_text] + ([speaker] if speaker is not None else [])))


def _states(claim_words: frozenset[str], words: frozenset[str]) -> bool:
    shared = len(claim_words & words)
    return shared >= STATES_MIN_SHARED and shared >= STATES_SHARE * min(len(words), len(claim_words))


@dataclass(frozen=True)
class _Passage:
    """A headline, a lead, or a sentence with an extent cue: what the rules compare claims against."""

    article: Article
    field: str
    start: int
    end: int
    words: frozenset[str]  # content words (reporting verbs out for headlines and leads)
    lowered: frozenset[str] = frozenset()  # every word, lower case
    hedged: bool = False
    cues: tuple[tuple[str, int, int], ...] = ()  # (value, start, end) of extent cues

    @property
    def text(self) -> str:
        source = self.article.title if self.field == "title" else self.article.text
        return source[self.start : self.end]


def _headlines(scope: Scope) -> list[_Passage]:
    """Every article's title and lead, read once per run."""
    return [
        _Passage(article, name, start, end, words, hedged=hedged)
        for article in scope.articles.values()
        for name, start, end, words, hedged in _headline_readings(article.title, article.text)
    ]


@lru_cache(maxsize=PER_PROCESS)
def _headline_readings(title: str, text: str) -> tuple[tuple[str, int, int, frozenset[str], bool], ...]:
    """An article's title and lead: where, their content words, hedged or not (per process: a
    function of the title and text alone, read again at every batch of the story)."""
    places = [("title", title, 0, len(title))]
    lead = lead_span(text, title)
    if lead:
        places.append(("lead", text[lead[0] : lead[1]], *lead))
    return tuple(
        (name, start, end, content_words(words) - REPORTING, bool(find_hedges([words])))
        for name, words, start, end in places
    )


def hedges_dropped(scope: Scope) -> list[Found]:
    found = []
    headlines: list[_Passage] | None = None
    holding: dict[str, list[int]] = defaultdict(list)  # the unhedged headlines holding each word
    hedges = speaker_hedges()
    for claim in filter(scope.owns, scope.claims):  # a claim-keyed row: its own story's
        if (hedged := scope.reads.batch.facts.get(("hedged", claim.pk))) is None:  # once a batch
            hedged = [v for e in claim.evidence.all() if not hedges.isdisjoint(e.hedges) for v in _hedge(e)]
            scope.reads.batch.facts["hedged", claim.pk] = hedged
        if not hedged:
            continue
        hedged = [dict(v) for v in hedged]  # each story's found rows their own
        if headlines is None:
            headlines = _headlines(scope)
            for n, p in enumerate(headlines):
                for word in p.words if not p.hedged else ():
                    holding[word].append(n)
        speaker = _speaker_words_of(claim.speaker_text, claim.speaker.name if claim.speaker else None)
        words = content_words(claim.text) - speaker - REPORTING
        cited = _reporting(claim, words)
        shared = Counter(n for word in words for n in holding.get(word, ()))  # the claim has no speaker word
        bare = [
            variant(p.article, p.text, p.start, p.end, field=p.field)
            for n in sorted(shared)
            if shared[n] >= STATES_MIN_SHARED and _states(words, (p := headlines[n]).words - speaker)
            if p.article.pk in cited or speaker & p.words  # the claim's statement, not another's
        ]
        if bare:
            key, variants = f"hedge_dropped:claim:{claim.pk}", scope.sort(hedged + bare)
            found.append(Found(Discrepancy.Kind.HEDGE_DROPPED, key, variants, claim=claim, claim_keyed=True))
    return found


def _reporting(claim: Claim, words: frozenset[str]) -> set[int]:
    """The articles whose evidence of the claim says two of its words (a sentence of another statement
    joined to it, "Quist testified about refusal fingerprints", does not report it)."""
    return {e.article_id for e in claim.evidence.all() if len(content_words(e.sentence or "") & words) >= 2}


def _hedge(evidence) -> list[dict]:
    """The speaker's hedge in an evidence sentence, where it is in the article."""
    found = _hedge_in(evidence.article.text, evidence.sentence, evidence.start, evidence.end)
    return [variant(evidence.article, words, start, end, field="text") for words, start, end in found]


@lru_cache(maxsize=1 << 14)
def _hedge_in(text: str, sentence: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """The speaker's first hedge in a sentence of a text (per process: read again at every batch)."""
    start = locate(text, sentence, start)
    end = start + max(len(sentence), end - start)
    for match in hedge_pattern().finditer(text, start, end):
        if match.group(0).lower() in speaker_hedges():
            return ((match.group(0), match.start(), match.end()),)
    return ()


def _extent_sentences(scope: Scope) -> list[_Passage]:
    """The story's sentences that hold an extent cue (few), read once per run."""
    return [
        _Passage(article, "text", start, end, words, lowered, cues=found)
        for article in scope.articles.values()
        for start, end, words, lowered, found in _extent_readings(article.text)
    ]


@lru_cache(maxsize=PER_PROCESS)
def _extent_readings(text: str) -> tuple[tuple, ...]:
    """The sentences of a text holding an extent cue: span, content words, lower-cased words, cues
    (per process: a function of the text alone, read again at every batch of the story)."""
    readings: list[tuple] = []
    if not any(pattern.search(text) for _, _, pattern in cues("extent")):
        return ()  # most texts: no cue, so no sentence has one (sentences end before a space or a line end)
    for start, end in sentence_spans(text):
        found = tuple(
            (value, m.start(), m.start() + len(_with_next_word(text, m)))
            for value, _, pattern in cues("extent")
            for m in pattern.finditer(text, start, end)
        )
        if found:
            sentence = text[start:end]
            lowered = frozenset(re.findall(r"\w+", sentence.lower()))
            readings.append((start, end, content_words(sentence), lowered, found))
    return tuple(readings)


def extents_differ(scope: Scope) -> list[Found]:
    found: list[Found] = []
    sentences = _extent_sentences(scope)
    named = [(c, ns) for c in scope.claims if sentences and scope.owns(c) and len(ns := _named(c)[0]) >= 2]
    holding: dict[str, list[int]] = defaultdict(list)  # the sentences holding each word
    for n, p in enumerate(sentences if named else ()):
        for word in p.lowered:
            holding[word].append(n)
    for claim, names in sorted(named, key=lambda item: (-scope.claim_outlets(item[0]), item[0].pk)):
        act = _named(claim)[1]
        chosen: dict[int, list[_Passage]] = defaultdict(list)  # the article's passages, cued
        named_in = Counter(n for name in names for n in holding.get(name, ()))
        for p in (sentences[n] for n in sorted(named_in) if named_in[n] >= 2):
            if act & p.words:
                chosen[p.article.pk].append(p)
        values = {a: ps[0].cues[0][0] for a, ps in chosen.items()}
        if disagree(values, outlet_ids(scope.articles[a] for a in values)):  # only then its variants
            variants = scope.sort(
                variant(p.article, p.article.text[start:end], start, end, field="text", value=value)
                for ps in chosen.values()
                for p in ps
                for value, start, end in p.cues
            )
            spans = {(v["article"], v["start"]) for v in variants}
            if not any(spans <= {(v["article"], v["start"]) for v in f.variants} for f in found):
                key = f"extent:claim:{claim.pk}"
                found.append(Found(Discrepancy.Kind.EXTENT, key, variants, claim=claim, claim_keyed=True))
    return found


def _named(claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
    """The claim's names and its act's words (its content words but names and speaker)."""
    return _named_in(claim.text, claim.speaker_text, claim.speaker.name if claim.speaker else None)


@lru_cache(maxsize=1 << 14)
def _named_in(text: str, speaker_text: str, speaker: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """`_named` of a claim's text, speaker text and speaker's name (None: no speaker), per process. The
    names: words with a capital letter after the first character of the text, lower case, without the
    speaker's."""
    words = re.findall(r"\b\w*[A-Z]\w*\b", text[1:])
    spoken = {w.lower() for w in re.findall(r"\w+", f"{speaker_text} {speaker or ''}")}
    names = frozenset({w.lower() for w in words} - NAME_STOPWORDS - spoken)
    act = content_words(text) - content_words(" ".join(names)) - _speaker_words_of(speaker_text, speaker)
    return names, act


def _with_next_word(text: str, match: re.Match) -> str:
    """The cue and the verb it modifies when it precedes one: "systematically utilized"."""
    following = re.match(r" ([a-z]+)\b", text[match.end() : match.end() + 30])
    if following and following.group(1) not in STOPWORDS:
        return text[match.start() : match.end() + following.end()]
    return match.group(0)
