"""Claims whose speaker a reader would call wrong, read from PolNeAR's train split (session 26, issue
12): each test is a sentence written for it, and each failed with its rule removed."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_past_participle_hung_on_a_noun_is_not_the_nouns_word(claims_of):
    """A reduced passive relative ("people accused of fraud", "a man described as ...", "a group called
    ...") is done to the noun: the noun accuses, describes or names no one."""
    assert claims_of("The lawyer defended people accused of fraud in three trials.") == []
    assert claims_of("Police arrested a man described as a local activist.") == []
    assert claims_of("She founded a group called Citizens for Reform, which now has 900 members.") == []
    assert speakers_and_texts(claims_of("Beruff, a Scott ally, called the state's standards “strong.”")) == [
        ("Beruff", "the state's standards “strong.”")
    ]  # a root the parser hung the verb on: a finite verb, not a participle


def test_a_participle_right_after_about_people_is_theirs(claims_of):
    """ "will be interviewed about Roe calling ...": with no comma between, the one the interview is
    about speaks the participle, not the one interviewed."""
    assert speakers_and_texts(
        claims_of("The station's host will be interviewed about Pope Francis calling Christmas a sham.")
    ) == [("Pope Francis", "Christmas a sham")]


def test_a_conjunct_that_disagrees_in_number_belongs_to_the_reporting_verb(claims_of):
    """ "Analysts believe Roe has lost ground and warn that ...": "warn" is plural, "has lost" singular
    and "believe" plural: the parser coordinated "warn" into the reported clause, but the analysts warn.
    A conjunct that agrees with its clause stays its subject's."""
    assert speakers_and_texts(
        claims_of(
            "Gulf sources believe Erdogan has joined the axis and admit that the Gulf States are powerless."
        )
    ) == [("Gulf sources", "the Gulf States are powerless")]
    assert speakers_and_texts(
        claims_of(
            "Some strategists fear that the senator has already missed her chance and warn that relying on "
            "young voters is not a reliable strategy."
        )
    ) == [("Some strategists", "relying on young voters is not a reliable strategy")]
    assert speakers_and_texts(
        claims_of("Aides believe the mayor has lost ground and warns that the race is close.")
    ) == [("the mayor", "the race is close")]


def test_a_verb_ending_a_hyphenated_word_of_another_sense_reports_nothing(claims_of):
    """ "de-emphasized the record" (a verb of saying after "de-") is no emphasis said; "re-tweeting"
    still reports."""
    assert claims_of("The campaign de-emphasized the candidate's record.") == []
    assert speakers_and_texts(
        claims_of(
            "Meanwhile, the campaign's official account has been busy, re-tweeting several negative comments."
        )
    ) == [("the campaign's official account", "several negative comments")]


def test_a_plural_noun_read_as_a_verb_is_said_by_the_noun_before_it(claims_of):
    """ "resistant to the Roe calls for reform": "calls" hung as a clause with no subject and no mark is
    the plural noun, and Roe calls, not the sentence's subject."""
    assert speakers_and_texts(
        claims_of("Syria proved to be resistant to the Bush/Cheney calls for regime change.")
    ) == [("the Bush/Cheney", "for regime change")]
    assert ("ACLU", "for action") in speakers_and_texts(
        claims_of("Alongside ACLU calls for action, even a top party strategist said the mayor must choose.")
    )


def test_a_participle_after_a_reporting_relative_clause_goes_on_with_its_report(claims_of):
    """ "..., a charge that party leaders denied, noting that ...": the leaders note, not the one who
    complained; a relative clause that reports nothing ("which Roe supported") leaves the participle
    to the sentence's subject."""
    found = speakers_and_texts(
        claims_of(
            "The mayor complained that the vote had been rigged, a charge that county officials strongly "
            "denied, noting that they had used the same system for years."
        )
    )
    assert ("county officials", "they had used the same system for years") in found
    assert ("The mayor", "they had used the same system for years") not in found
    assert ("The senator", "it was flawed") in speakers_and_texts(
        claims_of("The senator criticized the bill, which the governor supported, saying it was flawed.")
    )


def test_an_ing_form_right_after_the_object_of_leave_is_the_objects(claims_of):
    """ "have left many voters saying ...": the voters say it, not what left them so."""
    assert speakers_and_texts(claims_of("The scandal has left many voters saying the party is doomed.")) == [
        ("many voters", "the party is doomed")
    ]


def test_going_on_to_say_is_a_second_report_not_the_firsts_words(claims_of):
    """ "said X, going on to say that Y": Y is the speaker's second report, not part of X."""
    assert speakers_and_texts(
        claims_of(
            "The governor said the plan was dead, going on to say that the legislature had failed the voters."
        )
    ) == [("The governor", "the plan was dead"), ("The governor", "the legislature had failed the voters")]


def test_a_contradicting_participle_is_the_outlets_not_the_reports_words(claims_of):
    """ "shows that A, contradicting the police's earlier claim that B": the content stops at A, and B
    is the police's own claim."""
    assert speakers_and_texts(
        claims_of(
            "The video shows that the officer fired first, contradicting the department's earlier claim "
            "that he had been attacked."
        )
    ) == [("The video", "the officer fired first"), ("the department", "he had been attacked")]


def test_the_one_told_is_not_part_of_a_how_to_content(claims_of):
    """ "told them how to win": what is told is "how to win"; "them" is who is told."""
    assert speakers_and_texts(claims_of("The coach told them how to win.")) == [("The coach", "how to win")]
