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


def test_a_speaker_before_an_insertion_the_parser_made_a_clause_speaks(claims_of):
    """ "X, whose venture, Y, uses ..., said": the parser reads the insertion as a clause with X as its
    subject and leaves the verb of saying with none; the earliest phrase before the insertion that can
    speak is the speaker, not a name inside the insertion."""
    claims = claims_of(
        "Ms. Baxter, whose newest venture, Fieldline, uses soil data to help farms pick seeds,"
        " said Mr. Okafor was a friend of the farms."
    )
    assert speakers_and_texts(claims) == [("Ms. Baxter", "Mr. Okafor was a friend of the farms")]
    claims = claims_of(
        "“We have had better weeks than this one,” Ohio voter Tom Baxter, wearing a red cap and"
        " “Baxter for Mayor” buttons, said with a grin as the polls closed."
    )
    assert speakers_and_texts(claims) == [
        ("Ohio voter Tom Baxter", "We have had better weeks than this one,")
    ]
