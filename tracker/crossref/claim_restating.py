"""Claim restating: two outlets' quotes of one speaker that are one statement though their words differ
(issue 16, item 4), so that claim linking puts them on one claim and the difference is shown.

Claim linking joins a report to its speaker's claim by a quote both hold verbatim, else by enough shared
content words (`words.MIN_SIMILARITY`). A statement quoted with one word changed ("poisoned the jury
pool" / "tainted the jury pool") or a hedge put in ("We will appeal." / "We are likely to appeal,") shares
neither, and stayed two claims: the disagreement the outlets' wordings are was never shown. Only quotes
count (the speaker's words, not the outlet's; the contents too for a figure or a date), and only among the
claims of the report's own speaker key in its story or event (the pool `claim_linking._match` compares it
with), in five shapes:

- a shared run of RUN_WORDS consecutive quoted words holding MIN_CONTENT distinctive content words
  ("taken out of context", "it broke the terms");
- a whole quote of RUN_WORDS words or more found in the other's quote with one content word replaced,
  the rest holding MIN_CONTENT distinctive content words ("tainted the jury pool" in "... poisoned the jury
  pool with ...");
- a whole quote of RUN_WORDS words or more found in the other's with one phrase of one or two words
  replaced by another of one or two (no word shared, no negation in either: "appeal" / "not appeal" is
  not it), the RUN_WORDS - 1 words kept or more holding MIN_CONTENT distinctive content words ("a
  contract case dressed up as a copyright case" / "... disguised as ..."; not "just make more accounts" /
  "just spin up more accounts": one distinctive word kept) (`_rephrased`);
- a whole quote of SHORT_WORDS words or more found in the other's with one word replaced by another,
  both of `words.DISTINCTIVE` letters, no negation, when the words kept hold a distinctive word that
  is not the story's topic (`_swapped`, asked only by claim linking, which knows the topic:
  `claim_topics.topic`): "hasty, not dishonest" / "rushed, not dishonest", "a lawsuit about pride"
  / "vanity"; not "a great day" / "a sad day" (no distinctive word kept), nor "the motion is granted" /
  "denied" where most of the speaker's claims of the story name the motion;
- the same words around another figure or date, in the quotes or the contents (`claim_slots`: slot
  keys, kept with the claim's quote keys);
- a quoted sentence (or a quote of no sentence mark) that says the same once its stance is taken out:
  the same content words without the stance phrases (`stance`: the hedge lexicon,
  `tracker/nlp/patterns/hedges.jsonl`, and `stance.jsonl` beside it: the future, intent, opinion: "will",
  "likely", "considering", "I believe"), negation and the "ever" a negation takes along, the same subject
  pronoun, and a negation on both sides or on neither ("We will appeal." / "We are considering an
  appeal,"; not "We will not appeal."). One side may hold no stance at all when it has a subject pronoun
  and two content words ("I never opened the files" / "I don't believe I ever opened the files": the hedge
  is the very disagreement the row shows); two plain sentences meet only verbatim. A sentence with no
  subject pronoun and one content word left ("is likely to succeed" / "may well succeed") counts only when
  the two reports' contents share other words too (`weak`).

These are keys of a quote's sentences (`keys`, kept on a claim with its quote keys, `claim_evidence`) and
a test of a report's quotes against a claim's (`quoted`), the same in either order, so the merging stays
order-independent.
Caveats: two statements of one speaker in one story that share an idiom of four words ("at the end of
the day" holds only short words and does not count), say one hedged thing about two subjects ("it may
well succeed"), or a short phrase with one word swapped for its opposite about a thing few of the
speaker's claims name ("the first motion is granted" / "denied") become one claim; a curator splits
them, which locks both halves.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from tracker.crossref import claim_slots
from tracker.crossref.words import (
    DISTINCTIVE,
    STOPWORDS,
    content_words,
    distinctive,
    normalise_quote,
    quote_keys,
    word_runs,
)
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.hedges import HEDGES_FILE

RUN_WORDS = 4
MIN_CONTENT = 2  # distinctive content words a shared run (or the rest of a replaced quote) holds
SHORT_WORDS = 3  # a quote this long or longer with one word swapped (`_swapped`): "harsh but fair"
KEY = "~"  # a stance key's mark: no quote key (`words.quote_keys`, normalised words) starts with it
WEAK = "?"  # after KEY: a stance key with no subject and one content word (`weak`)
PLAIN = "="  # after KEY: a plain key, of a sentence with no stance (met only by a stance key: `quoted`)
DENIED = " !"  # ends the key of a sentence that holds a negation: "I never ..." is not "I ..."
SUBJECTS = frozenset("i we they he she it you".split())
STANCE_FILE = PATTERNS_DIR / "stance.jsonl"  # beside the hedge lexicon: the future, intent, opinion
NEGATION = frozenset("not no never don didn doesn won wouldn isn wasn aren weren cannot can t".split())
PARTNERS = frozenset({"ever"})  # what a negation takes along: "I never ..." is "I don't believe I ever ..."
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+")


@functools.cache
def stance() -> dict[tuple[str, ...], int]:
    """Words that take a stance on a statement without changing what it states, as `normalise_quote`
    splits them: every phrase of the hedge lexicon (`tracker/nlp/patterns/hedges.jsonl`) and of
    `stance.jsonl` (the future, intent, opinion) -> its length."""
    rows = [*read_jsonl(HEDGES_FILE), *read_jsonl(STANCE_FILE)]
    return {tuple(normalise_quote(p).split()): len(p.split()) for r in rows for p in r["phrases"]}


def _unstanced(words: list[str]) -> tuple[list[str], bool]:
    """The words without their stance phrases (the longest at each place), and whether any was there."""
    phrases, kept, at = stance(), [], 0
    longest = max(map(len, phrases))
    while at < len(words):
        size = next((n for n in range(longest, 0, -1) if tuple(words[at : at + n]) in phrases), 0)
        kept += [] if size else [words[at]]
        at += size or 1
    return kept, len(kept) < len(words)


def keys(quotes: Iterable[dict]) -> set[str]:
    """The stance keys of the quotes' sentences of three words or more that hold a stance phrase: KEY,
    the subject pronoun the sentence opens with (or WEAK, with no subject and one content word left),
    then its content words without stance, negation and its PARTNERS, and DENIED if it held a negation.
    A sentence with no stance, a subject pronoun and MIN_CONTENT content words has the same key with
    PLAIN after KEY."""
    found = set()
    for quote in quotes:
        for sentence in SENTENCE_END.split(quote.get("text", "")):
            words = normalise_quote(sentence).split()
            if len(words) < 3:
                continue
            kept, stanced = _unstanced(words)
            subject = words[0] if words[0] in SUBJECTS else ""
            said = sorted(content_words(" ".join(w for w in kept if w not in NEGATION | PARTNERS)))
            denied = DENIED if NEGATION.intersection(words) else ""
            if said and stanced:
                found.add(KEY + (subject or (WEAK if len(said) == 1 else "")) + ":" + " ".join(said) + denied)
            elif subject and len(said) >= MIN_CONTENT:
                found.add(KEY + PLAIN + subject + ":" + " ".join(said) + denied)
    return found


def verbatim(quote_keys: Iterable[str]) -> list[str]:
    """The quote keys of words as quoted (a claim's quote keys hold its stance keys too)."""
    return [k for k in quote_keys if not k.startswith(KEY)]


def said_keys(quotes: list[dict], text: str = "") -> set[str]:
    """What a report is compared on: its quotes' quote keys and stance keys, and the slot keys of its
    quotes and its content `text` (`claim_slots`: the same words around a figure or a date)."""
    slots = claim_slots.keys(text).union(*(claim_slots.keys(q.get("text", "")) for q in quotes))
    return quote_keys(quotes) | keys(quotes) | slots


def quoted(
    said: set[str], claim_quotes: set[str], resembles: bool, topic: Callable[[], frozenset[str]] | None = None
) -> bool:
    """A report (its `said_keys`) quotes a claim of its speaker (the same, of its reports): a quote both
    hold verbatim, or the same statement in other words: a shared distinctive run, a quote with one word
    replaced, or one stance key (a `weak` one only when the two contents resemble: `resembles`); given
    the story's `topic` words (read when asked), a short quote with one word swapped (`_swapped`)."""
    shared = said & claim_quotes
    if any(not k.startswith(KEY + PLAIN) and (not weak(k) or resembles) for k in shared):
        return True
    if _plain(said) & claim_quotes or _plain(claim_quotes) & said:  # a stance put in a plain statement
        return True
    theirs = verbatim(claim_quotes)
    return any(
        _runs(a) & _runs(b)
        or _replaced(a, b)
        or _replaced(b, a)
        or _rephrased(a, b)
        or _rephrased(b, a)
        or (topic is not None and (_swapped(a, b, topic) or _swapped(b, a, topic)))
        for a in verbatim(said)
        for b in theirs
    )


def weak(key: str) -> bool:
    return key.startswith(KEY + WEAK)


def _plain(said: set[str]) -> set[str]:
    """The PLAIN keys the stance keys of `said` with a subject would have without their stance."""
    return {KEY + PLAIN + k[len(KEY) :] for k in said if k.split(":", 1)[0][len(KEY) :] in SUBJECTS}


@functools.lru_cache(maxsize=1 << 14)
def _runs(quote: str) -> frozenset[tuple[str, ...]]:
    """The quote's runs of RUN_WORDS words holding MIN_CONTENT distinctive content words."""
    return frozenset(run for run in word_runs(quote, RUN_WORDS) if distinctive(run) >= MIN_CONTENT)


def _replaced(whole: str, other: str) -> bool:
    """The quote `whole` (RUN_WORDS words or more) is a run of `other` with one content word replaced,
    the words kept holding MIN_CONTENT distinctive content words."""
    return any(
        not pair & STOPWORDS and distinctive(kept) >= MIN_CONTENT
        for pair, kept in _one_changed(whole, other, RUN_WORDS)
    )


def _swapped(whole: str, other: str, topic: Callable[[], frozenset[str]]) -> bool:
    """The quote `whole` (SHORT_WORDS words or more) is a run of `other` with one word swapped for
    another, both of DISTINCTIVE letters and no negation, the words kept holding a content word of
    DISTINCTIVE letters that is not among the `topic` words ("was hasty, not dishonest" / "was rushed,
    not dishonest": "dishonest"). A quote this short says little: the kept word must be the speaker's own
    in the story, not what all of its claims are about."""
    return any(
        not pair & NEGATION
        and distinctive(pair) >= 2
        and {w for w in content_words(" ".join(kept)) if len(w) >= DISTINCTIVE} - topic()
        for pair, kept in _one_changed(whole, other, SHORT_WORDS)
    )


def _one_changed(whole: str, other: str, least: int) -> Iterator[tuple[set[str], list[str]]]:
    """Each place the quote `whole` (`least` words or more) stands in `other` with exactly one word
    changed: the two words, and the words of `whole` kept."""
    a, b = whole.split(), other.split()
    if len(a) < least or len(b) < len(a):
        return
    for i in range(len(b) - len(a) + 1):
        differ = [j for j in range(len(a)) if a[j] != b[i + j]]
        if len(differ) == 1:
            at = differ[0]
            yield {a[at], b[i + at]}, a[:at] + a[at + 1 :]


def _rephrased(whole: str, other: str) -> bool:
    """The quote `whole` is a run of `other` with one phrase of one or two words replaced by another of one
    or two ("a contract case dressed up as a copyright case" / "... disguised as ..."), neither a
    stopword or negation alone, the words kept RUN_WORDS - 1 or more holding MIN_CONTENT distinctive
    content words (one word for one word is `_replaced`'s)."""
    a, b = whole.split(), other.split()
    if len(a) < RUN_WORDS:
        return False
    for at in range(len(a)):
        for size in (1, 2):
            before, phrase, after = a[:at], a[at : at + size], a[at + size :]
            kept = before + after
            if len(phrase) < size or len(kept) < RUN_WORDS - 1 or distinctive(kept) < MIN_CONTENT:
                continue
            for other_size in (1, 2) if size == 2 else (2,):
                if _found(b, before, other_size, after, phrase):
                    return True
    return False


def _found(b: list[str], before: list[str], size: int, after: list[str], phrase: list[str]) -> bool:
    """`b` holds `before`, a phrase of `size` words sharing no word with `phrase`, then `after`; each
    phrase holds a word that is no stopword, and neither a negation ("appeal" / "not appeal")."""
    span = len(before) + size + len(after)
    for i in range(len(b) - span + 1):
        other = b[i + len(before) : i + len(before) + size]
        around = b[i : i + len(before)] == before and b[i + len(before) + size : i + span] == after
        apart = not {*phrase, *other} & NEGATION and not set(phrase) & set(other)
        if around and apart and all(set(p) - STOPWORDS for p in (phrase, other)):
            return True
    return False
