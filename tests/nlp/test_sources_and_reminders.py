"""Trial coverage missed in two or more trial sets (issue 12, session 25): a source given by "Per X,"
(per_source.py).

Invented sentences; each rule's test was seen failing without the rule. These run the whole extraction
(extraction.extract), since several rules rate the claims of a document after claims.extract_claims.
"""

from __future__ import annotations

from tracker.nlp import extraction
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (
    VocabularyEntry("Dana Whitlock", "PERSON", (("Whitlock", True),), 1),
    VocabularyEntry("Halden Freight", "ORG", (("Halden", True),), 2),
)


def rated(text: str) -> list[tuple[str, str, int, str]]:
    claims = extraction.extract([extraction.Document(text)], vocabulary=VOCABULARY)[0].claims
    return [(c.speaker, c.text, c.confidence, c.confidence_rule) for c in claims]


# a source given by "per" (per_source.py)


def test_per_a_named_source_opening_the_sentence_waits_as_reported():
    """ "Per Whitlock, ...": the person's account, passed on as "according to" passes it (tier 1)."""
    assert rated("Per Whitlock, the depot will not reopen before spring.") == [
        ("Whitlock", "the depot will not reopen before spring", 1, "reported-by")
    ]
    assert rated("Per Halden Freight, the depot will not reopen before spring.") == [
        ("Halden Freight", "the depot will not reopen before spring", 1, "reported-by")
    ]


def test_per_as_a_rate_a_document_or_a_description_is_no_source():
    """ "$5 per share", "Per the contract, ...", "..., per two people who ...", "..., per Whitlock.":
    no one named set off by commas."""
    for text in (
        "The depot charged $5 per pallet last year.",
        "Per the contract, the depot will not reopen before spring.",
        "The depot will not reopen, per two people who saw the plans.",
        "The depot will not reopen before spring, per Whitlock.",
    ):
        assert [r for r in rated(text) if r[3] == "reported-by"] == [], text
