"""Words the parser made a speaker that only name the speaker's act, audience or document (standins.py)."""

from __future__ import annotations

from tracker.nlp import extraction


def claims_of(text: str) -> dict[str, tuple[str, str | None]]:
    [found] = extraction.extract([extraction.Document(text=text)])
    return {c.text: (c.speaker, c.speaker_name) for c in found.claims}


def test_who_makes_an_attempt_speaks_the_words_hung_on_it():
    found = claims_of(
        "The coaches took turns rebutting the owner's claims about the salary cap. "
        "The unions are taking pains to stress they have no favourite in the race."
    )
    assert found["the owner's claims about the salary cap"][0] == "The coaches"
    assert found["they have no favourite in the race"][0] == "The unions"


def test_the_sender_not_the_one_addressed_speaks():
    found = claims_of("The governor emailed donors saying: “Nothing is over” and vowing to win.")
    assert found["“Nothing is over”"][0] == "The governor"
    assert found["to win"][0] == "The governor"


def test_who_writes_in_a_document_or_fires_back_a_response_issues_it():
    found = claims_of(
        "The Daily Courier hit back in a column stating that the town was the safest in the region. "
        "Later that day, Jane Holloway fired back a response saying she would not support the plan."
    )
    assert found["the town was the safest in the region"] == ("a column", "The Daily Courier")
    assert found["she would not support the plan"] == ("a response", "Jane Holloway")


def test_an_object_that_is_no_act_and_no_audience_stays_the_speaker():
    found = claims_of("The senator quoted a farmer saying the tariff would ruin him.")
    assert found["the tariff would ruin him"][0] == "a farmer"


def test_who_gave_a_document_in_a_relative_clause_issues_it():
    """ "A speech Roe gave on Tuesday called for ...": a verb of issuing ("gave", "wrote") in a relative
    clause names who put the document out; "criticised" does not."""
    found = claims_of(
        "A speech Jane Roe gave on Tuesday called for an end to the levy. "
        "The memo Jane Roe wrote on Friday said the levy would end. "
        "The memo Jane Roe criticised on Friday said the levy would last. "
        "The Roe campaign gave a statement saying the levy was unfair."
    )
    assert found["for an end to the levy"] == ("A speech", "Jane Roe")
    assert found["the levy would end"] == ("The memo", "Jane Roe")
    assert found["the levy would last"] == ("The memo", None)
    assert found["the levy was unfair"] == ("a statement", "The Roe campaign")


def test_who_signs_or_establishes_an_instrument_issues_it():
    """ "The two unions signed an agreement to allow ...", "The mayor established a policy urging ...":
    a verb that makes an instrument someone's (patterns/speakers.jsonl "issue-instrument") names who the
    instrument speaks for; one they only criticised does not."""
    found = claims_of(
        "In March, the two unions signed an agreement to allow night shifts at the depot. "
        "The regional council established a policy urging landlords to report broken heaters. "
        "The regional council criticised a policy urging tenants to report broken windows."
    )
    assert found["to allow night shifts at the depot"] == ("an agreement", "the two unions")
    assert found["landlords to report broken heaters"] == ("a policy", "The regional council")
    assert found["tenants to report broken windows"] == ("a policy", None)


def test_who_filed_or_conducted_a_document_by_name_issues_it():
    """ "a lawsuit filed by a former aide alleging ...": the agent of a participle of issuing on the
    document is who it speaks for, before the one who only handled it ("slammed"); one who only praised
    it ("praised by") is not, and who released it is; "conducted by comparing" names no one."""
    found = claims_of(
        "The mayor's office slammed a lawsuit filed by a former aide alleging that the mayor broke the law. "
        "A survey conducted by the state university found that most tenants want rent caps. "
        "The city council released a memo praised by the union saying the depot would stay open. "
        "Many recent studies of the levy, often conducted by comparing towns, have found that rents rose."
    )
    assert found["the mayor broke the law"] == ("a lawsuit", "a former aide")
    assert found["most tenants want rent caps"] == ("A survey", "the state university")
    assert found["the depot would stay open"] == ("a memo", "The city council")
    assert found["rents rose"] == ("Many recent studies of the levy", None)
