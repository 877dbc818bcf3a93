"""Close reading: whether one text is an excerpt or a translation of another, decided on the two texts
themselves, for the few candidates whose signatures come close to a copy's without reaching it.

The signatures (`minhash`, `anchors`) estimate Jaccard similarities, and two kinds of copy stay under
their bars however good the estimate. A shortened copy (its original's first paragraphs) has a word
similarity no higher than the share of the original it keeps: on PolNeAR train's generated copies at
ingest 0.16-0.47, and its names and figures 0.0-0.4, so a tenth of them were missed. A translated copy
(every sentence reworded, possessives turned round: "the model Halyard of Ferrowind") shares almost no
word 5-shingles (0.02-0.05 on the third one-case set's two) and its anchors 0.42-0.54. Read exactly, each
is clear: the shorter text's word 5-shingles are all in the longer (1.0 for every shortened copy, where
distinct articles of PolNeAR train stay at or under 0.22 apart from its own reruns of one story, and those
of the one-case sets at or under 0.18); a translation keeps its sentence-ordered anchors (0.42 and 0.54,
distinct articles of the one-case sets 0.27 at most, of PolNeAR train under 0.2 apart from reruns) and
most of its vocabulary (word sets 0.47 and 0.51, where distinct articles reaching 0.35 on their anchors
share 0.25 at most). A translation into another language (gates.language_of tells English from the rest)
shares no vocabulary at all, so there the anchors alone decide.

Candidates are read only when their estimate says they may be one (`may_be_close`): word similarity of at
least `anchors.NEAR_COPY_FLOOR` or anchor similarity of at least SEEN_ANCHORS. Caveats: a translation
that rewrites names (transliterated, or "the Delaware court" for "the Court of Chancery") or splits and
merges sentences falls under the anchors' bar; an excerpt quoted whole inside a longer article (a live
blog pasting an earlier report) is an excerpt too.

A text's reading is kept (`reading_of`, the last texts up to WORDS_KEPT words, by the text itself): one
case's coverage shares band keys, so each new article reads closely up to `copies.CANDIDATES` stored
ones, and the same stored articles again and again; computing each candidate's shingles and anchors anew made the
close reading grow with the corpus (session 28, storing bench/ingest.py's 600-article chain alone:
13.5 ms an article over its first fifth of feeds, 26.0 over its last; 15.6 with the readings kept).
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cached_property
from threading import Lock

from tracker.nlp import gates
from tracker.sources import anchors, dedupe

SEEN_ANCHORS = 0.25  # estimated anchor similarity from which two texts are read (translated: 0.37-0.51)
EXCERPT = 0.8  # share of the shorter text's word 5-shingles found in the longer
EXCERPT_SHINGLE = 5
TRANSLATION_ANCHORS = 0.35  # Jaccard of the sentence-ordered anchor 3-shingles
TRANSLATION_WORDS = 0.35  # Jaccard of the two texts' sets of words
# Readings kept, counted in words: a reading takes about 250 bytes a word, so 600,000 words are about 150 MB
# (1,000 articles of 600 words; a text longer than that is read and not kept).
WORDS_KEPT = 600_000


def may_be_close(words_similarity: float, anchors_similarity: float) -> bool:
    """Whether the estimates leave room for an excerpt or a translation."""
    return words_similarity >= anchors.NEAR_COPY_FLOOR or anchors_similarity >= SEEN_ANCHORS


def closeness(text: str, words: list[str], other: str, other_words: list[str]) -> float:
    """How surely one text is an excerpt (1 + the share contained) or a translation (its anchor
    similarity) of the other, or 0 when neither; `words`: each text's `dedupe.normalised_words`."""
    return Reading(text, words).closeness(Reading(other, other_words))


class Reading:
    """One text read against others (an article against its close candidates, a candidate against the
    articles that find it): what `closeness` needs of it, its word 5-shingles, language, word set and
    sentence-ordered anchor shingles, is computed once, each when a comparison first needs it (the
    anchors only for a text it is no excerpt of). Each is a function of the text alone."""

    def __init__(self, text: str, words: list[str] | None = None, sequence: list[str] | None = None):
        self.text = text
        if words is not None:
            self.words = words
        if sequence is not None:
            self.anchor_sequence = sequence

    @cached_property
    def words(self) -> list[str]:
        return dedupe.normalised_words(self.text)

    @cached_property
    def shingles(self) -> set[str]:
        return _shingles(self.words, EXCERPT_SHINGLE)

    @cached_property
    def anchor_sequence(self) -> list[str]:
        return anchors.anchor_sequence(self.text)

    @cached_property
    def anchor_shingles(self) -> set[str]:
        return _shingles(self.anchor_sequence, anchors.ANCHOR_SHINGLE)

    @cached_property
    def language(self) -> str:
        return gates.language_of(self.text)

    @cached_property
    def vocabulary(self) -> set[str]:
        return set(self.words)

    def closeness(self, other: Reading) -> float:
        """`closeness` of this text and the `other` text."""
        mine, theirs = self.shingles, other.shingles
        smaller = min(mine, theirs, key=len)
        contained = len(mine & theirs) / len(smaller) if smaller else 0.0
        if contained >= EXCERPT:
            return 1.0 + contained
        named = _jaccard(self.anchor_shingles, other.anchor_shingles)
        if named >= TRANSLATION_ANCHORS and (
            self.language != other.language
            or _jaccard(self.vocabulary, other.vocabulary) >= TRANSLATION_WORDS
        ):
            return named
        return 0.0


_kept: OrderedDict[str, Reading] = OrderedDict()
_kept_words = [0]  # the words of the readings kept
_kept_lock = Lock()  # a fetch worker may store in threads


def reading_of(text: str, words: list[str] | None = None, sequence: list[str] | None = None) -> Reading:
    """The text's reading, the one kept for that text when there is one (the least recently used go
    first past WORDS_KEPT words); `words` and `sequence`: its `dedupe.normalised_words` and
    `anchors.anchor_sequence` when known."""
    with _kept_lock:
        reading = _kept.get(text)
        if reading is not None:
            _kept.move_to_end(text)
            return reading
    reading = Reading(text, words, sequence)
    size = len(reading.words)
    if size > WORDS_KEPT:
        return reading
    with _kept_lock:
        if text not in _kept:
            _kept[text] = reading
            _kept_words[0] += size
        while _kept_words[0] > WORDS_KEPT:
            _kept_words[0] -= len(_kept.popitem(last=False)[1].words)
    return reading


def forget_readings() -> None:
    """Drop the kept readings (tests that count what a reading computes)."""
    with _kept_lock:
        _kept.clear()
        _kept_words[0] = 0


def _shingles(words: list[str], size: int) -> set[str]:
    """The runs of `size` words, each joined by a space: the words hold no whitespace (split on it, or
    anchors' tokens), so two runs are equal exactly when their words are; a string keeps its hash, where
    a tuple of words is hashed again at every look-up of a comparison (a third of its time). The runs
    are zipped from the list's shifted tails: a slice for each run cost a fifth of the set's making."""
    return set(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))  # the tails differ


def _jaccard(a: set, b: set) -> float:
    """|a & b| / |a | b|, the union counted, not built."""
    if not (a and b):
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
