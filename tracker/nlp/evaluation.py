"""How well the extraction matches a hand annotation (tracker/sources/sample_data/gold.json and its like).

Intent: one set of figures, computed the same way by tests, `manage.py evaluate_extraction` and anyone
changing a rule, so that a change to the pipeline is judged by numbers rather than by eye. Plain Python,
no Django: the gold file is a dict, the extractions are `Extraction`s keyed by seed id ("000", "001", ...).

The matching rules are the gold file's own (its "about" fields), lenient on purpose:
- an entity matches by canonical name or any alias, case-insensitively, and must have the gold kind;
- a claim matches when the speaker matches (the claim's resolved entity or its surface speaker equals
  the gold speaker's name or one of that entity's aliases, case-insensitively; a gold speaker of null
  matches a claim with no speaker entity) and its text plus its quotes contain one of the key phrases,
  case-insensitively;
- a quote matches when the gold words appear verbatim (case and marks included) inside an extracted
  quote of that seed;
- an event date matches when a date of that seed has the event's value at the event's precision
  ("2026-04-30" at day precision, "2023" at year precision); a finer or coarser date does not.

Recall counts (item, seed) pairs from each item's "in"/"sources" list, "must" and "should" levels
together, and separately "must" alone; a quote has the level of its claim. Precision is only as good as
the annotation is complete, so it is measured where the gold file can judge:
- entities: over the distinct (seed, linked name or text, label) whose text or linked name is some gold
  entity's name or alias; names the annotation does not list do not count against it, and a listed
  name in a seed whose "in" list lacks it does (annotate it, or accept the penalty);
- claims, quotes: over every extracted claim, every distinct extracted quote; an unannotated but
  correct claim counts as wrong, so read claim precision as a floor;
- event dates: over the distinct (seed, value, precision) dates of claims, against the seed's gold
  events.
`not_entities` violations are mentions whose text is one of the gold's "not_entities" strings with one
of its wrong kinds (the stock model's known mistakes), counted once per span and label.
A figure with nothing to count (no gold items, nothing extracted) scores 1.0: vacuously right.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from tracker.nlp.types import Claim, DateMention, Extraction, Quote

MUST = "must"
DIGITS = {"day": 3, "week": 3, "month": 2, "year": 1}  # how much of (year, month, day) a precision keeps


@dataclass(frozen=True)
class Figure:
    """Recall and precision of one kind of item. `found`/`missed` count gold items (tp/fn);
    `correct`/`wrong` count extracted items (precision's numerator and fp)."""

    found: int
    missed: int
    correct: int
    wrong: int
    must_found: int
    must_missed: int
    missed_items: tuple[str, ...] = ()  # "C5 in 003", for a reader chasing a regression

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.found + self.missed)

    @property
    def must_recall(self) -> float:
        return _ratio(self.must_found, self.must_found + self.must_missed)

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.correct + self.wrong)


@dataclass(frozen=True)
class Scores:
    entities: Figure
    claims: Figure
    quotes: Figure
    event_dates: Figure
    not_entities: tuple[str, ...] = ()  # one description per violation

    @property
    def not_entity_violations(self) -> int:
        return len(self.not_entities)


def evaluate(gold: dict, extractions: Mapping[str, Extraction]) -> Scores:
    """Score `extractions` (seed id -> Extraction) against `gold`. A seed with gold items but no
    extraction counts as having found nothing."""
    return Scores(
        entities=_entities(gold, extractions),
        claims=_claims(gold, extractions),
        quotes=_quotes(gold, extractions),
        event_dates=_event_dates(gold, extractions),
        not_entities=_not_entities(gold, extractions),
    )


def format_scores(scores: Scores) -> list[str]:
    """One line per figure, for a terminal or a CI log: precision as (correct extracted / judged
    extracted), recall as (gold found / gold), then tp (gold found), fp and fn."""
    lines = []
    for name, figure in (
        ("entities", scores.entities),
        ("claims", scores.claims),
        ("quotes", scores.quotes),
        ("event dates", scores.event_dates),
    ):
        extracted = figure.correct + figure.wrong
        gold = figure.found + figure.missed
        lines.append(
            f"{name:<12} precision {figure.precision:.2f} ({figure.correct}/{extracted})"
            f"  recall {figure.recall:.2f} ({figure.found}/{gold})"
            f"  (tp {figure.found}, fp {figure.wrong}, fn {figure.missed})"
        )
        must = figure.must_found + figure.must_missed
        lines.append(f"{name} must recall {figure.must_recall:.2f} ({figure.must_found}/{must})")
    lines.append(f"not_entities violations {scores.not_entity_violations}")
    return lines


def _entities(gold: dict, extractions: Mapping[str, Extraction]) -> Figure:
    entities = gold.get("entities", [])
    names = {e["name"]: _names(e) for e in entities}
    every_name = set().union(*names.values())
    counter = _Counter()
    for entity in entities:
        for seed in entity.get("in", []):
            mentions = extractions[seed].mentions if seed in extractions else ()
            hit = any(
                m.label == entity["kind"] and _mention_names(m) & names[entity["name"]] for m in mentions
            )
            counter.gold(hit, entity.get("level"), f"{entity['name']} in {seed}")
    for seed, found in extractions.items():
        keyed: dict[tuple[str, str], set[str]] = {}  # (linked name or text, label) -> names seen
        for mention in found.mentions:
            key = ((mention.entity or mention.text).casefold(), mention.label)
            keyed.setdefault(key, set()).update(_mention_names(mention))
        for (_, label), seen in keyed.items():
            if not seen & every_name:
                continue  # a name the annotation does not list: it cannot judge it
            counter.extracted(
                any(
                    e["kind"] == label and seed in e.get("in", []) and seen & names[e["name"]]
                    for e in entities
                )
            )
    return counter.figure()


def _not_entities(gold: dict, extractions: Mapping[str, Extraction]) -> tuple[str, ...]:
    section = gold.get("not_entities", [])
    examples = section.get("examples", []) if isinstance(section, dict) else section
    wrong = {(_fold(x["text"]), kind) for x in examples for kind in x.get("wrong_kinds", [])}
    found = {
        (seed, m.start, m.end, m.label, m.text)
        for seed, extracted in extractions.items()
        for m in extracted.mentions
        if (_fold(m.text), m.label) in wrong
    }
    return tuple(
        f"{text!r} as {label} in {seed} [{start}:{end}]" for seed, start, end, label, text in sorted(found)
    )


def _claims(gold: dict, extractions: Mapping[str, Extraction]) -> Figure:
    aliases = {e["name"]: _names(e) for e in gold.get("entities", [])}
    claims = gold.get("claims", [])
    counter = _Counter()
    for item in claims:
        for seed in item.get("sources", []):
            found = extractions[seed].claims if seed in extractions else ()
            hit = any(_claim_matches(c, item, aliases) for c in found)
            counter.gold(hit, item.get("level"), f"{item.get('id', item.get('text'))} in {seed}")
    for seed, extracted in extractions.items():
        for claim in extracted.claims:
            counter.extracted(
                any(
                    seed in item.get("sources", []) and _claim_matches(claim, item, aliases)
                    for item in claims
                )
            )
    return counter.figure()


def _claim_matches(claim: Claim, item: dict, aliases: Mapping[str, set[str]]) -> bool:
    speaker = item.get("speaker")
    if speaker is None:
        if claim.speaker_entity is not None:
            return False
    else:
        wanted = aliases.get(speaker, set()) | {_fold(speaker)}
        if not {_fold(claim.speaker_entity or ""), _fold(claim.speaker)} & wanted:
            return False
    text = _fold(" ".join([claim.text, *(q.text for q in claim.quotes)]))
    return any(_fold(phrase) in text for phrase in item.get("key_phrases", []))


def _quotes(gold: dict, extractions: Mapping[str, Extraction]) -> Figure:
    wanted = [
        (quote["words"], seed, claim.get("level"), claim.get("id", ""))
        for claim in gold.get("claims", [])
        for quote in claim.get("quotes", [])
        for seed in quote.get("in", [])
    ]
    extracted = {seed: _distinct_quotes(found.claims) for seed, found in extractions.items()}
    counter = _Counter()
    for words, seed, level, claim_id in wanted:
        hit = any(words in q.text for q in extracted.get(seed, ()))
        counter.gold(hit, level, f"{words!r} ({claim_id}) in {seed}")
    for seed, quotes in extracted.items():
        seed_words = [words for words, s, _, _ in wanted if s == seed]
        for quote in quotes:
            counter.extracted(any(words in quote.text for words in seed_words))
    return counter.figure()


def _distinct_quotes(claims: Iterable[Claim]) -> list[Quote]:
    """A quote attached to two claims is one quote."""
    return list({(q.start, q.end, q.text): q for c in claims for q in c.quotes}.values())


def _event_dates(gold: dict, extractions: Mapping[str, Extraction]) -> Figure:
    events = [(event, _gold_date_key(event["date"], event["precision"])) for event in gold.get("events", [])]
    counter = _Counter()
    for event, key in events:
        for seed in event.get("sources", []):
            found = extractions.get(seed)
            mentions = [*found.dates, *(c.date for c in found.claims if c.date)] if found else []
            hit = any(_date_key(d) == key for d in mentions)
            counter.gold(hit, event.get("level"), f"{event.get('id', event['date'])} in {seed}")
    for seed, found in extractions.items():
        keys = {_date_key(c.date) for c in found.claims if c.date} - {None}
        seed_keys = {key for event, key in events if seed in event.get("sources", [])}
        for key in keys:
            counter.extracted(key in seed_keys)
    return counter.figure()


def _date_key(mention: DateMention) -> tuple[str, tuple[int, ...]] | None:
    if mention.value is None or mention.precision not in DIGITS:
        return None
    value: date = mention.value
    return mention.precision, (value.year, value.month, value.day)[: DIGITS[mention.precision]]


def _gold_date_key(text: str, precision: str) -> tuple[str, tuple[int, ...]]:
    """ "2026-04-30" with "day", "2026-04" with "month", "2023" with "year" (a longer date is cut)."""
    parts = tuple(int(part) for part in text.split("-"))
    if len(parts) < DIGITS[precision]:
        raise ValueError(f"gold date {text!r} is too short for precision {precision!r}")
    return precision, parts[: DIGITS[precision]]


def _names(entity: dict) -> set[str]:
    return {_fold(entity["name"]), *(_fold(alias) for alias in entity.get("aliases", []))}


def _mention_names(mention) -> set[str]:
    return {_fold(mention.text)} | ({_fold(mention.entity)} if mention.entity else set())


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


class _Counter:
    def __init__(self) -> None:
        self.found = self.missed = self.correct = self.wrong = self.must_found = self.must_missed = 0
        self.missed_items: list[str] = []

    def gold(self, hit: bool, level: str | None, description: str) -> None:
        if hit:
            self.found += 1
            self.must_found += level == MUST
        else:
            self.missed += 1
            self.must_missed += level == MUST
            self.missed_items.append(description)

    def extracted(self, correct: bool) -> None:
        if correct:
            self.correct += 1
        else:
            self.wrong += 1

    def figure(self) -> Figure:
        return Figure(
            found=self.found,
            missed=self.missed,
            correct=self.correct,
            wrong=self.wrong,
            must_found=self.must_found,
            must_missed=self.must_missed,
            missed_items=tuple(self.missed_items),
        )
