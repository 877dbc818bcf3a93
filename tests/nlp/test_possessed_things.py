"""A possessive "its" on a characterising noun is the thing named before it (possessed_things.py):
issue 12's family of claims left with "its" for a speaker. Sentences written for the tests; each failed
with the rule removed."""

from __future__ import annotations


def speakers(claims):
    return [(c.speaker, c.text) for c in claims]


def test_its_prediction_is_the_thing_its_clause_names_with_its_possessor(claims_of):
    """ "The doctor's earlier letter was mocked for its bold prediction that ...": the letter's."""
    text = (
        "The doctor's earlier letter was mocked for its bold prediction that the patient would live to 100."
    )
    assert speakers(claims_of(text)) == [("The doctor's earlier letter", "the patient would live to 100")]


def test_its_claim_is_the_object_before_it_not_the_person_who_faults_it(claims_of):
    """ "The senator faulted the agency for its claim that ...": the agency's, not "its", nor the senator's."""
    text = "The senator faulted the agency for its claim that the river was clean."
    assert speakers(claims_of(text)) == [("the agency", "the river was clean")]


def test_its_stays_when_the_word_before_is_a_person(claims_of):
    """ "Jane Roe defended its claim that ...": no thing named before "its" in its clause."""
    text = "Jane Roe defended its claim that the river was clean."
    assert [c.speaker for c in claims_of(text)] == ["its"]
