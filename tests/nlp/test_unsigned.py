"""Words no one would sign under the speaker the article gives wait for a curator
(tracker/nlp/unsigned.py): a curated product's output, an organisation's internal memo, a premise a
questioner puts to the witness in a transcript. Invented names and sentences."""

from __future__ import annotations

from tracker.nlp.extraction import Document, extract
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (
    VocabularyEntry("Vantor", "ORG", (), 1),
    VocabularyEntry("Wrenbot", "PRODUCT", (), 2),
    VocabularyEntry("Orla Halver", "PERSON", (("Halver", True),), 3),
)


def rated(text: str) -> list[tuple[str, int, str]]:
    (found,) = extract([Document(text)], vocabulary=VOCABULARY)
    return [(c.speaker, c.confidence, c.confidence_rule) for c in found.claims]


def test_a_products_answer_waits():
    text = 'Wrenbot told a reader on Friday that it "keeps no record of its sources."'
    assert rated(text) == [("Wrenbot", 1, "product-speaker")]


def test_an_organisations_internal_memo_waits_and_a_persons_email_is_hers():
    memo = 'An internal Vantor memo from last spring says staff should "skip the audit until the ferries are sold."'
    assert rated(memo) == [("An internal Vantor memo from last spring", 1, "document-speaker")]
    email = 'Halver\'s email says "the ferry routes were never sold."'
    assert rated(email) == [("Halver's email", 3, "quote-named")]


def test_a_premise_put_to_the_witness_in_a_transcript_waits_and_the_answer_does_not():
    text = (
        "CORVANE: You signed the ferry agreement before the board ever met.\n"
        "HALVER: I signed it after the board met, and only once.\n"
        "CORVANE: Nothing further."
    )
    found = rated(text)
    assert ("CORVANE", 1, "put-to-witness") in found
    assert ("HALVER", 3, "quote-named") in found


def test_you_in_prose_is_the_speakers_own_claim():
    assert rated('"You misled the board for two years," Corvane said.') == [("Corvane", 3, "quote-named")]
