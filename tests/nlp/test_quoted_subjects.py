"""A word of a quotation is never the speaker of the verb after it (quoted_subjects.py)."""

from __future__ import annotations

from tracker.nlp import extraction


def test_a_name_set_off_after_the_quote_speaks_not_the_quote(claims_of):
    text = (
        "“Very good reporter, very good reporter this guy,” Tallis, the party's front-runner, "
        "said when Vesk asked him a question."
    )
    said = [c for c in claims_of(text) if c.verb == "say"]
    assert [(c.speaker, c.text) for c in said] == [
        ("Tallis", "Very good reporter, very good reporter this guy,")
    ]


def test_an_addressee_inside_the_quote_is_not_the_speaker(claims_of):
    text = (
        "''That was a fine speech you gave last night, Mr. Mayor,'' Councillor Dara Quell, "
        "a member from the east ward, told Mr. Tallis."
    )
    assert [c.speaker for c in claims_of(text) if c.verb == "tell"] == ["Councillor Dara Quell"]


def test_a_quote_with_its_speaker_next_to_the_verb_is_unchanged(claims_of):
    text = "“Very good reporter, this guy,” Tallis said on Monday."
    assert [(c.speaker, c.verb) for c in claims_of(text)] == [("Tallis", "say")]


def test_a_name_set_off_after_the_quote_of_a_verb_the_parser_coordinated():
    text = (
        "''If the mayor had gone with Kemp, I would have been in jail,'' Mr. Daniloff, now 81 and "
        "retired in Brindlehaven, said by telephone this week."
    )
    [found] = extraction.extract([extraction.Document(text=text)])  # with plaintext's quote marks
    assert [(c.speaker, c.verb) for c in found.claims] == [("Mr. Daniloff", "say")]
