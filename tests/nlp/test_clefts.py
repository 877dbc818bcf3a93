"""A content in a pseudo-cleft is the cleft's subject and the clause after the verb of saying
(clefts.py), not "what Roe says its terms forbid"."""

from __future__ import annotations

import pytest


def contents(claims):
    return {c.speaker: c.text for c in claims}


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Copying a rival's model through its paid service is what the firm says its terms forbid.",
            "the firm",
            "Copying a rival's model through its paid service … its terms forbid",
        ),
        (
            "Selling the data to brokers was what the lawyer said the contract barred.",
            "the lawyer",
            "Selling the data to brokers … the contract barred",
        ),
    ],
)
def test_the_clefts_subject_and_the_clause_are_the_content(claims_of, text, speaker, content):
    assert contents(claims_of(text)).get(speaker) == content


def test_a_what_clause_after_the_verb_is_unchanged(claims_of):
    found = contents(claims_of("The mayor said what the council wanted was a delay."))
    assert found.get("The mayor") == "what the council wanted was a delay"
