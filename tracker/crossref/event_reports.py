"""What a dated passage says happened: reports of events read from date mentions, and event titles.

Intent: a date becomes a timeline entry only when its clause says something happened then ("The trial,
which opened in Oakland on April 27, 2026" is an opening; "a licence through 2032" and "May
inadvertently reproduce..." are not). The event words, grouped into kinds, are data
(patterns/events.jsonl); the kind keeps two things on one day apart (an opening and a testimony).

Caveats: the clause is read with regular expressions, not a parse: the nearest event word within the
date's clause wins (not one after a word its kind's "not_after" lists: "I started the script" is no
opening), and titles are the clause cut down ("The trial opened in Oakland"), which reads well
for relative clauses and plain sentences and clumsily for the rest. A date mention equal to the
article's own publication date on a short line is its byline and never an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache

from tracker.crossref.models import Claim, DateMention
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.passages import phrase_pattern, sentence_spans
from tracker.sources.models import Article

EVENTS_FILE = PATTERNS_DIR / "events.jsonl"
RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
BYLINE_CHARS = 60  # a line this short holding the publication date is a byline or a dateline
WINDOW_BEFORE, WINDOW_AFTER = 10, 8  # words of the date's clause searched for an event word
TITLE_WORDS = 16  # past this, a title ends at its first clause boundary: never cut mid-clause
TITLE_HEAD_WORDS = 6  # a clause shorter than this is not yet a readable headline
TITLE_CHARS = 300  # Event.title's column
CLAUSE_END = re.compile(r"[,;:]\s|\s[—–]\s|\s-\s|\s\(")
NOT_AN_EVENT = re.compile(r"\b(?:through|until|till|by|since|before|after|ahead\s+of)\s*$", re.IGNORECASE)
RELATIVE = re.compile(r",?\s+(?:which|who|that)\s+", re.IGNORECASE)
LEADING = re.compile(r"^(?:during|at|in|on|after|before|since|by|when|while|as|and|but)\s+", re.IGNORECASE)
TRAILING = re.compile(
    r"(?:[\s,]+(?:on|in|at|during|since|from|of|by|around|about|earlier|later|this|last|the|early|late|mid|as))+[\s,]*$",
    re.IGNORECASE,
)
VERBS = {
    "testimony": "testifies",
    "ruling": "rules",
    "allegation": "alleges",
    "defense": "responds",
    "statement": "says",
    "policy": "states",
}


@dataclass(frozen=True)
class Report:
    """One statement, by these articles, that something of `kind` happened on `date`."""

    kind: str
    date: date
    precision: str
    articles: tuple[int, ...]
    seen: datetime | None = None  # when the first of the articles reported it
    title: str = ""
    summary: str = ""
    claim: Claim | None = None
    words: str = ""  # a date mention's text and offsets in its article
    start: int = 0
    end: int = 0


@dataclass
class Group:
    """The reports (and claims) of one event."""

    kind: str
    date: date
    precision: str
    reports: list[Report] = field(default_factory=list)
    claims: dict[int, Claim] = field(default_factory=dict)

    def contains(self, day: date, precision: str) -> bool:
        """Whether a finer date lies in this group's period."""
        return RANK[precision] < RANK[self.precision] and within(day, self.date, self.precision)


def within(day: date, start: date, precision: str) -> bool:
    """Whether `day` falls in the period of `precision` starting at `start` (a week starts on Monday)."""
    if precision == "week":
        return start <= day < start + timedelta(days=7)
    if precision == "month":
        return (day.year, day.month) == (start.year, start.month)
    if precision == "year":
        return day.year == start.year
    return day == start


def reported_at(article: Article) -> datetime:
    """When an article reported something: its stated publication date, else its first sighting (also
    when the stated time is suspect: in the future, or backdated on a prompt feed)."""
    return reported_from(article.published_at, article.first_seen_at, article.published_suspect)


def reported_from(published_at: datetime | None, first_seen_at: datetime, suspect: bool) -> datetime:
    """`reported_at` from an article's three fields, read as plain values (no Article at hand)."""
    if published_at and published_at < first_seen_at and not suspect:
        return published_at
    return first_seen_at


@cache
def event_kinds() -> dict[str, tuple[bool, re.Pattern[str] | None]]:
    """Event kind -> (happens once per case, pattern of its words)."""
    return {r["id"]: (bool(r.get("once")), phrase_pattern(r["phrases"])) for r in read_jsonl(EVENTS_FILE)}


@cache
def _not_after() -> dict[str, frozenset[str]]:
    """Event kind -> the words that, just before one of its event words, make it another act ("not_after")."""
    return {r["id"]: frozenset(r.get("not_after", ())) for r in read_jsonl(EVENTS_FILE)}


def mention_reports(article: Article, mentions: Iterable[DateMention]) -> list[Report]:
    """The article's date mentions that date an event, as reports (bylines and bare dates skipped)."""
    mentions = [m for m in mentions if m.value is not None and m.precision in RANK]
    spans = sentence_spans(article.text)
    published = article.published_at.date() if article.published_at else None
    reports = []
    for m in mentions:
        inside_another = any(o is not m and o.start <= m.start and m.end <= o.end for o in mentions)
        if inside_another or _byline(article.text, m, published):
            continue
        start, end = next(((s, e) for s, e in spans if s <= m.start < e), (m.start, m.end))
        cue = _cue(article.text, start, end, m)
        if cue is None:
            continue
        kind, cue_start = cue
        sentence = article.text[start:end]
        title = clause_title(sentence, m.start - start, m.end - start, cue_start - start)
        at, span = reported_at(article), {"words": m.text, "start": m.start, "end": m.end}
        reports.append(Report(kind, m.value, m.precision, (article.pk,), at, title, sentence, **span))
    return reports


def _byline(text: str, mention: DateMention, published: date | None) -> bool:
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return mention.value == published and len(line.strip()) <= BYLINE_CHARS


def _cue(text: str, start: int, end: int, mention: DateMention) -> tuple[str, int] | None:
    """The kind and position of the event word nearest the date within its clause."""
    before = text[start : mention.start]
    if NOT_AN_EVENT.search(before):
        return None
    clause_start = start + max(before.rfind(c) for c in ",;:(—–") + 1
    words = list(re.finditer(r"\S+", text[clause_start : mention.start]))[-WINDOW_BEFORE:]
    lo = clause_start + words[0].start() if words else mention.start
    after = re.match(r"[^,;:.()—–]*", text[mention.end : end])
    words = list(re.finditer(r"\S+", after.group() if after else ""))[:WINDOW_AFTER]
    hi = mention.end + words[-1].end() if words else mention.end
    best: tuple[int, str, int] | None = None
    for kind, (_, pattern) in event_kinds().items():
        if pattern is None:
            continue
        for m in pattern.finditer(text, lo, hi):
            if (
                mention.start <= m.start() < mention.end
                or _word_before(text, m.start()) in _not_after()[kind]
            ):
                continue
            distance = mention.start - m.end() if m.end() <= mention.start else m.start() - mention.end
            if best is None or distance < best[0]:
                best = (distance, kind, m.start())
    return (best[1], best[2]) if best else None


def _word_before(text: str, at: int) -> str:
    found = re.search(r"(\w+)\W*$", text[max(0, at - 20) : at])
    return found[1].casefold() if found else ""


def clause_title(sentence: str, date_start: int, date_end: int, cue_start: int) -> str:
    """The clause that says what happened, without the date: "The trial, which opened in Oakland on
    April 27, 2026, centers on..." -> "The trial opened in Oakland"."""
    if cue_start < date_start:
        head = sentence[:date_start]
        relative = [m for m in RELATIVE.finditer(head) if m.end() <= cue_start]
        if relative:
            subject = head[: relative[-1].start()]
            subject = subject[max(subject.rfind(c) for c in ",;:(—") + 1 :]
            text = f"{subject.strip()} {head[relative[-1].end() :]}"
        else:
            text = head[max(head[:cue_start].rfind(c) for c in ",;:(—") + 1 :]
    else:
        text = re.split(r"[;:.(—]", sentence[date_end:].lstrip(" ,"), maxsplit=1)[0]
    text = LEADING.sub("", TRAILING.sub("", text).strip(" ,;:—-"))
    return _shorten(text)


def claim_title(claim: Claim) -> str:
    """A headline for a claim's event: "Elon Musk testifies that <what he said>"."""
    text = claim.text.strip().rstrip(".")
    head = text.split(", ", 1)[0]
    if len(head.split()) >= 6:
        text = head
    return _shorten(_reported(claim, text))


def claim_sentence(claim: Claim) -> str:
    """The claim as one sentence a reader can take alone: "Elon Musk testifies that ... ."."""
    line = _capitalised(_reported(claim, " ".join(claim.text.split()).rstrip(" .,;:")))
    return line if line.endswith(("?", "!", "”", '"')) else line + "."


def _reported(claim: Claim, text: str) -> str:
    speaker = claim.speaker.name if claim.speaker else claim.speaker_text
    verb = VERBS.get(claim.kind)
    return f"{speaker} {verb} that {text}" if speaker and verb else text


def describe(group: Group) -> tuple[str, str]:
    """Title and summary: from the best-evidenced published claim when there are any (a claim that
    waits for a curator lends the event no words), else the finest and earliest date mention's clause
    and sentence."""
    published = [c for c in group.claims.values() if c.is_public()]
    if published:
        dated = {r.claim.pk for r in group.reports if r.claim is not None}
        claims = sorted(
            published,
            key=lambda c: (c.pk not in dated, -len({e.article_id for e in c.evidence.all()}), c.pk),
        )
        summary = "\n".join(claim_sentence(c) for c in claims[:3])
        return claim_title(claims[0]), summary
    mentions = [r for r in group.reports if r.claim is None] or group.reports
    best = min(
        mentions,
        key=lambda r: (RANK[r.precision], r.seen is None, r.seen.timestamp() if r.seen else 0, r.articles),
    )
    return best.title or group.kind, best.summary


def _shorten(text: str) -> str:
    """A complete line: a long title ends at its first clause boundary after a readable head, and
    is otherwise kept whole (a long complete line reads better than a cut one)."""
    text = " ".join(text.split())
    if len(text.split(" ")) > TITLE_WORDS or len(text) > TITLE_CHARS:
        for boundary in CLAUSE_END.finditer(text):
            if len(text[: boundary.start()].split()) >= TITLE_HEAD_WORDS:
                text = text[: boundary.start()]
                break
    if len(text) > TITLE_CHARS:  # one endless clause: the words that fit, whole
        text = text[:TITLE_CHARS].rsplit(" ", 1)[0]
    return _capitalised(text.rstrip(" ,;:"))


def _capitalised(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first[1:] == first[1:].lower():  # "xAI" and "iPhone" keep their case
        text = text[:1].upper() + text[1:]
    return text
