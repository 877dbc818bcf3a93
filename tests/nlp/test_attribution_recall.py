"""Speech the extraction missed on PolNeAR train (session 12, issue 12): each test is a sentence
written for it, and each failed with its rule removed."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_name_folded_into_the_quoted_predicate_is_still_called_something(claims_of):
    """ "called X “a Y”": the parser may hang X on the quoted noun ("Okafor" a modifier of
    "Governor"), so the object that holds the quotation starts with the one named, not with the mark."""
    claims = claims_of("Miller called Okafor “The Governor of the Silent Majority.”")
    assert [(c.speaker, c.verb, c.text) for c in claims] == [
        ("Miller", "call", "Okafor “The Governor of the Silent Majority.”")
    ]
    assert claims_of("Miller called Okafor after the vote.") == []  # a phone call reports nothing
