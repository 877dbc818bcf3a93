"""Forms of English news attribution read from PolNeAR's train split (session 6): each test is a
sentence written for it, and each failed with its rule removed."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_described_speaker_may_suggest_a_clause(claims_of):
    """A verb that needs a speaker who resolves ("suggest") takes a description that reports a clause
    ("Exit polls", "Some of her allies"), but not a demonstrative or a mere phrase."""
    assert speakers_and_texts(
        claims_of("Exit polls suggested that turnout among young voters fell sharply.")
    ) == [("Exit polls", "turnout among young voters fell sharply")]
    assert speakers_and_texts(
        claims_of("Some of her allies have suggested that the inquiry was rigged.")
    ) == [("Some of her allies", "the inquiry was rigged")]
    assert speakers_and_texts(claims_of("He has suggested that the country could default on its debt.")) == [
        ("He", "the country could default on its debt")
    ]
    assert claims_of("It suggests that the country could default on its debt.") == []
    assert claims_of("These moves suggest that the partnership is over.") == []
    assert claims_of("The admission suggests that the company copied its rivals.") == []  # a reading
    assert claims_of("The committee confirmed three new judges on Tuesday.") == []


def test_a_not_inside_the_quote_does_not_negate_its_verb(claims_of):
    """The parser hangs the quote's "not" on the verb; only a "not" outside the quote negates it."""
    claims = claims_of(
        "Mary Lee was more resolute.\n\n“Absolutely not,” she said of the plan to move the trial."
    )
    assert speakers_and_texts(claims) == [("she", "Absolutely not,")]
    negated = claims_of("Mary Lee did not say that the plan was dead.")  # "not say": never published
    assert [(c.verb, c.confidence) for c in negated] == [("not say", 0)]


def test_capitalised_quoted_words_are_speech_unless_a_word_comes_before(claims_of):
    """A short quote in title case is a title only inside a phrase ("told “Meet the Press”"); after a
    comma or opening its sentence it is what was said."""
    assert ("Jane Roe", "Probably.") in speakers_and_texts(
        claims_of("Asked whether she would run again, Jane Roe said, “Probably.”")
    )
    assert speakers_and_texts(claims_of("“Technicals,” Bob Lee said.")) == [("Bob Lee", "Technicals,")]
    assert speakers_and_texts(claims_of("Jane Roe told “Meet the Press” that the deal was fair.")) == [
        ("Jane Roe", "the deal was fair")
    ]


def test_a_speaker_after_said_keeps_it_when_the_parser_hangs_it_on_a_later_verb(claims_of):
    """“...,” said the cashier, who ...: the parser makes the speaker the subject of the relative's or
    the participle's verb; a noun phrase set off by a comma right after the verb is its speaker."""
    claims = claims_of(
        "Shoppers were uneasy.\n\n“A man walked in and told us we should all go home,” said the clerk,"
        " who like others on the block would not give a name."
    )
    assert speakers_and_texts(claims) == [("the clerk", "A man walked in and told us we should all go home,")]
    claims = claims_of(
        "“I am not going to back down, so stop asking,” said retired judge Jane Roe, asked about her claims"
        " that she had met the queen."
    )
    assert ("retired judge Jane Roe", "I am not going to back down, so stop asking,") in speakers_and_texts(
        claims
    )
    claims = claims_of("“It is his race to win from here,” added another state Republican.")  # an object
    assert speakers_and_texts(claims) == [("another state Republican", "It is his race to win from here,")]


def test_a_verb_of_saying_coordinated_inside_the_complement_is_a_report_of_its_own(claims_of):
    """ "says she spoke to X and urged him to ...": the parser coordinates "urged" with the reported
    verb; it is the speaker's second report, not part of the first one's content."""
    claims = claims_of("Senator Mary Lee says she spoke to the governor and urged him to sign the bill.")
    assert speakers_and_texts(claims) == [
        ("Senator Mary Lee", "she spoke to the governor"),
        ("Senator Mary Lee", "him to sign the bill"),
    ]


def test_poll_respondents_speak(claims_of):
    """Polls: a group a clause, an adjective or a preposition describes ("those surveyed", "those close
    to her", "those in the room"), a share the parser hangs on the verb ("About 4 in 10 say"), and a
    one-word answer ("46 percent said yes")."""
    claims = claims_of("By a wide margin, those surveyed say the economy should come first.")
    assert speakers_and_texts(claims) == [("those surveyed", "the economy should come first")]
    claims = claims_of("Those close to the mayor say she will run again.")  # an adjective says who
    assert speakers_and_texts(claims) == [("Those close to the mayor", "she will run again")]
    claims = claims_of("Those in the room said the senator wept.")  # a preposition says who
    assert speakers_and_texts(claims) == [("Those in the room", "the senator wept")]
    claims = claims_of("About 7 in 10 say they expect the next coach to be younger.")
    assert speakers_and_texts(claims) == [("About 7 in 10", "they expect the next coach to be younger")]
    claims = claims_of("Asked if the fee was fair, 52 percent of renters said yes.")
    assert ("52 percent of renters", "yes") in speakers_and_texts(claims)
    claims = claims_of("Asked if the mayor is “fit to serve,” 61 percent of Democrats said yes.")
    assert ("61 percent of Democrats", "yes") in speakers_and_texts(claims)  # not the quoted question


def test_calling_someone_something_or_for_something_the_parser_misreads(claims_of):
    """ "called for X to Y" (the parser makes "for" the mark of a clause), "calling X a Y" (a bare
    xcomp with an object) and "called X her Y" (an appositive with no comma) report words; "called
    to ask" does not."""
    assert speakers_and_texts(claims_of("In March, the mayor called for the police chief to step down.")) == [
        ("the mayor", "the police chief to step down")
    ]
    claims = claims_of("Critics went further, with former Gov. Jane Roe calling the senator a fraud.")
    assert speakers_and_texts(claims) == [("former Gov. Jane Roe", "the senator a fraud")]
    assert speakers_and_texts(claims_of("Jane Roe called her late father her hero.")) == [
        ("Jane Roe", "her late father her hero")
    ]
    assert [c.verb for c in claims_of("She called to ask about the schedule.")] == ["ask"]


def test_what_was_asked_comes_before_the_person_asked(claims_of):
    """ "asked workers if ...": the question is the "if" clause, not the object; "asked for X" asks
    for X, not for the words before it."""
    claims = claims_of("He waved and asked the students if they meant to join the rally.")
    assert [(c.verb, c.text) for c in claims] == [("ask", "they meant to join the rally")]
    claims = claims_of("At the end, a boy asked for an autograph and she agreed.")
    assert [(c.speaker, c.text) for c in claims] == [("a boy", "for an autograph")]


def test_an_as_attribution_reports_the_clause_it_hangs_on(claims_of):
    """ "As the paper noted, Y" / "Y, as the paper reported on Tuesday, and Z": Y is the report; the
    clause coordinated after it is the writer's."""
    claims = claims_of(
        "As the county paper noted, the mayor raised more than a million dollars for her campaign."
    )
    assert speakers_and_texts(claims) == [
        ("the county paper", "the mayor raised more than a million dollars for her campaign")
    ]
    claims = claims_of(
        "Jane Roe met the governor that day, as the Daily Post reported on Tuesday, and she will join his staff."
    )
    assert speakers_and_texts(claims) == [("the Daily Post", "Jane Roe met the governor that day")]
    claims = claims_of("As Jane Roe noted on Monday, the mayor raised more than a million dollars.")
    assert speakers_and_texts(claims) == [("Jane Roe", "the mayor raised more than a million dollars")]
    assert [c.confidence for c in claims] == [1]  # the outlet's sentence leaning on a source: not published


def test_words_relayed_from_another_report_are_not_published(claims_of):
    """ "“...,” Roe said, according to the Daily Post.": the outlet passes on another's report, so the
    quote waits for a curator (tier 1) where the same quote alone is published (tier 3)."""
    relayed = [
        c for c in claims_of("“We will win,” Jane Roe said, according to the Daily Post.") if c.verb == "say"
    ]
    assert [(c.speaker, c.confidence, c.confidence_rule) for c in relayed] == [("Jane Roe", 1, "relayed")]
    assert [c.confidence for c in claims_of("“We will win,” Jane Roe said.")] == [3]


def test_according_to_after_its_clause_reports_that_clause(claims_of):
    """ "Y, according to a poll last week - about the same as ...": Y, though the words after the
    source outnumber it."""
    claims = claims_of(
        "The senator trails in the state. Some 59 percent of voters there view her unfavorably, according to"
        " a county poll last week - about the same as her rival at 60 percent."
    )
    assert speakers_and_texts(claims) == [
        ("a county poll", "Some 59 percent of voters there view her unfavorably")
    ]


def test_thats_according_to_reports_the_demonstrative(claims_of):
    """ "That’s according to X ...": "That" stands for the sentence before, however long the source
    phrase after "according to" runs (a relative clause of its own included)."""
    claims = claims_of(
        "The Lee team reports that it took in $3 million during May.\n\nThat’s according to campaign"
        " filings through May 31 that the team is making on Monday."
    )
    assert ("campaign filings", "That") in speakers_and_texts(claims)
    claims = claims_of(
        "The paper reported that, according to an audit of her files, 85 of 150 visits were paid."
    )
    assert "that" not in [c.text for c in claims]  # a complementizer, no demonstrative


def test_a_quote_ending_in_a_nested_quote_is_attached(claims_of):
    """“... ‘How long have you had the pain?’” Lee said.: the question mark stands inside the nested
    quote, before both closing marks."""
    claims = claims_of(
        "The coach stayed late. “He was the only one to ask me, ‘Where does it hurt? How long have you had"
        " the pain?’” Bob Lee said."
    )
    assert [c.speaker for c in claims] == ["Bob Lee"]
    assert claims[0].text.endswith("How long have you had the pain?’")


def test_said_then_a_comma_then_what_was_said(claims_of):
    """ "Roe said, the gifts paid for ...": the parser makes the reported subject the verb's
    object after the comma; the content is what follows the comma."""
    claims = claims_of(
        'On both occasions, Jane Roe said, the gifts paid for "free seats" at the county chess fair.'
    )
    assert speakers_and_texts(claims) == [
        ("Jane Roe", 'the gifts paid for "free seats" at the county chess fair')
    ]


def test_a_paragraph_introduced_by_a_colon_is_a_block_quote(claims_of):
    """ "In a letter last month, she said:" closing its paragraph, then an unquoted paragraph."""
    claims = claims_of(
        "In a letter last month, Jane Roe said:\n\nMake no mistake, this merger is a threat to the town.\n\n"
        "The merger went ahead."
    )
    assert speakers_and_texts(claims) == [
        ("Jane Roe", "Make no mistake, this merger is a threat to the town.")
    ]


def test_a_possessed_claim_noun_that_is_also_a_verb_form(claims_of):
    """ "his claims that ...", "her warning that ...": words that are forms of a reporting verb too
    are read as a characterising noun when the parse gives them no verb's role; so are "suggestion"
    and "insistence"."""
    claims = claims_of(
        "Despite Jane Roe's claims that her fortune exceeds $10 billion, the firms place her lower."
    )
    assert speakers_and_texts(claims) == [("Jane Roe", "her fortune exceeds $10 billion")]
    assert claims[0].attribution == "characterisation"
    claims = claims_of(
        "Voters recoiled from Bob Lee's suggestion that a judge cannot be fair because of his faith."
    )
    assert speakers_and_texts(claims) == [("Bob Lee", "a judge cannot be fair because of his faith")]
    assert claims_of("The claims were dismissed in March.") == []  # no possessor, no content


def test_a_possessed_noun_of_promising_or_claiming_with_an_infinitive(claims_of):
    """ "her promise to build ...", "Roe's claim to be ...": the content runs from "to"; a noun whose
    owner is given by "by" or "from" takes its "that" clause; a noun with no owner says nothing."""
    claims = claims_of("Jane Roe has gained support with her promise to build a new bridge over the river.")
    assert speakers_and_texts(claims) == [("her", "to build a new bridge over the river")]
    claims = claims_of("A win would bolster Bob Lee's claim to be the party's strongest candidate.")
    assert speakers_and_texts(claims) == [("Bob Lee", "to be the party's strongest candidate")]
    claims = claims_of(
        "The agency pushed back against claims by two auditors that the ledger had been altered."
    )
    assert speakers_and_texts(claims) == [("two auditors", "the ledger had been altered")]
    assert claims_of("Calls to build a new bridge grew louder in the spring.") == []


def test_a_negated_report_is_kept_but_never_published(claims_of):
    """ "would not say whether ...", "has never said that ...": a report of what someone did not say
    (verb "not say", tier 0: no claim of theirs to publish), modal and all; a real report in the same
    words keeps them."""
    claims = claims_of("The campaign would not say whether Bob Lee had been interviewed by the police.")
    assert speakers_and_texts(claims) == [("The campaign", "Bob Lee had been interviewed by the police")]
    assert (claims[0].verb, claims[0].confidence) == ("not say", 0)
    claims = claims_of("Jane Roe has never said that she would back the tax.")
    assert [(c.speaker, c.verb, c.confidence) for c in claims] == [("Jane Roe", "not say", 0)]
    claims = claims_of(
        "The office did not say why, but he believes that some of the clerks reported his memo as junk."
    )
    assert [(c.speaker, c.verb) for c in claims] == [("some of the clerks", "report")]


def test_a_passive_report_with_an_agent_reports_its_subject(claims_of):
    """ "The merger was first reported by the Herald": the agent speaks, the passive subject (or the
    noun the participle qualifies) is what was reported; not for verbs of making ("written by")."""
    claims = claims_of("The merger was first reported by the Valley Herald.")
    assert speakers_and_texts(claims) == [("the Valley Herald", "The merger")]
    claims = claims_of(
        "The mayor is not licensed to practise, a fact first reported by Jane Roe, a local reporter."
    )
    assert speakers_and_texts(claims) == [("Jane Roe", "a fact")]
    assert claims_of("The play was written by Jane Roe in 1990.") == []


def test_posted_reports_only_quoted_words(claims_of):
    """ "she posted: “...”", "“...,” he posted": a verb of posting reports the words it quotes or
    introduces, or a "that" clause after it, never its object ("posted a photo")."""
    claims = claims_of("“We are not grieving, we are dancing!” Jane Roe posted.")
    assert speakers_and_texts(claims) == [("Jane Roe", "We are not grieving, we are dancing!")]
    claims = claims_of('The next day, her campaign account posted: "Shop the look from her speech."')
    assert speakers_and_texts(claims) == [("her campaign account", "Shop the look from her speech.")]
    assert claims_of("Jane Roe posted a photo of the rally on Monday.") == []
    assert speakers_and_texts(claims_of("Roe posted on her blog that the vote had been rigged.")) == [
        ("Roe", "the vote had been rigged")
    ]
    assert claims_of("Later that night, Roe posted again.") == []


def test_a_report_hung_on_a_passive_is_its_subjects(claims_of):
    """A participle or a coordinated verb hung on a passive is spoken by the passive's subject ("A suit
    was filed ..., alleging ...", "were angered by the ruling and predicted ..."), not by nobody or by
    the agent; an agent keeps a participle that is no conjunct ("announced by the board, noting ...")."""
    assert speakers_and_texts(
        claims_of(
            "A class action was filed in March challenging the water fees and alleging that the utility "
            "hid the costs."
        )
    ) == [("A class action", "the utility hid the costs")]
    assert speakers_and_texts(
        claims_of("Harbor officials were angered by the ruling and predicted it would raise fares.")
    ) == [("Harbor officials", "it would raise fares")]
    noted = claims_of("The fares were announced by the transit board, noting that they would rise.")
    assert ("the transit board", "they would rise") in speakers_and_texts(noted)


def test_a_gerund_after_a_preposition_on_a_passive_is_its_subjects_not_the_agents(claims_of):
    """ "X was booed (and heckled) by Y after telling ...": X told, whatever agent the passive names;
    a participle after a set-off attribution ("“...,” Y added, saying ...") is Y's, not the subject
    of the verb the parser hung that attribution on."""
    for verbs in ("booed", "booed and heckled"):
        claims = claims_of(
            f"Comedian Dana Hollis was {verbs} by Reyes supporters after telling holdouts that they "
            "were being ridiculous."
        )
        assert speakers_and_texts(claims) == [("Comedian Dana Hollis", "they were being ridiculous")]
    claims = claims_of(
        "Okafor cannot say that “from his perspective,” Varga added, saying it should be “up to the "
        "prosecutor.”"
    )
    assert ("Varga", "it should be “up to the prosecutor.”") in speakers_and_texts(claims)
    claims = claims_of("Roe said that Lee was wrong, adding that the fees would rise.")
    assert ("Roe", "the fees would rise") in speakers_and_texts(claims)


def test_a_participle_among_words_set_before_their_attribution_is_their_subjects(claims_of):
    """ "Her friends mocked X, calling Y “...,” Susan said": the friends called Y so, not Susan; and a
    participle after a report the parser hung as a complement on a later word is that report's."""
    claims = claims_of(
        "Her liberal friends have mocked Reyes’s campaign, calling Reyes “an orange buffoon,” Susan said."
    )
    assert [c.speaker for c in claims] == ["Her liberal friends"]
    claims = claims_of(
        "Okafor went on offense against Reyes on Monday, saying he would abdicate leadership in the region,"
        ' his view is "dangerously wrong" and he is a "bully."'
    )
    assert speakers_and_texts(claims) == [("Okafor", "he would abdicate leadership in the region")]


def test_a_participle_right_after_a_nouns_relative_clause_is_the_nouns(claims_of):
    """ "a letter the campaign sent on Monday alleging that ...": the letter alleges (and who sent it
    is named), not the subject of the verb the parser hung the participle on; not after a comma, nor
    after a noun's "that" clause ("rejected the notion that ..., arguing that ...")."""
    claims = claims_of(
        "Her comments respond to a letter the Reyes campaign sent the party on Monday alleging that the"
        " arrangement was improper."
    )
    assert [(c.speaker, c.speaker_name) for c in claims] == [("a letter", "the Reyes campaign")]
    claims = claims_of(
        "Musk's lawyers answered a motion the company filed on Friday arguing that the claims were late."
    )
    assert speakers_and_texts(claims) == [("a motion", "the claims were late")]
    claims = claims_of("Roe thanked the volunteers who came on Monday, saying the work mattered.")
    assert speakers_and_texts(claims) == [("Roe", "the work mattered")]


def test_a_participle_after_an_absolute_with_phrase_is_that_phrases(claims_of):
    """ "..., with some former supporters, such as Varga and Lin, now saying ...": the supporters say it,
    not the sentence's subject; "spoke with reporters, saying ..." stays the speaker's."""
    claims = claims_of(
        "Okafor and Reyes have struggled to win over skeptics, with some former supporters, such as Varga"
        " and Lin, now saying they think the merger will fail."
    )
    assert speakers_and_texts(claims) == [("some former supporters", "they think the merger will fail")]
    claims = claims_of("Roe spoke with reporters, saying the fees were too high.")
    assert speakers_and_texts(claims) == [("Roe", "the fees were too high")]


def test_calling_for_or_on_reports_in_any_role_but_called_names(claims_of):
    """ "a petition calling on X to ...", "ads calling the merger a ..." report (a present participle
    hung on a noun, or one with "for"/"on"/"upon"), "called upon", and "called on" read as a particle;
    "a charity called ...", "a website called ..." only name something."""
    assert speakers_and_texts(
        claims_of("A petition calling on the mayor to be removed from office has drawn 9,000 names.")
    ) == [("A petition", "on the mayor to be removed from office")]
    assert speakers_and_texts(
        claims_of('The union placed radio ads calling the merger a "$3 billion blunder."')
    ) == [("radio ads", 'the merger a "$3 billion blunder."')]
    assert speakers_and_texts(claims_of("Roe called upon the governor to reopen the mills.")) == [
        ("Roe", "upon the governor to reopen the mills")
    ]
    assert speakers_and_texts(
        claims_of("Roe has called on local leaders to add fines for late reports.")
    ) == [("Roe", "on local leaders to add fines for late reports")]
    assert claims_of('Bob Hale has set up a charity called "Warm Coats Now" in his town.') == []
    assert claims_of("A website called Daily Truth Today posts fake stories.") == []


def test_a_participle_after_a_preposition_may_report_its_object(claims_of):
    """ "after announcing his backing", "by promising to cut taxes": for verbs whose object is what was
    said ("participle_object"), the participle after a preposition reports its object; "since"
    introduces such a participle too. Other verbs' objects are not speech ("by admitting her mistakes")."""
    claims = claims_of(
        "Two weeks after announcing his backing of Jane Roe, Bob Hale still thinks the plan is risky."
    )
    assert speakers_and_texts(claims) == [("Bob Hale", "his backing of Jane Roe")]
    assert speakers_and_texts(claims_of("Roe won the race by promising to cut taxes on small farms.")) == [
        ("Roe", "to cut taxes on small farms")
    ]
    assert claims_of("Roe won the race by admitting her mistakes.") == []
    assert speakers_and_texts(
        claims_of("Since announcing in May that he would not run, Hale has been a loyal ally.")
    ) == [("Hale", "he would not run")]
    assert claims_of("Hale has been a loyal ally since leaving the race.") == []


def test_told_someone_to_reports_the_one_told_and_what_to_do(claims_of):
    """ "tells voters to stay home": the person told is no content on its own ("told reporters on
    Monday"), but with an infinitive after it the two are what was said, as with "urged"."""
    assert speakers_and_texts(claims_of("Roe tells voters to stay home on Tuesday.")) == [
        ("Roe", "voters to stay home on Tuesday")
    ]
    assert speakers_and_texts(claims_of("Roe told her staff not to speak to the press.")) == [
        ("Roe", "her staff not to speak to the press")
    ]
    assert claims_of("Roe told reporters on Monday.") == []
    assert claims_of("Roe told a joke about the mayor.") == []


def test_a_participle_after_while_reports_for_the_head_verbs_subject(claims_of):
    """ "..., while saying that ...": a participle after a subordinating word speaks for the subject of
    the verb it hangs on when it reports words, not when it only does something ("while sitting",
    "while saying goodbye")."""
    claims = claims_of("Roe defended the plan on Monday, while saying that it still needs work.")
    assert speakers_and_texts(claims) == [("Roe", "it still needs work")]
    claims = claims_of(
        "Her allies have been trying to calm the members, while urging the critics to pipe down."
    )
    assert speakers_and_texts(claims) == [("Her allies", "the critics to pipe down")]
    assert claims_of("Roe was smiling while saying goodbye to the last guest.") == []


def test_a_subject_the_parser_hung_as_an_appositive_speaks(claims_of):
    """After a long opening phrase the parser may hang the subject on the phrase's last noun as its
    appositive and leave the verb without one: the noun phrase set off by a comma just before it."""
    claims = claims_of(
        'In an interview with radio hosts Tom Hale and Mia Roe, the Republican state senator stated that the tax was "unfair."'
    )
    assert speakers_and_texts(claims) == [("the Republican state senator", 'the tax was "unfair."')]
    claims = claims_of(
        "Monday in Boston, while touring three towns with his cousin Democratic mayoral hopeful Ann Lee,"
        " former governor Tom Lee said his cousin was ready to lead."
    )
    assert speakers_and_texts(claims) == [("former governor Tom Lee", "his cousin was ready to lead")]


def test_a_participle_hung_on_a_noun_needs_a_noun_that_can_speak(claims_of):
    """ "protesters calling for a recount", "a petition calling on X to ..." report; "softer wording
    calling for calm" does not: a thing cannot speak (triggers.mute)."""
    claims = claims_of("Angry protesters calling for a recount of the ballots gathered in Elmford on Sunday.")
    assert [speaker for speaker, _text in speakers_and_texts(claims)] == ["Angry protesters"]
    assert claims_of("The draft adopted softer wording calling for calm between the two towns.") == []
    assert claims_of("The late snowfall calling for extra plows surprised the county.") == []


def test_a_verb_the_parser_hung_on_its_subject_name_as_a_relative_clause_is_the_names(claims_of):
    """ "Speaker John D. Doe, the nation's highest-ranking Republican, on Tuesday called X ''Y''": the
    parser roots the sentence on the name and reads "called" as a relative clause on it (like "a group
    called X"); with no subject of its own, the name is its subject (noun_roots.py). With a relative
    word the clause is one: "Roe, when asked about X, ..." asks nothing."""
    claims = claims_of(
        "Speaker John D. Doe, the nation's highest-ranking Republican, on Tuesday called Jane Roe's"
        " remarks about a Latino judge ''racist,'' an extraordinary indictment."
    )
    assert [(c.speaker, c.verb) for c in claims] == [("Speaker John D. Doe", "call")]
    assert claims[0].text.startswith("Jane Roe's remarks about a Latino judge")
    sentence = (
        "Jane Roe, when asked about her own contradictions or factual errors, often steam-rolls through"
        " the questions, talking and talking."
    )
    assert [c for c in claims_of(sentence) if c.verb == "ask"] == []


def test_opined_and_informed_report_a_clause(claims_of):
    """ "opined that X", "informed the board that X" report X (rarer verbs: they wait at tier 1); the
    one informed is no content ("informed its staff of the layoffs"), nor is a passive subject a
    speaker."""
    assert speakers_and_texts(claims_of("The economist Jo Park opined that the levy would fail.")) == [
        ("The economist Jo Park", "the levy would fail")
    ]
    informed = speakers_and_texts(claims_of("Jo Park informed the board that the levy had failed."))
    assert [(who, text.removeprefix("that ")) for who, text in informed] == [
        ("Jo Park", "the levy had failed")
    ]
    assert claims_of("The company informed its staff of the layoffs.") == []
