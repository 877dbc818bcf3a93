"""A negation shared by coordinated verbs (shared_negation.py): "did not come out and say X" and "would
not confirm or deny that X" report nothing their speaker asserted, so no claim of X is published; a
verb with a report of its own after the negated one keeps its claim. Sentences written for the test."""

from __future__ import annotations

from django.conf import settings


def published(claims):
    return [
        (c.speaker, c.verb, c.text) for c in claims if c.confidence >= settings.TRACKER_PUBLISH_MIN_CONFIDENCE
    ]


def asserted(claims):
    """Claims that put the words under their speaker as asserted: neither held back (tier 0) nor a
    "not say" report."""
    return [(c.speaker, c.verb, c.text) for c in claims if c.confidence > 0 and not c.verb.startswith("not ")]


def test_did_not_come_out_and_say_is_no_claim_of_what_follows(claims_of):
    claims = claims_of("At the time, Jane Roe didn't come out and say the mayor should be replaced.")
    assert published(claims) == []
    assert asserted(claims) == []


def test_would_not_confirm_or_deny_is_no_denial(claims_of):
    claims = claims_of("The senator would not confirm or deny that the talks had collapsed on Friday.")
    assert asserted(claims) == []


def test_a_report_of_its_own_after_a_negated_verb_stays_a_claim(claims_of):
    """A past form ("did not attend ... and said") or a "but" starts the speaker's own report."""
    for sentence in (
        "The mayor did not attend the hearing and said the council had ignored her.",
        "The senator did not attend the meeting, but said that the governor should resign.",
    ):
        assert [verb for _, verb, _ in asserted(claims_of(sentence))] == ["say"], sentence


def test_a_fronted_negative_with_inversion_is_no_claim(claims_of):
    """Negative inversion ("At no point did Roe say that X"): a negative phrase before the verb with
    its auxiliary before the subject negates the saying as "not" would."""
    for sentence in (
        "At no point did the mayor say that the council had ignored her.",
        "At no time has Jane Roe claimed that the budget was balanced.",
        "Nowhere did the senator suggest that the governor should resign.",
    ):
        assert asserted(claims_of(sentence)) == [], sentence


def test_a_fronted_phrase_with_no_and_no_inversion_keeps_the_claim(claims_of):
    """No inversion ("With no notes, Roe said X", "In no uncertain terms, Roe said X"): a claim."""
    for sentence in (
        "With no notes in front of her, the mayor said that the council had ignored her.",
        "In no uncertain terms, Jane Roe said the budget was balanced.",
    ):
        assert [verb for _, verb, _ in asserted(claims_of(sentence))] == ["say"], sentence
