"""Speakers the parser put in the wrong place: a second clause's subject read as a conjunct of the
first clause's object, a preposition read as the subject, a rank read as a share of those polled.
Each sentence here is written for the test and was checked to misparse so."""

from __future__ import annotations


def test_a_name_after_and_hung_on_the_first_clauses_object_is_the_second_clauses_subject(claims_of):
    text = (
        "Over the past month, investigators charged the clerk with fraud and Musk fired his finance chief,"
        " Jane Doe, acknowledging that several parts of the company had lost faith in its books."
    )
    [claim] = claims_of(text)
    assert (claim.speaker, claim.speaker_name) == ("Musk", "Elon Musk")  # not "investigators"
    assert claim.text == "several parts of the company had lost faith in its books"


def test_a_preposition_read_as_the_subject_is_no_speaker(claims_of):
    text = 'Of Brockman, Musk, who has given money to the campaign, said, "He is a fine engineer. I think he is honest."'
    [claim] = claims_of(text)
    assert (claim.speaker, claim.speaker_entity) == ("Musk", "Elon Musk")  # not "Of"


def test_a_rank_before_a_participle_is_no_share_of_respondents(claims_of):
    text = 'Mr. Brockman, channeling his respectful roots, responded by first saying "some good things" about Mr. Musk.'
    assert not [c for c in claims_of(text) if c.speaker == "first"]
