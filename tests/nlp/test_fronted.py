"""Words fronted before a speaker that set the scene are not what was said (fronted.py). Sentences
invented for the test; the first three failed without the rule (the setting was given as the
speaker's words); the last two guard a clause and an imperative before the speaker, which stay its
report."""

from __future__ import annotations


def texts(claims):
    return [c.text for c in claims]


def test_a_fronted_courtroom_is_not_what_was_said(claims_of):
    found = claims_of(
        "In federal court in Dover, Del., Hale, in an orange jumpsuit, said little, offering only short "
        "answers to the judge."
    )
    assert "In federal court in Dover" not in texts(found)


def test_a_fronted_adverbial_clause_is_not_what_was_answered(claims_of):
    found = claims_of("Before leaving the race, the former governor responded with scorn, mocking the polls.")
    assert "Before leaving the race" not in texts(found)


def test_a_fronted_occasion_is_not_what_was_answered(claims_of):
    found = claims_of("At a town hall in Keene on Monday, the senator responded with a joke.")
    assert "At a town hall in Keene on Monday" not in texts(found)


def test_a_clause_before_the_speaker_is_still_its_report(claims_of):
    found = claims_of("In Millbrook, the turnout was the highest in a decade, county officials said.")
    assert [(c.speaker, c.text) for c in found] == [
        ("county officials", "In Millbrook, the turnout was the highest in a decade")
    ]
    found = claims_of("A ferry was damaged, the harbour master said.")
    assert [(c.speaker, c.text) for c in found] == [("the harbour master", "A ferry was damaged")]


def test_an_imperative_before_the_speaker_is_what_was_said(claims_of):
    found = claims_of(
        "Lower the fares on the night buses, commuters say by a wide margin, and add more trains."
    )
    assert ("commuters", "Lower the fares on the night buses") in [(c.speaker, c.text) for c in found]
