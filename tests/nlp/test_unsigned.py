"""Words no one would sign under the speaker the article gives wait for a curator
(tracker/nlp/unsigned.py): a curated product's output, an organisation's internal memo, a premise a
questioner puts to the witness in a transcript. Invented names and sentences."""

from __future__ import annotations

from tracker.nlp.extraction import Document, extract
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (
    VocabularyEntry("Vantor", "ORG", (), 1),
    VocabularyEntry("Quill", "PRODUCT", (), 2),
    VocabularyEntry("Orla Brandt", "PERSON", (("Brandt", True),), 3),
)


def rated(text: str) -> list[tuple[str, int, str]]:
    (found,) = extract([Document(text)], vocabulary=VOCABULARY)
    return [(c.speaker, c.confidence, c.confidence_rule) for c in found.claims]


def test_a_products_answer_waits():
    text = 'Quill told a reader on Friday that it "keeps no record of its sources."'
    assert rated(text) == [("Quill", 1, "product-speaker")]


def test_an_organisations_internal_memo_waits_and_a_persons_email_is_hers():
    memo = 'An internal Vantor memo from last spring says staff should "skip the audit until the ferries are sold."'
    assert rated(memo) == [("An internal Vantor memo from last spring", 1, "document-speaker")]
    email = 'Brandt\'s email says "the ferry routes were never sold."'
    assert rated(email) == [("Brandt's email", 3, "quote-named")]


def test_a_premise_put_to_the_witness_in_a_transcript_waits_and_the_answer_does_not():
    text = (
        "REED: You signed the ferry agreement before the board ever met.\n"
        "BRANDT: I signed it after the board met, and only once.\n"
        "REED: Nothing further."
    )
    found = rated(text)
    assert ("REED", 1, "put-to-witness") in found
    assert ("BRANDT", 3, "quote-named") in found


def test_you_in_prose_is_the_speakers_own_claim():
    assert rated('"You misled the board for two years," Reed said.') == [("Reed", 3, "quote-named")]
