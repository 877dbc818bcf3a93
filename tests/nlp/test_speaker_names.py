"""Who a speaker phrase resolves to (speaker_name): a surname or a pronoun reaches back to the full name
given earlier in the article, curated or not."""

from __future__ import annotations

import pytest

from tracker.nlp import extraction
from tracker.nlp.speakers import SpeakerResolver


def test_a_surname_and_a_pronoun_resolve_to_the_full_name_given_earlier():
    text = (
        "Senator Jane Holloway spoke in Iowa on Monday. Later, Holloway said the banks were too big. "
        "She said the race was close."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [
        ("Holloway", "Jane Holloway"),
        ("She", "Jane Holloway"),
    ]


def test_a_surname_never_named_in_full_stays_as_written():
    [found] = extraction.extract([extraction.Document(text="Holloway said the banks were too big.")])
    assert [c.speaker_name for c in found.claims] in (["Holloway"], [None])


def test_a_document_speaks_for_whoever_issued_it():
    text = (
        "Jane Holloway released a statement saying the banks were too big. "
        "A memo said the vote would be close."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: (c.speaker, c.speaker_name, c.resolution) for c in found.claims}
    assert by_content["the banks were too big"] == ("a statement", "Jane Holloway", "issuer")
    assert by_content["the vote would be close"][1] is None  # nobody issued it in the text


def test_a_relative_clause_on_a_predicate_noun_speaks_for_the_copulas_subject():
    text = (
        "Jane Holloway is a retired banker, fierce critic and activist who has said the bridge would "
        "cost too much. This is a group that said the river was clean."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: c.speaker for c in found.claims}
    assert by_content["the bridge would cost too much"] == "Jane Holloway"
    assert by_content.get("the river was clean") != "This"  # a demonstrative names no one


def test_a_relative_clause_on_a_predicate_noun_of_a_coordinated_copula_speaks_for_its_subject():
    """ "Roe regularly stirs up X and is a liar, loudmouth and bully who has pledged ...": the copula has
    no subject of its own; the verb it is coordinated with has (not "loudmouth", an epithet)."""
    text = (
        "Note: Jane Holloway regularly stirs up anger and is a serial liar, fierce loudmouth, snob and "
        "bully who has repeatedly pledged to close every bridge in the county."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.verb) for c in found.claims] == [("Jane Holloway", "promise")]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "The levy is not enough, said Mark Tolliver, a senior analyst at Brackley Partners, who notes "
            "that the county has vowed to cut costs every year.",
            "the county has vowed to cut costs every year",
        ),
        (
            "“The levy will fail,” said Mark Tolliver, a dentist from Fairview, Ohio, who said he is "
            "friendly with the mayor.",
            "he is friendly with the mayor",
        ),
    ],
)
def test_a_who_the_parser_hangs_from_a_persons_firm_or_town_is_that_person(sentence, content):
    """ "who" is a person: not the firm or town his apposition names, whatever the parse hangs it from."""
    [found] = extraction.extract(
        [extraction.Document(text="Paul Denning spoke in Ohio on Tuesday. " + sentence)]
    )
    assert {c.text: c.speaker for c in found.claims}[content] == "Mark Tolliver"


def test_a_share_of_respondents_reports_the_poll_they_answered():
    text = (
        "In a Daily Ledger poll released Monday, 61 percent of farmers said the tariff hurt them. "
        "A county survey came out in May.\n\nThe fair opened. Nearly half said they would sell land, "
        "the survey found."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: (c.speaker, c.speaker_name) for c in found.claims}
    assert by_content["the tariff hurt them"] == ("61 percent of farmers", "a Daily Ledger poll")
    # what the survey found holds the share's words: the survey's own claim (an evidence trigger), which
    # keeps the report inside it, second-hand, as a longer claim does
    assert by_content["Nearly half said they would sell land"] == ("the survey", None)


def test_a_pronoun_skips_a_name_the_article_gives_the_other_gender():
    text = (
        "Mr. Holloway met Mrs. Brennan on Friday, and after an hour he called the deal “a shell "
        "game.” Mrs. Brennan met Mr. Holloway on Monday. “We will appeal,” he said."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims if c.verb in ("call", "say")] == [
        ("he", "Holloway"),
        ("he", None),  # the subject before is a woman; the man there is no subject: unresolved
    ]


def test_a_dateline_is_never_part_of_the_speaker():
    text = (
        "DAYTON, May 3 (UPI) — Former State Treasurer Ada Quimby told delegates that the "
        "plan should be dropped.\n\nRENO, Nev. (AP) — Republican hopeful Dale Brennan says he rarely "
        "watches football.\n\nDale Brennan - a lawyer - said the plan was dead."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [c.speaker for c in found.claims] == [
        "Former State Treasurer Ada Quimby",
        "Republican hopeful Dale Brennan",
        "Dale Brennan",
    ]


def test_a_dateline_the_sentencer_splits_off_is_never_the_speaker():
    # the sentencer ends a sentence after "DOVER" and the parser makes ", Del." the subject, with the
    # description after the dash its appositive: the speaker is the description, not the place
    text = (
        "Rival testifies\n\nDOVER, Del. (Harbor Wire) - Quillon Labs' chief executive, Marta Okonjo, "
        "testified on Friday that she never told her staff to copy the rival's code.\n\n"
        "TRENTON, N.J. (AP) - The company's lawyer told the court on Tuesday that the files were lost.\n"
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [
        ("Quillon Labs' chief executive", "Marta Okonjo"),
        ("The company's lawyer", None),
    ]


def test_a_dateline_the_parser_makes_two_conjoined_subjects_is_never_the_speaker():
    # "DOVER" the subject, ", Del." its conjunct and the description after the dash the conjunct's
    # appositive: the description speaks, and neither place is joined to its name
    text = (
        "Quillon CEO tells court she realised Brisk was copying Orrin from its mistakes\n\n"
        "DOVER, Del. (Harbor Wire) - Quillon AI's chief executive, Marta Okonjo, testified on Tuesday "
        "that she first suspected Brisk Systems had trained its Kite chatbot on Quillon's Orrin model.\n"
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims][-1] == (
        "Quillon AI's chief executive",
        "Marta Okonjo",
    )


def test_a_pronoun_after_a_split_off_dateline_stands_for_the_person_named_before():
    # "BOSTON, Mass. —" is a sentence of its own to the sentencer: not the sentence before "She"
    text = (
        "Trial goes on\n\nMarta Okonjo, who founded Quillon Labs, testified on Friday that she never "
        "told her staff to copy the code.\n\nBOSTON, Mass. — She said the company never copied the model.\n"
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [
        ("Marta Okonjo", "Marta Okonjo"),
        ("She", "Marta Okonjo"),
    ]


def test_a_full_name_is_not_judged_by_a_surname_another_title_gave():
    text = "Mrs. Holloway spoke first. John Holloway, her son, stood up. “We will appeal,” he said."
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [("he", "John Holloway")]


def test_a_pronoun_skips_a_name_the_articles_own_pronouns_give_the_other_gender():
    text = (
        "Walter Penrose said he would run for the seat. Walter Penrose said he was ready. Laura Whitcombe "
        "said she would not. Penrose sat with voters, and she told them “the race is close.” Later Penrose sat "
        "with Whitcombe, and she told them “the count is slow.”"
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [c.speaker_name for c in found.claims if c.speaker == "she"] == ["Laura Whitcombe"] * 2


def test_one_pronoun_alone_gives_a_name_no_gender():
    text = "Walter Penrose told the mayor she was right. Penrose sat with voters, and he said “no.”"
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [c.speaker_name for c in found.claims if c.speaker == "he"] == ["Walter Penrose"]


def test_a_title_run_into_a_name_as_a_conjunct_is_that_persons():
    text = (
        "Valley Bank chief of staff and counsel Walter Penrose said the loan was sound. "
        "Board leaders and treasurer Laura Whitcombe said the fund was low."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: (c.speaker, c.speaker_name) for c in found.claims}
    assert by_content["the loan was sound"] == ("counsel Walter Penrose", "Walter Penrose")
    assert by_content["the fund was low"][1] is None  # "leaders": more than the one named


def test_a_name_set_off_by_commas_names_the_subject_it_describes():
    text = (
        "“We lost,” added the head of the Dover tenants union, Walter Penrose. One grocer backing "
        "Mr. Hale, Laura Whitcombe of the county board, said the fund was low. A friend of Walter "
        "Penrose, the mayor, said the road was shut."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: c.speaker_name for c in found.claims}
    assert by_content["We lost,"] == "Walter Penrose"
    assert by_content["the fund was low"] == "Laura Whitcombe"
    assert by_content["the road was shut"] is None  # the name is not set off before the verb


def test_a_speaker_phrase_never_ends_inside_a_bracket():
    text = "Rep. Jane Roe (D-N.Y.) said the tax was unfair. Dale Brennan (R) said it was fair."
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [c.speaker for c in found.claims] == ["Rep. Jane Roe", "Dale Brennan"]


def test_a_document_issued_by_someone_only_described_speaks_for_that_description():
    text = (
        "The mayor's campaign released a statement saying the rally was cancelled. "
        "They released a statement saying the vote was rigged. "
        "The mayor's office mocked a lawsuit filed by a former aide claiming that the mayor lied. "
        "The Daily Courier ran a piece that noted the plan would cost billions."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: (c.speaker, c.speaker_name) for c in found.claims}
    assert by_content["the rally was cancelled"] == ("a statement", "The mayor's campaign")
    assert by_content["the vote was rigged"] == ("a statement", None)  # "they": nobody said who
    # mocking a lawsuit is not filing it: the office is not its issuer, the aide who filed it is
    assert by_content["the mayor lied"] == ("a lawsuit", "a former aide")
    assert by_content["the plan would cost billions"] == ("a piece", "The Daily Courier")


def test_petitions_launched_and_ads_placed_speak_for_who_launched_or_placed_them():
    """ "launched petitions calling on ...", "placed ads calling ...": launching and placing put the
    document out (speakers.jsonl "issue"), and "petitions" is a document as "petition" is."""
    text = (
        "Tenants in the district have launched petitions calling on the council to freeze rents. "
        "The neighbourhood group placed full-page ads calling the merger a costly mistake."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: (c.speaker, c.speaker_name) for c in found.claims}
    assert by_content["on the council to freeze rents"] == ("petitions", "Tenants in the district")
    assert by_content["the merger a costly mistake"] == ("full-page ads", "The neighbourhood group")


def test_a_document_put_out_by_a_name_speaks_for_it():
    text = "A campaign letter sent out by Jane Holloway on Friday warned that the fight would be long."
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [("A campaign letter", "Jane Holloway")]


def test_a_participle_after_the_one_addressed_is_the_senders():
    text = (
        "Governor Jane Holloway made a pitch to farmers saying the new tariff would ruin them. "
        "The mayor sent out an email to donors stating that the race was tied. "
        "The senator pointed to a report by analysts saying that prices would rise."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: c.speaker for c in found.claims}
    assert by_content["the new tariff would ruin them"] == "Governor Jane Holloway"
    assert by_content["the race was tied"] == "The mayor"
    assert by_content["prices would rise"] == "analysts"  # a report's authors are no one addressed


def test_a_pronoun_prefers_the_subject_its_clause_hangs_from_to_the_nearest_name():
    text = (
        "Tom Reed struck back at Jack Doe on Monday, dismissing what he called a smear campaign. "
        "Jane Holloway fought Tom Reed, who led the drive against the statue because he argued "
        "it was an eyesore."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [("he", "Tom Reed"), ("he", "Tom Reed")]


def test_they_stands_for_a_group_that_is_the_subject_its_clause_hangs_from():
    text = (
        "Republicans also dwelt on what they said was a need to stay calm. "
        "Jane Holloway and other senators pointed at what they called the failure of the plan. "
        "Tom Reed attacked the plan, which they said would cost billions."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    names = {c.text: (c.speaker, c.speaker_name) for c in found.claims}
    assert names["the failure of the plan"] == ("they", "Jane Holloway and other senators")
    assert names["what they said was a need to stay calm"] == ("they", "Republicans")
    assert names["which they said would cost billions"] == ("they", None)  # one name is no group


def test_they_stands_for_the_group_a_participle_or_a_group_word_names():
    text = (
        "Next week, the city will host an army of tenants planning protests against what they call the "
        "“unfair” rent rise. In interviews, several planned to stay out over a lease that they say has "
        "cheated every family."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    names = {c.text: (c.speaker, c.speaker_name) for c in found.claims}
    assert names["the “unfair” rent rise"] == ("they", "tenants")
    assert names["that they say has cheated every family"] == ("they", "several")


def test_they_stands_for_a_body_of_people_or_an_organisation_named_as_the_subject():
    """News writing calls a campaign, a committee or a firm "they" as often as "it"."""
    text = (
        "Jane Holloway spoke in Ohio on Monday. The campaign is seeking to contrast her approach with "
        "what they call the reckless plan of the governor. Microsoft on Tuesday dismissed what they "
        "called baseless claims from the union."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    names = {c.text: (c.speaker, c.speaker_name, c.confidence) for c in found.claims}
    assert names["the reckless plan of the governor"] == ("they", "The campaign", 1)
    assert names["baseless claims from the union"] == ("they", "Microsoft", 1)


def test_the_object_of_a_control_verb_speaks_the_infinitive():
    text = (
        "The report prompted the tenants' union to state that rents had doubled. "
        "The defeat led Senator Jane Holloway to declare that the party was finished. "
        "Tom Reed used his speech to declare that the war was over. "
        "Jack Doe was forced to admit that the bridge had cracked."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    speakers = {c.text: c.speaker for c in found.claims}
    assert speakers["rents had doubled"] == "the tenants' union"
    assert speakers["the party was finished"] == "Senator Jane Holloway"
    assert speakers["the war was over"] == "Tom Reed"  # a speech used is no one made to speak
    assert speakers["the bridge had cracked"] == "Jack Doe"


def test_a_long_partitive_speaker_keeps_the_group_it_is_one_of():
    text = (
        '"It was chaos," said one of three guards who told the same account but would not be quoted by name.'
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [c.speaker for c in found.claims] == ["one of three guards"]


def test_a_document_filed_or_made_by_a_name_speaks_for_it():
    text = (
        "The evidence is thin, according to a legal brief filed by county prosecutor Helen Okafor. "
        "A fair rent is about 900 dollars a month, according to calculations by Piet Lindqvist of the "
        "Northfield Housing Institute."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: (c.speaker, c.speaker_name) for c in found.claims}
    assert by_content["The evidence is thin"] == ("a legal brief", "Helen Okafor")
    assert by_content["A fair rent is about 900 dollars a month"] == ("calculations", "Piet Lindqvist")


def test_a_group_named_only_by_its_clause_keeps_the_clause():
    text = (
        "Yet some who farm near the river argue that the new dam will dry out their fields. "
        "Many who attended the rally said the speech was too long."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: c.speaker for c in found.claims}
    assert by_content["the new dam will dry out their fields"] == "some who farm near the river"
    assert by_content["the speech was too long"] == "Many who attended the rally"


def test_coordinated_speakers_and_issuers_are_named_together():
    """ "Roe and Doe said", "Roe and Doe issued a statement": speaker_name names both, not the first."""
    text = (
        "Senator Jane Holloway and Oren Maddox spoke at the depot. Holloway and Maddox said the tram "
        "line would close. Jane Holloway and Oren Maddox issued a statement saying the depot would be "
        "sold."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    by_content = {c.text: (c.speaker, c.speaker_name) for c in found.claims}
    assert by_content["the tram line would close"] == (
        "Holloway and Maddox",
        "Jane Holloway and Oren Maddox",
    )
    assert by_content["the depot would be sold"] == ("a statement", "Jane Holloway and Oren Maddox")


def test_a_pronoun_outside_a_quote_never_refers_to_a_name_inside_it():
    """“Dale Brennan ...,” she said: she is who the sentence before named, not Brennan; the name a
    quote opens with is not the subject "He" of the next sentence refers back to either: that "He" goes
    on from the "he" before it, Tom Rask (chained_pronouns.py; Karen Holt is no rival for "he")."""
    text = (
        "Ada Quill spoke at the fair on Monday. “Nobody in this town trusts Dale Brennan,” she said. "
        "Tom Rask took the stage. “Karen Holt will lose the county,” he said. He added that the vote "
        "was close."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [
        ("she", "Ada Quill"),
        ("he", "Tom Rask"),
        ("He", "Tom Rask"),
    ]


def test_a_pronoun_after_a_surname_the_model_missed_is_that_persons():
    """ "Summers defended his vote, but later he announced ...": he is Summers (Dale Summers, named
    before), not the subject of the sentence before, when the entity model did not see "Summers"."""
    text = (
        "Senator Dale Summers spoke in Ohio. Mayor Tom Rask was there. Summers initially defended his "
        "vote, but late Saturday he announced he supported the repeal."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [("he", "Dale Summers")]


def test_a_predicate_noun_a_participle_hangs_on_stands_for_the_copulas_subject():
    """ "Doe is a fraud saying ...": Doe says it, not "a fraud"."""
    [found] = extraction.extract(
        [extraction.Document(text="Mark Doe is a fraud saying exactly what voters want to hear.")]
    )
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [("Mark Doe", "Mark Doe")]


def test_plural_documents_speak_for_whoever_put_them_out_but_a_relative_pronoun_names_no_one(nlp):
    """ "planted newspaper articles alleging ...": the articles are the planter's; "which posts fake
    stories" says nothing of who (speakers.jsonl proxies; SpeakerResolver._issues)."""
    text = "In the spring, the Harbor Guild planted newspaper articles alleging that the mayor had lied."
    [found] = extraction.extract([extraction.Document(text=text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [("newspaper articles", "the Harbor Guild")]
    doc = nlp("Daily Flare, which posts fake stories, closed.")
    which, posts = doc[3], doc[4]
    resolver = SpeakerResolver(doc, [], list(doc.sents))
    assert (which.text, posts.text) == ("which", "posts") and not resolver._issues(posts, which)


def test_an_agentless_question_was_asked_by_the_one_the_answer_was_told_to():
    """ "told the Ledger ... when asked if ...": the Ledger asked (askers.py); after "said" no one is
    named, and the question keeps no speaker."""
    text = (
        "“I stand by everything I said,” the senator told the Ledger on Thursday when asked if she still "
        "backs the plan. “That is a fair concern,” Holloway said on Monday when asked about the vote."
    )
    [found] = extraction.extract([extraction.Document(text=text)])
    asked = {c.text: (c.speaker, c.kind) for c in found.claims if c.verb == "ask"}
    assert asked == {
        "she still backs the plan": ("the Ledger", "question"),
        "about the vote": ("", "question"),
    }
