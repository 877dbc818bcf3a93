"""Shapes of speech the parse hides, read from PolNeAR's train split (session 16): each test is a
sentence written for it, and each failed with its rule removed."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_speaker_described_by_a_phrase_after_it_says_what_follows(claims_of):
    """ "Farmers clamoring to stop the dam say ...": the parser reads the describing phrase as the
    speaker's own predicate and leaves "say" with no subject (postmodifiers.py)."""
    assert speakers_and_texts(
        claims_of(
            "But farmers clamoring to stop the new dam say they are finally being heard in the capital."
        )
    ) == [("farmers", "they are finally being heard in the capital")]
    assert speakers_and_texts(
        claims_of("Several officials privy to the talks say it is the mayor who insisted on the delay.")
    ) == [("Several officials", "it is the mayor who insisted on the delay")]
    assert speakers_and_texts(
        claims_of(
            "While the board debated, officials privy to the talks say the mayor insisted on the delay."
        )
    ) == [("officials", "the mayor insisted on the delay")]

    set_off = claims_of(  # "noting ..." set off by commas, read as the root with "said" hung on it
        "But Sen. Jane Roe (D-Ill.), noting the size of the senator's following, said, \"Let me tell you, "
        "he's got a heck of an email list.\""
    )
    assert ("Sen. Jane Roe", "Let me tell you, he's got a heck of an email list.") in speakers_and_texts(
        set_off
    )


def test_a_clause_of_its_own_before_the_verb_is_no_describing_phrase(claims_of):
    """ "One in three said X and one in four said Y": the first report is a clause of its own, so the
    second "said" is not its speaker's."""
    claims = claims_of(
        "One in three said the league doesn’t care very much about the fans and one in four said the league "
        "was outright hostile to the fans."
    )
    assert ("One in three", "the league was outright hostile to the fans") not in speakers_and_texts(claims)


def test_a_question_a_verb_of_asking_sets_off_is_what_was_asked(claims_of):
    """ "asked the candidates a simple question: Who ...?": the question mark is the question asked,
    not the writer's (questions.py); a claim of kind "question", never published as an assertion."""
    claims = claims_of(
        "During the debate, the moderator asked the candidates a simple question: Who do you think will "
        "win the final, the Lions or the Bears?"
    )
    assert [(c.speaker, c.kind, c.confidence) for c in claims] == [("the moderator", "question", 0)]
    assert claims[0].text == "Who do you think will win the final, the Lions or the Bears"
    assert claims_of("Did the mayor ask for a recount?") == []  # nothing sets a question off: the writer's


def test_the_question_after_the_colon_is_what_was_asked_not_an_earlier_quote(claims_of):
    """'In her book, "Title," Roe suggested ... asking yourself this: Would I ...?': the question set
    off by the colon is what was asked, not the quoted title before the verb (questions.after_colon)."""
    claims = claims_of(
        'In her 2015 guide, "Count Every Coin," Ms. Vale suggested reading your receipts and asking '
        "yourself this: Do I need it or do I only want it?"
    )
    assert [(c.speaker, c.kind, c.text) for c in claims] == [
        ("Ms. Vale", "question", "Do I need it or do I only want it")
    ]
    claims = claims_of(
        'In his memoir, "Far Fields," the farmer asked his readers this: Who feeds the cities?'
    )
    assert [(c.speaker, c.text) for c in claims] == [("the farmer", "Who feeds the cities")]
    claims = claims_of('After the hearing, the judge asked: "Who signed the order?"')  # quoted: the quote
    assert [(c.speaker, c.text) for c in claims] == [("the judge", "Who signed the order?")]


def test_a_passive_asking_hung_on_the_quoted_question_is_no_report_of_it(claims_of):
    """ "Roe was asked, “..., would you have told her ...?”": the parser hangs "asked" on the quoted
    "told"; a verb of saying inside the quotation does not report the passive."""
    claims = claims_of(
        "Roe was asked, “If you had known she had a private account, would you have told her it’s not a "
        "good idea?” He answered, “I have no idea.”"
    )
    assert (
        "",
        "If you had known she had a private account, would you have told her it’s not a good idea?",
    ) in speakers_and_texts(claims)


def test_an_opening_curly_mark_printed_for_a_closing_one_closes_the_quote(claims_of):
    """ "“Not a chance,“ she said": an outlet's typo, a mark that opens printed where the quote closes
    (after a comma or a question mark, a space after it); it closes the open quote (quotes.py)."""
    claims = claims_of("“Not a chance,“ she said. “The vote is over and the count is done.”")
    assert [(c.speaker, c.pieces != ()) for c in claims] == [("she", True)]
    assert claims[0].text == "Not a chance, … The vote is over and the count is done."
    asked = claims_of("“Who paid for the new stadium?“ she asked.")
    assert speakers_and_texts(asked) == [("she", "Who paid for the new stadium?")]


def test_a_past_clause_of_a_pronoun_after_a_present_report_is_the_reporters_story(claims_of):
    """ "Roe said the real threat is the budget, and she railed against ...": the present tense of
    the reported clause against the past of the conjunct tells the outlet's narration from the words
    reported (reporters_conjuncts.cut, with a subject pronoun as without a subject)."""
    claims = claims_of(
        "Roe said the real threat to the city is the budget, and she railed against council members for "
        "failing to bring up the deficit."
    )
    assert speakers_and_texts(claims) == [("Roe", "the real threat to the city is the budget")]
    kept = claims_of(
        "Roe said the real threat to the city is the budget, and Doe railed against the council."
    )
    assert speakers_and_texts(kept)[0][1].endswith("Doe railed against the council")  # not a pronoun


def test_a_plural_in_ies_of_a_word_of_speakers_can_speak(claims_of):
    """ "Majorities of voters ... say": "majorities" is the plural of a share ("majority"), as
    "petitions" is of a document (triggers.can_speak)."""
    claims = claims_of(
        "Majorities of voters in both towns going to the polls Tuesday say they want a new school."
    )
    assert speakers_and_texts(claims) == [("Majorities of voters in both towns", "they want a new school")]


def test_an_attendee_set_off_from_the_verb_speaks(claims_of):
    """ "One attendee, who ..., said ...": a noun of people (patterns/speakers.jsonl, with attendees,
    participants, respondents, insiders, strategists, consultants, callers, listeners and viewers)
    can speak where the parser lost the subject (misparsed.set_off_subject)."""
    claims = claims_of(
        "One attendee, who like others spoke on the condition of anonymity to discuss the private meeting, "
        "said the message was that the race would not be over soon."
    )
    assert speakers_and_texts(claims) == [
        ("One attendee", "the message was that the race would not be over soon")
    ]


def test_a_surname_the_entity_model_missed_speaks_when_the_article_named_the_person(claims_of):
    """ "Pinkley, meanwhile, who ..., said ...": the model gave "Pinkley" no label here, but the article
    named Walter Pinkley before (surnames.py); a word never used as a surname stays mute."""
    claims = claims_of(
        "Walter Pinkley has no endorsements in the Senate. Pinkley, meanwhile, who sits at zero such "
        "endorsements, said that fact speaks volumes about the race."
    )
    assert speakers_and_texts(claims) == [("Pinkley", "fact speaks volumes about the race")]
    assert not claims_of(
        "Walter Pinkley has no endorsements in the Senate. Hollis, meanwhile, who sits at zero such "
        "endorsements, said that fact speaks volumes about the race."
    )
