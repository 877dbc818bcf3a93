""" "It read: “...”" after a sentence whose subject is a document prints that document's words, which
are its author's (document_pronouns.py, the trigger "read-document"; from the fifth trial set's v096
and v097). "It" stands for the document only as the subject of the sentence before, or that
subject's appositive; after any other subject, "it read" reports nothing, as "the sign read" does not.
Each sentence is written for the test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The email, sent by Jane Roe to John Doe in 2019, was shown to the jury. "
            "It read: “We cannot keep this from the board.”",
            "We cannot keep this from the board.",
        ),
        (
            "Exhibit 40, a letter from Jane Roe to the board, was shown to jurors. "
            "“The fund is empty and the auditors know it,” it read.",
            "The fund is empty and the auditors know it,",
        ),
        (
            "Exhibit 41, a text from Jane Roe to John Doe dated May 2019, was shown to jurors. "
            "“Keep the shell and build the real firm inside it,” it read.",
            "Keep the shell and build the real firm inside it,",
        ),
    ],
)
def test_it_read_after_a_document_gives_its_authors_words(claims_of, text, content):
    found = [c for c in claims_of(text) if c.verb == "read"]
    assert [(c.speaker_name, c.text) for c in found] == [("Jane Roe", content)]


@pytest.mark.parametrize(
    "text",
    [
        "The sign was hung on the clinic door on Monday. It read: “No entry without a badge.”",
        "John Doe spoke to the jury for an hour. It read: “The fund is empty.”",
    ],
)
def test_it_read_after_no_document_reports_nothing(claims_of, text):
    assert not [c for c in claims_of(text) if c.verb == "read"]
