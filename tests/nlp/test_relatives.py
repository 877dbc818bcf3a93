"""Reports inside a relative clause (relatives.py), on sentences written for the test; each test
failed with its rule removed."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_relative_clause_report_reports_the_clause_from_its_pronoun(claims_of):
    """ "whom she described as ...", "which the governor had called ...", "a race that he said ...":
    the pronoun stands for what was described, called or said, so the content starts with it."""
    assert speakers_and_texts(
        claims_of("The coach praised the rookies, whom she described as “fearless,” after the game.")
    ) == [("she", "whom she described as “fearless,”")]
    assert speakers_and_texts(
        claims_of("The plan included a new toll, which the governor had called “a disaster.”")
    ) == [("the governor", "which the governor had called “a disaster.”")]
    assert speakers_and_texts(
        claims_of("The senator finished third, in a race that he said defied the polls.")
    ) == [("he", "that he said defied the polls")]


def test_a_relative_clause_report_is_set_apart_from_the_report_it_ends(claims_of):
    """ "said the council had failed, which she argued would hurt renters": two reports; the first
    one's content stops before the relative clause."""
    assert speakers_and_texts(
        claims_of("Dana Pell said the council had failed, which she argued would hurt renters.")
    ) == [
        ("Dana Pell", "the council had failed"),
        ("she", "which she argued would hurt renters"),
    ]
    assert speakers_and_texts(
        claims_of("He urged the jury to give him a fair hearing, which he said was long overdue.")
    ) == [("He", "the jury to give him a fair hearing"), ("he", "which he said was long overdue")]


def test_a_that_marking_the_reported_clause_is_no_relative_pronoun(claims_of):
    """ "the fact that he said X": "that" marks a clause of "fact", and "he said" keeps its own
    complement; "who said X": the pronoun is the speaker."""
    found = speakers_and_texts(claims_of("Critics seized on the fact that he said the bridge was safe."))
    assert ("he", "the bridge was safe") in found
    found = speakers_and_texts(claims_of("The clerk, who said the files were lost, resigned on Monday."))
    assert all(not text.startswith("who") for _, text in found)
