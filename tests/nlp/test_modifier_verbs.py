"""A reporting verb the parser hung on its object as a modifier after a long opening phrase is read as
the sentence's verb again (modifier_verbs.py). Sentences written for the test, on which the small
model makes that misparse; the last test builds the parse by hand."""

from __future__ import annotations

from spacy.tokens import Doc

from tracker.nlp import modifier_verbs
from tracker.nlp.types import Mention


def said(claims):
    return [(c.speaker, c.verb, c.text) for c in claims]


def test_an_accusation_after_an_opening_participle_is_read(claims_of):
    found = said(
        claims_of(
            "Kicking off the day at a town hall meeting in Salem, Trump accused Lentz, the senator from "
            'Ohio and winner of the primary, of being "careless" on the issue of taxes.'
        )
    )
    assert (
        "Trump",
        "accuse",
        'Lentz, the senator from Ohio and winner of the primary, of being "careless" on the issue of taxes',
    ) in found


def test_a_description_after_an_opening_participle_is_read(claims_of):
    found = said(
        claims_of(
            "Kicking off the day at a town hall meeting in Salem, Trump described farms failing in the drought."
        )
    )
    assert ("Trump", "describe", "farms failing in the drought") in found


def test_the_opening_phrase_is_no_longer_the_speaker_of_a_later_verb(claims_of):
    found = said(
        claims_of(
            "In television interviews Wednesday, Trump dismissed critics who called the remarks sexist."
        )
    )
    assert ("critics", "call", "the remarks sexist") in found


def test_a_name_that_opens_the_sentence_keeps_the_parse(nlp):
    """ "Obama appointed judges ruled ...": no comma or dash before the name, the participle may well be
    an adjective; the parse is left as it is."""
    words = ["Roe", "appointed", "judges", "ruled", "against", "it", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[2, 2, 3, 3, 3, 4, 3],
        deps=["compound", "amod", "nsubj", "ROOT", "prep", "pobj", "punct"],
    )
    mentions = [Mention("Roe", "PERSON", 0, 3)]
    assert modifier_verbs.rehang(doc, mentions, {"appointed"}) == 0
    assert doc[1].dep_ == "amod"
    words = ["Later", ",", "Roe", "appointed", "judges", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[4, 4, 4, 4, 4, 4],
        deps=["advmod", "punct", "compound", "amod", "ROOT", "punct"],
    )
    mentions = [Mention("Roe", "PERSON", 8, 11)]
    assert modifier_verbs.rehang(doc, mentions, {"appointed"}) == 1
    assert [(t.text, t.dep_, t.head.text) for t in doc] == [
        ("Later", "advmod", "appointed"),
        (",", "punct", "appointed"),
        ("Roe", "nsubj", "appointed"),
        ("appointed", "ROOT", "appointed"),
        ("judges", "dobj", "appointed"),
        (".", "punct", "appointed"),
    ]
