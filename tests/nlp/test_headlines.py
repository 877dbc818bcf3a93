"""Title-case headlines the parser reads poorly, read by position (tracker/nlp/headlines.py; issue 12,
PolNeAR train: "X Tweets ...", "X Calls Y ‘Z’", "X Is Now Calling ...", "X Says No To ...")."""

from __future__ import annotations

import pytest

BODY = "\n\nThe river board met on Monday, and the vote was close, officials said."


@pytest.mark.parametrize(
    "headline, speaker, verb, content",
    [
        (
            "Jane Dorn Tweets A Wildly Misleading Chart To Portray River Board Members As Crooks.",
            "Jane Dorn",
            "tweet",
            "A Wildly Misleading Chart To Portray River Board Members As Crooks",
        ),
        (
            "Mayor Dorn Calls Council Vote On Bridge Funding ‘A Disgrace.’",
            "Dorn",
            "call",
            "Council Vote On Bridge Funding ‘A Disgrace.’",
        ),
        (
            "Jane Dorn Is Now Calling The Bridge Plan The ‘Worst Deal’ For River City.",
            "Jane Dorn",
            "call",
            "The Bridge Plan The ‘Worst Deal’ For River City",
        ),
        ("Dorn Calls On Council To Resign.", "Dorn", "call", "On Council To Resign"),
        ("Judge Rules Dorn Can Stay On The Ballot.", "Judge", "rule", "Dorn Can Stay On The Ballot"),
        (
            "Jane Dorn Says No To River Board As Rival Turns Up The Heat.",
            "Jane Dorn",
            "say",
            "No To River Board As Rival Turns Up The Heat",
        ),
    ],
)
def test_a_title_case_headline_names_its_speaker_verb_and_words(claims_of, headline, speaker, verb, content):
    claims = [c for c in claims_of(headline + BODY) if c.start < len(headline)]
    assert [(c.speaker, c.verb, c.text, c.confidence, c.confidence_rule) for c in claims] == [
        (speaker, verb, content, 1, "headline")
    ]


@pytest.mark.parametrize(
    "headline",
    [
        "Dorn May Not Have Suggested A Bridge Toll, But She Fully Supported One.",  # negated
        "Tim Dorn Just Got Asked About The Bridge – His Response Might Surprise You.",  # passive
        "Dorn Just Responded To Council’s Biggest Attack Yet With 1 Line.",  # what it answers
        "If Dorn Says It, It’s True.",  # no one's report
        "One Tweet Sums Up The Absurd Double Standard Dorn And Tate Face.",  # "One" names no one
        "Dorn Power Plant Rules Face Key Test In State Court.",  # "Rules" ends the plant's name
    ],
)
def test_a_headline_whose_subject_is_not_the_speaker_yields_no_claim(claims_of, headline):
    assert [c for c in claims_of(headline + BODY) if c.start < len(headline)] == []


def test_a_sentence_case_paragraph_is_not_read_as_a_headline(claims_of):
    """A capitalised name that is also a verb's form ("the United States") is no headline's verb."""
    text = "The United States has some of the strictest rules on river bridges in the developed world." + BODY
    assert [c for c in claims_of(text) if c.verb == "state"] == []


def test_a_second_report_after_a_comma_is_its_own_claim(claims_of):
    headline = "Dorn Says Council Wasted Bridge Funds, Calls Tate’s Toll Plan ‘Reckless.’"
    claims = [c for c in claims_of(headline + BODY) if c.start < len(headline)]
    assert [(c.speaker, c.verb, c.text) for c in claims] == [
        ("Dorn", "say", "Council Wasted Bridge Funds"),
        ("Dorn", "call", "Tate’s Toll Plan ‘Reckless.’"),
    ]


def test_words_before_the_speaker_and_a_comma_are_what_was_said(claims_of):
    headline = "Bridge Tolls Are ‘A Tax On Workers,’ Jane Dorn Tells River Council."
    claims = [c for c in claims_of(headline + BODY) if c.start < len(headline)]
    assert [(c.speaker.split()[-1], c.verb, c.text) for c in claims] == [
        ("Dorn", "tell", "Bridge Tolls Are ‘A Tax On Workers,’")
    ]
    opened = "After The Vote, Jane Dorn Tells River Council." + BODY  # an opening phrase, no words said
    assert [c for c in claims_of(opened) if c.verb == "tell"] == []


def test_a_thing_and_the_quoted_word_it_is_called_are_what_was_said(claims_of):
    """Two words after the verb are enough when the second is quoted: the thing and what it is called."""
    for headline, content in (
        ("Dorn Calls Council ‘Reckless.’", "Council ‘Reckless.’"),
        ("Mayor Dorn Calls Tolls 'Theft'", "Tolls 'Theft'"),
    ):
        claims = [c for c in claims_of(headline + BODY) if c.start < len(headline)]
        assert [(c.speaker, c.verb, c.text) for c in claims] == [("Dorn", "call", content)]
    assert [c for c in claims_of("Dorn Tells Council" + BODY) if c.verb == "tell"] == []  # no word quoted
