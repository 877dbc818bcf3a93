"""Claims matched by a shared verbatim quote alone: candidates whose content words do not overlap at all
(the quote sits in the sentence, outside the reported content), so nothing but the quote can join them.
A quote of one word, or the same quote from another speaker, joins nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import (
    ArticleFactory,
    ClaimCandidateFactory,
    EntityFactory,
    StoryFactory,
)
from tracker.cases.models import Entity
from tracker.crossref import claim_linking, words
from tracker.crossref.models import Claim, Story
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)
# Two outlets' reports of one answer: the same quote, the content in words that share nothing.
FIRST = ('Calling it "{quote}", Musk said every lab distils rivals.', "every lab distils rivals")
SECOND = (
    'Musk told jurors the habit was widespread among competitors, "{quote}" in his words.',
    "the habit was widespread among competitors",
)


@pytest.fixture
def story():
    return StoryFactory(title="Musk testifies", first_seen_at=T0)


def _entity(name: str, kind: str = Entity.Kind.PERSON) -> Entity:
    return EntityFactory(name=name, kind=kind)


def _report(story: Story, outlet: str, report: tuple[str, str], quote: str, speaker: Entity) -> Article:
    """An article of `outlet` in `story` whose one sentence reports `speaker` with `quote` verbatim."""
    template, content = report
    sentence = template.format(quote=quote)
    row = ArticleFactory(
        story=story,
        outlet__name=outlet,
        title=f"{outlet} on the trial",
        text=sentence,
        first_seen_at=T0 + timedelta(hours=Article.objects.count()),
    )
    start, opening = sentence.index(content), sentence.index(quote)
    ClaimCandidateFactory(
        article=row,
        speaker_entity=speaker,
        text=content,
        sentence=sentence,
        start=start,
        quotes=[{"text": quote, "start": opening, "end": opening + len(quote), "prefix": "", "suffix": ""}],
    )
    return row


def test_the_reports_share_no_content_word():
    first, second = words.content_words(FIRST[1]), words.content_words(SECOND[1])
    assert first and second and not first & second
    assert words.similarity(first, second) == 0.0


def test_a_shared_quote_alone_makes_one_claim(story):
    musk = _entity("Elon Musk")
    rows = [
        _report(story, "Alpha", FIRST, "standard practice", musk),
        _report(story, "Beta", SECOND, "Standard practice.", musk),  # case and punctuation aside
    ]
    linked = [claim_linking.link_claims(row) for row in rows]

    claim = Claim.objects.get()
    assert [c.pk for found in linked for c in found] == [claim.pk, claim.pk]
    assert sorted(claim.evidence.values_list("article__outlet__name", flat=True)) == ["Alpha", "Beta"]


def test_a_one_word_quote_joins_nothing(story):
    musk = _entity("Elon Musk")
    for outlet, report in (("Alpha", FIRST), ("Beta", SECOND)):
        claim_linking.link_claims(_report(story, outlet, report, "routine", musk))
    assert Claim.objects.count() == 2


def test_the_same_quote_from_another_speaker_is_another_claim(story):
    claim_linking.link_claims(_report(story, "Alpha", FIRST, "standard practice", _entity("Elon Musk")))
    openai = _entity("OpenAI", Entity.Kind.ORG)
    claim_linking.link_claims(_report(story, "Beta", SECOND, "standard practice", openai))
    assert Claim.objects.count() == 2
    assert Claim.objects.filter(speaker=openai).count() == 1
