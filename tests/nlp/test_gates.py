"""Precision gates (tracker/nlp/gates.py, patterns/gates.jsonl) and confidence tiers (confidence.py)."""

from __future__ import annotations

import pytest

from tracker.nlp import confidence, gates


@pytest.mark.parametrize(
    "sentence, cue, gate",
    [
        ('response = client.chat.completions.create(model="gpt-4o", messages=msgs)', "", "code"),
        ("def distil(teacher, student): return student.fit(teacher.predict(x))", "", "code"),
        ("from tracker.nlp import gates", "", "code-keywords"),
        ("Model\tScore\tRank", "", "table"),
        ("| Grok | 2nd | said to lead |", "", "table"),
        ("By Jane Roe and John Doe, staff writers", "", "byline"),
        ("Photo: Jane Roe said to be smiling outside the courthouse", "", "byline"),
        ("Related: Acme says its model is safe", "says", "navigation"),
        ("Acme Founder Tells Court Its Model Was Trained On Rival Outputs", "Tells", "headline-run-in"),
    ],
)
def test_each_gate_closes_what_it_names(sentence, cue, gate):
    assert gates.closed_by(sentence, cue) == gate


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("Roe said the model was trained on public data.", "said"),
        ("Senator Jane Roe of the State of Ohio, a Republican, said the bill would pass.", "said"),
        ("“We did it partly,” Roe told the court on Thursday.", "told"),
        ("Says Roe: the model was ours.", "Says"),  # a sentence may begin with its verb
        ("Roe, head of the Better Roads group, Tweeted on Friday with an image of the banner.", "Tweeted"),
        # "from" and a word before a colon or a bracket is prose, not a program's import
        ('Roe suggested the witness was from Ohio: "The judge is fair."', "suggested"),
        ('Roe explained how jurors rank the evidence from 1 ("weak") to 6 ("conclusive").', "explained"),
    ],
)
def test_plain_reporting_passes_every_gate(sentence, cue):
    assert gates.closed_by(sentence, cue) is None


def test_a_headline_run_into_the_text_yields_no_claim(claims_of):
    claims = claims_of(
        "Acme Founder Tells Court Its Model Was Built On Rival Outputs\nRoe said the model was hers."
    )
    assert [c.text for c in claims] == ["the model was hers"]


def test_a_capitalised_verb_in_a_sentence_is_no_headline_run_in(claims_of):
    text = (
        "“Not us but we cannot argue with it!” Jane Dorn, the head of the Better Roads group, "
        "Tweeted on Friday with an image of the banner."
    )
    assert [(c.speaker, c.text) for c in claims_of(text)] == [
        ("Jane Dorn", "Not us but we cannot argue with it!")
    ]


def test_a_headline_standing_as_its_own_paragraph_is_a_claim_that_waits_for_a_curator(claims_of):
    claims = claims_of(
        "Acme Founder Says Its Model Was Built On Rival Outputs\n\nRoe said the model was hers."
    )
    headline = next(c for c in claims if c.speaker == "Acme Founder")
    assert (headline.text, headline.confidence, headline.confidence_rule) == (
        "Its Model Was Built On Rival Outputs",
        1,
        "headline",
    )


def test_a_numbered_list_item_headline_is_a_headline_not_a_run_in(claims_of):
    text = "Roe said the list was long.\n\n2\nJane Dorn Described Her Years On The River Board.\n\nA photo."
    dorn = [c for c in claims_of(text) if c.speaker == "Jane Dorn"]
    assert [(c.confidence, c.confidence_rule) for c in dorn] == [(1, "headline")]


def test_a_title_case_paragraph_the_parser_cut_in_two_is_a_headline_not_a_run_in(claims_of):
    """A headline of two sentences stands as a paragraph, but neither sentence alone does: each is
    read as a headline (tier 1), not closed as one run into the text (issue 12, PolNeAR train)."""
    text = (
        "River Board Chair Jane Dorn Just Vowed To Never Use These 2 Words Again. And It Says A Lot.\n\n"
        "Roe said the list was long."
    )
    rated = [(c.speaker, c.text, c.confidence, c.confidence_rule) for c in claims_of(text)]
    assert rated == [
        ("River Board Chair Jane Dorn", "To Never Use These 2 Words Again", 1, "headline"),
        ("It", "A Lot", 1, "headline"),
        ("Roe", "the list was long", 2, "speech-named"),
    ]


def test_a_title_case_paragraph_may_name_its_speaker_late_or_report_a_poll(claims_of):
    """In a title-case paragraph the speaker may come after more than a few words ("The Seven Oddest
    Things Dorn Has Ever Said ..."), and a poll's finding in a headline is a headline, not a run-in."""
    text = (
        "The Seven Oddest Things Jane Dorn Has Ever Said About The River Board.\n\n"
        "Roe said the list was long."
    )
    assert [(c.text, c.confidence_rule) for c in claims_of(text)][0] == ("About The River Board", "headline")
    text = "New Survey Shows Wide Gap Between The Two River Towns.\n\nRoe said the survey was small."
    assert [(c.speaker, c.confidence_rule) for c in claims_of(text)][0] == ("New Survey", "headline")


def test_page_furniture_run_into_a_headline_yields_no_claim(claims_of):
    claims = claims_of(
        "Jane RoeFlagShareLikeReply 5ptsmoderatorFeatured May 6, 2026 9:52PMAcme Says Its Model Is Safe\n\n"
        "Roe said the model was hers."
    )
    assert [c.text for c in claims] == ["the model was hers"]


def test_a_text_not_in_english_yields_no_claims(claims_of):
    german = (
        "Der Gründer sagte am Donnerstag vor Gericht, dass sein Unternehmen die Modelle eines "
        "Konkurrenten teilweise genutzt habe, um den eigenen Chatbot zu trainieren. Die Anwälte "
        "erklärten später, dass dies in der Branche üblich sei und keine Regeln verletze. Der "
        "Richter sagte, er werde die Frage im Mai entscheiden, nachdem beide Seiten ihre Gutachten "
        "eingereicht hätten."
    )
    assert gates.language_of(german) == "und"
    assert claims_of(german) == []
    english = "The founder said on Thursday that his company had partly used a rival's models. " * 3
    assert gates.language_of(english) == "en"


@pytest.mark.parametrize(
    "kind, trigger, attribution, resolution, form, tier, rule",
    [
        ("statement", "say", "direct", "mention", "quote", 3, "quote-named"),
        ("statement", "say", "indirect", "mention", "clause", 2, "speech-named"),
        ("statement", "tell", "indirect", "mention", "clause", 1, "other"),
        ("statement", "say", "indirect", "mention", "phrase", 1, "other"),
        ("statement", "say", "direct", "pronoun", "quote", 2, "quote-pronoun"),
        ("statement", "say", "indirect", "pronoun", "clause", 1, "other"),
        ("statement", "say", "indirect", "unresolved", "clause", 1, "other"),
        ("question", "ask", "indirect", "mention", "clause", 0, "question"),
        ("statement", "decline-comment", "indirect", "mention", "phrase", 0, "no-comment"),
        ("statement", "say", "indirect", "none", "clause", 0, "no-speaker"),
        ("statement", "confirm", "indirect", "possessor", "clause", 0, "proxy-evidence"),
        ("statement", "according-to", "according_to", "mention", "clause", 1, "reported-by"),
        ("statement", "call-name", "direct", "mention", "phrase", 1, "rarer-verb"),
    ],
)
def test_confidence_tiers_follow_the_rules_in_order(kind, trigger, attribution, resolution, form, tier, rule):
    got = confidence.rate(
        kind=kind, trigger=trigger, attribution=attribution, resolution=resolution, form=form
    )
    assert got == (tier, rule)


def test_claims_carry_their_tier(claims_of):
    quote, indirect, no_comment = claims_of(
        "“We distilled it partly,” Musk said. Musk said the models were public. "
        "OpenAI did not return calls seeking comment."
    )
    assert (quote.confidence, quote.confidence_rule) == (3, "quote-named")
    assert (indirect.confidence, indirect.confidence_rule) == (2, "speech-named")
    assert (no_comment.verb, no_comment.confidence) == ("decline to comment", 0)


def test_a_statement_given_with_words_is_no_no_comment_its_words_are_the_claim(claims_of):
    claims = claims_of(
        "The tenants' union issued a statement saying the landlord had lied about the repairs.\n\n"
        "Acme made a statement on Friday. Acme did not provide a statement."
    )
    assert [(c.text, c.speaker_name, c.verb, c.confidence) for c in claims] == [
        ("the landlord had lied about the repairs", "The tenants' union", "say", 1),
        # "made a statement on Friday": speaking with no words, only an occasion: no claim (occasions.py)
        ("did not provide a statement", None, "decline to comment", 0),
    ]


def test_a_claim_whose_content_holds_no_word_is_dropped(claims_of):
    text = (
        "Most owners want the merger to go ahead.\n\n"
        "That’s according to first returns from surveys done for the Daily Post and two radio stations"
        " for Acme Research.\n\nThe board met."
    )
    assert [c.text for c in claims_of(text) if not any(ch.isalnum() for ch in c.text)] == []


def test_words_relayed_through_another_report_anywhere_in_the_sentence_wait_for_a_curator(claims_of):
    text = (
        "“The vote is lost,” Dale Brennan said, according to the Daily Ledger. “We start again.”\n\n"
        "“We will appeal,” Mr. Brennan said at the meeting, according to a recording of it.\n\n"
        "“We will appeal,” Brennan said at the meeting."
    )
    said = [c for c in claims_of(text) if c.verb == "say"]
    assert [(c.confidence, c.confidence_rule) for c in said] == [
        (1, "relayed"),
        (1, "relayed"),
        (3, "quote-named"),
    ]


def test_a_report_named_after_a_quote_ending_in_a_comma_relays_it(claims_of):
    text = (
        "When asked about the ban, Dale Brennan said: “No rule fits every case,” the Ledger "
        "reported.\n\nBrennan said the ban “would not last,” adding that it was a mistake."
    )
    said = [c for c in claims_of(text) if c.verb == "say"]
    assert [(c.confidence, c.confidence_rule) for c in said] == [(1, "relayed"), (3, "quote-named")]


def test_a_report_embedded_in_another_sentence_waits_for_a_curator(claims_of):
    text = (
        "When Dale Brennan said the tax was unfair, the crowd cheered.\n\n"
        "The letter cited a summit where Dale Brennan said the bridge was unsafe.\n\n"
        "As Dale Brennan said, “the levy is unfair.”\n\n"
        "Dale Brennan said the road was closed."
    )
    assert [(c.confidence, c.confidence_rule) for c in claims_of(text) if c.verb == "say"] == [
        (1, "embedded"),
        (1, "embedded"),
        (3, "quote-named"),
        (2, "speech-named"),
    ]


@pytest.mark.parametrize(
    ("sentence", "gate"),
    [
        ("Scott Olson via Getty Images.", "credit-line"),
        ("Jo Doe/Reuters", "credit-line"),
        ("Getty.", "credit-line"),
        ("Roe Tells AP.", None),
        ("Jane Roe told Reuters the levy would fail.", None),
    ],
)
def test_a_photo_credit_line_is_no_ones_statement(sentence, gate):
    assert gates.closed_by(sentence) == gate


def test_words_that_only_refuse_comment_are_a_no_comment_not_an_answer(claims_of):
    claims = claims_of(
        "Acme Freight said it does not comment on pending litigation. "
        "A spokeswoman for Acme Freight said the company had no comment. "
        "“No comment,” Jane Roe said. "
        "Jane Roe said the judge's comments were unfair."
    )
    assert [(c.text, c.verb, c.confidence, c.confidence_rule) for c in claims] == [
        ("it does not comment on pending litigation", "decline to comment", 0, "no-comment"),
        ("the company had no comment", "decline to comment", 0, "no-comment"),
        ("No comment,", "decline to comment", 0, "no-comment"),
        ("the judge's comments were unfair", "say", 2, "speech-named"),
    ]


def test_the_outlets_marked_rewording_waits_for_a_curator(claims_of):
    """ "In other words, Roe is saying ...", "Roe essentially said ...": the outlet's reading of her
    words (confidence.paraphrase); her own "in other words" inside a quotation stays hers."""
    claims = claims_of(
        "In other words, Jane Roe is saying that the plan failed. "
        "Jane Roe essentially said that the vote was rigged. "
        "In other words, Jane Roe said, “the era of cheap money is over.” "
        "Jane Roe said that the levy would pass."
    )
    assert [(c.text, c.confidence, c.confidence_rule) for c in claims] == [
        ("the plan failed", 1, "paraphrase"),
        ("the vote was rigged", 1, "paraphrase"),
        ("the era of cheap money is over.", 3, "quote-named"),
        ("the levy would pass", 2, "speech-named"),
    ]
