"""A quotation set off by dashes or brackets straight after a named member of a group is that member's
words (set_off_quotes.py), waiting for a curator at tier 1; a nickname in brackets, a quotation after a
name that is a verb's object, or one after something other than a name is none. Invented texts,
through the whole extraction."""

from __future__ import annotations

from tracker.nlp import extraction


def set_off(text: str):
    claims = extraction.extract([extraction.Document(text)])[0].claims
    return [(c.speaker, c.text, c.confidence) for c in claims if c.rule == "set-off-quote"]


def test_a_quote_set_off_by_dashes_after_a_groups_named_member_is_hers():
    text = (
        "A string of prominent senators has said the same, including the former governor Ann Pruitt "
        "-- ''No nominee should hide his accounts from voters'' -- and Tom Vale, a former treasury official."
    )
    assert set_off(text) == [("Ann Pruitt", "No nominee should hide his accounts from voters", 1)]


def test_a_quote_in_brackets_after_a_groups_named_member_is_hers():
    text = (
        "Several senators, such as Ann Pruitt (“No nominee should hide his accounts from voters”) "
        "and Tom Vale, have said the same."
    )
    assert set_off(text) == [("Ann Pruitt", "No nominee should hide his accounts from voters", 1)]


def test_a_nickname_a_verbs_object_or_no_name_gives_no_set_off_quote():
    text = (
        "Tom Vale mocked Ann Pruitt (“Little Annie”) at the rally. "
        "He attacked Ray Colt -- “He is a weak candidate, believe me” -- before leaving. "
        "Jo Marsh mocked her rivals, including Ray Colt -- “He will never win this state” -- on Friday. "
        "The slogan -- “No nominee should hide his accounts” -- was everywhere. "
        "Senators such as Ray Colt (“the conscience of the whole chamber”) stayed silent."
    )
    assert set_off(text) == []
