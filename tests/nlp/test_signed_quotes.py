"""Quotations signed with a dash and a person's name are that person's words (signed_quotes.py); a quoted
title, a name with more than a description after it, or a name no one recognises as a person is none.
Invented texts, through the whole extraction."""

from __future__ import annotations

from tracker.nlp import extraction


def claims_in(text: str):
    return extraction.extract([extraction.Document(text)])[0].claims


def signed(text: str):
    return [(c.speaker, c.text, c.confidence) for c in claims_in(text) if c.rule == "signed-quote"]


def test_a_quote_signed_with_a_dash_and_a_name_is_the_persons():
    text = (
        "What we heard this week.\n\n"
        "THE LINE: “We built the thing ourselves, every piece of it.” — Jane Roe, on the stand Tuesday\n\n"
        "“Nobody promised him a seat at the table.” – Paul Corrigan"
    )
    assert signed(text) == [
        ("Jane Roe", "We built the thing ourselves, every piece of it.", 3),
        ("Paul Corrigan", "Nobody promised him a seat at the table.", 3),
    ]


def test_a_title_or_a_name_with_words_after_it_signs_nothing():
    text = (
        "The film “Oppenheimer” — Christopher Nolan, 2023 — ran long.\n\n"
        "There it was again, “a story we have heard before.” — Paul Corrigan nodded along."
    )
    assert signed(text) == []


def test_a_paragraph_signed_with_the_quotation_dash_is_the_signers_whatever_it_quotes_inside():
    """Readers' letters as a web page prints them: the quotation dash (U+2015) after no-break spaces, a
    full stop after the name, a quote inside the quote, a misprinted closing mark opening the paragraph.
    The rules' reading of words inside a signed paragraph gives way to the signature."""
    text = (
        "What readers told us after the debate.\n\n"
        "\u201dHe keeps saying he is proud of his record. I do not believe a word of it.\u201d"
        "\u00a0\u2015\u00a0Dana Whitcomb\u00a0\n\n"
        "\u201cI would rather live in what he calls \u201ca mess\u201d than in his tower.\u201d \u2015 Ray Ostrander.\n"
    )
    assert signed(text) == [
        (
            "Dana Whitcomb",
            "He keeps saying he is proud of his record. I do not believe a word of it.",
            3,
        ),
        ("Ray Ostrander", "I would rather live in what he calls \u201ca mess\u201d than in his tower.", 3),
    ]
    assert [c.speaker for c in claims_in(text)] == ["Dana Whitcomb", "Ray Ostrander"]
