"""An instruction reported by a participle after a preposition, with the one instructed and a "to"
infinitive, speaks for the subject of the verb the preposition modifies (instructions.py): "began by
telling the volunteers to go home". Sentences written for the test."""

from __future__ import annotations


def said(claims):
    return [(c.speaker, c.verb, c.text) for c in claims]


def test_an_instruction_after_a_preposition_takes_the_subject_of_the_main_verb(claims_of):
    assert ("The mayor", "tell", "the volunteers to go home") in said(
        claims_of("The mayor began her speech by telling the volunteers to go home.")
    )
    assert ("Jane Roe", "tell", "reporters not to print the letter") in said(
        claims_of("Jane Roe answered the critics by essentially telling reporters not to print the letter.")
    )


def test_a_participle_with_no_instruction_still_yields_no_claim(claims_of):
    assert said(claims_of("The mayor began her speech by telling the volunteers.")) == []
