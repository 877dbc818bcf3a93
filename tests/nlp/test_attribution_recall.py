"""Speech the extraction missed on PolNeAR train (session 12, issue 12): each test is a sentence
written for it, and each failed with its rule removed."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_name_folded_into_the_quoted_predicate_is_still_called_something(claims_of):
    """ "called X “a Y”": the parser may hang X on the quoted noun ("Okafor" a modifier of
    "Governor"), so the object that holds the quotation starts with the one named, not with the mark."""
    claims = claims_of("Miller called Okafor “The Governor of the Silent Majority.”")
    assert [(c.speaker, c.verb, c.text) for c in claims] == [
        ("Miller", "call", "Okafor “The Governor of the Silent Majority.”")
    ]
    assert claims_of("Miller called Okafor after the vote.") == []  # a phone call reports nothing


def test_a_speaker_before_an_insertion_the_parser_made_a_clause_speaks(claims_of):
    """ "X, whose venture, Y, uses ..., said": the parser reads the insertion as a clause with X as its
    subject and leaves the verb of saying with none; the earliest phrase before the insertion that can
    speak is the speaker, not a name inside the insertion."""
    claims = claims_of(
        "Ms. Baxter, whose newest venture, Fieldline, uses soil data to help farms pick seeds,"
        " said Mr. Okafor was a friend of the farms."
    )
    assert speakers_and_texts(claims) == [("Ms. Baxter", "Mr. Okafor was a friend of the farms")]
    claims = claims_of(
        "“We have had better weeks than this one,” Ohio voter Tom Baxter, wearing a red cap and"
        " “Baxter for Mayor” buttons, said with a grin as the polls closed."
    )
    assert speakers_and_texts(claims) == [
        ("Ohio voter Tom Baxter", "We have had better weeks than this one,")
    ]


def test_a_participle_of_saying_deep_in_the_reported_clause_goes_on_with_the_reporter(claims_of):
    """ "X said Y will have to decide ..., saying, “...”": the parser hangs the participle on the
    reported clause's last verb; it is the reporter's next report, not part of Y's words nor Y's."""
    claims = claims_of(
        "Even a senior party strategist said Okafor will have to decide which side she is on, saying,"
        " “Sooner or later she is going to have to pick one.”"
    )
    assert speakers_and_texts(claims) == [
        ("Even a senior party strategist", "Okafor will have to decide which side she is on"),
        ("Even a senior party strategist", "Sooner or later she is going to have to pick one."),
    ]
    claims = claims_of(
        "Mary Baxter said her brother has been a friend to farmers and would do the same as governor,"
        " saying that he backs fair prices for milk."
    )
    assert speakers_and_texts(claims) == [
        ("Mary Baxter", "her brother has been a friend to farmers and would do the same as governor"),
        ("Mary Baxter", "he backs fair prices for milk"),
    ]


def test_an_infinitive_of_saying_after_an_adjective_speaks_for_the_copula_s_subject(claims_of):
    """ "Voters were more likely to say ...", "Roe was quick to add that ...": the subject belongs to
    the copula the adjective complements (patterns/raising.jsonl); "likely" only in a poll's comparison,
    not a forecast, and not when negated."""
    claims = claims_of("Rural voters were far more likely to say that the bridge plan was a waste.")
    assert speakers_and_texts(claims) == [("Rural voters", "the bridge plan was a waste")]
    claims = claims_of("Okafor was quick to add that the levy would not rise.")
    assert [(c.speaker, c.verb, c.text) for c in claims] == [("Okafor", "add", "the levy would not rise")]
    assert claims_of("Okafor is likely to stress that rates will stay low.") == []
    assert claims_of("Okafor was not quick to add that the levy would rise.") == []


def test_a_participle_after_upon_reports_for_the_subject_of_its_verb(claims_of):
    """ "drew boos upon saying, “...”": as after "by" or "after" (syntax.PARTICIPLE_PREPOSITIONS)."""
    claims = claims_of(
        "Okafor, a longtime ally of the mayor, drew loud boos upon saying, “The mayor heard the voters.”"
    )
    assert speakers_and_texts(claims) == [("Okafor", "The mayor heard the voters.")]


def test_a_called_read_as_naming_reports_when_a_quoted_predicate_follows_its_object(claims_of):
    """ "Roe, an ally, called Ohio's schools “excellent”": the parser hangs "called" on the noun before
    it as in "a firm called Acme"; a word (no article) and then a quotation after it make it a report,
    its content running to the quotation's end. A name given in quotation marks stays a name."""
    claims = claims_of("Dunmore, a Baxter ally, called Ohio’s schools “excellent.”")
    assert [(c.verb, c.text) for c in claims] == [("call", "Ohio’s schools “excellent.”")]
    claims = claims_of(
        "Okafor’s campaign called Baxter’s count a “rush to judgment,” because the votes were not in."
    )
    assert speakers_and_texts(claims) == [("Okafor’s campaign", "Baxter’s count a “rush to judgment,”")]
    assert claims_of("She runs a charity called the “Open Door Fund.”") == []
    assert claims_of("She founded a group called “Open Doors” in 2010.") == []


def test_crediting_someone_with_something_is_a_claim_about_them(claims_of):
    """ "credited X with Y" is said of X like "blamed X for Y": the object with what follows is the
    content, as PolNeAR marks it. "was credited with" names no one who credits, and "footage credited
    to the agency" is a credit line, not a report: neither is a claim."""
    assert speakers_and_texts(claims_of("Jane Roe credited the volunteers with saving the festival.")) == [
        ("Jane Roe", "the volunteers with saving the festival")
    ]
    assert speakers_and_texts(
        claims_of("The senator credited the win to the quality of the candidates.")
    ) == [("The senator", "the win to the quality of the candidates")]
    assert claims_of("Jane Roe was credited with saving the festival.") == []
    assert [c.verb for c in claims_of("The footage credited to the agency showed the damage.")] == ["show"]


def test_a_quote_after_and_i_quote_is_the_verbs(claims_of):
    """ "said, and I quote, “...”": the set phrase stands between the attribution and its quote the way
    a comma does (placing.py); the parser makes "quote" a verb of its own, and the claim was lost or
    took the opening phrase ("At the hearing")."""
    assert speakers_and_texts(
        claims_of('At the hearing, Jane Roe said, and I quote, "We will never raise the levy."')
    ) == [("Jane Roe", "We will never raise the levy.")]
    assert speakers_and_texts(claims_of('Jane Roe told reporters, and I quote, "The levy is dead."')) == [
        ("Jane Roe", "The levy is dead.")
    ]


def test_according_to_whose_source_runs_on_reports_the_clause_before_it(claims_of):
    """ "Y, according to X who ...": words after the source that go on describing it (no comma between,
    or a relative word after one) are no content, even where the parser hangs "according to" on them;
    the clause before the comma is what X reports."""
    for text, source, content in (
        (
            "Now the county is looking into whether Roe was guilty of fraud while mayor of the city,"
            " according to three county sources who spoke to Fox News but were not authorized to speak"
            " on the record.",
            "three county sources",
            "Now the county is looking into whether Roe was guilty of fraud while mayor of the city",
        ),
        (
            "Doe holds an eight-point lead in Texas, according to the Ledger average of surveys, where"
            " 300 pledged delegates will be decided.",
            "the Ledger average",
            "Doe holds an eight-point lead in Texas",
        ),
    ):
        found = [(c.speaker, c.text) for c in claims_of(text) if c.verb == "according to"]
        assert found == [(source, content)]
    # a comma after the source sets off what it reports
    found = claims_of("Among the towns at risk, according to the survey, are two on the coast.")
    assert [c.text for c in found if c.verb == "according to"] == ["are two on the coast"]


def test_an_attribution_inserted_as_an_adverbial_clause_reports_the_words_around_it(claims_of):
    """ "A, these donors concede, B": the parser hangs the insertion on B as an adverbial clause; set off
    by commas, with a subject and no words of its own, it reports A and B ("told the Ledger" names
    only the one told)."""
    claims = claims_of(
        "With each passing week, these donors concede, it becomes harder to make the case for the mayor."
    )
    assert [(c.speaker, c.text) for c in claims] == [
        ("these donors", "With each passing week … it becomes harder to make the case for the mayor")
    ]
    claims = claims_of(
        "And yet every Friday, from 9 a.m. to noon, the former chief told the Ledger, Roe would lead a meeting"
        " in which she would decide on budgets."
    )
    assert [(c.speaker, c.text) for c in claims] == [
        (
            "the former chief",
            "And yet every Friday, from 9 a.m. to noon … Roe would lead a meeting in which she would decide on"
            " budgets",
        )
    ]
    # the parser may hang the insertion as a clausal complement of the words after it; one word before
    # it ("Instead") is enough there
    claims = claims_of(
        "Instead, Jane Roe told CNN, her plan would merely be “to wait them out” if she wins the county seat."
    )
    assert [(c.speaker, c.text) for c in claims] == [
        ("Jane Roe", "Instead … her plan would merely be “to wait them out” if she wins the county seat")
    ]
