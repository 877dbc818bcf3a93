"""A participle standing before its noun as an adjective reports nothing (attributives.py): the
parser reads "pledged delegates" as a verb and its object. Each sentence is written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The mayor won 40 pledged delegates on Tuesday, her aides said.",
        "With 475 pledged delegates left, Roe holds a lead in Texas, according to a poll.",
        "In Guam, 12 pledged delegates and two superdelegates were at stake, and Roe was expected to win most.",
        "Roe garnered most the party’s pledged delegates after winning primaries in Iowa and Ohio on Tuesday night.",
        "The governor will reach the convention with enough pledged delegates to block the rule.",
    ],
)
def test_a_participle_before_its_noun_is_no_promise(claims_of, text):
    assert not [c for c in claims_of(text) if c.verb == "promise"]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Roe met the farmers in Ames and urged voters to stay home.", "urge"),
        ("Roe resigned on Monday, promised reforms and left the city.", "promise"),
    ],
)
def test_a_verb_with_its_object_still_reports(claims_of, text, verb):
    assert [c.speaker for c in claims_of(text) if c.verb == verb] == ["Roe"]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "With three states left, Harlow leads Brandt by 271 pledged delegates according to a tally by the"
            " Ledger, but the mayor has refused to quit.",
            "Harlow leads Brandt by 271 pledged delegates",
        ),
        (
            "Roe leads Doe by 112 delegates according to a tally by the Daily Ledger, and the reformer has"
            " vowed to fight on.",
            "Roe leads Doe by 112 delegates",
        ),
    ],
)
def test_according_to_reports_the_clause_it_follows_not_a_participle_or_what_is_joined_after(
    claims_of, text, reported
):
    """ "according to" hung on the participle ("pledged") reports the clause the participle stands in
    (framing.from_according climbs past it), and not the clause joined after the phrase ("but the
    mayor has refused to quit"): the tally counts delegates, it does not refuse."""
    [content] = [c.text for c in claims_of(text) if c.verb == "according to"]
    assert content.endswith(reported)
