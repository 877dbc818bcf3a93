"""Words the parser made a speaker that only name the speaker's act, audience or document (standins.py)."""

from __future__ import annotations

from tracker.nlp import extraction


def claims_of(text: str) -> dict[str, tuple[str, str | None]]:
    [found] = extraction.extract([extraction.Document(text=text)])
    return {c.text: (c.speaker, c.speaker_name) for c in found.claims}


def test_who_makes_an_attempt_speaks_the_words_hung_on_it():
    found = claims_of(
        "The mayors took turns rebutting the governor's claims about the budget. "
        "The firms are taking pains to say they are not endorsing any candidate."
    )
    assert found["the governor's claims about the budget"][0] == "The mayors"
    assert found["they are not endorsing any candidate"][0] == "The firms"


def test_the_sender_not_the_one_addressed_speaks():
    found = claims_of("The senator emailed supporters saying: “The struggle continues” and vowing to go on.")
    assert found["“The struggle continues”"][0] == "The senator"
    assert found["to go on"][0] == "The senator"


def test_who_writes_in_a_document_or_fires_back_a_response_issues_it():
    found = claims_of(
        "The Daily Courier shot back in an article stating that the city was the richest in the state. "
        "Later that day, Jane Holloway fired back a response saying she would not support the plan."
    )
    assert found["the city was the richest in the state"] == ("an article", "The Daily Courier")
    assert found["she would not support the plan"] == ("a response", "Jane Holloway")


def test_an_object_that_is_no_act_and_no_audience_stays_the_speaker():
    found = claims_of("The senator quoted a farmer saying the tariff would ruin him.")
    assert found["the tariff would ruin him"][0] == "a farmer"
