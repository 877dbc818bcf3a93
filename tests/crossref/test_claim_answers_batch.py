"""A linking batch links the answers of all its stories at once (`claim_answers.link_responses_of`):
each story's answer to a claim of that story, as one story at a time would, with the stories' claims,
evidence and speakers read once for all of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import ArticleFactory, ClaimCandidateFactory, EntityFactory, StoryFactory
from tracker.cases.models import Alias, Entity
from tracker.crossref import claim_answers, claim_linking
from tracker.crossref.models import Claim, ClaimCandidate

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)
# the claims, their verbs and numbers of reports, the answers' sentences, the speakers' entities and
# their aliases
READS = 5


def report(story, outlet: str, content: str, entity: Entity, **fields):
    """An article of `outlet` in `story` reporting `content` said by `entity`, linked to its claims."""
    sentence = f"{entity.name} {fields.pop('worded', 'said')} that {content}."
    row = ArticleFactory(
        story=story, outlet__name=outlet, text=sentence, first_seen_at=T0 + timedelta(hours=1)
    )
    ClaimCandidateFactory(
        article=row, speaker=entity.name, speaker_entity=entity, text=content, sentence=sentence,
        start=sentence.index(content), quotes=[], **fields,
    )  # fmt: skip
    claim_linking.link_claims(row, answers=False)


def test_each_storys_answer_is_linked_to_its_own_storys_claim_with_one_read_for_all(
    django_assert_num_queries,
):
    musk = EntityFactory(name="Elon Musk")
    Alias.objects.get_or_create(entity=musk, text="Musk")
    openai = EntityFactory(name="OpenAI", kind=Entity.Kind.ORG)
    stories = [StoryFactory(title=f"Story {n}", first_seen_at=T0) for n in range(2)]
    topics = ["abandoned its nonprofit mission", "copied the Grok training recipe"]
    for n, story in enumerate(stories):
        report(story, f"Alpha {n}", f"OpenAI {topics[n]}", musk, kind=ClaimCandidate.Kind.ALLEGATION)
        report(
            story, f"Beta {n}", f"Musk's claim that it {topics[n]} is false", openai,
            worded="countered", verb="counter", kind=ClaimCandidate.Kind.DEFENSE,
        )  # fmt: skip

    with django_assert_num_queries(READS + 2):  # and one update an answer
        linked = claim_answers.link_responses_of([story.pk for story in stories])

    for story in stories:
        allegation = Claim.objects.get(story=story, kind=ClaimCandidate.Kind.ALLEGATION)
        answer = Claim.objects.get(story=story, kind=ClaimCandidate.Kind.DEFENSE)
        assert answer.responds_to == allegation and linked[answer.pk] == allegation.pk
    assert len(linked) == 2


def test_without_an_answer_only_the_claims_and_their_verbs_are_read(django_assert_num_queries):
    """A story's claims and evidence grow with the corpus: without a claim that may be an open answer
    (a defense, or reported with a verb of response), one read, of no claim (`_maybe_open`). Fails
    when every claim's sentences are read whatever the verbs (tried: the sentences read for every claim
    of the stories), and when the stories' claims and verbs are read anyway (tried: no `_maybe_open`)."""
    musk = EntityFactory(name="Elon Musk")
    altman = EntityFactory(name="Sam Altman")
    story = StoryFactory(title="Story", first_seen_at=T0)
    for n in range(3):
        report(story, f"Alpha {n}", "OpenAI abandoned its nonprofit mission", musk)
        report(story, f"Beta {n}", "the board acted within its rights", altman)
    assert Claim.objects.filter(story=story).count() == 2

    with django_assert_num_queries(1):
        assert claim_answers.link_responses_of([story.pk]) == {}


def test_a_claim_reported_with_a_verb_of_response_in_capitals_answers():
    """Not a defense, but reported with a verb of response, however it is cased: an answer, as `_open`
    finds it (the verbs lowered). Fails when the database's filter compares the verbs as stored (tried:
    no `Lower`), or finds only defenses (tried: no `Exists`)."""
    musk = EntityFactory(name="Elon Musk")
    openai = EntityFactory(name="OpenAI", kind=Entity.Kind.ORG)
    story = StoryFactory(title="Story", first_seen_at=T0)
    report(story, "Alpha", "OpenAI misled its donors", musk, kind=ClaimCandidate.Kind.ALLEGATION)
    report(
        story, "Beta", "Musk misread the donors' letters", openai,
        worded="Responded", verb="Respond", kind=ClaimCandidate.Kind.STATEMENT,
    )  # fmt: skip
    target = Claim.objects.get(story=story, kind=ClaimCandidate.Kind.ALLEGATION)

    linked = claim_answers.link_responses_of([story.pk])

    answer = Claim.objects.get(story=story, kind=ClaimCandidate.Kind.STATEMENT)
    assert linked == {answer.pk: target.pk}


def test_of_two_targets_alike_the_one_reported_more_often_is_answered():
    """The tie between targets sharing as many words goes to the one with more reports (counted, not
    read row by row). Fails with every claim's count taken as 0 (tried: the oldest target wins)."""
    musk = EntityFactory(name="Elon Musk")
    openai = EntityFactory(name="OpenAI", kind=Entity.Kind.ORG)
    story = StoryFactory(title="Story", first_seen_at=T0)
    report(story, "Alpha", "OpenAI misled its donors", musk, kind=ClaimCandidate.Kind.ALLEGATION)
    for outlet in ("Beta", "Gamma"):
        report(story, outlet, "OpenAI broke its charter", musk, kind=ClaimCandidate.Kind.ALLEGATION)
    report(
        story, "Delta", "Musk is wrong about it", openai,
        worded="countered", verb="counter", kind=ClaimCandidate.Kind.DEFENSE,
    )  # fmt: skip
    often = Claim.objects.get(story=story, text="OpenAI broke its charter")

    linked = claim_answers.link_responses_of([story.pk])

    answer = Claim.objects.get(story=story, kind=ClaimCandidate.Kind.DEFENSE)
    assert linked == {answer.pk: often.pk}
