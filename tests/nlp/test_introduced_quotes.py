"""A quotation a sentence about a named person introduces with a colon, with no verb of saying
(introduced_quotes.py, confidence rule "introduced-quote"), or that the next sentence points back to
with the name ("pointed-quote"): the person's words, waiting at tier 1.

Invented sentences, run through the whole extraction (the reader's claims join the rules' there).
Seen failing with the reader taken out of extraction.py (the pointed quote: with _pointed returning none).
"""

from __future__ import annotations

from tracker.nlp import extraction
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (
    VocabularyEntry("Dana Whitlock", "PERSON", (("Whitlock", True),), 1),
    VocabularyEntry("Paul Corrigan", "PERSON", (("Corrigan", True),), 2),
)


def rated(text: str) -> list[tuple[str, str, int, str]]:
    claims = extraction.extract([extraction.Document(text)], vocabulary=VOCABULARY)[0].claims
    return [(c.speaker_name or c.speaker, c.text, c.confidence, c.confidence_rule) for c in claims]


def test_a_quote_after_a_sentence_about_a_named_person_is_theirs_and_waits():
    for text, speaker, words in (
        (
            "3:48 p.m. — A tense moment. Whitlock, visibly irritated, turns to the jury: “I am not the one on trial.”",
            "Dana Whitlock",
            "I am not the one on trial.",
        ),
        (
            "Corrigan’s closing line was blunt: “They took the depot and kept the money.”",
            "Paul Corrigan",
            "They took the depot and kept the money.",
        ),
        (
            "Dana Whitlock took to X after the hearing: “Today the jury saw the real ledger.”",
            "Dana Whitlock",
            "Today the jury saw the real ledger.",
        ),
    ):
        assert rated(text)[-1] == (speaker, words, 1, "introduced-quote"), text


def test_a_verb_of_saying_a_short_quote_or_a_titled_name_mid_sentence_make_none():
    """The rules' claim holds the same words and wins; a quote under four words says little; a name
    after a title ("Mr. Corrigan") stands mid-sentence, where the one speaking is another."""
    assert [r[3] for r in rated("Dana Whitlock told the court: “The ledger was complete in May.”")] != [
        "introduced-quote"
    ]
    assert rated("Dana Whitlock turned to the jury: “Not me.”") == []
    assert (
        rated(
            "Since May the councillor has been a fierce critic, attacking Mr. Corrigan with a simple message: “Do not sell the depot now!”"
        )
        == []
    )


def test_a_name_the_rules_already_give_a_claim_in_the_sentence_takes_none():
    """ "Roe said yes and took the opportunity to ...: “...”": the sentence's verb of saying holds it."""
    rules = [
        r[3]
        for r in rated(
            "Dana Whitlock said yes and went on to defend the staff: “The staff has been belittled.”"
        )
    ]
    assert "introduced-quote" not in rules


def test_a_quote_the_next_sentence_points_back_to_with_a_name_is_theirs_and_waits():
    for text, speaker in (
        (
            "“Nobody reads the ledger twice.” That was the assessment of Dana Whitlock, a partner at the firm.",
            "Dana Whitlock",
        ),
        (
            "3:40 p.m. — “I do not remember that conversation.” That was Paul Corrigan, asked about a call.",
            "Paul Corrigan",
        ),
    ):
        assert [r for r in rated(text) if r[3] == "pointed-quote"] == [
            (speaker, text[text.index("“") + 1 : text.index("”")], 1, "pointed-quote")
        ], text
