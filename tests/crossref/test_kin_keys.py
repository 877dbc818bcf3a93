"""Which names may be one person's and where the pool finds their claims are one relation
(tracker/crossref/kin_names.py): for every two names `may_be_kin` pairs, the one's speaker key is among the
other's `kin_keys`, and the batch's pool read (`kin_reads.wanted`) and the pool's index
(`speaker_kin.Index`) each find either from the other. So a kin rule added to the pairwise test alone
fails here, and the keys find no pair the test rejects but those listed. Invented names; no database."""

from __future__ import annotations

import itertools

from tracker.crossref import kin_reads
from tracker.crossref.kin_names import kin_keys, may_be_kin, one_name, surname
from tracker.crossref.models import ClaimCandidate
from tracker.crossref.speaker_kin import Index
from tracker.crossref.words import speaker_key

NAMES = [
    # full names, titles and appositions, a surname alone, "Mr."/"Ms."/"Dr.", initials
    *("Idris Fenwycke", "Fenwycke", "Judge Idris Fenwycke", "Mr. Fenwycke", "Dr. Idris Fenwycke"),
    *("I. Fenwycke", "Idris", "Ms. Agnes Whitcombe", "Agnes Whitcombe", "Whitcombe"),
    *("Idris Fenwycke of Larkspur Labs", "Agnes Whitcombe of the Larkspur board"),  # where from: `placed`
    *(
        "Vice Chancellor Agnes Whitcombe",
        "Larkspur’s Agnes Whitcombe",
        "The director of Larkspur, Agnes Whitcombe",
    ),
    *("J. R. Halloran", "Halloran", "Gregory Halloran", "G. Halloran"),
    # hyphenated, an apostrophe, a two-word surname, a suffix
    *("Marisol Ocampo-Reyes", "Ocampo-Reyes", "Judge Ocampo-Reyes", "Reyes", "Ailbhe O'Rourke", "O'Rourke"),
    *("Pieter Van Dyke", "Van Dyke", "Dyke", "Mr. Van Dyke"),
    *("Conrad Lisle Jr.", "Lisle Jr.", "Lisle", "Conrad Lisle", "Judge Conrad Lisle Jr."),
    # not names: a phrase ending with one, a company, a pronoun, a description, no words
    *(
        "An expert for Solvane Technologies",
        "Solvane Technologies",
        "Solvane",
        "he",
        "the Solvane lawyer",
        "—",
    ),
]

# the pairs the keys find that `may_be_kin` rejects (a few claims read for nothing): normalising splits a
# hyphenated name into words and drops punctuation, and a phrase of function words is not a name in full
# (no surname of its own) nor, before a name, a title
FOUND_NOT_KIN = {
    frozenset(pair)
    for pair in [
        ("Marisol Ocampo-Reyes", "Reyes"),
        ("Ocampo-Reyes", "Reyes"),
        ("Judge Ocampo-Reyes", "Reyes"),
        ("The director of Larkspur, Agnes Whitcombe", "Larkspur’s Agnes Whitcombe"),
        ("The director of Larkspur, Agnes Whitcombe", "Whitcombe"),
        ("An expert for Solvane Technologies", "Solvane Technologies"),
    ]
}


def key(name: str) -> str:
    return speaker_key(None, name)[1]


def found(a: str, b: str) -> bool:
    """The one's key is among the other's kin keys."""
    return key(a) in kin_keys(b) or key(b) in kin_keys(a)


def pool_reads(batch: str, claim: str) -> bool:
    """A batch with a report by `batch` (no quote) reads the claim of `claim` whole."""
    read = kin_reads.wanted([ClaimCandidate(speaker=batch, text="the ledgers were never complete")], [])
    return read is not None and read(1, None, claim)


def index_finds(report: str, claim: str) -> bool:
    """The pool's index finds the claim's key among those the report may be kin of."""
    index = Index()
    index.add(("text", key(claim)), claim, "the ledgers were never complete")
    return ("text", key(claim)) in index.keys([ClaimCandidate(speaker=report)], "")


def pairs(rule) -> set[tuple[str, str]]:
    return {(a, b) for a, b in itertools.permutations(NAMES, 2) if rule(a, b)}


def test_the_names_hold_every_kin_rule():
    """Not a vacuous list: titles, appositions, surnames, two-word surnames and suffixes all pair."""
    kin = pairs(may_be_kin)
    assert {("Judge Idris Fenwycke", "Idris Fenwycke"), ("Fenwycke", "Idris Fenwycke")} <= kin
    assert {("Mr. Fenwycke", "Fenwycke"), ("Larkspur’s Agnes Whitcombe", "Agnes Whitcombe")} <= kin
    assert {("Van Dyke", "Pieter Van Dyke"), ("Lisle Jr.", "Judge Conrad Lisle Jr.")} <= kin
    assert {("Ocampo-Reyes", "Judge Ocampo-Reyes"), ("O'Rourke", "Ailbhe O'Rourke")} <= kin
    assert len(pairs(one_name)) >= 10 and len(pairs(surname)) >= 5


def test_every_kin_pair_is_found_by_its_keys_by_the_pool_read_and_by_the_index():
    """Seen failing with a rule added to `may_be_kin` alone (initials: "G. Halloran" for "Gregory
    Halloran"), with `kin_reads` reading by endings of two words or more (the surname left out, as
    session 30's read did until mended by hand) and with the index keyed by the first word."""
    kin = pairs(may_be_kin)
    assert {(a, b) for a, b in kin if not found(a, b)} == set()
    assert {(a, b) for a, b in kin if not pool_reads(a, b)} == set()
    assert {(a, b) for a, b in kin if not index_finds(a, b)} == set()


def test_the_keys_find_no_pair_the_test_rejects_but_those_listed():
    """Seen failing with a key added to `kin_keys` alone (the first word: "Idris" and "Idris Fenwycke"
    found)."""
    extra = {frozenset(pair) for pair in pairs(found) if not may_be_kin(*pair)}
    assert extra == FOUND_NOT_KIN
    assert {(a, b) for a, b in itertools.permutations(NAMES, 2) if pool_reads(a, b) != found(a, b)} == set()
