"""Sayings the sentence does not report as made (unsaid.py, confidence rule "wanted"): one still to
come ("has until Friday to respond", "is scheduled to testify that ...", "plans to argue that ...")
waits for a curator; a quote standing before such a sentence is not the words of its subject.
Prompted by the third trial set's t095 (a filing's quote given to "Musk's lawyers have until Friday to
respond"); the sentences here are invented."""

from __future__ import annotations


def test_a_quote_before_a_deadline_to_respond_is_not_the_respondents(claims_of):
    claims = claims_of(
        "“The merger will close by June,” the filing says. “Nothing has changed.” "
        "Lawyers for Elon Musk have until Friday to respond."
    )
    assert [c.text for c in claims if c.confidence >= 2] == []


def test_a_saying_scheduled_or_planned_waits(claims_of):
    claims = claims_of(
        "Microsoft is scheduled to testify that it had no role in the deal. "
        "Sam Altman is set to testify that he never promised anything. "
        "OpenAI plans to argue that Musk left the board on his own. "
        "Greg Brockman has two weeks to answer that the emails were forged."
    )
    assert [(c.text, c.confidence) for c in claims if c.confidence >= 2] == []
    assert {c.confidence_rule for c in claims} <= {"wanted"}


def test_a_saying_made_after_such_a_verb_stays_published(claims_of):
    """The infinitive under "went on", and a saying of its own after the plan: reported as made."""
    claims = claims_of(
        "Sam Altman went on to say that the board had acted alone. "
        "Microsoft had planned a merger, and Sam Altman said the plan had failed."
    )
    assert [(c.text, c.confidence >= 2) for c in claims] == [
        ("the board had acted alone", True),
        ("the plan had failed", True),
    ]
