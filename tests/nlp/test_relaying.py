"""The report an outlet relays someone's words from (relaying.py)."""

from __future__ import annotations

from tracker.nlp import extraction


def test_an_according_to_after_a_quote_takes_the_quote_in():
    [found] = extraction.extract(
        [
            extraction.Document(
                text="Tom Varga spoke at the forum. “Will we rebuild the pier within a year?” Varga said at"
                " a press conference, according to the Marsh Herald."
            )
        ]
    )
    outer = next(c for c in found.claims if c.attribution == "according_to")
    assert outer.speaker == "the Marsh Herald"
    assert outer.text == "“Will we rebuild the pier within a year?” Varga said at a press conference"
    inner = next(c for c in found.claims if c.speaker == "Varga")
    assert inner.text == "Will we rebuild the pier within a year?"  # keeps its words and speaker


def test_an_according_to_takes_in_no_claim_of_a_speaker_it_does_not_name():
    [found] = extraction.extract(
        [
            extraction.Document(
                text="“We will rebuild the pier,” Varga said. The work starts in May, according to the"
                " Marsh Herald."
            )
        ]
    )
    outer = next(c for c in found.claims if c.attribution == "according_to")
    assert outer.text == "The work starts in May"
