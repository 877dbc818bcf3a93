"""A verb of saying with an object of its own reports that object, not the quote that closed the
sentence before (own_objects.py). Each sentence is written for the test."""

from __future__ import annotations

import pytest

QUOTE = "We were wrong about the budget."


def test_the_verbs_own_object_is_its_content_not_the_quote_before(claims_of):
    text = f"“{QUOTE}” Roe acknowledged the failures of the program on Monday."
    found = [(c.speaker, c.verb, c.text) for c in claims_of(text)]
    assert ("Roe", "acknowledge", "the failures of the program") in found
    assert not [c for c in claims_of(text) if c.text == QUOTE]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # the one spoken to: told, asked, a name
        (f"“{QUOTE}” Roe told reporters on Monday.", "tell"),
        ("“Will you resign over the budget?” Roe asked the mayor on Monday.", "ask"),
        (f"“{QUOTE}” Roe warned Jane Doe on Monday.", "warn"),
        # a pronoun standing for the quote
        (f"“{QUOTE}” Roe admitted it on Monday.", "admit"),
    ],
)
def test_an_addressee_or_a_pronoun_leaves_the_quote_to_the_verb(claims_of, text, verb):
    quote = text[1 : text.index("”")]
    assert [(c.speaker, c.verb) for c in claims_of(text) if c.text == quote] == [("Roe", verb)]


def test_a_verb_under_another_verb_reports_no_object(claims_of):
    text = f"“{QUOTE}” The reports had helped add momentum to the inquiry."
    assert not [c for c in claims_of(text) if c.text == "momentum to the inquiry"]


def test_a_charge_after_the_object_is_the_content_not_a_quote_before(claims_of):
    text = 'Although she says she "admires the mayor," she also accuses him of wasting money.'
    found = [(c.speaker, c.verb, c.text) for c in claims_of(text)]
    assert ("she", "accuse", "him of wasting money") in found
    assert not any(verb == "accuse" and "admires" in said for _, verb, said in found)
