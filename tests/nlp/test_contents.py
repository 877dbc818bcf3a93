"""What a reporting verb reports (contents.py), on sentences written for the test; each test failed
with its rule removed."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_that_clause_below_another_predicate_is_not_the_verbs(claims_of):
    """ "warned of X, arguing that Y", "urged X to act, proposed that Y": the clause belongs to the
    participle or the coordinated verb, and the verb reports its own phrase."""
    found = speakers_and_texts(
        claims_of(
            "Last month, a group of 32 experts warned of a new kind of fraud after the hack, arguing that"
            " the hackers could add fakes."
        )
    )
    assert ("a group of 32 experts", "of a new kind of fraud after the hack") in found
    found = speakers_and_texts(
        claims_of(
            "She urged the council to join a regional coalition to fight the floods, proposed that more"
            " pumps be bought, and pushed to fund them."
        )
    )
    assert found == [("She", "the council to join a regional coalition to fight the floods")]
    assert speakers_and_texts(
        claims_of("Jane Roe told reporters outside the courthouse that the trial was a sham.")
    ) == [("Jane Roe", "the trial was a sham")]


def test_a_verb_that_reports_only_words_takes_no_object_phrase(claims_of):
    """ "maintained a lead" keeps something; "maintained that ..." and "“...,” she maintained" report."""
    assert claims_of("Jane Roe maintained a narrow edge in the surveys all spring.") == []
    assert speakers_and_texts(claims_of("Jane Roe maintained that the vote had been rigged.")) == [
        ("Jane Roe", "the vote had been rigged")
    ]
    assert speakers_and_texts(claims_of("“We won that race fairly,” Jane Roe maintained.")) == [
        ("Jane Roe", "We won that race fairly,")
    ]


def test_a_past_verb_coordinated_with_a_present_reported_one_is_the_reporters(claims_of):
    """ "said she admires X and praised Y": the tense changes back to the story's; "is independent and
    is being run by ..." and "backed X and praised Y" stay in the reported words."""
    assert speakers_and_texts(
        claims_of("Jane Roe said she admires the new plan and praised its author at length on Monday.")
    ) == [("Jane Roe", "she admires the new plan")]
    assert speakers_and_texts(
        claims_of("Jane Roe said the inquiry is independent and is being run by career lawyers.")
    ) == [("Jane Roe", "the inquiry is independent and is being run by career lawyers")]
    assert speakers_and_texts(claims_of("Jane Roe said she backed the new plan and praised its author.")) == [
        ("Jane Roe", "she backed the new plan and praised its author")
    ]


def test_warned_against_reports_what_it_warns_against(claims_of):
    """ "warned against X": the preposition's words are the content (a rule's "about" list)."""
    assert speakers_and_texts(
        claims_of("The governor warned against cutting the school budget again this year.")
    ) == [("The governor", "against cutting the school budget again this year")]
    assert claims_of("The governor leaned against the old school bus for a photo.") == []


def test_a_content_stops_where_another_speakers_report_joins_it(claims_of):
    """ "admitted X when an inspector reported Y", "said X — while her allies have accused Y", "calling for X
    after the Ledger reported that Y": two attributions, each with its own words (nested_reports.py)."""
    assert speakers_and_texts(
        claims_of(
            "The agency admitted it had erred when a county inspector reported high arsenic levels in the wells."
        )
    ) == [("The agency", "it had erred"), ("a county inspector", "high arsenic levels in the wells")]
    assert speakers_and_texts(
        claims_of(
            "Jane Roe said the council was misreading her budget — while her allies have accused the mayor"
            " of hiding the deficit."
        )
    ) == [
        ("Jane Roe", "the council was misreading her budget"),
        ("her allies", "the mayor of hiding the deficit"),
    ]
    assert speakers_and_texts(
        claims_of(
            "The senator is calling for an inquiry into the contract and for the firm to be barred after the"
            " Ledger reported that the firm had overbilled the city."
        )
    ) == [
        ("The senator", "for an inquiry into the contract and for the firm to be barred"),
        ("the Ledger", "the firm had overbilled the city"),
    ]


def test_a_content_stops_before_another_subjects_figure_for_the_same_thing(claims_of):
    """ "says it is $4.5 billion and Globex has it at $6 billion": the second figure is Globex's
    (nested_reports._estimate); a clause with no figure put on "it" stays ("had dinner at 7")."""
    assert speakers_and_texts(
        claims_of("Jane Roe says the estate is $4.5 billion and Globex Wealth has it at $6 billion.")
    ) == [("Jane Roe", "the estate is $4.5 billion")]
    assert speakers_and_texts(
        claims_of("Jane Roe said the fund is worth $2 million and an auditor puts it at $3 million.")
    ) == [("Jane Roe", "the fund is worth $2 million")]
    assert speakers_and_texts(
        claims_of("Jane Roe said sales rose sharply and the team had dinner at 7 on Friday.")
    ) == [("Jane Roe", "sales rose sharply and the team had dinner at 7 on Friday")]


def test_a_content_keeps_a_report_of_its_own_speaker_or_one_not_set_off(claims_of):
    """A pronoun's report joined by "and" most often goes on with the same speaker (joined by a word of
    contrast it is a claim of its own: joined_reports.py); a report that is the reason given
    ("because ... urged") is part of what was said; "gave" reports only with some objects."""
    assert speakers_and_texts(
        claims_of(
            "Most of the tenants said stricter rules would help — and they blame the landlord for the backlog."
        )
    ) == [("Most of the tenants", "stricter rules would help — and they blame the landlord for the backlog")]
    assert speakers_and_texts(
        claims_of("Jane Roe said the levy had failed when she reported the shortfall to the board.")
    ) == [("Jane Roe", "the levy had failed when she reported the shortfall to the board")]
    assert speakers_and_texts(
        claims_of("Jane Roe said she stayed away from the hearing only because the clerk urged her to rest.")
    ) == [("Jane Roe", "she stayed away from the hearing only because the clerk urged her to rest")]
    assert speakers_and_texts(
        claims_of("Jane Roe said the hearing was fair when a juror gave a statement to the press.")
    ) == [("Jane Roe", "the hearing was fair when a juror gave a statement to the press")]


def test_an_object_in_quotation_marks_is_the_verbs_phrase(claims_of):
    """ "admitted “one or two lapses”": the opening quotation mark does not end the phrase the verb
    reports (it did, leaving an empty content)."""
    assert speakers_and_texts(
        claims_of("Jane Roe admitted “two small lapses” in the handling of the grant money.")
    ) == [("Jane Roe", "“two small lapses” in the handling of the grant money")]


def test_a_clause_before_a_verb_with_words_of_its_own_is_not_its_content(claims_of):
    """ "..., he urged the council to wait": an object with an infinitive, a predicate, "of" or a
    gerund after the verb is what it reports; "X, she told reporters" and "X, Roe wrote Doe" keep X."""
    assert speakers_and_texts(
        claims_of("Just last week, can you imagine it, he urged the council to sell the old harbor.")
    ) == [("he", "the council to sell the old harbor")]
    assert speakers_and_texts(
        claims_of("The farm has been a steady earner for Roe — he reported earning $3 million from it.")
    ) == [("he", "earning $3 million from it")]
    assert speakers_and_texts(
        claims_of("The bridge will be closed for a month, Jane Roe told reporters.")
    ) == [("Jane Roe", "The bridge will be closed for a month")]


def test_a_clause_before_a_verb_whose_object_has_its_quoted_words_is_not_its_content(claims_of):
    """ "Roe got a roar when, at the end of her song "X," she added the words, "Y."": the object and the
    quote set beside it are what she added; what came before is the writer's (an appositive not quoted,
    the person written to, keeps X)."""
    said = speakers_and_texts(
        claims_of(
            "Ms. Roe got a loud cheer from the hall when, at the end of her tearful rendition of the "
            'protest anthem "A Storm Is Gonna Pass," she added the words, "Jane Doe."'
        )
    )
    assert not [text for _, text in said if text.startswith("Ms. Roe got")], said
    assert speakers_and_texts(
        claims_of("The plan is reckless, Jane Roe wrote the board, a panel of five.")
    ) == [("Jane Roe", "The plan is reckless")]


def test_a_content_that_is_only_a_time_and_an_occasion_is_no_claim(claims_of):
    """ "wrote to the council" earlier this week, "made the comments Friday": when and where, not what
    (occasions.py); a content with what was said, a quote, a decline or an infinitive's hope keeps its
    claim, and what was promised after the occasion is the infinitive (pledges.py)."""
    for sentence in (
        "Earlier this week, Jane Roe wrote to the council, urging it to act.",
        "Jane Roe made the comments Friday at a rally in Fairview.",
        "Jane Roe issued a formal statement Sunday afternoon.",
        "The agency made its statement in response to a request from the group.",
    ):
        assert not [c for c in claims_of(sentence) if c.verb in ("promise", "write", "comment")], sentence
    for sentence, content in (
        ("Jane Roe made similar comments Thursday on a radio program.", "on a radio program"),
        ("Jane Roe issued a statement of concern about the levy on Friday.", "of concern about the levy"),
        ("Jane Roe made no comment on the ruling Monday.", "no comment on the ruling"),
        ("Jane Roe hopes to make a statement in the primary.", "a statement in the primary"),
        ("Jane Roe pledged “today, tomorrow, forever.”", "tomorrow"),
        ("“Sunday afternoon,” Jane Roe said of the vote.", "Sunday afternoon"),
        ("Jane Roe promised Sunday at a rally in Fairview to end the levy.", "to end the levy"),
    ):
        assert any(content in c.text for c in claims_of(sentence)), sentence


def test_a_that_clause_misread_as_a_relative_clause_is_the_content(claims_of):
    """ "predicted at the council debate that Democrats will take every seat": the parser makes "that"
    the object of "take" (a relative clause of "debate"), though "take" has an object of its own; in
    "alleged in the lawsuit that Doe made $3 million from the school" the object of "from". A "that"
    that fills the role it is given ("the case that Doe brought") is a relative pronoun: no claim."""
    assert speakers_and_texts(
        claims_of(
            'Jane Roe predicted at the most recent council debate that Democrats will take "every seat"'
            " if Doe wins the primary."
        )
    ) == [("Jane Roe", 'Democrats will take "every seat" if Doe wins the primary')]
    assert speakers_and_texts(
        claims_of("Jane Roe alleged in the lawsuit that Doe personally made $3 million from the school.")
    ) == [("Jane Roe", "Doe personally made $3 million from the school")]
    assert claims_of("Jane Roe testified in the case that Doe brought against the city last year.") == []


def test_what_is_promised_after_a_day_or_a_place_is_the_infinitive(claims_of):
    """ "promised Sunday at a rally in Reno to end the program": the parser takes the day for the object
    and hangs the infinitive apart; what was promised is "to end the program", not the setting, after
    the one promised too ("promised voters at a rally ... to"). With no setting the object stays
    ("promised voters to end it"), and an object that cannot be promised to is what was promised."""
    assert speakers_and_texts(
        claims_of("Jane Roe promised Sunday at a rally in Reno to end the program.")
    ) == [("Jane Roe", "to end the program")]
    assert speakers_and_texts(claims_of("The senator pledged on Tuesday to block the nominee.")) == [
        ("The senator", "to block the nominee")
    ]
    assert speakers_and_texts(claims_of("Jane Roe vowed Friday to appeal the ruling.")) == [
        ("Jane Roe", "to appeal the ruling")
    ]
    assert speakers_and_texts(
        claims_of("Jane Roe promised voters at a rally in Reno to end the program.")
    ) == [("Jane Roe", "to end the program")]
    assert speakers_and_texts(claims_of("Jane Roe promised voters to end the program.")) == [
        ("Jane Roe", "voters to end the program")
    ]
    assert speakers_and_texts(
        claims_of("Jane Roe promised a new tax at a rally in Reno to end the deficit.")
    ) == [("Jane Roe", "a new tax at a rally in Reno")]


def test_a_that_clause_misread_as_a_relative_adverb_is_the_content(claims_of):
    """ "said for the first time that ...": the parser hangs the clause on "time" with "that" as its
    relative adverb; on a noun of the verb's prepositional phrase it is the verb's content. A noun the
    verb takes as its object keeps its clause ("recalled the day that ..."); a "that" of degree is none."""
    assert speakers_and_texts(claims_of("Jane Roe said for the first time that the levy would end.")) == [
        ("Jane Roe", "the levy would end")
    ]
    assert speakers_and_texts(claims_of("Jane Roe recalled the day that the levy ended.")) == [
        ("Jane Roe", "the day that the levy ended")
    ]
    assert claims_of("Jane Roe wrote in a letter she had kept that long.") == []


def test_a_relative_clause_on_a_noun_of_manner_is_no_content(claims_of):
    """ "responded the same way that we must respond now": a clause on a noun of manner says how, not
    what was said (patterns/manner_nouns.jsonl), whether the parser reads "that" as a relative adverb
    or as marking a clause; "for the first time that ..." stays the content."""
    assert claims_of("He responded then the same way that we must respond now.") == []
    assert claims_of("Jane Roe responded in the same manner that the mayor had responded.") == []


def test_a_that_clause_hung_on_a_verb_that_takes_none_is_the_reporting_verbs(claims_of):
    """ "told the Gazette before she spoke at the hearing that ...": the parser hangs the clause on
    "spoke", which takes no "that" clause (clauseless.py); "after she learned that ..." keeps its own."""
    assert speakers_and_texts(
        claims_of(
            "Jane Roe told the Gazette before she spoke at the hearing that she believed the levy was unfair."
        )
    ) == [("Jane Roe", "she believed the levy was unfair")]
    assert (
        speakers_and_texts(claims_of("Jane Roe told reporters after she learned that the levy had passed."))
        == []
    )


def test_a_that_clause_hung_on_a_sitting_that_ended_is_the_reporting_verbs(claims_of):
    """ "wrote after the hearing adjourned that ...": a sitting adjourning or recessing takes no "that"
    clause either (clauseless.py)."""
    for sentence in (
        "Jane Roe wrote after the hearing adjourned that the levy was unfair.",
        "Jane Roe told reporters after the court recessed that the levy was unfair.",
    ):
        assert speakers_and_texts(claims_of(sentence)) == [("Jane Roe", "the levy was unfair")], sentence


def test_a_that_clause_hung_on_a_gerund_that_takes_none_is_the_reporting_verbs(claims_of):
    """ "admitted under questioning that ...": the parser hangs the clause on the gerund after the
    preposition, which takes no "that" clause (clauseless.py); "after learning that ..." keeps its own."""
    assert speakers_and_texts(
        claims_of("The aide admitted under questioning that she had deleted the emails.")
    ) == [("The aide", "she had deleted the emails")]
    assert speakers_and_texts(
        claims_of("Jane Roe told reporters before leaving that the levy was dead.")
    ) == [("Jane Roe", "the levy was dead")]
    assert (
        speakers_and_texts(claims_of("Jane Roe told reporters after learning that the levy had passed."))
        == []
    )


def test_the_outlets_comment_after_a_quoted_name_is_not_what_was_called(claims_of):
    """ "called him a ''moderate,'' a subtle dig at ...": after a comma, a phrase with a noun of
    comment in its first words (gloss_nouns.py) is the outlet's; more names stay."""
    assert speakers_and_texts(
        claims_of(
            "Jane Roe called him a ''moderate,'' a subtle dig at a rival who came into office as a reformer."
        )
    ) == [("Jane Roe", "him a ''moderate,''")]
    assert speakers_and_texts(claims_of('Jane Roe called Doe a "liar", a rebuke that stung.')) == [
        ("Jane Roe", 'Doe a "liar"')
    ]
    assert speakers_and_texts(
        claims_of("Jane Roe called him a fraud, a subtle dig at a rival who came into office as a reformer.")
    ) == [("Jane Roe", "him a fraud")]
    assert speakers_and_texts(claims_of("Jane Roe called him a ''fraud,'' a shameless cheat.")) == [
        ("Jane Roe", "him a ''fraud,'' a shameless cheat")
    ]


def test_what_the_object_is_described_as_is_content_too(claims_of):
    """ "described the gala as the city congratulating itself": the parser hangs the "as" phrase apart
        from the object, on the verb or on a verb above it; it is what was said of the object
        (descriptions.py). An "as" clause with a subject and a verb of its own tells when; one whose verb
    is a participle ("as Chicago celebrating itself") is still what was said."""
    assert speakers_and_texts(
        claims_of("Jane Roe described the gala as the city congratulating itself.")
    ) == [("Jane Roe", "the gala as the city congratulating itself")]
    assert speakers_and_texts(
        claims_of("Jane Roe has described the parade as Chicago celebrating itself.")
    ) == [("Jane Roe", "the parade as Chicago celebrating itself")]
    assert speakers_and_texts(claims_of("Jane Roe characterised the agency as poorly managed.")) == [
        ("Jane Roe", "the agency as poorly managed")
    ]
    assert speakers_and_texts(
        claims_of("Voters were more likely to describe Roe as likable and honest.")
    ) == [("Voters", "Roe as likable and honest")]
    assert speakers_and_texts(claims_of("Jane Roe described the scene as she walked into the hall.")) == [
        ("Jane Roe", "the scene")
    ]
    assert speakers_and_texts(claims_of("Jane Roe described the vote as it was being counted.")) == [
        ("Jane Roe", "the vote")
    ]


def test_an_object_after_a_phrase_set_off_by_commas_is_what_was_said(claims_of):
    """ "described, in vivid terms, the chaos ...": the verb's phrase stopped at the second comma, so
    the content was how it was said ("in vivid terms"); what was said is the object after it
    (set_off.py)."""
    assert speakers_and_texts(
        claims_of("Jane Roe described, in vivid terms, the chaos at the border crossing.")
    ) == [("Jane Roe", "the chaos at the border crossing")]
    assert speakers_and_texts(claims_of("Jane Roe denied, under oath, any role in the scheme.")) == [
        ("Jane Roe", "any role in the scheme")
    ]
    assert speakers_and_texts(claims_of("Jane Roe described, as she had before, the plan for the levy.")) == [
        ("Jane Roe", "the plan for the levy")
    ]
    assert speakers_and_texts(claims_of("Jane Roe said, in effect, that the levy was dead.")) == [
        ("Jane Roe", "the levy was dead")
    ]


def test_a_that_clause_hung_on_a_relative_clause_of_the_setting_is_the_verbs(claims_of):
    """ "said in a video that circulated online that ...": the parser hangs the clause on the relative
    clause of "video", whose verb reports nothing (false_relatives.relayed_complement); a relative
    clause of saying keeps its clause ("in a memo that claimed that ...")."""
    assert speakers_and_texts(
        claims_of("The mayor said in a video that circulated online that he believes the budget is short.")
    ) == [("The mayor", "he believes the budget is short")]
    assert speakers_and_texts(
        claims_of(
            "Jane Roe told the Ledger in a podcast that aired Sunday that she believes the levy will fail."
        )
    ) == [("Jane Roe", "she believes the levy will fail")]
    found = speakers_and_texts(
        claims_of("Jane Roe told the council in a memo that claimed that the levy would fail.")
    )
    assert ("Jane Roe", "the levy would fail") not in found


def test_a_that_clause_hung_on_a_participle_of_the_setting_is_the_verbs(claims_of):
    """ "told CNBC in an interview aired Friday that ...": a reduced relative ("aired", not "that aired"),
    the same setting (false_relatives.relayed_complement; the fifth trial set's v107, missed)."""
    assert speakers_and_texts(
        claims_of(
            "Jane Roe told the Ledger in an interview aired Friday that she had no regrets about the levy."
        )
    ) == [("Jane Roe", "she had no regrets about the levy")]
    # "filed" (the unseen trial set's u089) reports nothing either
    assert speakers_and_texts(
        claims_of("Jane Roe wrote in a brief filed Friday that the levy would fail.")
    ) == [("Jane Roe", "the levy would fail")]


def test_a_whether_clause_standing_as_the_subject_keeps_its_whether(claims_of):
    """Without its "whether" the words would assert what the speaker left open (questions.leading_mark);
    a "whether" after a verb of asking still goes."""
    claims = claims_of(
        "Whether the mayor lied is for the jury to decide, the judge said. "
        "Jane Roe said that the plant would close."
    )
    assert [c.text for c in claims] == [
        "Whether the mayor lied is for the jury to decide",
        "the plant would close",
    ]


def test_evidence_the_outlet_sets_against_the_words_is_not_more_of_them(claims_of):
    """ "..., though records show ...": the outlet's counter-evidence, cut from the words and left as
    the records' own account (nested_reports._conceding); a speaker's own "though" clause stays."""
    claims = claims_of(
        "Jane Roe said she “never” wanted the money, though records show she asked for a stake. "
        "Jane Roe said the plan would work, though she had doubts at first."
    )
    assert [(c.speaker, c.text) for c in claims] == [
        ("Jane Roe", "she “never” wanted the money"),
        ("records", "she asked for a stake"),
        ("Jane Roe", "the plan would work, though she had doubts at first"),
    ]


def test_a_condition_fronted_inside_the_content_keeps_its_mark(claims_of):
    """ "said that, if the board had known, it would have stopped the sale": without its "if" the
    content asserts the condition; so for "although", "because", "unless" (questions.leading_mark).
    An "if" hung on a verb of asking is what was asked, without it; a leading "that" is dropped."""
    claims = claims_of(
        "Jane Roe said that, if the board had known, it would have stopped the sale. "
        "John Doe said although the loan was legal, it was unwise. "
        "Jane Roe said that unless the court acts, the mill will close. "
        "John Doe asked if the board would meet."
    )
    assert [c.text for c in claims] == [
        "if the board had known, it would have stopped the sale",
        "although the loan was legal, it was unwise",
        "unless the court acts, the mill will close",
        "the board would meet",
    ]


def test_a_that_clause_the_parser_split_from_a_bare_verb_of_thinking_goes_on_its_words(claims_of):
    """ "said she thought, though ..., that X": "that X" hung apart from "thought", which has nothing of
    its own; the words run on to the end of X (contents._split_complement; the fifth trial set's v124)."""
    found = speakers_and_texts(
        claims_of(
            "Jane Roe said she thought, though she could not be certain, that the board had voted twice."
        )
    )
    assert found == [
        ("Jane Roe", "she thought, though she could not be certain, that the board had voted twice")
    ]


def test_a_that_clause_of_another_saying_is_not_run_on_to(claims_of):
    """ "said she agreed, adding that X": X is the participle's, not more of "she agreed"."""
    found = speakers_and_texts(claims_of("Jane Roe said she agreed, adding that the board had voted twice."))
    assert ("Jane Roe", "she agreed") in found


def test_a_quoted_predicate_hung_on_the_object_is_a_clause(claims_of):
    """ "insisted the merger “protected the workers”": the parser hangs the quoted verb on the object
    as a participle; the noun and its quotation are the content (quoted_predicates.py)."""
    for sentence in (
        "Jane Roe insisted the merger “protected the workers rather than betrayed them.”",
        "Jane Roe — who spoke for an hour — insisted the levy 'protected the town rather than hurt it.'",
    ):
        [claim] = claims_of(sentence)
        assert claim.text.startswith("the ") and "protected the" in claim.text, sentence
        assert claim.confidence >= 2, sentence
