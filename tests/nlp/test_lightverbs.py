"""A characterising noun as a light verb's object: the verb's subject owns it (lightverbs.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Senator Dorlan Vesk made the claim that the council had hidden the report.",
            "Senator Dorlan Vesk",
            "the council had hidden the report",
        ),
        (
            "And he made the suggestion that the council should receive only false reports.",
            "he",
            "the council should receive only false reports",
        ),
        (
            "Mayor Dara Quell delivered a forceful promise to mend the bridge by May.",
            "Mayor Dara Quell",
            "to mend the bridge by May",
        ),
        (
            "The mayor issued a warning that the bridge would close in May.",
            "The mayor",
            "the bridge would close in May",
        ),
    ],
)
def test_the_light_verbs_subject_owns_the_noun(claims_of, text, speaker, content):
    assert [(c.speaker, c.text) for c in claims_of(text)] == [(speaker, content)]


@pytest.mark.parametrize(
    "text",
    [
        "Dorlan Vesk did not make the claim that the council had hidden the report.",
        "Dorlan Vesk could make the case that the council had hidden the report.",
        "It becomes harder to make the case that the council had hidden the report.",
        "Dorlan Vesk made claims about the report.",
    ],
)
def test_no_claim_when_negated_hypothetical_ownerless_or_without_content(claims_of, text):
    assert claims_of(text) == []
