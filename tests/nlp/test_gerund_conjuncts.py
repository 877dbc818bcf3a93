"""A verb of saying coordinated with a gerund after a preposition speaks for the subject of the verb
the preposition modifies (gerund_conjuncts.py): "answered by praising X and saying that Y". Sentences
written for the test."""

from __future__ import annotations


def said(claims):
    return [(c.speaker, c.verb, c.text) for c in claims]


def test_a_verb_of_saying_after_a_gerund_takes_the_subject_of_the_main_verb(claims_of):
    assert ("Jane Roe", "say", "the mayor had wasted money") in said(
        claims_of("Jane Roe answered by praising the council and saying that the mayor had wasted money.")
    )
    assert ("The senator", "tell", "the race was close") in said(
        claims_of("The senator began by thanking the volunteers and telling them the race was close.")
    )
    assert ("Jane Roe", "accuse", "him of wasting money") in said(
        claims_of('Jane Roe answered by calling the mayor "reckless" and accusing him of wasting money.')
    )


def test_a_second_gerund_that_reports_nothing_yields_no_claim(claims_of):
    assert said(claims_of("The company responded by hiring new lawyers and filing a motion.")) == []
