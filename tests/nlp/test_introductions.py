"""The phrase a verb of saying puts before the quote it introduces ends at a colon (introductions.py),
and a sentence ending in that colon reports what follows it (placing.attached_quotes). Each sentence
is written for the test; the first was checked to misparse (the quote hung on "smile")."""

from __future__ import annotations


def test_a_colon_ends_the_phrase_the_parser_ran_into_the_quote(claims_of):
    text = "Jo Roe responded pointedly, with a smile: “Can happen when you’re 45.”"
    found = [(c.speaker, c.verb, c.text) for c in claims_of(text)]
    assert ("Jo Roe", "respond", "Can happen when you’re 45.") in found


def test_an_object_before_the_colon_keeps_the_quote_in_one_content_with_it(claims_of):
    text = "Politico reveals a few relevant facts: “Of its 7,000 voters, 3,000 are Democrats.”"
    found = [(c.speaker, c.verb, c.text) for c in claims_of(text)]
    assert (
        "Politico",
        "reveal",
        "a few relevant facts: “Of its 7,000 voters, 3,000 are Democrats.”",
    ) in found


def test_a_sentence_ending_in_a_colon_reports_what_follows_not_the_quote_before(claims_of):
    text = (
        "“It will cost a million dollars by the time it is done,” Jo Roe said about the ads. “This is what"
        " I am up against.” She went on to say:\n\n“None of them will come out and support the plan. They"
        " are afraid of me.”\n\nThe vote is on Tuesday."
    )
    found = [(c.speaker, c.text) for c in claims_of(text) if c.speaker == "She"]
    assert found == [("She", "None of them will come out and support the plan. They are afraid of me.")]


def test_an_adverbial_clause_before_the_colon_is_part_of_the_phrase(claims_of):
    # the parser makes the quote's verb the root, "responded" its clause, "adjourned" a clause of that
    text = "Musk responded on X shortly after court adjourned: “The reporters are twisting what I said.”"
    found = [(c.speaker, c.verb, c.text) for c in claims_of(text)]
    assert ("Musk", "respond", "The reporters are twisting what I said.") in found
