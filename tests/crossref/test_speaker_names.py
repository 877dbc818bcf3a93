"""A stored candidate carries its speaker's name as the extraction resolved it: a one-word speaker
stands for the one longer name of its article that ends with it (tracker/nlp/article_names.py, tested
in tests/nlp/test_article_names.py), so its report joins the other outlets' reports of the same
statement under one speaker key. Invented names and sentences."""

from __future__ import annotations

import pytest

from tests.nlp.test_article_names import claim, mention
from tracker.nlp import article_names
from tracker.nlp.types import Claim, Extraction, Mention


def extraction(mentions: tuple[Mention, ...], claims: tuple[Claim, ...]) -> Extraction:
    """What the extraction hands over: its last step names the one-word speakers."""
    return Extraction(mentions=mentions, claims=tuple(article_names.name_speakers(claims, mentions)))


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
    named = extraction((mention("Orla Brandt"),), (claim("Orla Brandt", text=quote),))
    short = extraction(
        (mention("Orla Brandt"), mention("Brandt", "ORG")),
        (claim("Brandt", text=quote), claim("he", None, text="y"), claim("Vantor", entity=None, text="z")),
    )
    analysis.store_extraction([(first, named), (second, short)])
    rows = {(c.article_id, c.speaker): c for c in ClaimCandidate.objects.all()}
    assert rows[second.pk, "Brandt"].speaker_name == "Orla Brandt"
    assert candidate_key(rows[second.pk, "Brandt"]) == candidate_key(rows[first.pk, "Orla Brandt"])
    assert rows[second.pk, "he"].speaker_name == "" and rows[second.pk, "Vantor"].speaker_name == ""
