"""A reported clause whose subject noun the parser read as its verb runs on to the real verb's end
(noun_verbs.py): "testified that answers from X made up Y" is not "that answers from X"."""

from __future__ import annotations

import pytest


def contents(claims):
    return {c.speaker: c.text for c in claims}


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The former engineer testified on Thursday afternoon that answers from the rival's chatbot made up"
            " about 90 percent of the data used to train the new assistant.",
            "The former engineer",
            "answers from the rival's chatbot made up about 90 percent of the data used to train the new"
            " assistant",
        ),
        (
            "The witness told jurors that reports from the field showed little damage.",
            "The witness",
            "reports from the field showed little damage",
        ),
    ],
)
def test_the_clause_runs_on_to_its_real_verb(claims_of, text, speaker, content):
    assert contents(claims_of(text)).get(speaker) == content


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (  # a clause parsed right: unchanged
            "The auditor said that costs from the new plant rose sharply last year.",
            "The auditor",
            "costs from the new plant rose sharply last year",
        ),
        (
            "She said that changes to the rules made voting harder.",
            "She",
            "changes to the rules made voting harder",
        ),
    ],
)
def test_a_clause_with_its_own_verb_is_unchanged(claims_of, text, speaker, content):
    assert contents(claims_of(text)).get(speaker) == content
