"""A quotation printed after a person's name and a colon, as a sentence of its own inside a paragraph,
is that person's words (labelled_quotes.py; from the fifth trial set's v008 and v011); a question, a
short formula, a label no one recognises as a person, or a phrase after the name that is no occasion
is none. Invented texts, through the whole extraction."""

from __future__ import annotations

from tracker.nlp import extraction


def labelled(text: str):
    claims = extraction.extract([extraction.Document(text)])[0].claims
    return [(c.speaker, c.text, c.confidence) for c in claims if c.rule == "labelled-quote"]


def test_a_quote_after_a_name_and_a_colon_is_the_persons():
    text = (
        "Day three of the trial in Denver.\n\n"
        "2:15 p.m.: The lawyer objects again. Jane Roe: “The ledger was never in my office.” "
        "4:40 p.m. — Paul Corrigan, on why he signed the lease: “I trusted the numbers I was given.”"
    )
    assert labelled(text) == [
        ("Jane Roe", "The ledger was never in my office.", 3),
        ("Paul Corrigan", "I trusted the numbers I was given.", 3),
    ]


def test_a_question_a_formula_or_no_occasion_is_no_labelled_quote():
    text = (
        "Day three of the trial in Denver.\n\n"
        "Jane Roe said little. Paul Corrigan: “Was the ledger ever in your office?” "
        "Jane Roe: “Sustained, counsel.” "
        "Paul Corrigan, who had testified for an hour and looked tired: “We trusted the numbers we had.” "
        "The Ledger: “The paper stands by its reporting on the lease.”"
    )
    assert labelled(text) == []


def test_a_labelled_quote_in_a_text_not_in_english_is_no_claim():
    text = (
        "Dritter Verhandlungstag in Oakland.\n\n"
        "14:15 Uhr: Der Anwalt erhebt erneut Einspruch, und die Richterin hört zu. "
        "Jane Roe: “Die Zeugin darf jetzt antworten, und zwar sofort.” "
        "Danach sagte der Gründer, dass sein Unternehmen die Modelle eines Konkurrenten nur teilweise genutzt habe."
    )
    assert labelled(text) == []
