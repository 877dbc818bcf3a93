"""A refusal to talk put in quotation marks ("“I’m not going to talk about that,” Roe said", "“We
won’t get into that”", "“I can’t discuss it right now”", "“I’m not going to comment”") is a
no-comment like "declined to comment": its words only say the speaker will not answer (confidence rule
"no-comment", its "contents"). Only a refusal that ends the words counts: one followed by an answer
("I won't talk about that because the plan failed") keeps its claim, and so do words about talking
("Roe said she would not talk to the buyers"). A question left to others ("“I’ll leave that to the
jury”") is one too. Prompted by the third trial set's t030 (Brockman's
“I'm not going to talk about that,” to reporters); the sentences here are invented."""

from __future__ import annotations


def test_a_spoken_refusal_is_a_no_comment(claims_of):
    claims = claims_of(
        "“I’m not going to talk about that,” Jane Roe told reporters outside the courthouse. "
        "“We won’t get into that,” a spokesman for Acme Freight said. "
        "“I can’t discuss it right now,” John Doe said. "
        "“I’m not going to comment,” Jane Roe said."
    )
    assert [(c.verb, c.confidence, c.confidence_rule) for c in claims] == [
        ("decline to comment", 0, "no-comment")
    ] * 4


def test_a_refusal_with_an_answer_or_words_about_talking_stay_claims(claims_of):
    claims = claims_of(
        "“I won’t talk about that because the plan failed,” Jane Roe said. "
        "John Doe said he would not talk to the buyers."
    )
    assert [(c.text, c.confidence >= 2) for c in claims] == [
        ("I won’t talk about that because the plan failed,", True),
        ("he would not talk to the buyers", True),
    ]


def test_what_was_not_discussed_is_a_claim(claims_of):
    """In the past, the words tell what a meeting left out: no refusal."""
    claims = claims_of("“We didn’t discuss that,” Jane Roe said of the merger.")
    assert [(c.text, c.confidence >= 2) for c in claims] == [("We didn’t discuss that,", True)]


def test_a_question_left_to_others_is_a_no_comment(claims_of):
    """Prompted by the fourth trial set's f111 (“I'll leave that to the jury”); invented here."""
    claims = claims_of(
        "“I’ll leave that to the jury,” Jane Roe said. “We will leave it to the court to decide,” John Doe said."
    )
    assert [(c.confidence, c.confidence_rule) for c in claims] == [(0, "no-comment")] * 2


def test_leaving_something_with_more_to_say_stays_a_claim(claims_of):
    claims = claims_of(
        "“I would leave that to others, but the plan failed,” Jane Roe said. "
        "John Doe said he would leave the company to his son."
    )
    assert [c.confidence >= 2 for c in claims] == [True, True]


def test_a_refusal_to_discuss_is_a_no_comment(claims_of):
    """Prompted by the fifth trial set's v077 (“said he would not discuss the testimony”); invented here."""
    claims = claims_of(
        "Jane Roe said she would not discuss the settlement. John Doe said he cannot elaborate on the filing."
    )
    assert [(c.confidence, c.confidence_rule) for c in claims] == [(0, "no-comment")] * 2


def test_what_a_meeting_left_out_stays_a_claim(claims_of):
    claims = claims_of("Jane Roe said she had not discussed the settlement with John Doe.")
    assert [c.confidence >= 2 for c in claims] == [True]
