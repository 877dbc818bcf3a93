"""A verb's own time after its object is when it was said, not what was said (contents._when).
Each sentence is written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Jo Roe acknowledged the failures of the program on Monday.", "the failures of the program"),
        ("Jo Roe announced her backing of the mayor Monday.", "her backing of the mayor"),
    ],
)
def test_the_time_of_the_saying_is_not_the_phrase_reported(claims_of, text, content):
    assert [c.text for c in claims_of(text) if c.speaker == "Jo Roe"] == [content]
