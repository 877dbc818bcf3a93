"""A document that says something: its words are what it says, never the document's own name
(document_terms.py, the policy verbs of patterns/reporting_verbs.jsonl). A verb that rules
("prohibits") keeps its subject: the claim is that the document prohibits. Sentences invented for the
test; "Its terms of service state that ..." was checked to misparse ("service state" one noun)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The policy says employees may not share customer files with outside firms.",
            "The policy",
            "employees may not share customer files with outside firms",
        ),
        (
            "Its terms of service state that users must be at least eighteen years old.",
            "Its terms of service",
            "users must be at least eighteen years old",
        ),
        (
            "The agreement says the parties will split the proceeds evenly.",
            "The agreement",
            "the parties will split the proceeds evenly",
        ),
        (
            "The bakery's license says that franchisees cannot change the recipes.",
            "The bakery's license",
            "franchisees cannot change the recipes",
        ),
        (
            "The contract stipulates that the tenant pays for repairs.",
            "The contract",
            "the tenant pays for repairs",
        ),
    ],
)
def test_a_document_says_what_follows_its_verb(claims_of, text, speaker, content):
    claims = claims_of(text)
    assert [(c.speaker, c.text, c.kind) for c in claims] == [(speaker, content, "policy")]


def test_a_document_that_rules_keeps_its_subject(claims_of):
    text = "The bakery's policy prohibits franchisees from changing the recipes."
    claims = claims_of(text)
    assert [(c.speaker, c.text) for c in claims] == [
        ("The bakery's policy", "The bakery's policy prohibits franchisees from changing the recipes")
    ]


def test_records_show_what_follows_their_verb(claims_of):
    text = "A comparison with his earlier filings shows he has sold most of the shares in the bakery."
    assert [(c.speaker, c.text) for c in claims_of(text)] == [
        ("his earlier filings", "he has sold most of the shares in the bakery")
    ]


def test_a_documents_quoted_terms_wait_as_its_plain_terms_do(claims_of):
    """A document's terms in quotation marks are the document's text read by the outlet, no statement of
    the organisation that owns it ("document-terms"; the fourth trial set's f069, published at tier 3
    under the owner's name by "quote-named"); the same words said by a person stay published."""
    text = (
        "Acme Freight's terms of service forbid customers from using its outputs “to build rival products.” "
        "Jane Roe said drivers “may not carry passengers.”"
    )
    assert [(c.speaker, c.confidence, c.confidence_rule) for c in claims_of(text)] == [
        ("Acme Freight's terms of service", 1, "document-terms"),
        ("Jane Roe", 3, "quote-named"),
    ]
