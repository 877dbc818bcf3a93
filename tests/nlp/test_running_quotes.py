"""A quotation running over paragraphs joins the claim it goes on from (running_quotes.py)."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction


def claims(text: str):
    [found] = extraction.extract([extraction.Document(text=text)])
    return found.claims


def test_a_paragraph_that_is_one_quote_goes_on_in_the_words_of_the_quoted_claim_before_it():
    text = (
        "“The bridge will open in May,” said Ana Ruiz, the county engineer.\n\n"
        "“We ordered the steel last year. The crews start on Monday.”\n\n"
        "The council meets on Friday."
    )
    [claim] = [c for c in claims(text) if c.speaker == "Ana Ruiz"]
    assert (
        claim.text
        == "The bridge will open in May, … We ordered the steel last year. The crews start on Monday."
    )
    assert [text[s:e] for s, e in claim.pieces][
        -1
    ] == "We ordered the steel last year. The crews start on Monday."
    assert text[claim.start : claim.end].endswith("start on Monday.")
    assert claim.sentence.endswith("start on Monday.”")
    assert claim.confidence >= 2


def test_a_quote_left_open_at_its_paragraph_end_goes_on_paragraph_by_paragraph():
    text = (
        "Ruiz spoke first. “The plan was never about money,” Ruiz said. “It was about trust.\n\n"
        "“We kept our word for ten years.\n\n"
        "“They did not.”\n\n"
        "The hearing ends on Friday."
    )
    [claim] = [c for c in claims(text) if c.speaker == "Ruiz"]
    assert claim.text.endswith("It was about trust. … We kept our word for ten years. … They did not.")
    assert "hearing" not in claim.text


@pytest.mark.parametrize(
    "text",
    [
        # a question: the next words are often someone else's answer
        "“Do we give up on the bridge?” Ruiz asked.\n\n“Never.”",
        # a quote over a line break: a post printed with its byline, not a paragraph
        "“The bridge will open in May,” Ruiz said.\n\n“The steel came late.\nTom Lee, on X.”",
        # a quote that ends like no sentence: a label, a title
        "“The bridge will open in May,” Ruiz said.\n\n“The steel came late”",
        # the next paragraph's quote has an attribution of its own
        "“The bridge will open in May,” Ruiz said.\n\n“The steel came late,” Tom Lee said.",
        # an attribution after it in its paragraph: another claim reads it
        "“The bridge will open in May,” Ruiz said.\n\n“The steel came late.” The council agreed.",
        # words outside the quote: not one quotation
        "“The bridge will open in May,” Ruiz said.\n\n“The steel came late.” The council met on Friday.",
        # the claim's paragraph goes on after its sentence
        "“The bridge will open in May,” Ruiz said. She left the meeting early.\n\n“The steel came late.”",
        # other marks: a quote goes on in the marks it opened with
        '“The bridge will open in May,” Ruiz said.\n\n"The steel came late."',
        # between two voices: the quote after it has an attribution of its own
        "“The bridge will open in May,” Ruiz said.\n\n“The steel came late.”\n\n“We will see,” Tom Lee said.",
    ],
)
def test_a_quote_paragraph_that_may_be_another_voice_is_left_alone(text):
    assert all("steel" not in c.text and "Never" not in c.text for c in claims(text) if c.speaker == "Ruiz")
