"""Plain reports the parse hid, shapes issue 12 lists among dev's misses: each sentence is written for
the test, and each test failed with its rule removed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tracker.nlp import contact_subjects, unmarked_clauses

VOCAB = spacy.blank("en").vocab  # with English's lexical attributes (lower case)


def said(claims) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in claims]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Dale said after the hearing he would not accept the board's offer if it were made.",
            "he would not accept the board's offer if it were made",
        ),
        (
            "Dale said after the hearing he would not accept the board's offer.",
            "he would not accept the board's offer",
        ),
    ],
)
def test_a_clause_with_no_that_after_a_phrase_of_occasion_is_what_was_said(claims_of, text, content):
    """The parser hangs "after the hearing" on the reported verb and makes that verb an adverbial
    clause of "said": there was no claim (unmarked_clauses.py)."""
    assert said(claims_of(text)) == [("Dale", content)]


def test_a_clause_opened_by_a_subordinator_is_when_not_what(claims_of):
    """ "after he lost the vote": "after" has no object, it opens a clause of its own, which says when
    Dale testified, not what."""
    assert said(claims_of("Dale testified after he lost the vote.")) == []


def test_a_word_between_the_phrase_and_the_subject_opens_a_real_adverbial_clause():
    """Parsed by hand as the parser would misread it: "after the vote" hung on "subpoenaed", but
    "because" stands before the subject, so the clause is the reason, not what was testified."""
    words = "Dale testified after the vote because he was subpoenaed .".split()
    heads = [1, 1, 8, 4, 2, 8, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubjpass", "auxpass", "advcl", "punct"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    assert unmarked_clauses.complement(doc[1]) is None
    misread = Doc(
        VOCAB,
        words=[w for w in words if w != "because"],
        heads=[1, 1, 7, 4, 2, 7, 7, 1, 1],
        deps=[d for d in deps if d != "mark"],
    )
    assert unmarked_clauses.complement(misread[1]) == (5, 7)  # "he was subpoenaed": the shape the rule reads


def test_according_to_a_titled_name_opening_the_sentence_reports_what_follows_the_comma(claims_of):
    """The parser found no clause to hang "According to" on and made the rest of the sentence an
    apposition of the name ("reeks" a noun): the whole sentence was the source, and the claim had no
    content (framing._source_end)."""
    text = "According to talk show host Dan Reyes, the plan reeks of “panic” and spite."
    assert said(claims_of(text)) == [("talk show host Dan Reyes", "the plan reeks of “panic” and spite")]


@pytest.mark.parametrize(
    "text",
    [
        "According to Dan Reyes, a talk show host, the plan reeks of “panic” and spite.",
        "According to Dan Reyes, who hosts a talk show, the plan reeks of “panic” and spite.",
    ],
)
def test_words_set_off_after_the_name_still_describe_it(claims_of, text):
    """An apposition or a relative clause after the name, the phrase hung on the sentence's verb."""
    assert said(claims_of(text)) == [("Dan Reyes", "the plan reeks of “panic” and spite")]


@pytest.mark.parametrize(
    "text",
    [
        "The spot ends with footage of Dale saying during the debate last week, “That makes me smart,” when "
        "Reyes pressed him.",
        "The spot ends with footage of Dale saying, “That makes me smart,” as Reyes pressed him.",
    ],
)
def test_a_quote_closed_by_a_comma_before_its_circumstance_is_the_verbs(claims_of, text):
    """The parser hung the quote on "ends": a quote after the verb counted only when it ended the
    sentence's words (circumstance_quotes.py)."""
    assert said(claims_of(text)) == [("Dale", "That makes me smart,")]


def test_a_quote_closed_by_a_comma_before_another_attribution_is_the_others(claims_of):
    assert said(claims_of("The ad shows Dale saying, “That makes me smart,” Reyes said.")) == [
        ("Reyes", "That makes me smart,")
    ]


def test_a_contact_relative_read_as_a_gerund_and_its_object_is_the_objects_report(claims_of):
    """ "spending (that) the senator said ...": the parser made "spending" a verb with "the senator"
    its object and the subject of "said" (contact_subjects.py)."""
    assert said(claims_of("Dale cut it -- spending the mayor said was meant to buy votes.")) == [
        ("the mayor", "was meant to buy votes")
    ]
    assert said(claims_of("... -- spending the senator said is meant to “buy votes” in the county.")) == [
        ("the senator", "is meant to “buy votes” in the county")
    ]


def test_a_gerund_whose_object_does_not_end_before_the_verb_keeps_its_reading():
    """Parsed by hand: "spending the senator often said": a word between the object and the verb, so
    the object is no subject of a relative clause."""
    words = "spending the senator often said it".split()
    doc = Doc(
        VOCAB, words=words, heads=[4, 2, 0, 0, 4, 4], deps=["nsubj", "det", "dobj", "advmod", "ROOT", "dobj"]
    )
    assert contact_subjects.speaker(doc[0], doc[4]) is None
    glued = Doc(
        VOCAB,
        words=["spending", "the", "senator", "said", "it"],
        heads=[3, 2, 0, 3, 3],
        deps=["nsubj", "det", "dobj", "ROOT", "dobj"],
    )
    assert contact_subjects.speaker(glued[0], glued[3]) == glued[2]
