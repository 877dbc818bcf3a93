""" "Roe said she backs the bill, which she called “a start”": a report in a relative clause of another
claim's content is an attribution of its own, kept below the published tiers (selection._relative)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            "Halvorsen said he has backed a bill to curb the licensing boards, which he called "
            "“a guild for the trades.”",
            ("call", "a guild for the trades."),
        ),
        (
            "Quimby said the county lost the grant, which she argued hurts the rural clinics most.",
            ("argue", "hurts the rural clinics most"),
        ),
        (
            "Tallis said the marchers, whom he described as “calm,” walked to the courthouse.",
            ("describe", "as “calm,”"),
        ),
    ],
)
def test_a_report_in_a_relative_clause_of_the_content_is_kept(claims_of, text, inner):
    found = claims_of(text)
    assert [(c.verb, c.text) for c in found if c.verb != "say"] == [inner]
    assert all(c.confidence <= 1 for c in found if c.verb != "say")
    assert [c.speaker for c in found if c.verb == "say"] != []  # the outer claim stays, whole


def test_a_report_after_that_still_yields_to_the_longer_claim(claims_of):
    # "that" is as often a complementizer as a relative pronoun: the longer claim keeps the inner one
    text = "Brennan said the aides told Quimby that she was not available."
    assert [c.speaker for c in claims_of(text)] == ["Brennan"]


def test_a_relative_clause_keeps_only_the_report_its_speaker_makes(claims_of):
    # "she" is the subject of "was doing"; "told" is the police's, further on: not her report
    text = (
        "Spokeswoman Nell Ostrova said the candidate was headed to the venue to give interviews, "
        "which she was doing when the police located her and told her to leave."
    )
    assert [c.verb for c in claims_of(text)] == ["say"]
