"""A pronoun after a sentence whose subject is a surname the entity model missed ("Wendle said the city
..." with "Wendle" untagged, the article having named Tobias Wendle before) stands for that person, as
it would had the model tagged the surname (antecedents.missed). A capitalised word the article never
ended a person's name with, or the surname of someone the pronoun cannot stand for, leaves it
unresolved. Every sentence is written for the test."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction

OPENING = "Mayor Tobias Wendle spoke on Tuesday about the budget. "


def quoted(text: str) -> tuple[str, str | None, int, str]:
    [found] = extraction.extract([extraction.Document(text=text)])
    [claim] = [c for c in found.claims if "raise taxes" in c.text]
    return claim.speaker, claim.speaker_name, claim.confidence, claim.confidence_rule


def test_a_pronoun_after_a_missed_surname_is_its_person():
    text = OPENING + "Wendle said the city had not known about the shortfall until June.\n\n"
    assert quoted(text + "“We will not raise taxes,” he said.") == (
        "he",
        "Tobias Wendle",
        2,
        "quote-pronoun",
    )


@pytest.mark.parametrize(
    "rest",
    [
        "Harlow said the city had not known about the shortfall until June.\n\n“We will not raise taxes,” he said.",
        "Wendle said the city had not known about the shortfall until June.\n\n“We will not raise taxes,” she said.",
    ],
    ids=["never-a-surname", "other-gender"],
)
def test_a_word_no_person_of_the_pronoun_ends_with_leaves_it_unresolved(rest):
    speaker, name, tier, _ = quoted(OPENING + rest)
    assert (name, tier) == (None, 1), speaker
