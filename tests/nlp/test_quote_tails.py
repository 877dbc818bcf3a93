"""“...,” SPEAKER VERB that the parser read as a noun phrase (quote_tails.py): the quote is the
speaker's, at tier 1. Each sentence is written for the test and was checked to misparse."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "verb", "content"),
    [
        (
            "“They know she is the only one strong enough to stop the abuses and make the rich pay,”"
            " a voice-over in the ad states.",
            "a voice-over in the ad",
            "state",
            "They know she is the only one strong enough to stop the abuses and make the rich pay,",
        ),
        (
            "“You seem to have picked a new standard out of thin air to describe the actions of the"
            " governor,” the two write.",
            "the two",
            "write",
            "You seem to have picked a new standard out of thin air to describe the actions of the governor,",
        ),
    ],
)
def test_a_quote_closed_by_a_misparsed_attribution_is_the_speakers(claims_of, text, speaker, verb, content):
    found = [(c.speaker, c.verb, c.text, c.confidence) for c in claims_of(text)]
    assert (speaker, verb, content, 1) in found


@pytest.mark.parametrize(
    "text",
    [
        # a clause after the quote, not a speaker: "tweet" is a noun here
        "He was heard on “Midday with Jan Roe,” while discussing a controversial tweet in the studio.",
        # a modal: what someone will say is kept out, as everywhere
        "“Nothing truly prepares you for the demands of that office,” the two-term governor will say on Monday.",
        # a new sentence after a question, whose verb has its own quote
        "But then I ask the people, ‘What do you mean by a tax on grain speculation?’ They said, ‘Well, every"
        " time you buy a bushel you pay a cent,’ right?",
        # a title in quotes, then a verb of the sentence: "report" is the object's noun, "features" no speaker
        "The new spot, titled “Careless,” features a Daily Ledger report from last week on the lost funds.",
    ],
)
def test_no_claim_on_the_quote_from_what_only_looks_like_a_tail(claims_of, text):
    quoted = {
        "Midday with Jan Roe,",
        "Nothing truly prepares you for the demands of that office,",
        "What do you mean by a tax on grain speculation?",
        "Careless,",
    }
    assert not [c for c in claims_of(text) if c.text in quoted]


def test_a_characterising_noun_after_a_quote_keeps_its_claim(claims_of):
    text = (
        "Roe was known for his hatred of what he called the “Evil Empire,” voiced in his famous demand"
        " in Berlin in 1987: “Mr. Doe, tear down this wall!” Others still praise him."
    )
    assert [(c.speaker, c.verb) for c in claims_of(text) if "tear down this wall" in c.text] == [
        ("his", "call")
    ]
