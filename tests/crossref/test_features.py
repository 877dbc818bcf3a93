"""What clustering compares articles by (tracker/crossref/features.py): plain Python, no database."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from tracker.crossref import features, linkage, words

NOON = datetime(2016, 3, 15, 12, tzinfo=UTC)


def filler(seed: int, count: int = 120) -> str:
    """Made-up words, different for each seed: text two articles do not share."""
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)) for _ in range(count)
    )


def make(title: str, text: str, *, hours: float = 0, days=()) -> features.Profile:
    time = NOON + timedelta(hours=hours)
    return features.profile(
        key=(time, title), time=time, seen=time, title=title, text=text, mentions=[], days=days
    )


def score(a: features.Profile, b: features.Profile) -> float:
    term_idf, entity_idf = features.rarity([a, b])
    va, vb = features.vectors(a, term_idf, entity_idf), features.vectors(b, term_idf, entity_idf)
    return features.pair_score(a, b, va, vb)


def test_a_common_phrase_in_quotes_is_no_shared_quote_but_a_shared_sentence_is():
    phrase = "“we are going to win this”"  # six words: one shingle
    a, b = make("One", f"{filler(1)} {phrase} {filler(2)}"), make("Two", f"{filler(3)} {phrase} {filler(4)}")
    assert score(a, b) < 0.05
    sentence = "“the bridge will carry forty thousand cars a day from the harbour to the old town”"
    c, d = (
        make("One", f"{filler(1)} {sentence} {filler(2)}"),
        make("Two", f"{filler(3)} {sentence} {filler(4)}"),
    )
    assert score(c, d) >= features.QUOTE_WEIGHT * 0.9


def test_words_far_into_the_body_count():
    """Two reports of one event that open differently (a profile, a scene) and meet on the facts later."""
    facts = "quarry landslide excavator flooded tunnel rescuers " * 3
    a = make("A morning in the valley", f"{filler(1, 400)} {facts}")
    b = make("Where the road ends", f"{filler(2, 400)} {facts}")
    other = make("Where the road ends", f"{filler(2, 400)} {filler(3, 18)}")
    assert score(a, b) > score(a, other) + 0.01


def test_shared_dated_facts_count_when_weighted(monkeypatch):
    shared = "council budget meeting vote " * 2
    a = make("Budget", f"{shared} {filler(1)}", days=[date(2016, 3, 14)])
    b = make("Vote", f"{shared} {filler(2)}", days=[date(2016, 3, 14)])
    c = make("Vote", f"{shared} {filler(2)}", days=[date(2016, 3, 1)])
    monkeypatch.setattr(features, "FACT_WEIGHT", 0.3)
    assert score(a, b) > score(a, c) + 0.05


def test_the_clusters_do_not_depend_on_the_order_of_the_profiles():
    profiles = []
    for event in range(6):
        words = f"event{event} " + filler(100 + event, 12)
        for n in range(3):
            profiles.append(
                make(
                    f"Report {event}-{n}",
                    f"{words} {words} {filler(event * 10 + n, 60)}",
                    hours=event * 5 + n,
                )
            )
    expected = {frozenset(profiles[i].key for i in g) for g in features.cluster(profiles)}
    assert len(expected) < len(profiles)
    for seed in range(3):
        order = list(profiles)
        random.Random(seed).shuffle(order)
        assert {frozenset(order[i].key for i in g) for g in features.cluster(order)} == expected


def test_articles_naming_participants_none_of_them_the_same_score_lower(monkeypatch):
    """Two hearings of one week in the same words, before different people: two happenings."""
    words = "the zoning board hearing on the harbour crane ran late and the vote was put off " * 2

    def hearing(name: str, seed: int) -> features.Profile:
        text = f"{name} spoke first. {words} {filler(seed)}"
        return features.profile(
            key=(NOON, name), time=NOON, seen=NOON, title="Hearing", text=text, mentions=[(name, "PERSON", 0)]
        )

    a, same, other = hearing("Maria Okonkwo", 1), hearing("Maria Okonkwo", 2), hearing("Tomas Lindqvist", 2)
    apart = score(a, other)
    assert 0 < apart < score(a, same) / 2
    monkeypatch.setattr(features, "APART", 1.0)
    assert abs(apart - 0.3 * score(a, other)) < 1e-9


HEADLINES = {  # invented headlines, one for each kind of piece (words.PIECE_KINDS)
    "poll": "New survey puts the harbour plan ahead among voters",
    "debate": "Candidates for mayor debate the harbour plan",
    "rally": "Dock workers hold a rally for the harbour plan",
    "endorsement": "Shipping union endorses the harbour plan",
    "ad": "Opponents of the harbour plan air two new ads",
    "money": "Harbour plan backers lean on a handful of donors",
    "court": "Judge halts work on the harbour plan",
    "speech": "Mayor defends the harbour plan in a speech downtown",
}


@pytest.mark.parametrize("kind", sorted(words.PIECE_KINDS))
def test_each_kind_of_piece_is_read_from_a_headline(kind):
    assert words.piece_kinds(HEADLINES[kind]) == {kind} and HEADLINES.keys() == words.PIECE_KINDS.keys()
    assert words.piece_kinds("The harbour plan, explained") == frozenset()


def test_headlines_announcing_pieces_of_different_kinds_score_lower(monkeypatch):
    """A poll and a rally in one week, told in the same words: two pieces; two polls are not parted."""
    text = "the harbour plan would move the ferry terminal and the fish market to the east pier " * 2
    poll = make(HEADLINES["poll"], f"{text} {filler(1)}")
    other_poll = make("Second survey finds the harbour plan losing ground", f"{text} {filler(2)}")
    rally = make(HEADLINES["rally"], f"{text} {filler(2)}")
    plain = make("The harbour plan, explained", f"{text} {filler(2)}")
    parted, together, unkinded = score(poll, rally), score(poll, other_poll), score(poll, plain)
    monkeypatch.setattr(features, "KIND_APART", 1.0)
    assert abs(parted - 0.5 * score(poll, rally)) < 1e-9
    assert score(poll, other_poll) == together and score(poll, plain) == unkinded


def test_a_report_dated_days_after_the_day_it_reports_fades_from_that_day():
    """A print edition two days after a council vote, naming the vote's day throughout, is compared from
    that day; naming it twice is not enough, nor is it nearer a report of another day, and the window
    still counts the stated dates."""
    vote = "the harbour council voted to close the east pier and move the ferry terminal inland " * 2
    day = NOON.date()
    first = make("Council closes the east pier", f"{vote} {filler(1)}")
    later = make("Pier vote splits the harbour", f"{vote} {filler(2)}", hours=48, days=Counter({day: 3}))
    twice = make("Pier vote splits the harbour", f"{vote} {filler(2)}", hours=48, days=Counter({day: 2}))
    same_day = make("Pier vote splits the harbour", f"{vote} {filler(2)}", days=Counter({day: 3}))
    gone = make("Pier vote splits the harbour", f"{vote} {filler(2)}", hours=100, days=Counter({day: 3}))
    assert later.reported == NOON and twice.reported is None
    assert abs(score(first, later) - score(first, same_day)) < 1e-9
    assert score(first, later) > score(first, twice) * 1.5 > 0
    assert score(first, gone) == 0.0
    eve = NOON.date() - timedelta(days=1)  # an earlier report of another day: no nearer for it
    other = make("Council closes the east pier", f"{vote} {filler(1)}", days=Counter({eve: 3}))
    assert abs(score(other, later) - score(other, twice)) < 1e-9
    profiles = [first, later, twice, gone, other]
    term_idf, entity_idf = features.rarity(profiles)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in profiles]
    matrix = linkage._score_matrix(profiles, vecs, features)  # the numpy copy agrees, pair by pair
    for i, j in ((0, 1), (0, 2), (0, 3), (1, 2), (1, 4), (2, 4)):
        assert abs(matrix[i, j] - features.pair_score(profiles[i], profiles[j], vecs[i], vecs[j])) < 1e-12
