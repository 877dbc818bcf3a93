"""A Doc's text joined once (doc_texts.text_of)."""

from __future__ import annotations

import gc

import pytest
import spacy

from tracker.nlp import doc_texts


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_text_of_is_the_docs_text_joined_once(blank):
    doc = blank("Ana Ruiz said on Tuesday, “We will appeal.”\n\nThe court did not answer.")
    first = doc_texts.text_of(doc)
    assert first == doc.text
    assert doc_texts.text_of(doc) is first  # kept, not joined again


def test_text_of_is_kept_only_while_its_doc_lives(blank):
    doc = blank("Bo Lind said it twice.")
    doc_texts.text_of(doc)
    assert doc in doc_texts._TEXTS
    del doc
    gc.collect()
    assert not any(d.text == "Bo Lind said it twice." for d in doc_texts._TEXTS)


def test_a_documents_quotes_are_found_once_for_all_its_readers():
    """The claims, the transcript, post, signed- and labelled-quote readers and the running quotes each
    ask for a document's quotes: the scan runs once (quotes._found keeps the last few texts)."""
    from tracker.nlp import extraction, quotes

    text = (
        "“We never hid anything from the board,” Jane Roe said on Monday.\n\n"
        "“The record will show it.” — Jane Roe, on the stand\n\n"
        "Roe: “I would do the same again tomorrow.”\n\n"
        "@janeroe: “Back in court on Tuesday.”"
    )
    quotes._found.cache_clear()
    extraction.extract([extraction.Document(text=text)])
    scans = quotes._found.cache_info()
    assert scans.misses == 1 and scans.hits >= 3, scans
