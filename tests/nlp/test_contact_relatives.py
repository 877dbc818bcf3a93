"""A report in a relative clause with no relative word ("the amount Roe said she paid", "the kind of
tone Roe said he would set") is background to the sentence, as the same clause opened by "that" or
"which" is (the "embedded" rule): its content leaves out the very thing the noun stands for, so it waits
at tier 1. A relative whose speaker is the relative word ("Roe, who said X") is her own report.
Sentences written for the test."""

from __future__ import annotations

from django.conf import settings


def published(claims):
    return [(c.speaker, c.text) for c in claims if c.confidence >= settings.TRACKER_PUBLISH_MIN_CONFIDENCE]


def test_a_report_in_a_contact_relative_waits(claims_of):
    for sentence in (
        "An earlier version of this story misstated the amount Jane Roe said she paid to the charity.",
        "The council rejected the figures Jane Roe said the auditors had produced.",
    ):
        claims = claims_of(sentence)
        assert claims and published(claims) == [], sentence


def test_a_relative_whose_speaker_is_the_relative_word_stays_published(claims_of):
    claims = claims_of("The council heard from Jane Roe, who said she had paid the charity in full.")
    assert [speaker for speaker, _ in published(claims)] == ["Jane Roe"]


def test_a_quotation_closed_before_its_attribution_is_no_relative(claims_of):
    """The parser may hang “...,” Roe wrote on the quotation's last noun as a relative clause."""
    claims = claims_of(
        "\"My mother made the payment. This would be why she is the 'Main Sponsor,' \""
        " Jane Roe wrote of the 2012 gift."
    )
    assert [speaker for speaker, _ in published(claims)] == ["Jane Roe"]
