"""What was asked when a setting stands between "asked" and the question (asked_topics.py). Each
sentence is written for the test; each test failed with the rule removed from contents.py."""

from __future__ import annotations

import pytest


def questions(claims) -> list[tuple[str, str, str]]:
    return [(c.speaker, c.text, c.kind) for c in claims if c.verb == "ask"]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("When asked at the town meeting about the levy, the mayor changed the subject.", "about the levy"),
        (
            "Asked at a news conference Tuesday in Dover about the budget, the governor said it was sound.",
            "about the budget",
        ),
    ],
)
def test_the_about_phrase_after_where_it_was_asked_is_the_question(claims_of, text, asked):
    """The parser hangs "about" on the noun of the setting ("meeting", "conference"): there was no
    question at all."""
    assert questions(claims_of(text)) == [("", asked, "question")]


def test_an_if_clause_after_when_it_was_asked_is_the_question(claims_of):
    """ "when asked in May if ...": the parser hangs the "if" clause on the verb "asked" hangs from."""
    found = claims_of("The senator smiled when asked in June if she would run again.")
    assert questions(found) == [("", "she would run again", "question")]


def test_a_setting_with_nothing_asked_after_it_asks_nothing(claims_of):
    """A setting alone is not a question, and an "about" inside a phrase that is no setting stays
    apart ("asked for a delay in the talks about ...": the existing "for" reading holds)."""
    assert questions(claims_of("When asked at the town meeting, the mayor changed the subject.")) == []
    found = claims_of("The union asked for a delay in the talks about wages.")
    assert [c.text for c in found if c.verb == "ask"] == ["for a delay in the talks about wages"]
