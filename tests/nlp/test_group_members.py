"""A group speaker followed by the named people it includes is credited to the first of them
(group_members.py), keeping its tier; a name inside a clause about the group's members, or a group with
no "including" or "such as" after it, keeps the group. Invented texts, through the whole extraction."""

from __future__ import annotations

from tracker.nlp import extraction


def speakers(text: str):
    claims = extraction.extract([extraction.Document(text)])[0].claims
    return [(c.speaker, c.speaker_name, c.confidence) for c in claims]


def test_a_bare_group_word_is_credited_to_its_first_named_member():
    text = (
        "But others, including Sen. Jane Roe (D-Ore.) and Rep. Paul Doe (D-Ariz.), are gently urging "
        "the governor to accept the result."
    )
    assert speakers(text) == [("Jane Roe", "Jane Roe", 1)]


def test_a_described_group_is_credited_to_its_first_named_member():
    text = (
        "Leaders remain confident despite a few early backers of the plan, such as senator Ray Colt, "
        "R-Ohio, and Jo Marsh, D-Ill., now saying they think it should be changed."
    )
    assert speakers(text) == [("Ray Colt", "Ray Colt", 1)]


def test_a_name_inside_a_clause_about_the_members_is_not_one_of_them():
    text = (
        "Many voters, including people who backed Jane Roe, said they would stay home. "
        "A few early backers of the plan said they think it should be changed."
    )
    assert speakers(text) == [("Many voters", None, 1), ("A few early backers of the plan", None, 1)]
