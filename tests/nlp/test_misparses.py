"""Attributions the parser gets wrong, and what extract_claims makes of them anyway.

The small model without a tagger hangs words on the wrong head in long sentences: a speaker set off
by commas loses its verb, a sentence-final "said" becomes a conjunct, a quote that closed the sentence
before looks attached. Each sentence here is written for the test and was checked to misparse.
"""

from __future__ import annotations

import pytest


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "As one part of his plea, Greg Brockman, 51, said that he had moved nearly 40 drawings from his office.",
            "Greg Brockman",
            "he had moved nearly 40 drawings from his office",
        ),
        (
            "Sam Altman, a San Francisco, Calif., executive helping to run the company, said he and other"
            " founders were alarmed about the lawsuit.",
            "Sam Altman",
            "he and other founders were alarmed about the lawsuit",
        ),
    ],
)
def test_a_named_speaker_set_off_by_commas_keeps_its_verb(claims_of, text, speaker, content):
    assert (speaker, content) in speakers_and_texts(claims_of(text))


def test_a_speaker_after_a_quote_does_not_take_the_quoted_words(claims_of):
    text = (
        "“No one thinks that everything is hunky-dory,” Dale Fenner, a top outside Musk adviser,"
        " said at a recent forum on trade."
    )
    [claim] = claims_of(text)
    assert claim.speaker == "Dale Fenner"
    assert claim.text == "No one thinks that everything is hunky-dory,"


def test_a_clause_after_the_verb_is_its_content_not_the_quote_before_it(claims_of):
    text = (
        'Greg Brockman took the stand and spoke about "the lean months in the garage." Altman said he'
        " never asked for or got Musk's blessing for the merger."
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Altman", "he never asked for or got Musk's blessing for the merger") in found
    assert not any(t.startswith("the lean months") for _, t in found), found


def test_a_sentence_final_said_parsed_as_a_conjunct_reports_what_comes_before(claims_of):
    text = (
        "Down the coast in Ventura, the family bakery is holding out, but it is under steady pressure from"
        " bigger chains, said the company's chief executive, Sam Altman."
    )
    [claim] = claims_of(text)
    assert claim.text.endswith("it is under steady pressure from bigger chains")
    assert claim.speaker == "the company's chief executive"


def test_a_name_opening_a_clause_of_its_own_is_not_the_speaker(claims_of):
    """ "OpenAI, uses ... , said": the name is the subject of its own verb, not a lost speaker."""
    text = (
        "Ms. Quist, whose second company, OpenAI, uses satellite maps to help towns find water, said the"
        " contest felt like the valley itself."
    )
    assert "OpenAI" not in [c.speaker for c in claims_of(text)]


def test_of_two_subjects_the_parser_gives_a_verb_the_nearest_is_its_own(claims_of):
    text = (
        "The county fair has made it possible for students with like-minded, if strange, ideas and theories"
        " to meet in towns and find partners, she said."
    )
    [claim] = claims_of(text)
    assert claim.speaker == "she"
    assert claim.text.startswith("The county fair has made it possible")


def test_a_participle_with_its_clause_s_subject_does_not_report_what_came_before(claims_of):
    text = (
        "When asked if xAI used 'distillation' techniques on OpenAI models, Musk asserted that it was a"
        " 'general practice' among AI companies, further clarifying with 'Partly' when pressed for a 'yes.'"
    )
    assert [c.text for c in claims_of(text)] == ["it was a 'general practice' among AI companies"]


def test_a_sentence_final_told_with_its_addressee_reports_what_comes_before(claims_of):
    text = (
        "The county is slowly putting more staff into the shelters. This includes a night crew to help"
        " volunteer cooks, Health Director Mara Quist told a council panel Tuesday."
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Health Director Mara Quist", "This includes a night crew to help volunteer cooks") in found


def test_a_told_hung_as_a_conjunct_with_its_addressee_reports_the_clause_before_it(claims_of):
    # the parser makes "told" a conjunct of "remains", not its head: the words before are the content
    text = (
        "The town remains committed to finishing the bridge before the winter, its chief engineer, Pavel"
        " Dunn, told the Valley Ledger."
    )
    found = speakers_and_texts(claims_of(text))
    assert (
        "its chief engineer",
        "The town remains committed to finishing the bridge before the winter",
    ) in found


def test_a_told_joke_or_story_is_what_is_told_not_who_and_reports_nothing_before_it(claims_of):
    # "told a panel" leaves what comes before as the content; "told a joke" does not (tell's "told" table)
    for text in (
        "On the second day of her three-day tour of the coast, the senator told a joke about the ferry"
        " schedule.",
        "On the last night of his bus tour through the valley, the mayor told the story of a baker who"
        " kept her shop open through the flood.",
    ):
        assert [c.text for c in claims_of(text)] == []


def test_a_quote_in_an_opening_phrase_is_not_the_content_of_a_verb_with_a_clause(claims_of):
    text = (
        "Citing “obligations in Texas,” the former chairman’s spokeswoman told reporters that Musk plans to"
        " skip the hearing in Oakland."
    )
    [claim] = claims_of(text)
    assert claim.text == "Musk plans to skip the hearing in Oakland"


def test_asked_as_a_participle_is_the_question_put_to_the_speaker_not_a_claim_by_them(claims_of):
    text = (
        "Asked if he thought the board wanted Musk to win the case, Altman said he would not guess at its"
        " motives."
    )
    found = {c.text: c for c in claims_of(text)}
    asked = found["he thought the board wanted Musk to win the case"]
    assert (asked.speaker, asked.kind) == ("", "question")  # who asked is not said; Altman was asked
    assert found["he would not guess at its motives"].speaker == "Altman"


def test_when_asked_about_names_the_question_and_a_perfect_participle_stays_active(claims_of):
    text = '"You know, it is possible," Altman said when asked about the verdict.'
    assert ("", "about the verdict") in speakers_and_texts(claims_of(text))
    text = "Having promised that he would keep quiet, Musk left the courthouse."
    assert [c.speaker for c in claims_of(text)] == ["Musk"]


def test_a_quote_standing_alone_after_its_attribution_goes_on_in_the_same_words(claims_of):
    text = (
        '"Everyone slips now and then on a long road," Altman said. "Given a second try, I would have'
        ' phrased it more gently." The hearing resumed on Monday.'
    )
    [claim] = claims_of(text)
    assert claim.text == (
        "Everyone slips now and then on a long road, … Given a second try, I would have phrased it more gently."
    )
    assert text[claim.start : claim.end].endswith("phrased it more gently.")


@pytest.mark.parametrize(
    "text",
    [
        '"You make mistakes," Altman said. "I would do it again." Musk said. "It was fair."',
        '"You make mistakes," Altman said.\n\n"I would do it again."',
        '"You make mistakes," Altman said, frowning at the jury. "I would do it again"',
    ],
)
def test_a_quote_with_an_attribution_of_its_own_or_in_another_paragraph_is_not_joined(claims_of, text):
    """Within the sentence-level rules (claims.extract_claims): a quote in the next paragraph is taken in
    later, over the whole document, by running_quotes.py (tests/nlp/test_running_quotes.py)."""
    assert all("do it again" not in c.text for c in claims_of(text) if c.speaker == "Altman")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The mayor ended the meeting by saying that the budget would be cut in half.",
            "The mayor",
            "the budget would be cut in half",
        ),
        (
            "Greg Brockman thanked the staff before explaining why the lab would move to Texas.",
            "Greg Brockman",
            "why the lab would move to Texas",
        ),
    ],
)
def test_a_participle_after_a_preposition_reports_for_the_subject_of_its_verb(
    claims_of, text, speaker, content
):
    assert (speaker, content) in speakers_and_texts(claims_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The college grew by admitting more students from abroad.",
        "Greg Brockman closed the lab without asking the staff whether they agreed.",
    ],
)
def test_a_participle_that_reports_no_words_or_denies_the_report_is_no_claim(claims_of, text):
    assert claims_of(text) == []


def test_a_participle_borrowing_the_speaker_does_not_take_the_quote_before(claims_of):
    text = "“We were never afraid,” Greg Brockman said, recalling the first weeks of the trial."
    found = speakers_and_texts(claims_of(text))
    assert ("Greg Brockman", "We were never afraid,") in found
    assert ("Greg Brockman", "the first weeks of the trial") in found


def test_a_verb_of_saying_coordinated_with_the_reported_clause_is_a_report_of_its_own(claims_of):
    text = (
        "Greg Brockman said in a radio interview that he would rather not talk about a settlement"
        " and predicted that the jury would side with him."
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Greg Brockman", "he would rather not talk about a settlement") in found
    assert ("Greg Brockman", "the jury would side with him") in found


def test_a_verb_of_saying_coordinated_deeper_in_the_reported_clause_is_a_report_of_its_own(claims_of):
    """ "said X showed that Y, and accused Z of ...": the parser hangs "accused" on Y's verb, two
    clauses below "said"; it is still the speaker's own report, not part of what X showed."""
    text = (
        "Party leader Ann Holt said the memo showed that the mayor had never read the budget, and accused"
        " the council of hiding the costs."
    )
    found = speakers_and_texts(claims_of(text))
    assert (
        "Party leader Ann Holt",
        "the memo showed that the mayor had never read the budget",
    ) in found
    assert ("Party leader Ann Holt", "the council of hiding the costs") in found
    text = "Ann Holt said she hoped that the two towns would meet soon and find a compromise."
    assert speakers_and_texts(claims_of(text)) == [
        ("Ann Holt", "she hoped that the two towns would meet soon and find a compromise")
    ]  # "find" reports only for a court or a judge: the clause goes on


def test_another_speakers_report_coordinated_with_the_reported_clause_is_not_part_of_it(claims_of):
    text = "Greg Brockman said the lab would cost more than planned, while Jane Roe says the vote will fail."
    found = speakers_and_texts(claims_of(text))
    assert ("Greg Brockman", "the lab would cost more than planned") in found
    assert ("Jane Roe", "the vote will fail") in found


def test_called_with_an_object_and_a_quoted_predicate_reports_the_words(claims_of):
    text = "The hearing ran late. Greg Brockman called the board's new rules “a gift to our rivals.”"
    assert ("Greg Brockman", "the board's new rules “a gift to our rivals.”") in speakers_and_texts(
        claims_of(text)
    )
    text = "The hearing ran late. Greg Brockman called the striking workers “heroes” and “patriots” at once."
    assert ("Greg Brockman", "the striking workers “heroes” and “patriots” at once") in speakers_and_texts(
        claims_of(text)
    )
    assert claims_of("The hearing ran late. Greg Brockman called his brother.") == []


def test_a_report_set_between_a_subject_and_its_predicate_is_the_name_after_the_verbs(claims_of):
    """ "And Roe, said Doe, ..., will not yield": parsed as Roe saying "Doe ... will not yield"."""
    text = (
        "And Holloway, said Tom Reed, who remains loyal to his first employer, doesn't bend or yield. "
        "The tax, said Senator Jane Holloway, who chairs the committee, will not pass."
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Tom Reed", "doesn't bend or yield") in found, found
    assert ("Senator Jane Holloway", "will not pass") in found, found
    [claim] = claims_of("Holloway, a Democrat, said Tom Reed, a Republican, would lose the race.")
    assert claim.speaker == "Holloway"  # the subject set off by its own commas said it


def test_a_quote_after_another_predicate_does_not_go_on_in_the_words_before(claims_of):
    """ "“X,” she told the crowd, then turned to Y. “Z.”" and "“X,” Vale said, and her sister broke in.
    “Z.”": Z follows another predicate (with words or a subject of its own), not the attribution of X;
    "“X,” Roe said. “Z.”" still goes on."""
    text = (
        "“The season is long,” she told the fans, then turned to the referee's call."
        " “But one call will not decide it.”"
    )
    assert speakers_and_texts(claims_of(text)) == [("she", "The season is long,")]
    text = "“Tell her I owe you a photo,” Ann Vale said, and her sister broke in. “Don't forget her brother.”"
    assert speakers_and_texts(claims_of(text)) == [("Ann Vale", "Tell her I owe you a photo,")]
    [claim] = claims_of("“We will win,” Roe said and smiled. “We always do.”")
    assert len(claim.pieces) == 2


def test_a_verb_of_saying_in_a_free_relative_reports_nothing(claims_of):
    """ "Nothing the governor said “...,” the senator said": the parser hangs "said" on "Nothing" as a
    relative clause; the quote is the senator's words, not the governor's ("something aides argue is
    possible" stays a report)."""
    claims = claims_of(
        "Nothing the governor said \u201cwill ease anyone's worries,\u201d the Ohio senator said."
    )
    assert [c.speaker for c in claims] == ["the Ohio senator"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The mayor thinks the rents will fall and blames the council.", "The mayor", "the council"),
        (
            "The mayor backed away from her forecast that rents would fall this year and blamed the council.",
            "The mayor",
            "the council",
        ),
        (
            "Jane Roe won on her plan to cut the levy and accused the board of waste.",
            "Jane Roe",
            "the board of waste",
        ),
        (
            "The mayor expects the rents to fall and blamed the council for the delay.",
            "The mayor",
            "the council for the delay",
        ),
    ],
)
def test_a_finite_verb_of_saying_hung_on_a_clause_under_a_modal_or_to_is_the_clause_aboves(
    claims_of, text, speaker, content
):
    """ "her forecast that rents would fall ... and blamed X": the parser hangs "blamed" on "fall", whose
    subject would speak; a finite verb goes on with the clause above (raised_conjuncts.py)."""
    assert speakers_and_texts(claims_of(text)) == [(speaker, content)]


def test_a_bare_verb_of_saying_after_a_modal_or_to_stays_with_its_clause(claims_of):
    """ "expects the board to meet and explain X": the board explains (the bare form shares the "to")."""
    assert speakers_and_texts(
        claims_of("The mayor expects the board to meet on Monday and explain the cuts to the parents.")
    ) == [("the board", "the cuts to the parents")]
