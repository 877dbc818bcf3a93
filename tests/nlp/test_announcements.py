"""What was announced, as the noun's own clause ("Roe's announcement Friday that she would run"):
a characterising noun of saying (reporting_verbs.jsonl "n-announcement"), read as "claims that" is.
Each sentence is written for the test."""

from __future__ import annotations


def test_an_owned_announcement_that_is_the_owners_report(claims_of):
    found = claims_of(
        "The vote came just after Jane Roe's announcement Friday that she would seek a third term."
    )
    assert [(c.speaker, c.verb, c.text, c.attribution) for c in found] == [
        ("Jane Roe", "announce", "she would seek a third term", "characterisation")
    ]
    assert found[0].confidence <= 1


def test_an_announcement_with_no_owner_or_no_clause_says_nothing(claims_of):
    assert claims_of("Shortly after the announcement of the merger, the shares rose.") == []
    assert claims_of("The mayor's announcement drew cheers from the crowd.") == []
