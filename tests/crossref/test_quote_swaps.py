"""A short quote with one word swapped is one statement when the words kept are the speaker's own in the
story (tracker/crossref/claim_restating.py `_swapped`, asked by claim linking with the story's topic
words, `claim_topics.topic`): "hasty, not dishonest" / "rushed, not dishonest" make one claim in every
order of the articles; the same swap where the word kept is what the speaker's claims of the story are
all about ("the motion") stays two, and so do a swap of short words, a negation, and a swap with no
distinctive word kept. Invented names and sentences."""

from __future__ import annotations

import pytest

from tests.crossref.test_claim_linking import article, say
from tests.crossref.test_claim_topics import _marsh_claims
from tests.crossref.test_speaker_kin import every_order, story  # noqa: F401 - the fixture
from tracker.crossref.claim_restating import quoted, said_keys


def _said(*quotes: str) -> set[str]:
    return said_keys([{"text": q} for q in quotes])


def _topic(*words: str):
    return lambda: frozenset(words)


def test_a_short_quote_with_one_word_swapped_is_the_same_statement():
    """Seen failing with `_swapped` off (never true), and with the topic words not taken out."""
    hasty, rushed = _said("I was hasty, not dishonest,"), _said("was rushed, not dishonest")
    assert quoted(hasty, rushed, False, _topic()) and quoted(rushed, hasty, False, _topic())
    assert quoted(_said("harsh but fair,"), _said("blunt but fair"), False, _topic())
    assert not quoted(hasty, rushed, False)  # no topic given: speaker kin's test, unchanged
    assert not quoted(hasty, rushed, False, _topic("dishonest"))  # the kept word is the topic's


def test_a_swap_of_short_words_or_of_a_negation_or_keeping_no_distinctive_word_is_not():
    """Seen failing with the swapped pair's DISTINCTIVE test off (the short words), the negation test
    off, and the kept words' distinctive test off."""
    assert not quoted(_said("a big plot"), _said("a bad plot"), False, _topic())
    assert not quoted(_said("it was never lawful"), _said("it was always lawful"), False, _topic())
    assert not quoted(_said("we will appeal"), _said("we will comply"), False, _topic())


# Every report of the speaker names the motion: the story's topic (with the other speakers' claims).
OTHERS = {
    "Omar Vance": "the motion to dismiss came too late for the trial",
    "Ruth Calder": "the motion asked the court for more time to answer",
}


def _reports(row, content: str) -> None:
    say(row, content, speaker="Lena Marsh")
    for speaker, said in OTHERS.items():
        say(row, said, speaker=speaker)


@pytest.mark.django_db
def test_two_outlets_quoting_one_short_statement_with_a_word_swapped_make_one_claim(story):  # noqa: F811
    """Seen failing with claim linking not passing the topic (`quoted` without it: two claims)."""
    hasty = article("Pine Wire", story, hours=0)
    say(hasty, 'the defendant was "hasty, not dishonest" when he kept the drives', speaker="Lena Marsh")
    rushed = article("Bench Ledger", story, hours=1)
    say(rushed, '"He was rushed, not dishonest," and the jury should say so', speaker="Lena Marsh")
    for groups, _ in every_order([hasty, rushed]):
        assert groups == {frozenset({hasty.pk, rushed.pk})}


@pytest.mark.django_db
def test_a_swap_whose_kept_word_is_the_storys_topic_stays_apart(story):  # noqa: F811
    """ "the motion is granted" / "the motion is denied": "motion" is in every claim of the pool. Seen
    failing with the topic words not taken out (one claim, in both orders)."""
    granted = article("Pine Wire", story, hours=0)
    _reports(granted, '"the motion is granted" for the bank')
    denied = article("Bench Ledger", story, hours=1)
    _reports(denied, 'by noon "the motion is denied" in full')
    for marsh in _marsh_claims([granted, denied]):
        assert marsh == {frozenset({granted.pk}), frozenset({denied.pk})}
