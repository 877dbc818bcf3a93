"""A speaker's "he" or "she" whose antecedent is a description ("the governor", "the careful mayor"):
the description is who speaks, not a name found further back (described_pronouns.py)."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction

OPENING = "Paul Denning met the board of Ridgefield Mills on Monday. "


def speakers(text: str) -> dict[str, tuple[str, str | None]]:
    [found] = extraction.extract([extraction.Document(text=text)])
    return {c.text: (c.speaker, c.speaker_name) for c in found.claims}


@pytest.mark.parametrize(
    "sentence, content, speaker, name",
    [
        (
            "The governor denounced what he called a “reckless” plan.",
            "a “reckless” plan",
            "he",
            "The governor",
        ),
        ("The senator repeated his promise to repeal the levy.", "to repeal the levy", "his", "The senator"),
        (
            "The senator, who was sworn in last week, now finds herself struggling to hold a coalition "
            "against a rival whom she has called “a fraud.”",
            "a fraud.",
            "she",
            "The senator",
        ),
    ],
)
def test_a_pronoun_stands_for_the_description_its_clause_hangs_from(sentence, content, speaker, name):
    assert speakers(OPENING + sentence)[content] == (speaker, name)


def test_a_pronoun_stands_for_the_description_the_sentence_before_has_for_its_subject():
    text = OPENING + (
        "“It doesn't worry me,” the careful mayor said of the vote. After all, she added, the board “has "
        "fought me for years.”"
    )
    assert speakers(text)["After all … the board “has fought me for years.”"] == ("she", "the careful mayor")


@pytest.mark.parametrize(
    "text, content",
    [
        # a description of the other gender
        (OPENING + "The congresswoman denounced what he called a “scam.”", "a “scam.”"),
        # a parenthetical "he said" in the description's own clause: the description is the topic
        (OPENING + "A new manager, he said, could set a new tone.", "A new manager … could set a new tone"),
    ],
)
def test_a_description_the_pronoun_cannot_stand_for_is_left(text, content):
    speaker, name = speakers(text)[content]
    assert speaker == "he" and name in (None, "Paul Denning")


def test_a_question_put_to_a_name_leaves_the_asker_out():
    text = (
        OPENING + "A reporter asked Denning how he felt about the vote. He replied: “The bigger, the better.”"
    )
    assert speakers(text)["The bigger, the better."][1] != "A reporter"


def test_a_possessive_in_the_next_sentence_keeps_its_name():
    text = OPENING + (
        "A campaign aide later said that Jane Holloway misspoke on Friday. The remark came in an answer "
        "about her claim that she “never sent a classified email.”"
    )
    assert "aide" not in (speakers(text).get("she “never sent a classified email.”", ("", ""))[1] or "")


def test_a_capitalised_noun_with_no_article_is_a_surname_not_a_description():
    text = (
        "Paul Denning will face the former nurse Jane Doctor in May. Doctor lacks the money of Denning, "
        "but she is expected to argue that the mill must close."
    )
    assert speakers(text)["the mill must close"] != ("she", "Doctor")
