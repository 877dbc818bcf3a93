"""What someone argued for, against or over is the content of "argued for X" (reporting_verbs.jsonl
"argue": "about" prep:for, prep:against, prep:over); before, with no clause after it, the verb gave no
claim. A time after "for" is no content ("argued for two hours"). Each sentence is written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The governor argued for a new tax on sugary drinks.", "The governor", "a new tax on sugary drinks"),
        (
            "The harbor master argued against dredging the north channel.",
            "The harbor master",
            "dredging the north",
        ),
        ("The two senators argued again over the farm bill.", "The two senators", "the farm bill"),
    ],
)
def test_what_was_argued_for_is_the_content(claims_of, text, speaker, content):
    found = [c for c in claims_of(text) if c.verb == "argue"]
    assert [c.speaker for c in found] == [speaker]
    assert content in found[0].text


def test_a_time_argued_for_is_no_content(claims_of):
    assert not [c for c in claims_of("Harlow argued for two hours with the clerk.") if c.verb == "argue"]


def test_a_clause_argued_is_still_the_content(claims_of):
    (found,) = [
        c for c in claims_of("Harlow argued for years that the pier was unsafe.") if c.verb == "argue"
    ]
    assert found.text == "the pier was unsafe"
