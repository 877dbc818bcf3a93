"""A conjunct of the reporter's own hung on the reported words, whose form cannot go on theirs
(reporters_conjuncts.py): the reported words stop before its "and"."""

from __future__ import annotations

import pytest


def _contents(claims) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The senators urged the rest of the party to unite behind their campaigns and tried to make the "
            "case that the race was still open.",
            [("The senators", "the rest of the party to unite behind their campaigns")],
        ),
        (
            "On Thursday, he expanded his calls for surveillance, warning followers that the group could "
            "easily enter the country and implying that its members might already be here.",
            [("he", "the group could easily enter the country")],
        ),
        (  # the parser hangs the "that" clause on "interviews"
            "On Thursday, he expanded upon his calls for surveillance of the community, warning followers on "
            "social media and in interviews that the group could easily enter the country and implying that "
            "its members might already be here.",
            [
                (
                    "he",
                    "followers on social media and in interviews that the group could easily enter the country",
                )
            ],
        ),
    ],
)
def test_the_reporters_conjunct_is_not_the_reported_words(claims_of, text, expected):
    assert _contents(claims_of(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the same tense: either can be the reported words
            "Roe said Doe was careless and criticized him for the delay.",
            [("Roe", "Doe was careless and criticized him for the delay")],
        ),
        (  # no verb: a word that only ends like one
            "Roe urged the board to remain patient and focused.",
            [("Roe", "the board to remain patient and focused")],
        ),
    ],
)
def test_a_conjunct_that_can_go_on_the_reported_words_stays(claims_of, text, expected):
    assert _contents(claims_of(text)) == expected
