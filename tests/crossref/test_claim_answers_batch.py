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
READS = 4  # the claims, their evidence, the speakers' entities and their aliases


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
