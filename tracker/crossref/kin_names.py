"""Which speakers, as written, may be one person by their names alone, and under which speaker keys
their claims are found (issue 16, item 4): the one relation `speaker_kin.kin` asks of a report and a
claim, and by which `kin_reads` chooses the claims a batch's pool reads whole.

- A full name with a title or an apposition before it is that name (`titled`: "Vice Chancellor Agnes
  Whitcombe", "Larkspur's Conrad Lisle"); not a phrase ending with it after a function word ("An expert
  for Solvane Technologies" is not Solvane Technologies).
- A full name with where the person is from after it is that name (`placed`: "Maren Holloway of
  Brightmoor College"): the words before "of" name the person, the rest a place or a body.
- A surname alone may be the name in full it ends ("Fenwycke", "Idris Fenwycke": `surname`); the
  articles and a quote decide (`speaker_kin._surnamed`).
`may_be_kin` is the pairwise test, `kin_keys` where a name's kin are found: of two names `may_be_kin`
pairs, the one's speaker key is among the other's `kin_keys`. A rule added to the one adds its keys to
the other, or the pool does not read the claims the rule would join (tests/crossref/test_kin_keys.py
fails). A short speaker (a pronoun, a description: `stands_for`) is kin only by a quote it shares, and a
batch with such a report reads every claim (`kin_reads`).
"""

from __future__ import annotations

import functools

from tracker.crossref.claim_events import named
from tracker.crossref.words import STOPWORDS, speaker_key

OF = " of "  # between a name and where the person is from (`placed`)


def may_be_kin(a: str, b: str) -> bool:
    """Two speakers, as written, that may be one person by their names alone: one the other with words
    before it (`one_name`), or one the other's surname alone (`surname`)."""
    return one_name(a, b) or surname(a, b) or surname(b, a)


@functools.lru_cache(maxsize=1 << 12)
def kin_keys(speaker: str) -> frozenset[str]:
    """The speaker keys (`words.speaker_key`'s words) under which the claims of a speaker's kin by name
    are found: its own key and each ending of it (its words after one or more: the name after a title,
    the surname). Kept per process: the pool asks it of every claim it may read, batch after batch."""
    words = speaker_key(None, speaker)[1].split()
    name = speaker.partition(OF)[0]  # "Maren Holloway of Brightmoor College": the name's key too
    head = [speaker_key(None, name)[1]] if placed(speaker, name) else []
    return frozenset([" ".join(words), *(" ".join(words[i:]) for i in range(1, len(words))), *head])


def in_full(name: str) -> bool:
    """A proper name of two words or more ("Jonah Castellanos", "Vice Chancellor Agnes Whitcombe")."""
    return named(name) and len(name.split()) >= 2


def stands_for(short: str, full: str) -> bool:
    """`short`, as a speaker is written, may be the person `full` names: a pronoun or a description
    ("he", "the Quillfeather founder"), or the last word of the full name ("Halloran")."""
    if not in_full(full) or short == full:
        return False
    if not named(short):
        return bool(short.strip())
    words = short.split()
    return len(words) == 1 and full.split()[-1] == words[0]


def surname(short: str, full: str) -> bool:
    """`short` is the surname alone of `full`, a name in full ("Fenwycke", "Idris Fenwycke")."""
    return named(short) and stands_for(short, full)


def titled(long: str, name: str) -> bool:
    """`long` is the full name `name` with a title or an apposition before it ("Vice Chancellor Agnes
    Whitcombe", "Larkspur's Conrad Lisle", "The director general of Ferrowind, Marisol Ocampo"): not a
    phrase that ends with it ("An expert for Solvane Technologies": a function word before it)."""
    words, tail = long.split(), name.split()
    if not in_full(name) or len(words) <= len(tail) or words[-len(tail) :] != tail:
        return False
    return words[-len(tail) - 1].strip(",").lower() not in STOPWORDS


def placed(long: str, name: str) -> bool:
    """`long` is the full name `name` with where the person is from after it ("Maren Holloway of
    Brightmoor College"): the name, OF, then a proper name."""
    head, of, rest = long.partition(OF)
    return bool(of) and head == name and in_full(name) and named(rest)


def one_name(a: str, b: str) -> bool:
    return titled(a, b) or titled(b, a) or placed(a, b) or placed(b, a)
