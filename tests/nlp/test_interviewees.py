"""Who answers an interview's "A" turns when the line before names no questioner (interviewees.py): the
one person its lead says the interview or transcript is with; the answers wait at tier 1 under
"lead-interviewee". A lead naming the interviewers ("he spoke with reporters ..."), or two people, or
a record not of someone's testimony, names no one.

Invented texts; each case was seen failing without the rule.
"""

from __future__ import annotations

from tracker.nlp import extraction


def _answers(text: str) -> list[tuple[str | None, str, int]]:
    [found] = extraction.extract([extraction.Document(text)])
    return [(c.speaker_name, c.confidence_rule, c.confidence) for c in found.claims if c.speaker == "A"]


EXCHANGE = "\n\nQ: Is the practice legal?\n\nA: It depends on the contract you signed, and on little else.\n"


def test_we_spoke_with_names_the_one_who_answers():
    text = "We spoke with Dana Whitcombe, a professor of law, by phone. The interview was edited." + EXCHANGE
    assert _answers(text) == [("Dana Whitcombe", "lead-interviewee", 1)]


def test_a_heading_q_and_a_with_a_titled_name():
    text = (
        "Q&A with Senator Dana Whitcombe.\n\nDana Whitcombe spent Thursday in Ohio, where she spoke with "
        "reporters Lee Ostrander and Kim Poe." + EXCHANGE
    )
    assert _answers(text) == [("Dana Whitcombe", "lead-interviewee", 1)]


def test_a_transcript_of_someones_testimony():
    text = (
        "From Tuesday's transcript of Dana Whitcombe's testimony:\nQ. Did you sign the agreement?\n"
        "A. No. I said I would sign it once the board agreed."
    )
    assert _answers(text) == [("Dana Whitcombe", "lead-interviewee", 1)]


def test_interviewers_or_two_people_name_no_one():
    interviewers = (
        "Dana Whitcombe flew home on Thursday, where she spoke with reporters Lee Ostrander and Kim Poe."
        + EXCHANGE
    )
    two = "We spoke with Dana Whitcombe and Lee Ostrander by phone." + EXCHANGE
    nobody = "The interview has been edited for length and clarity." + EXCHANGE
    found = _answers(interviewers) + _answers(two) + _answers(nobody)
    assert [a[0] for a in found] == [None, None, None]
