"""Scoring a claim candidate against the claims it may join: through each claim's word index
(`claim_evidence.WordSets`, kept for the placing), only against the reports that share its words, with the
scores of scoring every report."""

from __future__ import annotations

import itertools
import random

import pytest

from tests.crossref.test_claim_linking import T0, article, say
from tests.factories import ClaimFactory, EntityFactory, EvidenceFactory, StoryFactory
from tracker.crossref import claim_evidence, claim_linking, claim_merging
from tracker.crossref.models import Claim
from tracker.crossref.words import content_words, similarity

pytestmark = pytest.mark.django_db


def test_the_index_scores_as_every_report_would():
    """`WordSets.score` is the best `similarity` over every set added, repeats and the one-word sets that
    are the same words included; random sets over a small vocabulary, so that shares of 0-4 words and
    equal sets all occur."""
    rng = random.Random(17)
    vocabulary = "a b c d e f g".split()
    sets = [frozenset(rng.sample(vocabulary, rng.randint(0, 4))) for _ in range(60)]
    index = claim_evidence.WordSets(sets[:30])
    for words in sets[30:]:
        index.append(words)
    assert list(index) == sets and len(index) == 60
    for probe in [frozenset(c) for n in range(5) for c in itertools.combinations(vocabulary, n)]:
        assert index.score(probe) == max((similarity(probe, w) for w in sets), default=0.0)
    assert claim_evidence.WordSets().score(frozenset("ab")) == 0.0


def test_a_batch_scores_no_report_of_a_claim_that_shares_no_word(monkeypatch):
    """A batch's candidates are scored (`similarity`) against the reports that share their words: not
    against those of the 40 other claims of the speaker in the story (three reports each), and a wording
    twelve copies repeat is scored no more often than the claim's own text (once a scoring, not once a
    copy). The batch links as before: the two reports of the distilling claim join it, the factory's
    closing starts a claim. Seen failing on the scoring of every report: 1,120 pairs with an unrelated
    claim's report, 60 with the copies against 7 with the claim's text (now 0, and 4 against 6)."""
    musk, story = EntityFactory(name="Elon Musk"), StoryFactory(title="Musk testifies", first_seen_at=T0)
    origin = article("Origin", story, text="Musk spoke.")
    text, wording = (
        'xAI had been "partly distilling OpenAI" for a year',
        'xAI was "partly distilling OpenAI" models',
    )
    distilling = ClaimFactory(story=story, speaker=musk, text=text)
    for start in range(12):  # one wording, twelve copies (syndicated reports)
        quotes = [{"text": "partly distilling OpenAI"}]
        EvidenceFactory(claim=distilling, article=origin, start=start, text=wording, quotes=quotes)
    unrelated = set()
    for n in range(40):
        other = f"the harbour{n} ferries{n} need lighthouse{n} repairs{n} soon"
        unrelated |= content_words(other)
        claim = ClaimFactory(story=story, speaker=musk, text=other)
        for start in range(3):
            EvidenceFactory(claim=claim, article=origin, start=100 + start, text=f"{other} {start}")
    beta, gamma = article("Beta", story, hours=1), article("Gamma", story, hours=2)
    say(beta, 'xAI was "partly distilling OpenAI" for a year', entity=musk)
    say(beta, 'the factory "will close in June" after the audit', entity=musk)
    say(gamma, 'his engineers were "partly distilling OpenAI" models', entity=musk)
    pairs = []

    def counted(a: frozenset[str], b: frozenset[str]) -> float:
        pairs.append((a, b))
        return similarity(a, b)

    for module in (claim_linking, claim_merging, claim_evidence):
        monkeypatch.setattr(module, "similarity", counted, raising=False)
    given, kept = claim_evidence.Articles.of([beta, gamma]), claim_evidence.Kept()
    pool = claim_linking.pool_of(given, [story.pk], kept)
    for row in (beta, gamma):
        claim_linking.link_claims(row, answers=False, kept=kept, batch=given, story=story, pool=pool)
    pool.record()

    assert [pair for pair in pairs if (pair[0] | pair[1]) & unrelated] == []
    scored = [b for _, b in pairs]
    assert 0 < scored.count(content_words(wording)) <= scored.count(content_words(text))
    assert set(distilling.evidence.values_list("article", flat=True)) == {origin.pk, beta.pk, gamma.pk}
    assert Claim.objects.filter(text__contains="factory").count() == 1
    assert Claim.objects.count() == 42
