"""A bare time word just before a "that" the parser read as a demonstrative (dated_clauses.py): the time
is when the speaker spoke and "that" opens the content. Each sentence is written for the test."""

from __future__ import annotations

import pytest


def said(claims) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said in a radio interview Tuesday that turnout was low.",
        "The mayor conceded Tuesday that turnout was low.",
        "The mayor said in a radio interview Tuesday that plan was dead.",
    ],
)
def test_the_time_word_and_that_are_not_the_content(claims_of, text):
    """The parser hangs the time word on the clause and makes "that" the determiner of its subject: the
    content was "Tuesday that turnout was low" or "that turnout was low"."""
    expected = text.split(" that ", 1)[1].rstrip(".")
    assert said(claims_of(text)) == [("The mayor", expected)]


def test_a_clause_the_parser_made_adverbial_after_a_time_word_is_the_content(claims_of):
    """After "conceded" the parser makes the clause an adverbial: there was no claim at all."""
    found = claims_of("The mayor conceded in a radio interview Tuesday that turnout was low.")
    assert said(found) == [("The mayor", "turnout was low")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said in a radio interview Tuesday that the turnout was low.", "the turnout was low"),
        ("The coach said on a podcast Monday night that his team was tired.", "his team was tired"),
        ("The chief admitted during a hearing yesterday that morale was low.", "morale was low"),
    ],
)
def test_clauses_the_parser_reads_right_are_unchanged(claims_of, text, content):
    assert said(claims_of(text)) == [(text.split(" ", 2)[0] + " " + text.split(" ", 2)[1], content)]
