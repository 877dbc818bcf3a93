"""A capitalised "Will" the parser read as the modal of a verb in a form no modal takes ("Will urged",
"Will acknowledges") is a name, the verb's subject (modal_names.py). Each sentence is written for the
test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "verb", "content"),
    [
        (
            "Citing the storm as a warning, Will urged the council to rebuild the pier.",
            "urge",
            "the council to",
        ),
        ("Will wrote that the pier was unsafe.", "write", "the pier was unsafe"),
        ("Will described the plan as a disaster for the harbor.", "describe", "the plan as a disaster"),
        ("While Will acknowledges the risk, he sees no other way.", "acknowledge", "the risk"),
    ],
)
def test_will_before_an_inflected_verb_is_its_speaker(claims_of, text, verb, content):
    found = [c for c in claims_of(text) if c.verb == verb]
    assert [c.speaker for c in found] == ["Will"]
    assert content in found[0].text


@pytest.mark.parametrize(
    "text",
    [
        "The mayor will urge the council to rebuild the pier.",
        "Will the mayor urge the council to rebuild the pier?",
    ],
)
def test_a_modal_will_still_makes_no_report(claims_of, text):
    assert not [c for c in claims_of(text) if c.verb == "urge"]
