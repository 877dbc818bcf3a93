"""Verbs of saying that trial reporting uses and the lexicon lacked (patterns/reporting_verbs.jsonl):
"instructed jurors that ..." and "“...,” the judge instructed the jurors" (the first and third trial
sets' j008, t082), "answered: “...”" (c013), "“...,” Roe shot back" (t098). Each reports words only
with a clause or a quote: "instructed staff to lock the doors" is an order, "answered questions for
an hour" and "the soldiers fired back" report nothing.

Invented sentences; each seen failing with its line taken out of reporting_verbs.jsonl.
"""

from __future__ import annotations


def said(claims_of, text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in claims_of(text) if c.kind != "question"]


def test_instructed_with_a_clause_or_a_quote_reports_it(claims_of):
    assert said(claims_of, "The judge instructed jurors that the contract must be read as a whole.") == [
        ("The judge", "the contract must be read as a whole")
    ]
    assert said(claims_of, "“You are not to discuss this case,” Judge Jane Roe instructed the jurors.") == [
        ("Judge Jane Roe", "You are not to discuss this case,")
    ]
    assert said(claims_of, "The manager instructed staff to lock the doors.") == []


def test_answered_with_a_quote_reports_it(claims_of):
    assert said(claims_of, "Asked about the ledger, Jane Roe answered: “It was complete.”") == [
        ("Jane Roe", "It was complete.")
    ]
    assert said(claims_of, "Jane Roe answered questions for an hour.") == []


def test_shot_back_with_a_quote_reports_it(claims_of):
    assert said(claims_of, "“That is not what the email says,” Jane Roe shot back.") == [
        ("Jane Roe", "That is not what the email says,")
    ]
    assert said(claims_of, "Jane Roe fired back: “Nobody believes that.”") == [
        ("Jane Roe", "Nobody believes that.")
    ]
    assert said(claims_of, "The soldiers fired back at the gunmen.") == []
