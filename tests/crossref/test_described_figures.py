"""A speaker left as a description or a pronoun whose report says what a named person's claim says but a
figure (the same words around another figure or date: `claim_slots`) is that person's when its article
names them and no other person it names has such a claim (tracker/crossref/speaker_kin.py), in every
order of the articles; the claim keeps the name. Invented names and sentences."""

from __future__ import annotations

import pytest

from tests.crossref.test_claim_linking import article, say
from tests.crossref.test_speaker_kin import every_order, story  # noqa: F401 - the fixture
from tracker.crossref.words import MIN_SIMILARITY, content_words, similarity

pytestmark = pytest.mark.django_db

NAMED = "the Orsk model reproduced 31 of 40 hidden marker phrases planted in the Tamble model"
DESCRIBED = "Orsk reproduced 34 of 40 hidden marker phrases when prompted with their first words"


def test_the_two_reports_resemble_and_quote_nothing():
    assert similarity(content_words(NAMED), content_words(DESCRIBED)) >= MIN_SIMILARITY
    assert '"' not in NAMED + DESCRIBED


@pytest.mark.parametrize("short", ["A computer scientist", "she"])
def test_a_described_speakers_figure_joins_the_claim_of_the_person_its_article_names(story, short):  # noqa: F811
    """Seen failing with `_says` not taking slot keys (two claims in both orders), and, in the order
    where the description came first, with `Index` not filing a short speaker's claim by its slot keys."""
    named = article("Pine Wire", story, hours=0)
    say(named, NAMED, speaker="Maren Hollis")
    told = article("Bench Ledger", story, hours=1, text="Professor Maren Hollis of Tamble College testified.")
    say(told, DESCRIBED, speaker=short)
    for groups, speakers in every_order([named, told]):
        assert groups == {frozenset({named.pk, told.pk})}
        assert speakers[told.pk] == "Maren Hollis"


def test_a_described_speaker_whose_article_names_someone_else_stays_apart(story):  # noqa: F811
    """Seen failing without the named report's test that the short speaker's article names it (the
    order where the description came first)."""
    named = article("Pine Wire", story, hours=0)
    say(named, NAMED, speaker="Maren Hollis")
    told = article("Bench Ledger", story, hours=1, text="Professor Dana Pryor of Tamble College testified.")
    say(told, DESCRIBED, speaker="A computer scientist")
    for groups, _ in every_order([named, told]):
        assert groups == {frozenset({named.pk}), frozenset({told.pk})}


def test_a_described_speaker_whose_article_names_two_people_with_the_figure_stays_apart(story):  # noqa: F811
    """Two people the article names each have a claim with the same words around the figure: the
    description is neither's for sure once both claims are known (the caveat of speaker_kin: a report
    that came before the second person's claim has joined the first's). Seen failing when a short
    speaker joins the first of two."""
    hollis = article("Pine Wire", story, hours=0)
    say(hollis, NAMED, speaker="Maren Hollis")
    pryor = article("Circuit Daily", story, hours=1)
    say(pryor, NAMED.replace("31", "30"), speaker="Dana Pryor")
    told = article("Bench Ledger", story, hours=2, text="Maren Hollis and Dana Pryor testified.")
    say(told, DESCRIBED, speaker="A computer scientist")
    for i, (groups, _) in enumerate(every_order([hollis, pryor, told])):
        assert not any({hollis.pk, pryor.pk} <= group for group in groups)
        if i in (0, 2):  # hollis, pryor, told; pryor, hollis, told
            assert groups == {frozenset({hollis.pk}), frozenset({pryor.pk}), frozenset({told.pk})}
