"""Who "the billionaire" is (epithets.py): the one person the sentence before names as its subject; with
two people there, the one named not its subject, a role that names another party ("the lawyer"), or a
role the article gave the person in other words, the description stays as written. Resolved or not,
the claim waits at tier 1.

Invented sentences; each case was seen failing without the rule.
"""

from __future__ import annotations


def _of(claims, word):
    found = [c for c in claims if word in c.speaker.lower()]
    return [(c.speaker, c.speaker_name, c.resolution, c.confidence) for c in found]


def test_the_billionaire_is_the_subject_of_the_sentence_before(claims_of):
    claims = claims_of(
        "Dana Whitcombe appeared relaxed on the stand. “I am not here for the money,” the billionaire said."
    )
    assert _of(claims, "billionaire") == [("the billionaire", "Dana Whitcombe", "epithet", 1)]


def test_a_title_of_standing_with_a_clause(claims_of):
    claims = claims_of(
        "Dana Whitcombe spent three hours on the stand. The Acme chief executive, who founded the "
        "lab in 2015, told jurors she had given it about $40 million."
    )
    assert _of(claims, "executive") == [("The Acme chief executive", "Dana Whitcombe", "epithet", 1)]


def test_two_people_or_no_subject_or_another_party_leave_it_waiting(claims_of):
    two = claims_of(
        "Dana Whitcombe sat in the front row while Lee Ostrander testified. "
        "“I owe her a lot,” the Acme chief executive said."
    )
    object_only = claims_of(
        "A crowd of reporters greeted Dana Whitcombe outside. “I am not worried,” the billionaire said."
    )
    lawyer = claims_of("Dana Whitcombe testified for an hour. “She is not credible,” the lawyer said.")
    assert [r[1:3] for r in _of(two, "executive")] == [(None, "unresolved")]
    assert [r[1:3] for r in _of(object_only, "billionaire")] == [(None, "unresolved")]
    assert [r[1:3] for r in _of(lawyer, "lawyer")] == [(None, "unresolved")]
