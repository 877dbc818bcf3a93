""" "“...,” he continued" and "Roe continued: “...”" report the quote (reporting_verbs.jsonl
"continue-quote", content "attached", attached_only.py; from the fifth trial set's v145). "Continue"
with words of its own reports nothing and, kept out of the verbs of saying, cuts no other claim:
"... and that the committee would continue to investigate" stays whole. Each sentence is written for
the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "“The bridge is safe,” the engineer said.\n\n“We inspected every bolt,” she continued.",
            "she",
            "We inspected every bolt,",
        ),
        (
            "The mayor spoke first. Ms. Lund continued: “Nobody has asked us about the levy.”",
            "Ms. Lund",
            "Nobody has asked us about the levy.",
        ),
        (
            "“Taxes will rise,” Mr. Pratt continues, “and the schools will pay for it.”",
            "Mr. Pratt",
            "Taxes will rise, … and the schools will pay for it.",
        ),
    ],
)
def test_a_quote_attributed_with_continued_is_reported(claims_of, text, speaker, content):
    found = [c for c in claims_of(text) if c.verb == "continue"]
    assert [(c.speaker, c.text) for c in found] == [(speaker, content)]


@pytest.mark.parametrize(
    "text",
    [
        "The senator said the vote was fair and that the committee would continue to investigate the leak.",
        "The proposal continues to draw support from farmers across the county.",
        "The company continued the practice for years, the report said.",
        "Ms. Vance continued to insist, “We are innocent.”",
        "The council continued its review: “No decision is final.”",
    ],
)
def test_continue_with_words_of_its_own_reports_nothing(claims_of, text):
    assert not [c for c in claims_of(text) if c.verb == "continue"]


def test_continue_cuts_no_content_of_a_verb_of_saying(claims_of):
    text = "The senator said the vote was fair and that the committee would continue to investigate the leak."
    [claim] = claims_of(text)
    assert claim.text.endswith("would continue to investigate the leak")
