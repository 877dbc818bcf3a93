""" "All" before a speaker quantifies the speakers; before a name and a verb followed by its predicate
it is a free relative, no report (relatives.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "All the councillors insisted that cooperation will be needed to fix the bridge.",
            "All the councillors",
            "cooperation will be needed to fix the bridge",
        ),
        (
            "All three candidates have said they would widen the program.",
            "All three candidates",
            "they would widen the program",
        ),
        (
            "Virtually all analysts say the race in Brindlehaven is over.",
            "all analysts",
            "the race in Brindlehaven is over",
        ),
    ],
)
def test_all_before_the_speakers_quantifies_them(claims_of, text, speaker, content):
    assert [(c.speaker, c.text) for c in claims_of(text)] == [(speaker, content)]


def test_all_a_name_said_is_a_free_relative(claims_of):
    assert claims_of("All Tallis said was that the plan would fail.") == []
    assert [c.speaker for c in claims_of("Everything Vesk says is a lie, Tallis said.")] == ["Tallis"]
