"""A match by content words under MERGE_SIMILARITY needs a shared word beyond the story's topic words
(tracker/crossref/claim_topics.py): two statements of one speaker that share only the names and the
thing every claim of the story is about stay two claims, whichever article came first; a weak match
that shares a word of its own still joins. Invented names and sentences."""

from __future__ import annotations

import itertools

import pytest
from django.db import transaction

from tests.crossref.test_claim_linking import article, say
from tests.crossref.test_speaker_kin import story  # noqa: F401 - the fixture
from tracker.crossref import claim_linking
from tracker.crossref.models import Claim, Evidence

pytestmark = pytest.mark.django_db

# Every speaker's claim names the two products and what passed between them: the story's topic.
OTHERS = {
    "Omar Vance": "Quillwing learned everything it knows from Brantor's answers",
    "Ruth Calder": "Brantor's answers were sold to Quillwing's makers at a discount",
}
LATER = "the Brantor answers were removed from training in a later version of Quillwing"


def _reports(row, content: str) -> None:
    say(row, content, speaker="Lena Marsh")
    for speaker, said in OTHERS.items():
        say(row, said, speaker=speaker)


def _marsh_claims(rows) -> list[set[frozenset[int]]]:
    """For each order of the articles, linked afresh: Lena Marsh's claims, each as its articles."""
    found = []
    for order in itertools.permutations(rows):
        with transaction.atomic():
            Claim.objects.all().delete()
            for row in order:
                claim_linking.link_claims(row)
            groups: dict[int, set[int]] = {}
            for claim_id, article_id in Evidence.objects.filter(claim__speaker_text="Lena Marsh").values_list(
                "claim", "article"
            ):
                groups.setdefault(claim_id, set()).add(article_id)
            assert Claim.objects.exclude(speaker_text="Lena Marsh").count() == 2  # the others': one each
            found.append({frozenset(g) for g in groups.values()})
            transaction.set_rollback(True)
    return found


def test_two_statements_sharing_only_the_topic_words_stay_apart(story):  # noqa: F811
    """ "went into" and "were removed from training in a later version" share "Brantor", "answers" and
    "Quillwing" (0.57), words every claim of the pool holds. Seen failing with `telling` counting every
    match at MIN_SIMILARITY (one claim, in both orders)."""
    went = article("Pine Wire", story, hours=0)
    _reports(went, "Brantor's answers went into Quillwing")
    removed = article("Bench Ledger", story, hours=1)
    _reports(removed, LATER)
    for marsh in _marsh_claims([went, removed]):
        assert marsh == {frozenset({went.pk}), frozenset({removed.pk})}


def test_a_weak_match_sharing_a_word_of_its_own_still_joins(story):  # noqa: F811
    """ "removed" beside the topic words (0.50): one claim, in both orders."""
    first = article("Pine Wire", story, hours=0)
    _reports(first, "Brantor's answers were removed by the engineers")
    later = article("Bench Ledger", story, hours=1)
    _reports(later, LATER)
    for marsh in _marsh_claims([first, later]):
        assert marsh == {frozenset({first.pk, later.pk})}
