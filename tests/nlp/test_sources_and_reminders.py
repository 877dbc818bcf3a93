"""Trial coverage missed in two or more trial sets (issue 12, session 25): a source given by "Per X,"
(per_source.py); "reminded jurors that X" read by the parser as a relative clause of "jurors"
(addressee_clauses.marked); a question under a Title Case label answered on the next line under another,
neither a person the article names (exchange_labels.asked).

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


# "reminded jurors that X": the parser's relative clause of the one reminded (addressee_clauses.marked)


def test_a_reminder_told_in_a_that_clause_waits():
    """ "reminded jurors that X", parsed as "jurors [such] that X": X is the content, at tier 1."""
    assert [
        r[:3] for r in rated("Whitlock reminded jurors that Corrigan himself had proposed a merger in 2017.")
    ] == [("Whitlock", "Corrigan himself had proposed a merger in 2017", 1)]


def test_a_reminder_of_a_thing_is_no_claim():
    """ "reminded jurors of the email that X sent": "that" is a relative pronoun, the email no words."""
    assert rated("Whitlock reminded jurors of the email that Halden Freight sent in 2021.") == []


# "Outlet: ...?" answered on the next line by "Name: ..." (exchange_labels.asked)


def test_a_title_case_answer_to_the_line_before_waits():
    """Two labels no person bears, a question and the answer on the next line: the answer, at tier 1."""
    text = (
        "Harbour Review: Will the depot reopen this year?\nIlse Varga: Not this year. The roof is still open."
    )
    turns = [r for r in rated(text) if r[0] == "Ilse Varga"]
    assert [r[1:3] for r in turns] == [("Not this year. The roof is still open.", 1)]


def test_labels_with_no_question_or_apart_are_no_exchange():
    """ "Name: goal" headings, or a question with a blank line before the next label: no turns."""
    for text in (
        "Department of Justice: Review the depot leases.\nIlse Varga: Inspect the roof.",
        "Harbour Review: Will the depot reopen this year?\n\nIlse Varga: Not this year. The roof is open.",
    ):
        assert [r for r in rated(text) if r[0] == "Ilse Varga"] == [], text
