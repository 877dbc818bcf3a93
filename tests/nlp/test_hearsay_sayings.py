"""A saying the outlet itself only passes on as hearsay (confidence rule "hearsay"): "Roe reportedly
told staff that ...", "Roe allegedly said ...", "Reportedly, Roe told ...": the outlet does not vouch
that the words were said; rated as a passed-on report, it waits for a curator. An adverb of the words
("Roe said the money was allegedly stolen") or of someone else's clause leaves the saying published.
Prompted by the third trial set's t113 ("Musk reportedly told xAI staff ..."); the sentences here are
invented."""

from __future__ import annotations


def test_a_saying_the_outlet_marks_as_hearsay_waits(claims_of):
    claims = claims_of(
        "Elon Musk reportedly said at a staff meeting that the trial was going well. "
        "“We will win,” Sam Altman allegedly said at a dinner. "
        "Reportedly, Greg Brockman said at the party that he would leave. "
        "Microsoft has reportedly said that it will not renew the deal."
    )
    assert [(c.confidence, c.confidence_rule) for c in claims] == [(1, "hearsay")] * 4


def test_hearsay_in_the_words_or_elsewhere_leaves_the_saying_published(claims_of):
    claims = claims_of(
        "Elon Musk said the money was allegedly stolen by a contractor. "
        "Sam Altman, who reportedly met the buyers in May, said the sale was over."
    )
    assert [(c.text, c.confidence >= 2) for c in claims] == [
        ("the money was allegedly stolen by a contractor", True),
        ("the sale was over", True),
    ]
