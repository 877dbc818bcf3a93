"""What an article of a batch may join (`claim_pool.Pool.reach`) is found among its speakers' claims of
the pool, not by looking at every claim of the pool once an article: the pool is kept by speaker key, and
each claim's stories (of the articles that report it) once, not walked again for each article."""

from __future__ import annotations

import pytest

from tests.crossref.test_claim_linking import T0, article, say
from tests.factories import ClaimFactory, EvidenceFactory, StoryFactory
from tracker.crossref import claim_evidence, claim_linking, words
from tracker.crossref.models import Claim

pytestmark = pytest.mark.django_db

OTHERS = 80


def test_a_batch_looks_at_its_speakers_claims_not_at_every_claim_of_the_pool():
    """A story with 80 claims of other unnamed speakers (text keys: the pool of a batch one of whose
    reports without an entity quotes its statement holds every entity-less claim of its stories,
    `kin_reads`) and one of Jane Doe's, much reported: a
    batch of three reports of hers asks the speaker key of fewer claims than the pool holds (the old
    walk asked it of every pool claim for each article: 252 asks, now 12), and each report joins her
    claim. Her claim's stories, kept, are those of its articles, the batch's added (seen failing on the
    walk: 252 asks)."""
    story, elsewhere = (
        StoryFactory(title="Trial", first_seen_at=T0),
        StoryFactory(title="Other", first_seen_at=T0),
    )
    origin = article("Origin", story, text="The hearing went on.")
    for n in range(OTHERS):
        claim = ClaimFactory(story=story, speaker_text=f"Witness {n}", text=f"the harbour{n} ferries{n} stop")
        EvidenceFactory(claim=claim, article=origin, start=n, text=claim.text)
    said = "the audit found the ledgers incomplete"
    jane = ClaimFactory(story=elsewhere, speaker_text="Jane Doe", text=said)
    for n in range(30):  # much reported: the articles of the other story
        EvidenceFactory(claim=jane, article=article(f"Copy{n}", elsewhere), text=said)
    EvidenceFactory(claim=jane, article=origin, start=500, text=said)
    rows = [article(name, story, hours=hours) for name, hours in (("Beta", 1), ("Gamma", 2), ("Delta", 3))]
    for row in rows:
        say(row, '"the audit found the ledgers incomplete again"', speaker="Jane Doe")
    given, kept = claim_evidence.Articles.of(rows), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk], kept)
    assert len(pool.claims) == OTHERS + 1  # the others are in the pool: the walk would see them

    before = words.speaker_key.cache_info()
    linked = [
        claim_linking.link_claims(row, answers=False, kept=kept, batch=given, story=story, pool=pool)
        for row in rows
    ]
    after = words.speaker_key.cache_info()
    pool.record()

    asked = after.hits + after.misses - before.hits - before.misses
    assert asked < OTHERS, asked
    assert [[claim.pk for claim in claims] for claims in linked] == [[jane.pk]] * 3
    assert Claim.objects.get(pk=jane.pk).evidence.count() == 34
    reporting = kept[jane.pk][2]
    assert len(reporting) == 34 and {pool.homes.get(a) for a in reporting} == {story.pk, elsewhere.pk}
    assert pool.stories(jane.pk, reporting) == {story.pk, elsewhere.pk}


def test_a_claim_a_re_link_forgot_is_read_again_for_the_next_article():
    """An article re-linked with no candidates left removes its evidence (its claims' evidence is read
    again) without looking for claims to join; the next article of the batch that reports one of those
    claims reads its evidence then, as the walk of every pool claim did. Seen failing with the forgotten
    claims not handed to the pool (`Pool.forget`): a KeyError in `near`."""
    story = StoryFactory(title="Trial", first_seen_at=T0)
    origin, emptied = article("Origin", story), article("Emptied", story, hours=1)
    said = "the audit found the ledgers incomplete"
    jane = ClaimFactory(story=story, speaker_text="Jane Doe", text=said)
    for row in (origin, emptied):
        EvidenceFactory(claim=jane, article=row, text=said)
    first, later = article("First", story, hours=2), article("Later", story, hours=3)
    for row in (first, later):
        say(row, "the audit found the ledgers incomplete again", speaker="Jane Doe")
    batch = [first, emptied, later]  # the first reads the pool's claims' evidence
    given, kept = claim_evidence.Articles.of(batch), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk], kept)
    linked = [
        claim_linking.link_claims(row, answers=False, kept=kept, batch=given, story=story, pool=pool)
        for row in batch
    ]
    pool.record()

    assert linked == [[jane], [], [jane]]
    reporting = Claim.objects.get(pk=jane.pk).evidence.values_list("article", flat=True)
    assert sorted(reporting) == [origin.pk, first.pk, later.pk]
