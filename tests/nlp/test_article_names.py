"""A one-word speaker the rules left as written takes the one longer name of its article that ends
with it (tracker/nlp/article_names.py, the extraction's last step), so that its report joins the other
outlets' reports of the same statement. Invented names and sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tracker.nlp import article_names
from tracker.nlp.types import Claim, Mention


def claim(speaker: str, name: str | None = None, *, entity: int | None = None, text: str = "x") -> Claim:
    return Claim(
        speaker=speaker, verb="say", attribution="direct", kind="statement", text=text, sentence=text,
        start=0, end=len(text), sentence_start=0, sentence_end=len(text), speaker_name=name,
        speaker_entity_id=entity,
    )  # fmt: skip


def mention(text: str, label: str = "PERSON") -> Mention:
    return Mention(text=text, label=label, start=0, end=len(text))


def names_of(*mentions: Mention, claims: tuple[Claim, ...] = ()) -> dict[str, str]:
    return article_names.full_names(mentions, claims)


def test_a_surname_takes_the_one_full_name_the_article_gives():
    names = names_of(mention("Orla Brandt"), mention("Brandt", "ORG"))
    assert article_names.resolved("Brandt", "Brandt", names) == "Orla Brandt"
    assert article_names.resolved("Brandt", None, names) == "Orla Brandt"
    assert article_names.resolved("Brandt's", None, names) == "Orla Brandt"


def test_a_name_only_another_claim_gives_counts_too():
    names = names_of(claims=(claim("Tomas Ekberg"), claim("Ekberg")))
    assert article_names.resolved("Ekberg", "", names) == "Tomas Ekberg"


def test_a_description_with_the_name_in_it_is_the_same_name():
    names = names_of(mention("Vantor CEO Orla Brandt", "ORG"), mention("Orla Brandt"))
    assert article_names.resolved("Brandt", None, names) == "Orla Brandt"


@pytest.mark.parametrize(
    "speaker, name",
    [
        ("Brandt", None),  # two people of that surname: either one
        ("she", None),  # a pronoun is no name
        ("She", None),
        ("the company", None),  # more than one word: as extraction left it
        ("Keller", None),  # no longer name ends with it
    ],
)
def test_what_stays_as_extraction_left_it(speaker, name):
    names = names_of(mention("Orla Brandt"), mention("Piet Brandt"), mention("Vantor Systems", "ORG"))
    assert article_names.resolved(speaker, name, names) == name


def test_name_speakers_names_each_claim_but_a_curated_ones():
    claims = article_names.name_speakers(
        [claim("Brandt"), claim("Brandt", "Vantor Brandt Fund", entity=3), claim("he")],
        [mention("Orla Brandt"), mention("Brandt", "ORG")],
    )
    assert [c.speaker_name for c in claims] == ["Orla Brandt", "Vantor Brandt Fund", None]


def test_the_extraction_carries_the_full_name():
    """Through the whole extraction: the model reads the first name as part of a longer one, the rules
    leave "Voss" unresolved; the article's one longer name ending in "Voss" is hers."""
    from tracker.nlp.extraction import Document, extract

    text = "Kestrel CEO Helena Voss spoke on Monday. Voss said the ferry routes were never sold."
    (found,) = extract([Document(text)])
    assert [(c.speaker, c.speaker_name) for c in found.claims] == [("Voss", "Helena Voss")]


def test_a_titled_speaker_does_not_take_a_name_of_the_other_gender():
    names = names_of(mention("Gerald Ellery"))
    assert article_names.resolved("Mrs. Ellery", "Ellery", names) == "Ellery"
    assert article_names.resolved("Mr. Ellery", "Ellery", names) == "Gerald Ellery"


def placed(text: str, span: str, label: str = "PERSON", *, after: int = 0) -> Mention:
    start = text.index(span, after)
    return Mention(text=span, label=label, start=start, end=start + len(span))


def test_a_title_case_headline_fragment_is_no_name():
    """A headline capitalises every word: "Say Lisbon" there is no one's name, so the port's one-word
    speaker keeps its word; a name with a first name in the same headline is still a name."""
    text = (
        "Dock Workers Say Lisbon Will Pay For The New Bridge, Orla Brandt Reports\n"
        "Lisbon has said it will pay, the unions say. Brandt wrote that the talks went on."
    )
    names = article_names.full_names(
        [placed(text, "Say Lisbon", "ORG"), placed(text, "Orla Brandt")], [], text
    )
    assert "Lisbon" not in names
    assert names["Brandt"] == "Orla Brandt"


def test_a_company_named_after_a_person_the_article_names_later_keeps_its_word():
    """The article names the firm after its founder ("Brandt Holdings L.P.") and writes the founder's
    full name only later: at the speaker, "Brandt" may be either, so it stays as written; once the
    founder was named before it, the word is hers."""
    text = (
        "Brandt estimates the fortune at $4 billion. Brandt Holdings L.P. publishes the index, "
        "founded by Orla Brandt. Brandt said the index would be revised."
    )
    mentions = [
        placed(text, "Brandt"),
        placed(text, "Brandt Holdings L.P.", "ORG"),
        placed(text, "Orla Brandt"),
    ]
    early, late = (
        replace(claim("Brandt"), speaker_start=start, speaker_end=start + 6)
        for start in (0, text.rindex("Brandt said"))
    )
    named = article_names.name_speakers([early, late], mentions, text)
    assert [c.speaker_name for c in named] == [None, "Orla Brandt"]
