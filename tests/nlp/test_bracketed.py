"""An attribution inside brackets covers the bracket's words only (bracketed.py). Sentences invented
for the test; each failed without the rule."""

from __future__ import annotations


def according(claims):
    return [(c.speaker, c.text) for c in claims if c.verb == "according to"]


def test_a_bracketed_according_to_reports_the_brackets_words_only(claims_of):
    found = claims_of(
        "The mayor blames cyclists for most crashes on the bridge (the real share is under a tenth, "
        "according to the city's traffic office)."
    )
    assert according(found) == [("the city's traffic office", "the real share is under a tenth")]


def test_the_words_before_a_bracket_are_not_its_sources(claims_of):
    found = claims_of(
        "Rural counties like Harlow (88 percent of its households own a car, according to the census) "
        "and Denby (91 percent) lead the list."
    )
    assert according(found) == [("the census", "88 percent of its households own a car")]


def test_a_sentence_in_brackets_loses_only_its_opening_bracket(claims_of):
    found = claims_of("(The mayor's memoir has sold 40,000 copies since March, according to BookScan.)")
    assert according(found) == [("BookScan", "The mayor's memoir has sold 40,000 copies since March")]


def test_according_to_outside_brackets_keeps_its_clause(claims_of):
    found = claims_of(
        "Ticket sales (mostly online) rose by a third last year, according to the theatre's own accounts."
    )
    assert according(found) == [
        ("the theatre's own accounts", "Ticket sales (mostly online) rose by a third last year")
    ]
