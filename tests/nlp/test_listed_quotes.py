"""Quotations listed under a heading that names one person as the possessor of their testimony or as the
subject of a phrase of occasion are that person's words (listed_quotes.py; from the sixth trial set's
w066); a heading naming two people, an organisation or no one, one whose items are others' reactions,
and an item that is a question or a short formula give none. Invented texts, through the whole
extraction."""

from __future__ import annotations

from tracker.nlp import extraction


def listed(text: str):
    claims = extraction.extract([extraction.Document(text)])[0].claims
    return [(c.speaker, c.text, c.confidence) for c in claims if c.rule == "listed-quote"]


def test_quotes_listed_under_a_witness_on_the_stand_are_the_witness_words():
    text = (
        "Day four of the lease trial in Denver.\n\n"
        "Paul Corrigan on the stand, in his own words:\n"
        "- “I trusted the numbers I was given.”\n"
        "- “The lease was signed before I arrived.”\n"
        "- “Was the ledger ever in your office?”\n"
        "- “No, never.”\n"
    )
    assert listed(text) == [
        ("Paul Corrigan", "I trusted the numbers I was given.", 3),
        ("Paul Corrigan", "The lease was signed before I arrived.", 3),
    ]


def test_quotes_listed_under_a_persons_testimony_are_that_persons():
    text = (
        "Day four of the lease trial in Denver.\n\n"
        "Key points from Jane Roe's testimony:\n"
        "• “The ledger was never kept in my office.”\n"
        "• “I told the auditors everything I knew.”\n\n"
        "“Was it ever in your office?” the lawyer asked.\n"
    )
    assert listed(text) == [
        ("Jane Roe", "The ledger was never kept in my office.", 3),
        ("Jane Roe", "I told the auditors everything I knew.", 3),
    ]


def test_a_heading_naming_two_people_an_organisation_no_one_or_reactions_gives_nothing():
    items = "- “The ledger was never kept in that office.”\n- “Everyone in the room knew the truth.”\n\n"
    text = "Day four of the lease trial in Denver.\n\n" + "".join(
        heading + items
        for heading in (
            "Jane Roe and Paul Corrigan, in their own words:\n",
            "Acme Holdings on the ruling:\n",
            "In their own words:\n",
            "Reactions to Jane Roe's testimony:\n",
            "Jane Roe's lawyers:\n",
        )
    )
    assert listed(text) == []


def test_listed_quotes_in_a_text_not_in_english_are_no_claims():
    text = (
        "Der vierte Tag des Prozesses in Denver war lang, und die Zeugin sprach über die Bücher der Firma.\n\n"
        "Paul Corrigan on the stand, in his own words:\n"
        "- “Ich habe den Zahlen vertraut, die man mir gab.”\n"
        "- “Der Vertrag war schon vor meiner Ankunft unterschrieben.”\n"
    )
    assert listed(text) == []
