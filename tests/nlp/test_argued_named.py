"""A name arguing or conceding as the subject of its own verb (argued.py, confidence rule "argued-named"):
"Roe argued that ...", "Acme has maintained that ..." publish like "said", in court coverage or not;
a participle, an infinitive, a plural verb the parser gave a singular name, a relative clause, "countered"
and a hedge the outlet puts on the verb ("appeared to acknowledge", "appeared to say") wait.

Invented sentences, run through the whole extraction (extraction.extract), since the rule rates the
claims of a document after claims.extract_claims. Seen failing with the rule removed.
"""

from __future__ import annotations

from tracker.nlp import extraction
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (
    VocabularyEntry("Dana Whitlock", "PERSON", (("Whitlock", True),), 1),
    VocabularyEntry("Halden Freight", "ORG", (("Halden", True),), 2),
)


def rated(text: str) -> list[tuple[str, int, str]]:
    claims = extraction.extract([extraction.Document(text)], vocabulary=VOCABULARY)[0].claims
    return [(c.text, c.confidence, c.confidence_rule) for c in claims]


def test_a_name_arguing_or_conceding_in_its_own_sentence_publishes():
    """No word of the courtroom in the passage: the verbs publish under the name all the same."""
    for text, content in (
        (
            "Dana Whitlock argued that the depot had been sold too cheaply.",
            "the depot had been sold too cheaply",
        ),
        ("Halden Freight has maintained that its trucks were never late.", "its trucks were never late"),
        ("Dana Whitlock acknowledged on Thursday that the audit was late.", "the audit was late"),
        ("Dana Whitlock concedes that the ledger was incomplete.", "the ledger was incomplete"),
        ("Dana Whitlock pointed out that the ledger was incomplete.", "the ledger was incomplete"),
    ):
        assert rated(text) == [(content, 2, "argued-named")], text


def test_a_participle_an_infinitive_or_a_relative_clause_waits():
    """The shapes that were wrong or unsure on PolNeAR train stay with the catch-all "other"."""
    for text in (
        "Halden Freight announced a new route, acknowledging that the old one had failed.",
        "Halden Freight announced a new route, pointing out that the old one had failed.",
        "Dana Whitlock was quick to point out that the ledger was incomplete.",
        "It is fair for Dana Whitlock to assert that the ledger was incomplete.",
        "Dana Whitlock, who acknowledged that the ledger was incomplete, left early.",
        "Dana Whitlock countered that the ledger was complete.",
        "Dana Whitlock appeared to acknowledge that the audit was late.",
    ):
        assert all(rule != "argued-named" and tier < 2 for _, tier, rule in rated(text)), text


def test_a_hedge_on_the_verb_of_saying_is_the_outlets_reading():
    """ "appeared to say": the outlet's reading of what the speaker did, not a report (rule
    "paraphrase", whose `adverbs` list the hedges), though "said" under a name publishes."""
    assert rated("Dana Whitlock appeared to say that the audit was late.") == [
        ("the audit was late", 1, "paraphrase")
    ]
