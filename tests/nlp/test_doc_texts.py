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
