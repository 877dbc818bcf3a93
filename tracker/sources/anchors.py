"""Anchors: a text's names and numbers in their order, which decide a near copy that shares few of
its original's word shingles (a heavily spun, rewritten or machine-translated copy).

A spinner swaps a third of the content words and a translator changes function words, so two thirds
of a copy's word 5-shingles may differ from its original's and `minhash.NEAR_COPY_THRESHOLD` is
missed. What neither touches are the names and numbers: the capitalised words not opening a sentence
and the figures, in the order the text gives them. Their 3-shingles are summarised in a signature of
their own (ANCHOR_PERM minimum hashes, banded ANCHOR_ROWS to a band under band numbers after the
word signature's, so their keys never meet), and a candidate is a copy when its anchor similarity
reaches NEAR_COPY_ANCHORS while its word similarity still reaches NEAR_COPY_FLOOR. Two distinct
articles of the same story share names but rarely their sequence: on the labelled PolNeAR articles,
distinct articles' anchor similarity stays under 0.1 and their word similarity under 0.07 (measured,
bench/crossref.py), where generated heavy spins keep 0.47 or more and 0.16 or more.

The sequence is taken sentence by sentence, each sentence's anchors sorted, and a possessive is the
name ("Ferrowind's Halyard" and "the model Halyard of Ferrowind"): a translation rewords every
sentence and turns its possessives round, which took the third one-case set's two translated copies to
0.24 and 0.26 in text order (under the bar, and seldom sharing a band), 0.37 and 0.51 this way, while its
distinct articles stay at or under 0.29 estimated (0.27 exact) and PolNeAR train's under 0.2 exact
apart from its reruns of one story. Such a copy shares no words' shingles, so `close_reading` decides it
on the texts.

Across languages (session 31): what a translator keeps are the names and the figures, but not their
spelling of either. A figure is read with its separators in place (`_figure`: "48,5" and "48.5" are one
number, "41.000" and "41,000" another); in a text not in English (`gates.language_of`) a month or weekday
of the languages of patterns/calendar_words.jsonl, in any case, is the English one ("12. Januar", "le 12
janvier", "January 12"), and a sentence does not end at an ordinal's point before one ("am 12. Januar");
opening marks „ ‚ » › open a sentence as “ does. A language that capitalises its nouns (German: a text
not in English whose mid-sentence capitalised words are NOUN_CAPITALS of its words or more) would make
every noun an anchor, which its original has none of (the seventh one-case set's German copy: 0.06 with
its original); there the names are the capitalised words found side by side (a name and surname, a
company and its suffix: German writes its compound nouns as one word) unless they follow a figure
("48,5 Millionen Dollar"), and the first part of a hyphened compound of two capitalised parts
("Tallowmere-Anwalt", "Wren-Modell"), and each such word wherever the text has it capitalised (0.40).
Caveat: a name the text never writes next to another capitalised word nor in a compound is lost there.
English capitalises a title of office before a name ("U.S. District Judge Marguerite Haverkamp", "Chief
Executive Rafferty Solberg", "CEO"), a translation does not ("la juge fédérale Marguerite Haverkamp"):
those words (patterns/office_titles.jsonl) are no anchors (session 33: the ninth one-case set's French
copy of a wire story 0.19 exact with them, under close_reading's bar, 0.42 without; the one-case sets'
distinct articles in two languages stay at or under 0.23).

Pure functions, no ORM; stored signatures stay comparable while the constants, the token rules and
`minhash`'s hashing stay as they are (the anchor signatures stored before the sentence order compare
lower with later ones, until their articles are read again).
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from tracker.nlp import gates
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.sources import minhash

ANCHOR_SHINGLE = 3
ANCHOR_PERM = 96  # the first 96 of minhash's permutations
ANCHOR_ROWS = 3  # 32 bands: a pair of anchor similarity 0.34 shares a key with probability ~0.72, 0.47 ~0.97
MIN_ANCHORS = 10  # fewer names and figures than this say too little: no anchor signature
NEAR_COPY_ANCHORS = 0.3
NEAR_COPY_FLOOR = 0.12  # word similarity a copy found by its anchors must still reach
NOUN_CAPITALS = 0.25  # share of capitalised mid-sentence words: German 0.36, Spanish and French under 0.19
CALENDAR_FILE = PATTERNS_DIR / "calendar_words.jsonl"
TITLES_FILE = PATTERNS_DIR / "office_titles.jsonl"

_MARKUP = re.compile(r"&#?\w{1,8};|<[^<>]{1,60}>")  # leftover entities and tags: no figures of the text
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
_OPENERS = " \t\"'“‘«„‚»›(["  # skipped when looking back for the end of a sentence
_SENTENCE_ENDS = ".!?:;\n—–-"
_POSSESSIVE = re.compile(r"['’]s?$")  # "Ferrowind's" and "the model of Ferrowind" name one company
_FIGURE_PARTS = re.compile(r"[.,]")


def anchor_words(text: str) -> list[str]:
    """The text's names (capitalised words that do not open a sentence) and figures, in order,
    case-folded, without a possessive ending; figures as `_figure` reads them; across languages as
    `anchor_sequence` reads them (the text's own language and names)."""
    text = _MARKUP.sub(" ", text or "")
    return _words(text, *_reading(text))


def anchor_sequence(text: str) -> list[str]:
    """The anchors sentence by sentence, in the text's order of sentences but each sentence's own
    anchors sorted (once each): a translator works sentence by sentence and keeps a sentence's names
    and figures, but turns possessives round and moves time phrases inside it."""
    text = _MARKUP.sub(" ", text or "")
    foreign, names = _reading(text)
    found = []
    for sentence in _sentences().split(text):
        found.extend(sorted(set(_words(sentence, foreign, names))))
    return found


def _reading(text: str) -> tuple[bool, frozenset[str] | None]:
    """Whether the text is not in English, and in a language capitalising its nouns, its names (else
    None: every capitalised word not opening a sentence is one)."""
    if gates.language_of(text) == "en":
        return False, None
    read = [_mid_capital(text, m) for m in _TOKEN.finditer(text) if not m.group(0)[0].isdigit()]
    capitals, words = sum(read), len(read)
    if not words or capitals < NOUN_CAPITALS * words:
        return True, None
    return True, _names(text)


def _mid_capital(text: str, match: re.Match) -> bool:
    """A capitalised word that does not open a sentence."""
    if not match.group(0)[0].isupper():
        return False
    before = text[max(0, match.start() - 8) : match.start()].rstrip(_OPENERS)  # a short look back
    return bool(before) and before[-1] not in _SENTENCE_ENDS


def _names(text: str) -> frozenset[str]:
    """In a text capitalising its nouns: the capitalised words side by side (not after a figure) and
    the first parts of hyphened compounds of two capitalised parts, case-folded."""
    names: set[str] = set()
    run: list[str] = []
    counted, previous = False, None  # whether the run counts (not after a figure), the word before
    for match in _TOKEN.finditer(text):
        word, capital = match.group(0), _mid_capital(text, match)
        parts = word.split("-")
        if len(parts) > 1 and parts[0][:1].isupper() and parts[1][:1].isupper():
            names.add(parts[0].casefold())
        beside = previous is not None and text[previous.end() : match.start()].isspace()
        if capital and beside and run:
            run.append(word)
        else:
            if counted and len(run) > 1:
                names.update(w.casefold() for w in run)
            run = [word] if capital else []
            counted = capital and not (beside and previous.group(0)[0].isdigit())
        previous = match
    if counted and len(run) > 1:
        names.update(w.casefold() for w in run)
    return frozenset(names)


def _words(text: str, foreign: bool, names: frozenset[str] | None) -> list[str]:
    """`anchor_words` of a text (or sentence) of a text read by `_reading`."""
    calendar = _calendar() if foreign else {}
    found = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if word[0].isdigit():
            found.append(_figure(word))
        elif (day := calendar.get(word.casefold())) is not None:
            found.append(day)
        elif not _mid_capital(text, match):
            continue
        elif names is None:
            if (name := _POSSESSIVE.sub("", word.casefold().replace("’", "'"))) not in _titles():
                found.append(name)
        else:
            found.extend(p.casefold() for p in word.split("-") if p.casefold() in names)
    return found


def _figure(word: str) -> str:
    """A figure without its thousands separators, its decimal point a point: a separator before three
    digits (every one of them so) separates thousands, else the last one is the decimal point."""
    parts = _FIGURE_PARTS.split(word)
    if len(parts) == 1 or all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)
    return "".join(parts[:-1]) + "." + parts[-1]


@cache
def _calendar() -> dict[str, str]:
    """Each language's month and weekday names (patterns/calendar_words.jsonl), to the English one."""
    rows = list(read_jsonl(CALENDAR_FILE))
    english = next(r for r in rows if r["language"] == "en")
    return {
        word: english[kind][n]
        for row in rows
        for kind in ("months", "weekdays")
        for n, word in enumerate(row[kind])
    }


@cache
def _titles() -> frozenset[str]:
    """English titles of office written capitalised before a name (patterns/office_titles.jsonl)."""
    return frozenset(w for row in read_jsonl(TITLES_FILE) for w in row["words"])


@cache
def _sentences() -> re.Pattern[str]:
    """An end of sentence, closing quotes and all, but for an ordinal's point before a month or weekday
    ("am 12. Januar")."""
    days = "|".join(sorted(map(re.escape, _calendar()), key=len, reverse=True))
    ordinal = rf"(?<=\b\d\.)\s+(?i:{days})\b|(?<=\b\d\d\.)\s+(?i:{days})\b"
    return re.compile(rf"(?<=[.!?])(?!{ordinal})[^\w\s]*\s+|\n+")


def signature(text: str, sequence: list[str] | None = None) -> np.ndarray | None:
    """The anchor signature of the text, or None with fewer than MIN_ANCHORS anchors; `sequence`: its
    `anchor_sequence` when known (the close reading reads the same one)."""
    words = anchor_sequence(text) if sequence is None else sequence
    if len(words) < MIN_ANCHORS:
        return None
    return minhash.signature_of(words, k=ANCHOR_SHINGLE)[:ANCHOR_PERM]


def band_keys(anchors: np.ndarray | None) -> list[int]:
    """The anchor signature's band keys, numbered after the word signature's bands."""
    if anchors is None:
        return []
    return minhash.band_keys(anchors, rows=ANCHOR_ROWS, first_band=minhash.BANDS)


def is_near_copy(words_similarity: float, anchors_similarity: float) -> bool:
    """A copy by its words, or by its names and figures in order with some words still shared."""
    if words_similarity >= minhash.NEAR_COPY_THRESHOLD:
        return True
    return anchors_similarity >= NEAR_COPY_ANCHORS and words_similarity >= NEAR_COPY_FLOOR


def to_bytes(words: np.ndarray, anchors: np.ndarray | None) -> bytes:
    """The stored signature: the word signature, then the anchor signature when there is one."""
    stored = minhash.signature_to_bytes(words)
    return (
        stored if anchors is None else stored + np.asarray(anchors, dtype=np.uint64).astype("<u8").tobytes()
    )


def from_bytes(stored: bytes) -> tuple[np.ndarray, np.ndarray | None]:
    """The inverse of `to_bytes` (a signature stored before anchors has none)."""
    stored = bytes(stored)
    size = minhash.NUM_PERM * 8
    words = minhash.signature_from_bytes(stored[:size])
    rest = stored[size:]
    if len(rest) != ANCHOR_PERM * 8:
        return words, None
    return words, np.frombuffer(rest, dtype="<u8").astype(np.uint64)


def similarities(words: np.ndarray, named: np.ndarray | None, stored: list) -> list[tuple[float, float]]:
    """(`minhash.similarity`, `similarity`) of a signature and its anchors (None: none) with each stored
    one (`to_bytes`, read as `from_bytes` reads it): the same values, in one pass of numpy over them
    all. One case's coverage gives an article up to `copies.CANDIDATES` to compare, and decoding and
    comparing each alone cost many times the arithmetic."""
    size, anchored = minhash.NUM_PERM * 8, (minhash.NUM_PERM + ANCHOR_PERM) * 8
    stored = [bytes(each) for each in stored]
    if not stored or any(len(each) < size for each in stored):  # `from_bytes` raises on such
        return [(minhash.similarity(words, w), similarity(named, n)) for w, n in map(from_bytes, stored)]
    scores = minhash.similarities(words, _rows([each[:size] for each in stored]))
    named_scores = [0.0] * len(stored)
    with_names = [i for i, each in enumerate(stored) if len(each) == anchored] if named is not None else []
    if with_names:
        equal = np.count_nonzero(_rows([stored[i][size:] for i in with_names]) == named, axis=1)
        for i, count in zip(with_names, equal.tolist(), strict=True):
            named_scores[i] = float(count) / named.size
    return list(zip(scores, named_scores, strict=True))


def _rows(parts: list[bytes]) -> np.ndarray:
    """Stored signatures of one length as the rows of a matrix."""
    return np.frombuffer(b"".join(parts), dtype="<u8").reshape(len(parts), -1)


def similarity(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None:
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size
