""" "As X put it, “Y”" and "as X put it: “Y”" report Y (reporting_verbs.jsonl "put-it": "put" with the
object "it", content only a quote it introduces). "Put it" with no quote after it ("promised to put it
into the budget", "to put it mildly") reports nothing. Each sentence is written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "As the harbor master put it, “The pier is done for.”",
            "the harbor master",
            "The pier is done for.",
        ),
        ("Or, as one farmer put it: “We are tired of waiting.”", "one farmer", "We are tired of waiting."),
        (
            "As the county clerk puts it, “Nobody reads the budget.”",
            "the county clerk",
            "Nobody reads the budget.",
        ),
    ],
)
def test_as_someone_put_it_reports_the_quote(claims_of, text, speaker, content):
    found = [c for c in claims_of(text) if c.verb == "put"]
    assert [(c.speaker, c.text) for c in found] == [(speaker, content)]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor has promised to put it into the budget.",
        "The plan, to put it mildly, is a mess.",
        "The clerk put it on the shelf next to the budget.",
    ],
)
def test_put_it_with_no_quote_reports_nothing(claims_of, text):
    assert not [c for c in claims_of(text) if c.verb == "put"]
