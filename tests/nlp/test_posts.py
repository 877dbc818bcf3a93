"""Posts printed under their account's handle line are the account's words (posts.py); a handle in
prose or a handle line before prose is none. Invented texts, through the whole extraction."""

from __future__ import annotations

from tracker.nlp import extraction


def claims_in(text: str):
    return extraction.extract([extraction.Document(text)])[0].claims


def test_the_quoted_line_under_a_handle_line_is_the_accounts_post():
    text = (
        "Roe answered within the hour.\n\n"
        "@jroe_law · 8:02 PM · May 2, 2026\n"
        "“The filing speaks for itself, and so will the jury.”\n\n"
        "The post was deleted the next morning."
    )
    found = [(c.speaker, c.verb, c.attribution, c.text, c.confidence) for c in claims_in(text)]
    assert ("@jroe_law", "post", "direct", "The filing speaks for itself, and so will the jury.", 3) in found


def test_a_handle_in_prose_or_before_prose_makes_no_post():
    text = (
        "Follow our reporters at @ledger_news for updates from the courtroom.\n\n"
        "@ledger_news\n"
        "The trial resumes on Monday with the defense's first witness.\n"
    )
    assert [c for c in claims_in(text) if c.rule == "embedded-post"] == []
