"""A speaker's "he" or "she" after a sentence whose subject is the same pronoun: the name that pronoun
stands for, when no one else the pronoun may stand for is named or described between
(chained_pronouns.py)."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction
from tracker.nlp.types import Claim

QUOTE = "“Nobody asked us,” she said."


def claim(text: str) -> Claim:
    [found] = extraction.extract([extraction.Document(text=text)])
    return next(c for c in found.claims if c.text.startswith("Nobody asked us"))


def test_a_pronoun_after_a_sentence_of_the_same_pronoun_is_the_name_before_it():
    text = f"Wendy Park joined the bank in 2019. She ran its audit team for four years. {QUOTE}"
    found = claim(text)
    assert (found.speaker, found.speaker_name, found.resolution) == ("she", "Wendy Park", "pronoun")
    assert found.confidence >= 2


@pytest.mark.parametrize(
    "middle",
    [
        "She hired Mary Doyle as her deputy.",  # another woman named between
        "She met the chairwoman twice.",  # a description she may stand for
        "She said “Mary Doyle knows the books.”",  # a name in quotation marks is a rival too
        "She told Kessler about the audit.",  # the one she told may answer
    ],
)
def test_no_chain_past_someone_else_the_pronoun_may_stand_for(middle):
    found = claim(f"Wendy Park joined the bank in 2019. {middle} {QUOTE}")
    assert found.speaker_name != "Wendy Park" or found.confidence < 2


def test_the_name_too_far_back_is_not_followed():
    text = (
        "Wendy Park joined the bank in 2019. She ran its audit team for four years. "
        "She moved to Denver in 2022. She rarely spoke to reporters. "
        f"{QUOTE}"
    )
    assert claim(text).speaker_name is None


def test_the_distance_counts_from_the_bare_surname_repeated_after_the_name():
    text = (
        "The trial resumed on Monday.\n\n“The buyer knew everything,” Wendy Park told jurors, describing a "
        "meeting in a hotel in Tulsa weeks after the sale.\n\nPark, 52, pleaded guilty last year to fraud "
        "and is testifying under an agreement with prosecutors.\n\nShe said she never saw the ledger. "
        f"{QUOTE}"
    )
    found = claim(text)
    assert (found.speaker_name, found.resolution) == ("Wendy Park", "pronoun")
    assert found.confidence >= 2
