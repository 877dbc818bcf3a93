"""The tier of a claim whose speaker is a pronoun resolved to a name (confidence.named_before): a name
its own sentence gives before it, outside quotation marks, was picked wrong far more often than the
subject of the sentence before (PolNeAR train, read by hand), so such a claim waits for a curator."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction

CONTEXT = "Paul Denning spoke to reporters in Ohio on Tuesday. "


def rated(text: str) -> dict[str, tuple[str, str | None, int, str]]:
    [found] = extraction.extract([extraction.Document(text=text)])
    return {c.text: (c.speaker, c.speaker_name, c.confidence, c.confidence_rule) for c in found.claims}


@pytest.mark.parametrize(
    "sentence",
    [
        "Mark Tolliver met the council, and “the levy will pass,” he said.",
        "Mark Tolliver praised the council, adding, he said, “the levy will pass.”",
        "Mark Tolliver’s remarks were aimed at the council, including, he said, “the levy will pass.”",
    ],
)
def test_a_pronoun_resolved_to_a_name_in_its_own_sentence_waits_for_a_curator(sentence):
    claims = rated(CONTEXT + sentence)
    [(speaker, name, tier, rule)] = [v for k, v in claims.items() if "levy" in k]
    assert (speaker, name) == ("he", "Mark Tolliver")
    assert (tier, rule) == (1, "named-before")


def test_a_pronoun_resolved_to_the_subject_of_the_sentence_before_is_published():
    claims = rated(CONTEXT + "Mark Tolliver met the council. “The levy will pass,” he said.")
    assert claims["The levy will pass,"] == ("he", "Mark Tolliver", 2, "quote-pronoun")
