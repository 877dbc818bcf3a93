"""A pronoun given the subject of the sentence before whose verb puts a question or a document to
another person ("Roe questioned Doe.", "Roe showed Doe the email."): that person may answer as well,
so the pronoun's name is a guess, rated low (antecedents.rival, confidence row "rival-subject");
a name the entity model missed counts as that person, unless the article gave it as the surname of
someone the pronoun cannot stand for. Other verbs' objects are no rivals ("Roe attacked Doe."). A subject
coordinated with another name the pronoun may stand for ("Roe and Doe left.") is a guess too
(antecedents.paired)."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction

QUOTE = " “I wrote that memo,” he said."


def rated(text: str) -> tuple[str, str | None, int, str]:
    [found] = extraction.extract([extraction.Document(text=text)])
    [claim] = [c for c in found.claims if "memo" in c.text]
    return claim.speaker, claim.speaker_name, claim.confidence, claim.confidence_rule


@pytest.mark.parametrize(
    "before",
    [
        "Martin Keeble showed Hale a 2016 memo.",  # a bare capitalised word the model left untagged
        "Martin Keeble questioned Arthur Lindqvist for an hour.",
        "Martin Keeble grilled Arthur Lindqvist on Tuesday.",
    ],
)
def test_a_pronoun_after_a_question_put_to_another_person_waits(before):
    speaker, name, tier, rule = rated(before + QUOTE)
    assert (speaker, tier, rule) == ("he", 1, "rival-subject")
    assert name == "Martin Keeble"


@pytest.mark.parametrize(
    "before",
    [
        "Martin Keeble attacked Arthur Lindqvist on Tuesday.",
        "Martin Keeble showed the committee a 2016 memo.",
    ],
)
def test_a_pronoun_after_another_verb_or_no_person_is_published(before):
    assert rated(before + QUOTE) == ("he", "Martin Keeble", 2, "quote-pronoun")


def test_a_surname_of_someone_the_pronoun_cannot_stand_for_is_no_rival():
    text = "Mrs. Lindqvist sued the firm in May. Martin Keeble showed Lindqvist a 2016 memo." + QUOTE
    assert rated(text) == ("he", "Martin Keeble", 2, "quote-pronoun")  # tagged, as "Mrs. Lindqvist" is
    text = "Mrs. Hale sued the firm in May. Martin Keeble showed Hale a 2016 memo." + QUOTE
    assert rated(text) == ("he", "Martin Keeble", 2, "quote-pronoun")  # left untagged


def test_a_pronoun_after_two_names_coordinated_waits():
    speaker, name, tier, rule = rated(
        "Martin Keeble and Arthur Lindqvist left the courtroom together." + QUOTE
    )
    assert (speaker, tier, rule) == ("he", 1, "rival-subject")


def test_a_pronoun_after_a_name_and_someone_it_cannot_stand_for_is_published():
    text = "Martin Keeble and Mrs. Lindqvist left the courtroom together." + QUOTE
    assert rated(text) == ("he", "Martin Keeble", 2, "quote-pronoun")
