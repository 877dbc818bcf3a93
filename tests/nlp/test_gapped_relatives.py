"""A relative clause whose "to" infinitive lacks its object, the clause's noun (attributives.gapped):
"the target it pledged to reach" reports no words of its own. Sentences written for the test."""

from __future__ import annotations


def said(claims):
    return [(c.speaker, c.verb, c.text) for c in claims]


def test_an_infinitive_whose_object_is_the_relative_clauses_noun_is_no_content(claims_of):
    assert (
        said(claims_of("The county missed the savings target it pledged to reach at the budget talks.")) == []
    )
    assert said(claims_of("The county missed the target that it pledged to reach in May.")) == []


def test_an_infinitive_with_its_own_object_or_on_a_noun_of_time_stays(claims_of):
    assert ("The mayor", "promise", "to reach the target") in said(
        claims_of("The mayor, who pledged to reach the target, resigned.")
    )
    assert ("The mayor", "promise", "to step down in May") in said(
        claims_of("The mayor, who pledged to step down in May, stayed on.")
    )
    assert ("he", "promise", "to resign") in said(
        claims_of("The mayor resigned on the day he promised to resign.")
    )
