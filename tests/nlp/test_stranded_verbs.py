"""A speaker's reporting verb the parser left inside the insertion set off after the speaker is read as
the sentence's verb again (stranded_verbs.py). The first sentence is written for the test (the small
model hangs "called" on "Dorn"); the others build the misparse by hand."""

from __future__ import annotations

from spacy.tokens import Doc

from tracker.nlp import stranded_verbs
from tracker.nlp.types import Mention


def test_a_verb_hung_inside_the_insertion_speaks_for_the_name(claims_of):
    found = [
        (c.speaker, c.verb, c.text)
        for c in claims_of("Biden, echoing Dorn, called on voters not to stay home.")
    ]
    assert ("Biden", "call", "on voters not to stay home") in found


def _doc(nlp, words, heads, deps):
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_the_verb_becomes_the_root_and_takes_what_follows_it(nlp):
    """ "Roe, who led a campaign, said that ...": "said" hung on "campaign", "that" clause on "led"."""
    words = ["Roe", ",", "who", "led", "a", "campaign", ",", "said", "it", "failed", "."]
    heads = [0, 0, 3, 0, 5, 3, 5, 5, 9, 3, 0]
    deps = ["ROOT", "punct", "nsubj", "relcl", "det", "dobj", "punct", "acl", "nsubj", "ccomp", "punct"]
    doc = _doc(nlp, words, heads, deps)
    assert stranded_verbs.rehang(doc, [Mention("Roe", "PERSON", 0, 3)], {"said"}) == 1
    assert [(t.text, t.dep_, t.head.text) for t in doc if t.head.text == "said"] == [
        ("Roe", "nsubj", "said"),
        ("said", "ROOT", "said"),
        ("failed", "ccomp", "said"),
        (".", "punct", "said"),
    ]


def test_no_repair_without_a_speaking_name_or_with_an_unclosed_quote(nlp):
    words = ["Roe", ",", "who", "led", "a", "campaign", ",", "said", "it", "failed", "."]
    heads = [0, 0, 3, 0, 5, 3, 5, 5, 9, 3, 0]
    deps = ["ROOT", "punct", "nsubj", "relcl", "det", "dobj", "punct", "acl", "nsubj", "ccomp", "punct"]
    assert stranded_verbs.rehang(_doc(nlp, words, heads, deps), [], {"said"}) == 0  # "Roe" names no one
    quoted = ["Roe", ",", "who", "“", "led", "campaign", ",", "said", "it", "failed", "."]
    deps = ["ROOT", "punct", "nsubj", "punct", "relcl", "dobj", "punct", "acl", "nsubj", "ccomp", "punct"]
    heads = [0, 0, 4, 4, 0, 4, 5, 5, 9, 4, 0]
    doc = _doc(nlp, quoted, heads, deps)
    assert stranded_verbs.rehang(doc, [Mention("Roe", "PERSON", 0, 3)], {"said"}) == 0  # words of a quote


def test_an_opening_phrase_hung_on_the_name_goes_to_the_verb(nlp):
    """ "In May, Roe, who led a campaign, said ...": "In May" is when she said it, not part of her name."""
    words = ["In", "May", ",", "Roe", ",", "who", "led", "it", ",", "said", "so", "."]
    heads = [3, 0, 3, 3, 3, 6, 3, 6, 7, 7, 9, 3]
    deps = [
        "prep",
        "pobj",
        "punct",
        "ROOT",
        "punct",
        "nsubj",
        "relcl",
        "dobj",
        "punct",
        "acl",
        "advmod",
        "punct",
    ]
    doc = _doc(nlp, words, heads, deps)
    assert stranded_verbs.rehang(doc, [Mention("Roe", "PERSON", 9, 12)], {"said"}) == 1
    assert (doc[0].head.text, doc[2].head.text, doc[3].dep_) == ("said", "said", "nsubj")
