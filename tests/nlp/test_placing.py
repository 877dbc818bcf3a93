"""Where a reporting verb's content stands when it is not its complement (placing.py): a quote that
opens the next paragraph after an attribution ending in a colon. Sentences are written for the test."""

from __future__ import annotations


def speakers_and_texts(claims):
    return [(c.speaker, c.text) for c in claims]


def test_a_colon_ending_the_paragraph_introduces_the_quote_that_opens_the_next(claims_of):
    text = (
        "The hearing ran late into the evening. In a speech last spring, Greg Brockman said:\n\n"
        "“Nobody in this room believed the lab would survive the year.”\n\n"
        "The court adjourned."
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Greg Brockman", "Nobody in this room believed the lab would survive the year.") in found
    assert not any(content == "In a speech last spring" for _, content in found)


def test_a_quote_in_the_next_paragraph_with_its_own_attribution_is_not_taken(claims_of):
    text = (
        "The hearing ran late. Greg Brockman said:\n\n"
        "“The lab will survive,” Jane Roe told the court.\n\n"
        "The court adjourned."
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Greg Brockman", "The lab will survive,") not in found
    assert ("Jane Roe", "The lab will survive,") in found


def test_an_opening_phrase_before_an_attribution_that_ends_in_a_colon_is_not_its_content(claims_of):
    text = "The hearing ran late. After a long pause, Greg Brockman said:\n\nThe court adjourned."
    assert not any(c.speaker == "Greg Brockman" for c in claims_of(text))


def test_a_quote_the_splitter_cut_at_a_question_mark_is_still_the_speakers_words(claims_of):
    text = (
        "The hearing ran late. Greg Brockman said, “Who among you believed the lab would survive?"
        " I did, and it has.”"
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Greg Brockman", "Who among you believed the lab would survive? I did, and it has.") in found
    assert claims_of("The hearing ran late. Did Greg Brockman say the lab would survive?") == []


def test_a_quote_after_a_participle_of_saying_goes_on_in_the_participles_words(claims_of):
    text = (
        "The vote was close. “We will appeal the ruling,” Jane Roe said, adding that the board had not yet"
        " met. “Nobody here expected this outcome.”"
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Jane Roe", "We will appeal the ruling,") in found
    assert ("Jane Roe", "the board had not yet met … Nobody here expected this outcome.") in found


def test_a_quote_after_a_participle_that_reports_nothing_still_resumes_the_quote_before(claims_of):
    text = (
        "The vote was close. “We will appeal the ruling,” Jane Roe said, smiling at the cameras."
        " “Nobody here expected this outcome.”"
    )
    found = speakers_and_texts(claims_of(text))
    assert ("Jane Roe", "We will appeal the ruling, … Nobody here expected this outcome.") in found


def test_a_report_between_the_pieces_of_a_resumed_quote_is_its_own_claim(claims_of):
    text = (
        "The vote was close. “We will appeal the ruling,” said Jane Roe, a board member, who also said that"
        " the panel had ignored the evidence. “Nobody here expected this outcome.”"
    )
    found = [c.text for c in claims_of(text)]
    assert "We will appeal the ruling, … Nobody here expected this outcome." in found
    assert "the panel had ignored the evidence" in found


def test_a_verb_with_its_own_object_and_quote_does_not_take_the_quote_before_its_sentence(claims_of):
    """ "“...” Roe called the plan “a disgrace.”": the quote closing the sentence before belongs to that
    sentence; the verb's content is its object and the quoted predicate after it."""
    text = (
        'Jane Roe said the council "wasted the money." Bob Lee called the plan "an insult to the city."'
        ' Mary Ann Poe called Lee a "sore loser."'
    )
    found = speakers_and_texts(claims_of(text))
    assert [t for s, t in found if s == "Bob Lee"] in (
        ['the plan "an insult to the city."'],
        ["an insult to the city."],
    )
    assert ("Mary Ann Poe", 'Lee a "sore loser."') in found


def test_a_quote_after_a_participle_with_an_object_goes_on_in_the_participles_words(claims_of):
    """ "“X,” Roe said, adding a plug for her book. “Z.”": Z goes on from "adding", not from X."""
    found = speakers_and_texts(
        claims_of(
            "The market fell again on Monday. “Be careful with your savings, because it could get rough,”"
            " Jane Roe said, adding a plug for her own book. “Nobody explains it better than me.”"
        )
    )
    assert found == [
        ("Jane Roe", "Be careful with your savings, because it could get rough,"),
        ("Jane Roe", "a plug for her own book … Nobody explains it better than me."),
    ]


def test_an_exclamation_in_title_case_after_a_verb_is_speech_not_a_title(claims_of):
    """ "declared “What a Great Night!”": three title-case words or more ending in "!" or "?" are
    someone's words; "told “Meet the Press” that ..." still names a show."""
    found = speakers_and_texts(
        claims_of("Jane Roe declared “What a Great Night For Us!” and left the stage.")
    )
    assert ("Jane Roe", "What a Great Night For Us!") in found
    assert speakers_and_texts(claims_of("Jane Roe told “Meet the Press” that the deal was fair.")) == [
        ("Jane Roe", "the deal was fair")
    ]


def test_a_quote_resumed_after_a_description_of_the_speaker_is_the_speakers(claims_of):
    """ "“X,” said Roe, a partner at a firm who ..., “Y.”": the description set off after the name
    (introductions.description_end) stands between the attribution and the quote it resumes."""
    text = (
        "“The pricing question,” said Jane Roe, a partner at a Denver law firm who is not involved in the"
        " case, “is a sideshow to the contract dispute.”"
    )
    found = speakers_and_texts(claims_of(text))
    assert found == [("Jane Roe", "The pricing question, … is a sideshow to the contract dispute.")]


def test_a_quote_inside_the_description_is_not_resumed(claims_of):
    found = speakers_and_texts(claims_of("“The plan,” said Jane Roe, who called it “a disgrace.”"))
    assert ("Jane Roe", "The plan,") in found


def test_a_quote_resumed_after_a_participle_of_manner_is_the_speakers(claims_of):
    """ "“X,” Roe said, leaning into the microphone, “Y.”": the participle set off by commas
    (introductions.set_aside) stands between the attribution and the quote it resumes (the fifth
    trial set's v105, where Y was lost and “X,” published alone)."""
    text = "“The real problem,” Jane Roe said, leaning toward the jury box, “was never the money.”"
    found = speakers_and_texts(claims_of(text))
    assert found == [("Jane Roe", "The real problem, … was never the money.")]
