"""A one-word speaker extraction left as written takes the one longer name of its article that ends
with it (tracker/crossref/speaker_names.py), so that its report joins the other outlets' reports of the
same statement. Invented names and sentences."""

from __future__ import annotations

import pytest

from tracker.crossref import speaker_names
from tracker.nlp.types import Claim, Extraction, Mention


def claim(speaker: str, name: str | None = None, *, entity: int | None = None, text: str = "x") -> Claim:
    return Claim(
        speaker=speaker, verb="say", attribution="direct", kind="statement", text=text, sentence=text,
        start=0, end=len(text), sentence_start=0, sentence_end=len(text), speaker_name=name,
        speaker_entity_id=entity,
    )  # fmt: skip


def mention(text: str, label: str = "PERSON") -> Mention:
    return Mention(text=text, label=label, start=0, end=len(text))


def names_of(*mentions: Mention, claims: tuple[Claim, ...] = ()) -> dict[str, str]:
    return speaker_names.full_names(Extraction(mentions=mentions, claims=claims))


def test_a_surname_takes_the_one_full_name_the_article_gives():
    names = names_of(mention("Orla Brandt"), mention("Brandt", "ORG"))
    assert speaker_names.resolved("Brandt", "Brandt", names) == "Orla Brandt"
    assert speaker_names.resolved("Brandt", None, names) == "Orla Brandt"
    assert speaker_names.resolved("Brandt's", None, names) == "Orla Brandt"


def test_a_name_only_another_claim_gives_counts_too():
    names = names_of(claims=(claim("Tomas Ekberg"), claim("Ekberg")))
    assert speaker_names.resolved("Ekberg", "", names) == "Tomas Ekberg"


def test_a_description_with_the_name_in_it_is_the_same_name():
    names = names_of(mention("Vantor CEO Orla Brandt", "ORG"), mention("Orla Brandt"))
    assert speaker_names.resolved("Brandt", None, names) == "Orla Brandt"


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
    assert speaker_names.resolved(speaker, name, names) == name


@pytest.mark.django_db
def test_stored_candidates_carry_the_full_name_and_so_one_speaker_key():
    from tracker.crossref import analysis
    from tracker.crossref.claim_pool import candidate_key
    from tracker.crossref.models import ClaimCandidate
    from tracker.sources.models import Article, Outlet

    outlet = Outlet.objects.create(name="Inlet Post", domain="inlet.example")
    first = Article.objects.create(
        outlet=outlet, url="https://inlet.example/a", canonical_url="https://inlet.example/a"
    )
    second = Article.objects.create(
        outlet=outlet, url="https://inlet.example/b", canonical_url="https://inlet.example/b"
    )
    quote = "We never sold the ferry routes"
    named = Extraction(mentions=(mention("Orla Brandt"),), claims=(claim("Orla Brandt", text=quote),))
    short = Extraction(
        mentions=(mention("Orla Brandt"), mention("Brandt", "ORG")),
        claims=(
            claim("Brandt", text=quote),
            claim("he", None, text="y"),
            claim("Vantor", entity=None, text="z"),
        ),
    )
    analysis.store_extraction([(first, named), (second, short)])
    rows = {(c.article_id, c.speaker): c for c in ClaimCandidate.objects.all()}
    assert rows[second.pk, "Brandt"].speaker_name == "Orla Brandt"
    assert candidate_key(rows[second.pk, "Brandt"]) == candidate_key(rows[first.pk, "Orla Brandt"])
    assert rows[second.pk, "he"].speaker_name == "" and rows[second.pk, "Vantor"].speaker_name == ""
