"""A party's lawyers and spokespeople speak for it (speakers.jsonl proxies marked `agent`,
representatives.py): the claim is the party's, and who spoke for it stays on the claim as `speaker_via`.

Invented sentences; each rule was seen failing without it.
"""

from __future__ import annotations


def _agents(claims):
    return [(c.speaker, c.speaker_entity, c.speaker_via, c.resolution) for c in claims]


def test_a_partys_lawyers_speak_for_it(claims_of):
    """ "Anthropic's lawyers argued", "Lawyers for Anthropic told": the party's claim, through its
    lawyers."""
    claims = claims_of(
        "Anthropic's lawyers argued that the licence had lapsed in 2021. "
        "Lawyers for Anthropic told the jury that the licence had never been renewed."
    )
    assert _agents(claims) == [
        ("Anthropic's lawyers", "Anthropic", "Anthropic's lawyers", "agent"),
        ("Lawyers for Anthropic", "Anthropic", "Lawyers for Anthropic", "agent"),
    ]
    assert [c.kind for c in claims] == ["statement", "statement"]  # never testimony
    assert [(c.confidence, c.confidence_rule) for c in claims][1:] == [(2, "court-named")]


def test_a_lawyer_named_beside_the_word_speaks_in_her_own_name(claims_of):
    """ "Microsoft's attorney, Jo Roe, said" is Roe's claim, as "Jo Roe, a lawyer for Microsoft, said"
    is: another outlet's "Roe said" of the same words must find the same speaker (speakers.jsonl
    `named_speaks`). A spokesperson named so still speaks for the party."""
    claims = claims_of(
        "Microsoft's attorney, Jo Roe, said the payments had stopped in March. "
        "Jo Roe, a lawyer for Microsoft, said the licence had lapsed. "
        "Microsoft's spokeswoman, Ann Lee, said the deal was over."
    )
    assert [(c.speaker_name or c.speaker_entity, c.speaker_via) for c in claims] == [
        ("Jo Roe", None),
        ("Jo Roe", None),
        ("Microsoft", "Ann Lee"),
    ]


def test_a_spokesperson_names_who_spoke_too(claims_of):
    claim = claims_of("A spokeswoman for Anthropic said the licence had lapsed.")[0]
    assert (claim.speaker_entity, claim.speaker_via, claim.confidence) == (
        "Anthropic",
        "A spokeswoman for Anthropic",
        2,
    )


def test_a_lawyer_for_no_named_party_stays_as_written(claims_of):
    claim = claims_of("The defense lawyer said the licence had lapsed.")[0]
    assert (claim.speaker_entity, claim.speaker_via, claim.resolution) == (None, None, "unresolved")


def test_a_lawyers_failed_explanation_is_no_claim_to_publish(claims_of):
    """ "struggled to explain why ...", "failed to say whether ...": an attempt the outlet describes, not
    a saying made (unsaid.jsonl: the form "wanted", tier 1)."""
    claims = claims_of(
        "Anthropic's lawyers struggled to explain why the licence had lapsed. "
        "Jane Roe failed to explain that the payments had stopped."
    )
    assert [(c.confidence, c.confidence_rule) for c in claims] == [(1, "wanted"), (1, "wanted")]


def test_an_elliptical_answer_waits(claims_of):
    """ "Its lawyers say it did": a pronoun and an auxiliary, whose verb is in the question before
    (answers.py, confidence rule "bare-answer"); a clause of its own stays published."""
    claims = claims_of(
        "Did Anthropic break the licence? Anthropic's lawyers say it did. "
        "Jane Roe said she would not. "
        "Jane Roe said it was over."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("it did", 1, "bare-answer"),
        ("she would not", 1, "bare-answer"),
        ("it was over", 2, "speech-named"),
    ]


def test_an_elliptical_answer_of_two_auxiliaries_waits(claims_of):
    """ "Roe said she had been", "Doe said he would have": a pronoun and two auxiliaries leave out the
    verb as one does (answers.py); a pronoun, an auxiliary and anything else stays published."""
    claims = claims_of(
        "Jane Roe said she had been. John Doe said he would have. Jane Roe said she had been misled."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("she had been", 1, "bare-answer"),
        ("he would have", 1, "bare-answer"),
        ("she had been misled", 2, "speech-named"),
    ]
