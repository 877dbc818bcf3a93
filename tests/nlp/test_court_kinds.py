"""The roles of a courtroom in a claim's kind (court_kinds.py): a judge rules only in an act of
deciding, a lawyer is never a witness, a witness questioned by a lawyer or the judge testifies, a
filing is the party's case, an organisation testifies only through a person. Every sentence is written for the test."""

from __future__ import annotations

import pytest

from tracker.nlp.extraction import Document, extract
from tracker.nlp.types import VocabularyEntry

VOCABULARY = (  # invented: an organisation a curated person testifies for, and one no one does
    VocabularyEntry("Vantor", "ORG", (), 1, represented_by="Orla Halver"),
    VocabularyEntry("Orla Halver", "PERSON", (("Halver", True),), 2),
    VocabularyEntry("Brenmoor", "ORG", (), 3),
)


def kinds(claims) -> list[tuple[str, str]]:
    return [(c.speaker, c.kind) for c in claims if c.verb != "ask"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a judge's remark is no ruling (was: ruling, from the speaker's word "Judge")
        ("Judge Laura Bennett said she would take a short recess.", [("Judge Laura Bennett", "statement")]),
        # a name the article titles "Judge" is a judge's, and a judge is no witness (was: testimony)
        (
            "Judge Laura Bennett opened the session. Bennett told the jurors that lunch would be brief.",
            [("Bennett", "statement")],
        ),
        # a decision word in the frame makes it a ruling, the judge's "denied" no defense (was: defense)
        (
            "Judge Laura Bennett denied the motion, saying the request came too late.",
            [("Judge Laura Bennett", "ruling"), ("Judge Laura Bennett", "ruling")],
        ),
        (
            "Judge Laura Bennett imposed a two-year sentence, saying the fraud had hurt retirees.",
            [("Judge Laura Bennett", "ruling")],
        ),
        # "Judge X found that": a claim, a ruling (was: no claim)
        (
            "In a written order, Judge Laura Bennett found that the lease was void.",
            [("Judge Laura Bennett", "ruling")],
        ),
        # a court speaks by deciding: unchanged
        ("The appeals court said the statute was unconstitutional.", [("The appeals court", "ruling")]),
        # a court's word in another name is no court (was: ruling)
        (
            "Justice Department spokeswoman Maria Lopez said the agency would review the decision.",
            [("Justice Department spokeswoman Maria Lopez", "statement")],
        ),
    ],
)
def test_a_judge_rules_only_in_deciding(claims_of, text, expected):
    assert kinds(claims_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lawyer is no witness (was: testimony, from "jurors")
        (
            "Daniel Porter, the plaintiff's lawyer, told jurors the company had hidden its losses.",
            [("Daniel Porter", "statement")],
        ),
        (
            "The company's lawyer, Ben Osei, spoke for an hour. Osei told the jury that the books were honest.",
            [("Osei", "statement")],
        ),
        # a lawyer's closing argument (was: testimony)
        (
            "In his closing argument, Tom Reyes told the jury that no investor had been misled.",
            [("Tom Reyes", "statement")],
        ),
        # an opening or a closing said short (was: testimony, from "jurors")
        (
            "Tom Reyes told jurors in his opening that no investor had been misled.",
            [("Tom Reyes", "statement")],
        ),
        (
            "In her opening remarks to the jury, Ana Ruiz said the ledgers were forged.",
            [("Ana Ruiz", "statement")],
        ),
        (
            "In summation, Tom Reyes told jurors that no investor had been misled.",
            [("Tom Reyes", "statement")],
        ),
        # a witness questioned by a lawyer or the judge (was: statement)
        (
            "Pressed by the prosecutor, the accountant conceded that two ledgers existed.",
            [("the accountant", "testimony")],
        ),
        ("On redirect, the accountant said the ledgers matched.", [("the accountant", "testimony")]),
    ],
)
def test_witnesses_and_advocates(claims_of, text, expected):
    assert kinds(claims_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a filing is the party's case (was: statement)
        ("The city argued in a court filing that the permit was valid.", [("The city", "allegation")]),
        ("In its response, the city wrote that the permit had been renewed.", [("the city", "defense")]),
        # a brief interview is no brief, a brief sit-in neither
        ("In a brief interview, the mayor said the permit was valid.", [("the mayor", "statement")]),
    ],
)
def test_filings_are_the_party_s_case(claims_of, text, expected):
    assert kinds(claims_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # its curated representative, named in the article, testifies for it: his, through it (unchanged)
        (
            "Halver took the stand on Tuesday. Vantor disclosed in court that it had paid the vendor twice.",
            ("Orla Halver", "Vantor", "testimony"),
        ),
        # no one the article names testifies for it: its lawyers argue (all were testimony)
        ("Vantor disclosed in court that it had paid the vendor twice.", ("Vantor", None, "statement")),
        ("Brenmoor told the jury that it had paid the vendor twice.", ("Brenmoor", None, "statement")),
        (
            "Brenmoor urged the jury to reject the claims, arguing that it had paid the vendor twice.",
            ("Brenmoor", None, "statement"),
        ),
    ],
)
def test_an_organisation_testifies_only_through_a_person(text, expected):
    (found,) = extract([Document(text)], vocabulary=VOCABULARY)
    claims = [c for c in found.claims if "vendor" in c.text]
    assert [(c.speaker_entity, c.speaker_via, c.kind) for c in claims] == [expected]
