"""A claim's date is when its words were said or what they are about, never the date of another act in
its sentence (claim_dates.py): a "who" clause or an apposition describing the speaker, or the tail of
the reported clause cut from the content; a document's own date, a date in the content and one on the
verb stay."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.nlp.claims import extract_claims
from tracker.nlp.dates import find_dates
from tracker.nlp.entities import find_mentions

PUBLISHED = date(2026, 5, 8)  # a Friday


@pytest.fixture(scope="module")
def dated_claims(nlp, seed_vocabulary):
    def dated_claims(text: str):
        doc = nlp(text)
        return extract_claims(doc, find_mentions(doc, seed_vocabulary), find_dates(doc, PUBLISHED))

    return dated_claims


@pytest.mark.parametrize(
    ("text", "content", "when"),
    [
        (  # the speaker's past, not when she spoke
            "Jane Roe, who left the board in 2018, said the mayor had broken his word.",
            "the mayor had broken his word",
            None,
        ),
        (
            "Jane Roe, the agency's director since 2019, said the plant would close.",
            "the plant would close",
            None,
        ),
        (  # the reporter's grounds, cut from the content, and their date with them
            "The mayor said the agency had lied, pointing to records from 2017.",
            "the agency had lied",
            None,
        ),
        (
            "Jane Roe, who left the board in 2018, said on Tuesday that the plan failed.",
            "the plan failed",
            "Tuesday",
        ),
        ("Jane Roe said the plant was approved in 2018.", "the plant was approved in 2018", "2018"),
        (  # a document's date is when it says what it says
            "The lawsuit, which the union filed in 2024, claims that the firm broke a promise.",
            "the firm broke a promise",
            "2024",
        ),
    ],
)
def test_a_claim_is_dated_by_its_own_words_or_its_saying(dated_claims, text, content, when):
    claim = next(c for c in dated_claims(text) if c.text == content)
    assert (claim.date.text if claim.date else None) == when
