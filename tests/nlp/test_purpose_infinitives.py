"""An instruction the parser read as a purpose clause once a phrase stands between the addressee and
the infinitive (purpose_infinitives.py, through parse_repairs.py). Sentences written for the test."""

from __future__ import annotations

from spacy.tokens import Doc

from tracker.nlp import purpose_infinitives


def said(claims):
    return [(c.speaker, c.verb, c.text) for c in claims]


def test_an_instruction_after_a_phrase_on_the_addressee_is_reported(claims_of):
    assert ("Mr. Prenty", "tell", "his supporters at a Dunmore rally to stay home") in said(
        claims_of("Mr. Prenty tells his supporters at a Dunmore rally to stay home.")
    )
    assert ("Roe", "tell", "his supporters at a Dunmore rally to “go home” and then “wait.”") in said(
        claims_of("Roe tells his supporters at a Dunmore rally to “go home” and then “wait.”")
    )


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str]) -> Doc:
    """A parse as the small model gives it for the sentence (tokens, heads and labels written out)."""
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_a_thing_told_or_a_clause_with_its_own_subject_is_a_purpose(nlp):
    words = ["Roe", "told", "a", "joke", "at", "the", "rally", "to", "warm", "it", "up", "."]
    heads = [1, 1, 3, 1, 1, 6, 4, 8, 1, 8, 8, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "aux", "advcl", "dobj", "prt", "punct"]
    assert purpose_infinitives.rehang(_parsed(nlp, words, heads, deps)) == 0
    words = ["Roe", "told", "voters", "at", "the", "rally", "for", "them", "to", "stay", "."]
    heads = [1, 1, 1, 1, 5, 3, 9, 9, 9, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "mark", "nsubj", "aux", "advcl", "punct"]
    assert purpose_infinitives.rehang(_parsed(nlp, words, heads, deps)) == 0
    deps[6], deps[7] = "prep", "pobj"  # no marker, no subject: "told voters at the rally for them to stay"
    heads[7] = 6
    assert purpose_infinitives.rehang(_parsed(nlp, words, heads, deps)) == 1
