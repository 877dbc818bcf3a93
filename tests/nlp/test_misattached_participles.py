"""A participle of saying the parser hung where its head's subject is not the one who says it: on a
later clause (trailing_participles.py), on the noun of a set phrase such as "in effect"
(set_phrases.py), or on the verb of a relative clause that has said its own words
(trailing_participles.after_relative). Sentences invented."""

from __future__ import annotations


def said(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_participle_after_a_finished_clause_goes_on_with_it(claims_of):
    """The parser hangs "going" on "want", a later clause: its subject is words of the report's own
    sentence, never the one who goes on to say it."""
    claims = claims_of(
        "Senator Ana Whitlock spoke for an hour, going on to say the party has spent decades on the"
        " problem, young people do not want to hear it again."
    )
    assert said(claims) == [("Senator Ana Whitlock", "the party has spent decades on the problem")]
    for joined in (", and", ","):  # with "that" and with a conjunction too
        claims = claims_of(
            "The senator spoke for an hour, going on to say that the state has spent decades on the"
            f" problem{joined} young voters do not want to hear it again."
        )
        assert said(claims) == [("The senator", "the state has spent decades on the problem")]


def test_a_participle_opening_a_clause_after_a_conjunction_stays_with_it(claims_of):
    claims = claims_of(
        "Mayor Ilse Brandt said the plan would fail, and, citing the audit, Councilman Omar Reyes"
        " argued it would work."
    )
    assert said(claims) == [
        ("Mayor Ilse Brandt", "the plan would fail"),
        ("Councilman Omar Reyes", "it would work"),
    ]


def test_the_noun_of_a_set_phrase_is_no_speaker(claims_of):
    """ "in effect" is an adverb of the clause: the chairman dares the agency, and says."""
    claims = claims_of(
        "The chairman threatened to subpoena the agency, in effect daring it to say that the records"
        " were privileged."
    )
    assert said(claims) == [("The chairman", "the records were privileged")]
    assert claims[0].confidence <= 1  # what he dared it to say is not said: it waits
    claims = claims_of(
        "The chairman threatened to subpoena the agency, in effect saying that the records were not"
        " privileged."
    )
    assert said(claims) == [("The chairman", "the records were not privileged")]


def test_a_set_phrase_after_an_inserted_condition_is_the_outer_clauses(claims_of):
    """The parser hangs "in effect" on the condition set off before it ("should he refuse ...",
    "because it had refused ..."): the phrase goes on with the clause the condition was inserted in,
    so the senator dares, not the director."""
    claims = claims_of(
        "One senator threatened to call the director to testify, should he refuse to hand over the"
        " files, in effect daring him to say that the committee had no right to them."
    )
    assert said(claims) == [("One senator", "the committee had no right to them")]
    claims = claims_of(
        "The chairman threatened to subpoena the agency, because it had refused to hand over the"
        " files, in effect saying that the records were not privileged."
    )
    assert said(claims) == [("The chairman", "the records were not privileged")]


def test_a_participle_after_a_relative_report_goes_on_with_the_main_clause(claims_of):
    """ "who said he was owed money" has its words: ", saying ..." after it is the mayor's."""
    claims = claims_of(
        "The mayor refused to pay a contractor who said he was owed money, saying, “The work was poor.”"
    )
    assert said(claims) == [("a contractor", "he was owed money"), ("The mayor", "The work was poor.")]


def test_a_participle_after_a_relative_report_under_a_subjectless_clause(claims_of):
    """ "when pressed to explain not paying a contractor who ...": the clause the participle goes on
    with has no subject of its own; the one pressed to explain is the subject of the clause "when
    pressed" (or "after being pressed", "in trying") modifies, the mayor."""
    for pressed in ("when pressed", "after being pressed", "in trying"):  # a participle, a preposition's
        claims = claims_of(
            f"The mayor was defensive {pressed} to explain not paying a contractor who said he was owed"
            " money, saying, “The work was poor.”"
        )
        assert ("The mayor", "The work was poor.") in said(claims)
        assert all(c.speaker == "The mayor" for c in claims)


def test_a_participle_after_a_quote_hung_on_a_later_clause_goes_on_with_the_quotes_speaker(claims_of):
    """The parser makes the later clause ("young voters do not want") the root, "said" a "parataxis"
    of it and "going" its "advcl": "going on to say" is Whitlock's, and its content is its own clause,
    not the quote closed before "Whitlock said" (that is the claim of "said")."""
    claims = claims_of(
        "“We cannot go back to the old fights, it is absurd,” Whitlock said, going on to say that the"
        ' party has spent "decades fighting over this and all that stuff, to have that fight again, young'
        ' voters do not want to see that. They are past it."'
    )
    assert [(c.speaker, c.text[:28]) for c in claims] == [
        ("Whitlock", "We cannot go back to the old"),
        ("Whitlock", 'the party has spent "decades'),
    ]
    claims = claims_of(
        "“We cannot go back to the old fights,” Whitlock said, going on to say that the party has spent"
        " decades on it."
    )
    assert said(claims) == [
        ("Whitlock", "We cannot go back to the old fights,"),
        ("Whitlock", "the party has spent decades on it"),
    ]


def test_a_participle_after_the_words_of_an_object_goes_on_with_who_handled_it(claims_of):
    """ "slammed a lawsuit alleging that X, calling it ...": the parser hangs "calling" on the lawsuit's
    words, whose reporter is the lawsuit; the one who slammed it calls it so
    (trailing_participles.handler)."""
    claims = claims_of(
        "The mayor's office slammed a lawsuit alleging that the mayor broke the law, calling it "
        "“meritless” on Monday."
    )
    assert said(claims) == [
        ("a lawsuit", "the mayor broke the law"),
        ("The mayor's office", "it “meritless”"),
    ]
