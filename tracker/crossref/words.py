"""Crossref's words: its stopwords, and the two ways it folds words so that inflections compare equal.

Two comparisons, two foldings, one vocabulary:

- claim linking and discrepancies compare the *content words* of claims (`content_words`): lower-cased
  words without `STOPWORDS`, with crude suffix folding (train/trained/training, company/companies);
- clustering compares articles by *stems* (`stems`): the first STEM_CHARS letters of each word longer
  than two letters, without `CLUSTERING_STOPWORDS` (the function words plus the words every news
  report uses: days of the week, "reported", "according"...).

Neither is a stemmer, and neither is meant to be shown. Speakers and quotes are compared by their
normalised words too (`normalise_speaker`, `speaker_key`, `normalise_quote`). Plain Python, no database.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

STEM_CHARS = 6
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just
    may me might more most much must my myself no nor not now of off on once only or other our ours out
    over own said same say says she should so some such than that the their theirs them then there these
    they this those through to too under until up upon very was we were what when where which while who
    whom why will with would you your yours""".split()
)
NEWS_WORDS = frozenset(
    """
    according afternoon amid around asked back called came co come corp evening ever every first friday
    get going got however inc including know last later latest least like ltd made make many monday
    morning near new news next night one per reported reporting saturday see since still sunday thing
    things thursday time today told tuesday two update updated us use used using via way wednesday week
    within without year years yet
    """.split()
)
# What happened, in the words news uses for it: a court's, a legislature's, an election's, a campaign's
# and an agency's events. Sharing one of these in a window says more than sharing an ordinary word.
EVENT_WORDS = frozenset(
    """
    acquit acquitted appeal appealed appeals arrest arrested arraigned ballot ballots caucus caucuses
    charge charged charges concede conceded concession convicted conviction debate debates delegate
    delegates deposition dismissed endorse endorsed endorsement filed filing hearing impeach indict
    indicted indictment injunction investigation jury lawsuit nominee nomination overturned plea primary
    primaries recount resign resigned resignation ruled ruling sentenced settle settled settlement sued
    subpoena testified testimony trial verdict veto vetoed vote voted votes withdrew
    """.split()
)
# The kind of piece a headline announces, by its words (id -> word forms): two pieces of different kinds
# in one window (a poll and a rally, an ad and a court ruling) are two happenings, however alike the rest.
PIECE_KINDS = {
    "poll": "poll polls polling pollster pollsters survey surveys",
    "debate": "debate debates debated",
    "rally": "rally rallies",
    "endorsement": "endorse endorses endorsed endorsement endorsements",
    "ad": "ad ads advert adverts commercial commercials",
    "money": "fundraiser fundraisers fundraising donor donors donation donations",
    "court": "court courts judge judges lawsuit lawsuits sue sues sued",
    "speech": "speech speeches",
}
_KIND_OF = {word: kind for kind, forms in PIECE_KINDS.items() for word in forms.split()}
# Function words clustering has always kept as features (its scores were tuned with them in).
CLUSTERING_KEEPS = frozenset("am below herself himself me myself ours theirs yours".split())
CLUSTERING_STOPWORDS = (STOPWORDS - CLUSTERING_KEEPS) | NEWS_WORDS
EVENT_STEMS = frozenset(w[:STEM_CHARS] for w in EVENT_WORDS)
_WORD = re.compile(r"[a-z0-9]+")
Key = tuple[str, object]  # a speaker: ("entity", id) or ("text", normalised speaker text)


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'").replace("'s ", " "))


def stems(text: str) -> list[str]:
    return [
        w[:STEM_CHARS]
        for w in tokens(text)
        if len(w) > 2 and w not in CLUSTERING_STOPWORDS and not w.isdigit()
    ]


def piece_kinds(title: str) -> frozenset[str]:
    """The kinds of piece (`PIECE_KINDS` ids) a headline's words announce."""
    return frozenset(_KIND_OF[w] for w in tokens(title) if w in _KIND_OF)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of `text` without stopwords, with crude suffix folding (train/trained/training,
    company/companies) so that inflections match; not a stemmer, and not meant to be shown."""
    words = set()
    for word in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")):
        if len(word) < 2 or word in STOPWORDS:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "i"
        elif word.endswith("y") and len(word) > 3:
            word = word[:-1] + "i"
        else:
            for suffix in ("ing", "ed", "es", "s"):
                if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                    word = word[: -len(suffix)]
                    break
            if word.endswith("e") and len(word) > 3:
                word = word[:-1]
        words.add(word)
    return frozenset(words)


def normalise_speaker(text: str) -> str:
    return " ".join(re.findall(r"\w+", re.sub(r"['’]s\b", "", text.lower())))


def normalise_quote(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@functools.lru_cache(maxsize=1 << 12)
def speaker_key(entity_id: int | None, text: str) -> Key:
    """Who speaks, comparably: a known entity by its id, anyone else by their normalised words (kept per
    process: claim linking asks it of every claim of its pool for each article)."""
    return ("entity", entity_id) if entity_id else ("text", normalise_speaker(text))


MIN_SHARED_WORDS = 2  # claim linking's floor: fewer shared content words say nothing in common
MIN_QUOTE_WORDS = 2  # a one-word quote ("partly", "distillation") is too common to identify a claim
MIN_SIMILARITY = 0.4  # two claims' content words at least this alike (Ochiai) may be one statement


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How much two word sets say the same thing: 0 unless they share MIN_SHARED_WORDS words (or are
    the same words)."""
    shared = len(a & b)
    if a == b and a:
        return 1.0
    if shared < MIN_SHARED_WORDS:
        return 0.0
    return shared / (len(a) * len(b)) ** 0.5


DISTINCTIVE = 4  # letters: shorter content words ("end", "day", "way") are what idioms are made of


def distinctive(words: Iterable[str]) -> int:
    """How many of the words are content words of DISTINCTIVE letters or more: what a run of quoted words
    needs beside the words it shares by chance (`claim_restating`, `claim_slots`)."""
    return sum(len(w) >= DISTINCTIVE for w in content_words(" ".join(words)))


def word_runs(quote: str, size: int) -> frozenset[tuple[str, ...]]:
    """Every run of `size` consecutive words of a quote (`normalise_quote`d): what claim events, speaker
    kin and claim restating compare quotes by, each at its own size."""
    words = normalise_quote(quote).split()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def quote_keys(quotes: list[dict]) -> set[str]:
    """The quotes that can identify a claim: normalised, of MIN_QUOTE_WORDS words or more."""
    keys = {normalise_quote(q.get("text", "")) for q in quotes}
    return {k for k in keys if len(k.split()) >= MIN_QUOTE_WORDS}
