"""A participle of saying after a prepositional phrase of people ("despite", "amid", "with", "without",
"over") hung on the same verb: whose words are they? (relative_participles.py). Sentences invented."""

from __future__ import annotations


def said(claims):
    return [(c.speaker, c.text, c.confidence >= 2) for c in claims]


def test_a_phrase_of_people_right_before_the_participle_speaks_it(claims_of):
    """No comma between: "despite critics saying ..." is an absolute clause, the critics' words."""
    claims = claims_of(
        "Maria Okafor stayed in the race despite party leaders such as Daniel Reyes now saying she"
        " should quit."
    )
    assert [(c.speaker, c.text) for c in claims] == [
        ("party leaders such as Daniel Reyes", "she should quit")
    ]


def test_counted_or_listed_people_go_on_to_say_it_after_a_comma(claims_of):
    """ "..., such as A and B, now saying" or "a few ..., also saying": the phrase's people say it."""
    claims = claims_of(
        "Senators Maria Okafor and Daniel Reyes remain confident despite a few early supporters of the"
        " merger, such as Anna Varga and Peter Lin, now saying they think it should be changed."
    )
    assert [(c.speaker, c.text) for c in claims] == [
        ("a few early supporters of the merger", "they think it should be changed")
    ]
    claims = claims_of("Maria Okafor remains confident amid many voters, also saying the fees were high.")
    assert [(c.speaker, c.text) for c in claims] == [("many voters", "the fees were high")]


def test_an_uncertain_participle_after_a_comma_keeps_its_subject_but_waits(claims_of):
    """ "despite her critics, saying ...": most likely the subject's, but a reader cannot be sure: the
    claim stays the subject's and waits for a curator; a phrase that cannot speak leaves it published."""
    claims = claims_of("Maria Okafor pressed on despite her critics, saying the fees were high.")
    assert said(claims) == [("Maria Okafor", "the fees were high", False)]
    assert claims[0].confidence_rule == "ambiguous-speaker"
    claims = claims_of("Maria Okafor signed the bill without the union, saying it was needed.")
    assert said(claims) == [("Maria Okafor", "it was needed", False)]
    claims = claims_of("Maria Okafor pressed on despite the objections, saying the fees were high.")
    assert said(claims) == [("Maria Okafor", "the fees were high", True)]
    claims = claims_of("Maria Okafor spoke with reporters, saying the fees were too high.")
    assert said(claims) == [("Maria Okafor", "the fees were too high", True)]
