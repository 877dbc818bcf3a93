"""Claim linking's rules one at a time, each with the rows that isolate it (the survivors of `make
mutants` showed which ones nothing else pinned down): the similarity formula and its floors, quotes
on one side only, which of several claims a candidate joins, the story and window that bring a claim
into reach, spans a curator pinned on a locked claim, a re-extracted candidate rewriting its claim,
and what a new claim takes from its candidate, article and story."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.crossref.test_claim_linking import T0, article, say
from tests.factories import (
    ArticleFactory,
    CaseFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
    StoryFactory,
)
from tracker.crossref import claim_linking
from tracker.crossref.claim_linking import _Known
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Story, StoryArticle
from tracker.crossref.words import quote_keys, similarity

pytestmark = pytest.mark.django_db


@pytest.fixture
def musk():
    return EntityFactory(name="Elon Musk")


@pytest.fixture
def story():
    return StoryFactory(title="Musk testifies", first_seen_at=T0)


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def test_similarity_is_the_ochiai_coefficient_above_a_two_word_floor():
    assert similarity(words("a b"), words("a b")) == 1.0
    assert similarity(words("a"), words("a")) == 1.0  # the same words, however few
    assert similarity(words("a b"), words("a b c")) == pytest.approx(2 / 6**0.5)
    assert similarity(words("a b c d"), words("a b")) == pytest.approx(2 / 8**0.5)
    assert similarity(words("a b c"), words("a d e")) == 0.0  # one shared word is not enough
    assert similarity(frozenset(), frozenset()) == 0.0


def test_a_quote_without_text_or_of_one_word_identifies_nothing():
    assert quote_keys([{}, {"text": "partly"}, {"text": "General  practice!"}]) == {"general practice"}


def test_a_claim_known_by_no_words_scores_nothing():
    assert _Known(Claim(), key=("text", "musk")).score(words("a b")) == 0.0


def report(claim: Claim, text: str, *, quotes: tuple[str, ...] = (), hours: float = 0) -> Evidence:
    """Evidence of `claim` from a new article whose content is `text`, quoting `quotes` verbatim."""
    row = ArticleFactory(text=text, first_seen_at=T0 + timedelta(hours=hours))
    return EvidenceFactory(
        claim=claim, article=row, text=text, sentence=text, quotes=[{"text": q} for q in quotes]
    )


def claim_of(speaker, text: str, *, quotes: tuple[str, ...] = (), story=None, locked=False) -> Claim:
    """A claim of `story` (else the test's: the first story), reported by one article."""
    story = story or Story.objects.order_by("pk").first()
    claim = ClaimFactory(speaker=speaker, text=text, story=story, first_seen_at=T0, locked=locked)
    report(claim, text, quotes=quotes)
    return claim


def link(story, musk, content: str, **fields) -> Claim:
    row = article("Zeta", story, hours=1)
    say(row, content, entity=musk, **fields)
    [claim] = claim_linking.link_claims(row)
    return claim


def test_a_quote_on_one_side_only_joins_nothing(story, musk):
    claim_of(musk, "grok was trained on synthetic benchmarks", quotes=("synthetic benchmarks",))
    before = set(Claim.objects.values_list("pk", flat=True))
    assert link(story, musk, 'tesla robots will "walk across Mars"').pk not in before
    claim_of(musk, "starship will reach orbit soon")
    before = set(Claim.objects.values_list("pk", flat=True))
    assert link(story, musk, 'neuralink implants "restore sight" in trials').pk not in before


# Which of several claims a candidate joins decides between claims a curator locked (machine claims it
# matches are merged into one instead: test_claim_merging), so the claims of these tests are locked.


def test_of_claims_sharing_quotes_the_one_sharing_most_wins(story, musk):
    claim_of(musk, "alpha beta gamma", quotes=("partly distilling OpenAI",), locked=True)
    both = claim_of(
        musk, "delta epsilon zeta", quotes=("partly distilling OpenAI", "standard practice"), locked=True
    )
    claim_of(musk, "eta theta iota", quotes=("partly distilling OpenAI",), locked=True)
    found = link(story, musk, 'it was "partly distilling OpenAI" as "standard practice"')
    assert found.pk == both.pk


def test_of_claims_sharing_a_quote_equally_the_most_similar_then_the_oldest_wins(story, musk):
    older = claim_of(musk, "kappa lambda", quotes=("partly distilling OpenAI",), locked=True)
    newer = claim_of(musk, "kappa lambda", quotes=("partly distilling OpenAI",), locked=True)
    assert link(story, musk, 'the lab was "partly distilling OpenAI"').pk == older.pk
    Claim.objects.filter(pk__in=[older.pk, newer.pk]).delete()
    claim_of(musk, "nothing alike here", quotes=("partly distilling OpenAI",), locked=True)
    similar = claim_of(musk, "robots walk mars", quotes=("partly distilling OpenAI",), locked=True)
    assert link(story, musk, 'robots walk mars, "partly distilling OpenAI"').pk == similar.pk


def test_of_similar_claims_the_most_similar_then_the_oldest_wins(story, musk):
    claim_of(musk, "robots walk mars colony", locked=True)  # 3 of its 4 words are the candidate's
    closer = claim_of(musk, "robots walk mars", locked=True)  # 3 of 3
    assert link(story, musk, "robots walk mars").pk == closer.pk
    Claim.objects.all().delete()
    older, newer = (
        claim_of(musk, "robots walk mars", locked=True),
        claim_of(musk, "robots walk mars", locked=True),
    )
    assert link(story, musk, "robots walk mars").pk == older.pk
    assert newer.evidence.count() == 1


def test_a_similarity_of_exactly_the_threshold_joins(story, musk):
    claim = claim_of(musk, "robot walk mars colony base")
    # two of five content words each: 2 / sqrt(5 * 5) = 0.4
    assert similarity(words("robot walk mars colony base"), words("robot walk lunar orbit dock")) == 0.4
    assert link(story, musk, "robot walk lunar orbit dock").pk == claim.pk


def test_every_evidence_rows_quotes_count(story, musk):
    claim = claim_of(musk, "omicron pi rho", quotes=("partly distilling OpenAI",))
    report(claim, "sigma tau upsilon", quotes=("standard practice",), hours=1)
    assert link(story, musk, 'they were "partly distilling OpenAI" then').pk == claim.pk
    assert link(story, musk, 'a "standard practice" then').pk == claim.pk


def test_an_entity_speakers_claim_is_found_beside_an_unresolved_speakers(story, musk):
    known = claim_of(musk, "robots walk mars")
    row = article("Zeta", story, hours=1)
    say(row, "robots walk mars", entity=musk)
    say(row, "the trial is a distraction", speaker="A spokesperson")
    claims = claim_linking.link_claims(row)
    assert known.pk in {c.pk for c in claims}
    assert Claim.objects.count() == 2


def test_a_claim_of_the_same_story_joins_however_late(story, musk):
    early, late = article("Alpha", story), article("Beta", story, hours=24 * 30)
    for row in (early, late):
        say(row, "robots walk mars", entity=musk)
    [first] = claim_linking.link_claims(early)
    assert [c.pk for c in claim_linking.link_claims(late)] == [first.pk]
    other = StoryFactory(first_seen_at=T0)
    outside = article("Gamma", other, hours=24 * 60)
    say(outside, "robots walk mars", entity=musk)
    assert claim_linking.link_claims(outside)[0].pk != first.pk


def test_a_span_a_curator_put_on_a_locked_claim_stays_there(story, musk):
    """The curator moved the article's report to a locked claim of another speaker; relinking keeps it
    there, and does not copy it onto the claim it would match, nor start a claim for it."""
    row = article("Alpha", story)
    candidate = say(row, "robots walk mars", entity=musk)
    [matched] = claim_linking.link_claims(row)
    curated = ClaimFactory(speaker=None, speaker_text="SpaceX", text="Robots will walk on Mars", locked=True)
    Evidence.objects.filter(article=row).update(claim=curated)
    other = article("Beta", story, hours=1)  # another article's locked span at the same offset
    say(other, "robots walk mars", entity=musk)
    claim_linking.link_claims(other)
    Evidence.objects.filter(article=other).update(claim=ClaimFactory(locked=True, text="elsewhere"))
    assert claim_linking.link_claims(row) == [curated]
    assert list(Evidence.objects.filter(article=row).values_list("claim", "start")) == [
        (curated.pk, candidate.start)
    ]
    assert not matched.evidence.exists()


def test_a_re_extracted_candidate_rewrites_the_claim_it_alone_reports(musk):
    row = ArticleFactory()
    candidate = say(row, "robots walk mars", entity=musk)
    [claim] = claim_linking.link_claims(row)
    assert claim.story is None
    ClaimCandidate.objects.filter(pk=candidate.pk).update(
        speaker="Elon Musk", kind="allegation", text="robots walk mars soon", date=date(2026, 5, 1),
        date_precision="day",
    )  # fmt: skip
    claim_linking.link_claims(row)
    claim.refresh_from_db()
    named = ClaimCandidate.objects.get(pk=candidate.pk).named_speaker
    assert (claim.speaker_text, claim.kind, claim.text, claim.date, claim.precision) == (
        named, "allegation", "robots walk mars soon", date(2026, 5, 1), "day"
    )  # fmt: skip
    story = StoryFactory()
    StoryArticle.objects.create(story=story, article=row)  # the article joins a story later
    ClaimCandidate.objects.filter(pk=candidate.pk).update(text="robots walk mars very soon")
    claim_linking.link_claims(row)
    claim.refresh_from_db()
    assert (claim.text, claim.story_id) == ("robots walk mars very soon", story.pk)
    other = StoryFactory()
    StoryArticle.objects.filter(article=row).update(story=other)
    ClaimCandidate.objects.filter(pk=candidate.pk).update(text="robots walk mars at last")
    claim_linking.link_claims(row)
    claim.refresh_from_db()
    assert (claim.text, claim.story_id) == ("robots walk mars at last", story.pk)  # keeps its story


def test_a_new_claim_takes_the_candidates_date_and_the_articles_own_case_first(story, musk):
    own, story_case = CaseFactory(), CaseFactory()
    story.cases.add(story_case)
    row = article("Alpha", story)
    row.cases.add(own, CaseFactory())
    say(row, "robots walk mars", entity=musk, date=date(2026, 4, 29), date_precision="month")
    [claim] = claim_linking.link_claims(row)
    assert (claim.case_id, claim.date, claim.precision) == (own.pk, date(2026, 4, 29), "month")


def test_a_claim_is_known_by_its_own_text_too(story, musk):
    """A curator rewrote the claim in words none of its reports use: a report in those words joins it."""
    claim = claim_of(musk, "xi omega psi")
    Claim.objects.filter(pk=claim.pk).update(text="robots walk mars", locked=True)
    assert link(story, musk, "robots walk mars").pk == claim.pk


def test_a_span_that_reported_two_claims_rejoins_the_older(story, musk):
    row = article("Alpha", story)
    candidate = say(row, "robots walk mars", entity=musk)
    older, newer = (ClaimFactory(speaker=musk, text=text, first_seen_at=T0) for text in ("xi", "psi"))
    for claim in (older, newer):
        EvidenceFactory(claim=claim, article=row, start=candidate.start, end=candidate.end)
    assert claim_linking.link_claims(row) == [older]
    assert not Claim.objects.filter(pk=newer.pk).exists()  # left without evidence, unlocked: gone
