"""Who "the partner" is (named_roles.py): the one person the article gave that role to before; with
none or two, or a role whose other words differ, the description stays as written and waits.

Invented sentences; each case was seen failing without the rule.
"""

from __future__ import annotations


def _of(claims, word):
    return [(c.speaker, c.speaker_name, c.resolution) for c in claims if word in c.speaker.lower()]


def test_the_partner_is_the_partner_named_beside_a_name(claims_of):
    claims = claims_of(
        "Dana Whitcombe, a partner at a Denver law firm, followed the trial closely. "
        "The partner said the verdict would turn on the emails."
    )
    assert _of(claims, "partner") == [("The partner", "Dana Whitcombe", "role")]
    assert claims[-1].confidence == 2


def test_a_title_before_the_name_gives_the_role(claims_of):
    claims = claims_of(
        "Acme chief executive Dana Whitcombe arrived at the courthouse early. "
        "“We never agreed to that,” the Acme chief executive said."
    )
    assert _of(claims, "executive") == [("the Acme chief executive", "Dana Whitcombe", "role")]
    assert (claims[-1].confidence, claims[-1].confidence_rule) == (2, "quote-pronoun")


def test_said_of_the_name_with_is(claims_of):
    claims = claims_of(
        "The witness was Dana Whitcombe, who is the founder of a robotics startup. "
        "The founder said she had never seen the contract."
    )
    assert _of(claims, "founder") == [("The founder", "Dana Whitcombe", "role")]


def test_two_holders_or_none_or_other_words_leave_it_waiting(claims_of):
    two = claims_of(
        "Dana Whitcombe, a partner at one firm, and Lee Ostrander, a partner at another, watched. "
        "The partner said the verdict would turn on the emails."
    )
    none = claims_of(
        "Dana Whitcombe watched the trial. The partner said the verdict would turn on the emails."
    )
    other = claims_of(
        "Dana Whitcombe, a Ford executive, watched the trial. "
        "The Acme executive said the verdict would turn on the emails."
    )
    assert _of(two, "partner") == [("The partner", None, "unresolved")]
    assert _of(none, "partner") == [("The partner", None, "unresolved")]
    assert _of(other, "executive") == [("The Acme executive", None, "unresolved")]
    assert [c.confidence for c in two + none + other] == [1, 1, 1]


def test_a_lawyer_with_no_possessor_is_the_lawyer_named(claims_of):
    claims = claims_of(
        "Dana Whitcombe, the lead lawyer for the plaintiffs, stood up. "
        "The lawyer said the emails told the whole story."
    )
    assert _of(claims, "lawyer") == [("The lawyer", "Dana Whitcombe", "role")]


def test_a_short_title_names_the_role(claims_of):
    """ "Sen. Jo Roe": a senator, so "the senator from Ohio" is not the only one."""
    one = claims_of("Sen. Dana Whitcombe spoke first. The senator said the plan would fail.")
    two = claims_of(
        "Sen. Dana Whitcombe and Lee Ostrander, the senator from Ohio, spoke. "
        "The senator said the plan would fail."
    )
    assert _of(one, "senator") == [("The senator", "Dana Whitcombe", "role")]
    assert _of(two, "senator") == [("The senator", None, "unresolved")]


def test_the_description_itself_or_a_possessor_gives_no_role(claims_of):
    """A misparse sets the speaker's own description beside the name before it ("hosts Jo Roe and
    Lee Ostrander, the candidate stated"); "the candidate's first enlistee" is no candidate."""
    beside = claims_of(
        "In an interview with Morning Show hosts Dana Whitcombe and Lee Ostrander, "
        "the Democratic presidential candidate stated that the plan would fail."
    )
    owner = claims_of(
        "Lee Ostrander, who was revealed last week as a backer of the suit, is the candidate's first, "
        "and so far only, prominent enlistee in Ohio. The candidate said the plan would fail."
    )
    assert _of(beside, "candidate") == [("the Democratic presidential candidate", None, "unresolved")]
    assert _of(owner, "candidate") == [("The candidate", None, "unresolved")]
