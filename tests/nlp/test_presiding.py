"""Who "the judge" is (presiding.py): the one judge the article named before; with none or two
named, "the judge" stays as written and waits.

Invented sentences; each case was seen failing without the rule.
"""

from __future__ import annotations


def _judge(claims):
    return [(c.speaker, c.speaker_name, c.resolution) for c in claims if "judge" in c.speaker.lower()]


def test_the_judge_is_the_judge_named_before(claims_of):
    claims = claims_of(
        "U.S. District Judge Jane Roe opened the hearing on Monday. "
        "The judge said the trial would start in May."
    )
    assert _judge(claims) == [("The judge", "Jane Roe", "presiding")]


def test_the_presiding_judge_set_beside_a_name(claims_of):
    """ "Jane Roe, the presiding judge, ...": named as a judge by apposition; a quote under the
    resolved description is rated like one under "the company" (quote-pronoun, tier 2)."""
    claims = claims_of(
        "Jane Roe, the presiding judge, opened the hearing. “We start in May,” the presiding judge said."
    )
    assert _judge(claims) == [("the presiding judge", "Jane Roe", "presiding")]
    assert (claims[-1].confidence, claims[-1].confidence_rule) == (2, "quote-pronoun")


def test_the_judge_stays_unresolved_with_no_judge_or_two_judges_named(claims_of):
    none = claims_of("Jane Roe testified on Monday. The judge said the trial would start in May.")
    two = claims_of(
        "Judge Jane Roe and Judge Ann Poe heard the appeal. The judge said the trial would start in May."
    )
    assert _judge(none) == [("The judge", None, "unresolved")]
    assert _judge(two) == [("The judge", None, "unresolved")]
    assert [c.confidence for c in none + two] == [1, 1]


def test_a_judge_is_not_the_judge(claims_of):
    claims = claims_of(
        "Federal judge Jane Roe opened the hearing. A judge said the trial would start in May."
    )
    assert _judge(claims) == [("A judge", None, "unresolved")]
