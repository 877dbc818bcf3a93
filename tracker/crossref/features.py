"""What clustering compares articles by, taken from real text, and the comparison itself (plain Python).

Real coverage carries leftover markup, entity escapes, bylines, datelines and boilerplate: `clean_text`
(`frames`) removes them, and a headline's label of the kind of piece ("Live:"). An article is described by:

- the words of its title (double), lead and rest (a fifth: reports of one event may open apart and meet
  on the facts later), weighted by rarity among the articles compared (IDF): "said" weighs nothing;
- the participants named in its title and lead (not in a byline or another frame line), weighted the
  same way: the three people in every story of a case say which case, a name seen in two articles of the
  week says which event;
- its direct quotes (a shared quoted sentence is strong evidence; a stock phrase of under eight words
  is not), the days its dated facts name, and the day it reports (the one they name REPORTED_MIN times);
- the shingles of its lead and any wire credit, which find copies (a wire lede retitled, spun or shortened).

`cluster` turns the pairwise scores into stories by average linkage, deterministically: the outcome is
a function of the set of articles, whatever order they came in. Nothing here reads the database.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tracker.crossref import (
    copy_finding,
    copy_links,
    far,
    frames,
    linkage,
    rarities,
    relative,
    strays,
    untimed,
)
from tracker.crossref.datelines import dateline_end
from tracker.crossref.frames import framed, headline, in_frame
from tracker.crossref.words import EVENT_STEMS, STEM_CHARS, piece_kinds, stems, tokens

WINDOW = timedelta(days=3)  # stated publication times further apart never share a story
LEAD_WORDS, BODY_WORDS, BODY_WEIGHT = 80, 3000, 0.2  # words after the lead count, each a fifth
SHINGLE = 4
THRESHOLD = 0.06  # the average link two groups need to become one story
TERM_WEIGHT, ENTITY_WEIGHT, QUOTE_WEIGHT = 0.8, 0.5, 0.3
MIN_QUOTE_WORDS, QUOTE_SHINGLE = 4, 6
RARITY_PRIOR = 50
TERMS_FOR_ENTITIES = 0.15  # the word similarity at which shared participants count in full
# Left neutral: both raised the train labels' ARI and lowered dev's (docs/evaluation.md).
EVENT_BOOST = 1.0  # how much more an event word ("verdict", "caucus") weighs than another word
FACT_WEIGHT = 0.0  # the share of named days (dated facts) two articles have in common
QUOTE_MIN_SHARED = 3  # shared quote shingles below this are a common phrase, not a shared quote
DATE_FADE = 0.6  # the score three days apart is 40% of the same-day score
APART = 0.3  # what is left of the score of two articles naming participants, none of them the same
KIND_APART = 0.5  # and of two whose headlines announce pieces of different kinds (a poll, a rally)
REPORTED_MIN = 3  # a day its dated facts name this often is the day an article reports (`faded_gap`)

_WIRE = re.compile(
    r"\((AP|Reuters|UPI|AFP|Bloomberg)\)|\b(Associated Press|Reuters|United Press International|"
    r"Agence France-Presse|AFP|UPI)\b"
)
_QUOTE = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{10,600})[\u201d\"]")


def wire_credit(text: str) -> str:
    """The wire service a text credits at its start or end ("" when none)."""
    found = _WIRE.search((text or "")[:300]) or _WIRE.search((text or "")[-300:])
    return (found.group(1) or found.group(2)).lower() if found else ""


def entity_key(text: str, label: str) -> str:
    """One key for the ways an article names a participant: a person by surname ("Jane Roe",
    "Roe"), anything else by its words without a leading article."""
    words = [w for w in tokens(text) if w not in ("the", "a", "an")]
    if not words:
        return ""
    return words[-1] if label == "PERSON" else " ".join(words)


def shingles(words: Sequence[str], k: int = SHINGLE) -> set[int]:
    return {zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(max(0, len(words) - k + 1))}


@dataclass
class Profile:
    key: tuple  # (time, url): a stable order, whatever the arrival order
    time: datetime | None  # stated publication time, else where `undated.placed` puts it, else None
    seen: datetime  # first sighting: what places an article with no time
    terms: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)  # participants of the title and lead -> weight
    quotes: set[int] = field(default_factory=set)  # shingles of the words inside quotation marks
    lead: set[int] = field(default_factory=set)  # shingles of the lead, for copies
    wire: str = ""
    days: frozenset = frozenset()  # the days its dated facts name ("on Tuesday" in a Wednesday report)
    pinned: datetime | None = None  # undated: the day its dated facts name most (a last resort for time)
    kinds: frozenset = frozenset()  # the kinds of piece its headline announces (`words.PIECE_KINDS`)
    reported: datetime | None = None  # noon of the day its dated facts name most, REPORTED_MIN times or more
    yearless: frozenset = frozenset()  # undated: the (month, day)s its facts name with no year ("May 10")
    weekdays: frozenset = frozenset()  # undated: the weekdays its facts name bare ("on Tuesday"), 0 Monday
    named: frozenset = frozenset()  # the stems of the words inside its entity mentions (`undated.named`)


def gap(a: Profile, b: Profile) -> timedelta:
    """Days between two articles: by their times when both have one, else by their first sightings."""
    if a.time is not None and b.time is not None:
        return abs(a.time - b.time)
    return abs(a.seen - b.seen)


def faded_gap(a: Profile, b: Profile) -> timedelta:
    """`gap`, or the days from the day the later of two stated articles reports (its dated facts name it
    REPORTED_MIN times) to the earlier one, if fewer, unless the earlier reports another day: a print
    edition or next-day analysis is compared from the day it reports. WINDOW counts stated times."""
    days = gap(a, b)
    if a.time is None or b.time is None:
        return days
    later, earlier = (a, b) if a.time > b.time else (b, a)
    if later.reported is None or earlier.reported not in (None, later.reported):
        return days
    return min(days, abs(later.reported - earlier.time))


def profile(
    *,
    key: tuple,
    time: datetime | None,
    seen: datetime,
    title: str,
    text: str,
    mentions: Iterable[tuple],
    topic: frozenset[str] = frozenset(),
    days: Iterable = (),
) -> Profile:
    """`mentions`: (text, label, start) of the article's entity mentions, offsets into `text`; `topic`:
    stems every article of the tracked cases has (their keywords), which say which case, not which event;
    `days`: the days its dated facts name, with how often when a mapping (a Counter)."""
    counts = days if isinstance(days, Mapping) else Counter(days)
    top = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=None)
    body = frames.body(text, title)
    lead_words = body.split()[:LEAD_WORDS]
    lead = " ".join(lead_words)
    found = Profile(
        key=key,
        time=time,
        seen=seen,
        wire=wire_credit(text),
        days=frozenset(days),
        kinds=piece_kinds(title),
        reported=_noon(top[0]) if top and top[1] >= REPORTED_MIN else None,
    )
    names: set[str] = set()
    lead_end = len(" ".join(text.split()[: LEAD_WORDS + 20]))
    dateline, frame = dateline_end(text), framed(text)
    for surface, label, start in mentions:
        name = entity_key(surface, label)
        if not name or start < dateline or in_frame(start, frame):
            continue
        names.update(tokens(surface))
        if start <= lead_end or surface.lower() in title.lower():
            found.entities[name] = 1.0
    found.named = frozenset(n[:STEM_CHARS] for n in names)
    names = found.named | topic
    for part, weight in (
        (headline(title), 2.0),
        (lead, 1.0),
        (" ".join(body.split()[LEAD_WORDS:BODY_WORDS]), BODY_WEIGHT),
    ):
        for word in stems(part):
            if word not in names:
                found.terms[word] += weight * (EVENT_BOOST if word in EVENT_STEMS else 1.0)
    for quoted in _QUOTE.findall(body):
        words = tokens(quoted)
        if len(words) >= MIN_QUOTE_WORDS:
            found.quotes |= shingles(words, QUOTE_SHINGLE)
    found.lead = shingles(tokens(lead)[:60], 5)
    return found


def is_copy(a: Profile, b: Profile) -> bool:
    """One text under two names: most of the shorter lead is in the other (a retitled wire lede, a
    shortened or lightly spun copy), or a shared wire credit with half of it."""
    if not a.lead or not b.lead:
        return False
    contained = len(a.lead & b.lead) / min(len(a.lead), len(b.lead))
    return copy_finding.copied(contained, gap(a, b) <= WINDOW, bool(a.wire) and a.wire == b.wire)


def rarity(profiles: Sequence[Profile]) -> tuple[dict[str, float], dict[str, float]]:
    """IDF of terms and of participants over the articles compared. Terms as if RARITY_PRIOR more
    articles shared none of them (in a handful of articles about one event, the words they share are
    not common words); participants without that prior: a name in most of the articles compared is
    the case's cast, whatever their number."""
    n = len(profiles)
    term_df = Counter(t for p in profiles for t in p.terms)
    entity_df = Counter(e for p in profiles for e in p.entities)
    terms = {k: math.log((n + RARITY_PRIOR) / (v + 0.5)) for k, v in term_df.items()}
    entities = {k: max(0.0, math.log((n + 1) / (v + 0.5))) for k, v in entity_df.items()}
    return terms, entities


def vectors(p: Profile, term_idf: dict[str, float], entity_idf: dict[str, float]) -> tuple[dict, dict]:
    terms = {t: w * term_idf.get(t, 0.0) for t, w in p.terms.items()}
    entities = {e: w * entity_idf.get(e, 0.0) for e, w in p.entities.items()}
    return _unit(terms), entities


def pair_score(a, b, va: tuple[dict, dict], vb: tuple[dict, dict]) -> float:
    """How likely two articles report the same event, 0 to about 1; 0 more than WINDOW apart.
    Participants count by the rarity of those shared against all named (weighted Jaccard), and only
    as far as the words agree too: the same people in two different events never make one story.
    Two articles each naming participants in their title and lead, none of them the same, keep APART
    of the rest: they report two happenings (two debates of one week, a rally and a poll) however
    alike their words. Shared quotations count on their own. The score fades with `faded_gap`."""
    days = gap(a, b)
    if days > WINDOW:
        return 0.0
    terms = _dot(va[0], vb[0])
    ea, eb = va[1], vb[1]
    union = sum(max(w, eb.get(e, 0.0)) for e, w in ea.items()) + sum(w for e, w in eb.items() if e not in ea)
    entities = sum(min(w, eb[e]) for e, w in ea.items() if e in eb) / union if union else 0.0
    shared = len(a.quotes & b.quotes) if a.quotes and b.quotes else 0
    quotes = min(1.0, shared / 3) if shared >= QUOTE_MIN_SHARED else 0.0
    facts = len(a.days & b.days) / len(a.days | b.days) if a.days and b.days else 0.0
    agree = min(1.0, terms / TERMS_FOR_ENTITIES)
    score = TERM_WEIGHT * terms + (ENTITY_WEIGHT * entities + FACT_WEIGHT * facts) * agree
    if ea and eb and ea.keys().isdisjoint(eb):
        score *= APART
    if a.kinds and b.kinds and a.kinds.isdisjoint(b.kinds):
        score *= KIND_APART
    return (score + QUOTE_WEIGHT * quotes) * (1.0 - DATE_FADE * faded_gap(a, b) / WINDOW)


def copy_groups(profiles: Sequence[Profile]) -> list[list[int]]:
    """Indexes of the same text under several names, each group earliest key first (its original)."""
    parent = list(range(len(profiles)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(profiles)):
        for j in range(i + 1, len(profiles)):
            if is_copy(profiles[i], profiles[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(profiles)):
        groups.setdefault(root(i), []).append(i)
    return sorted(
        (sorted(g, key=lambda i: profiles[i].key) for g in groups.values()), key=lambda g: profiles[g[0]].key
    )


def cluster(profiles: Sequence[Profile], threshold: float | None = None, *, copies=None) -> list[list[int]]:
    """Groups of indexes into `profiles`, by average linkage above `threshold`, copies with their original
    (a copy counts once: ten syndicated runs of a text do not make its words common). Deterministic, ties
    to the earliest keys: any order of the same articles gives the same groups. The rarities and vectors
    run in `rarities`, the pair scores and the merges in `linkage` (numpy, a heap); weak links between
    two profiles with no time are dropped (`untimed`); a report or two left apart join the story they
    clearly belong to (`strays`), a group alone in its window its other part a quiet spell away (`far`). `copies`: the profiles' `linkage.copy_groups`
    when the caller has them (a settle links copies with them too)."""
    threshold = THRESHOLD if threshold is None else threshold
    copies = linkage.copy_groups(profiles) if copies is None else copies  # one matrix product
    ranked = [profiles[g[0]] for g in copies]  # already in key order
    term_idf, entity_idf, vecs = rarities.weighed(ranked)  # `rarity` and `vectors`, over arrays
    best = copy_links.best(profiles, copies, vecs, (term_idf, entity_idf))  # a group's best run's links
    raw = untimed.kept(ranked, best)
    links, bar = relative.bar(raw, vecs, entity_idf, threshold)  # the floor, or a bar over it
    groups = linkage.average_linkage(len(ranked), links, bar)
    groups = strays.joined(groups, raw, threshold, strays.outlets(ranked))  # fragments
    groups = far.joined(groups, ranked, vecs, bar=bar, score=pair_score, window=WINDOW)  # after a quiet spell
    found = [sorted(m for unit in g for m in copies[unit]) for g in groups]
    return sorted(found, key=lambda g: min(profiles[i].key for i in g))


def _noon(day) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())
