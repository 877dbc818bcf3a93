"""Who "the judge" is (presiding.py): the one judge the article named before; with none or two
named, "the judge" stays as written and waits. A court paper ("the order found") speaks for that judge,
unless a higher court is named before it.

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


def _paper(claims):
    return [(c.speaker, c.speaker_name, c.resolution, c.text) for c in claims if c.verb in ("find", "say")]


def test_the_order_speaks_for_the_judge_who_entered_it(claims_of):
    """ "The order found that ...": a court paper the one judge named before entered (`papers`), rated as
    the name (a ruling finds only through a judge or a court: "order" among the "find" rule's subjects).
    Seen failing with `_the_paper` always False (no name, tier 1) and with "order" off the "find"
    subjects (no claim)."""
    claims = claims_of(
        "Judge Jane Roe on Tuesday entered an order barring Acme from selling the model. "
        "The order found that the weights were copied."
    )
    assert _paper(claims) == [("The order", "Jane Roe", "presiding", "the weights were copied")]
    assert claims[-1].confidence == 2


def test_an_order_after_a_higher_court_or_with_no_judge_names_no_one(claims_of):
    """An appeals court named before (`higher_courts`) may have made the order; with no judge named, no
    one did. Seen failing with `_higher_courts` matching nothing (the first took the trial judge)."""
    appeal = claims_of(
        "Judge Jane Roe barred Acme from selling the model. The appeals court stayed her ruling on Friday. "
        "The order found that the weights were copied."
    )
    none = claims_of("Acme must stop selling the model. The ruling said the weights were copied.")
    assert [(c.speaker_name, c.confidence) for c in appeal + none if c.verb in ("find", "say")] == [
        (None, 1),
        (None, 1),
    ]


def test_the_court_found_set_off_by_commas_speaks_for_the_judge(claims_of):
    """ "The phrase, the court found, is ...": a strict verb's described subject reports the words around
    it as it reports a clause (reporters.REPORTED), and "the court" (`papers`) speaks for the one judge
    named before, unless a higher court is named before it. Seen failing with "around" off
    `REPORTED` (no claim) and with "court" off `papers` (no name, tier 1)."""
    claims = claims_of(
        "Judge Jane Roe ruled on the last motions in Acme v. Beta. "
        "The phrase, the court found, is “more harmful than helpful” where the claims are contract claims."
    )
    appeal = claims_of(
        "Judge Jane Roe ruled on the motions. An appeals panel reversed her in May. "
        "The phrase, the court found, is “more harmful than helpful” where the claims are contract claims."
    )
    assert [(c.speaker, c.speaker_name, c.confidence) for c in claims + appeal if c.verb == "find"] == [
        ("the court", "Jane Roe", 2),
        ("the court", None, 1),
    ]
    assert claims[-1].text.startswith("The phrase … is “more harmful than helpful”")
