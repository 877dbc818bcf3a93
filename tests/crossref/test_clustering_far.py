"""A story reported again after a quiet spell longer than the window joins its first part
(tracker/crossref/far.py)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from tracker.crossref import clustering, far
from tracker.crossref.models import Story

from .test_clustering import analyze, make_article
from .test_clustering_order import link_in, partition

pytestmark = pytest.mark.django_db

MOTION = (
    "Harrowgate Robotics asked Judge Ansel Pryce on {day} to throw out the jury's $48 million verdict for "
    "Tessaly Freight or order a new trial, arguing that the jurors never heard how Tessaly valued the "
    "warehouse routing patents. Delphine Okonkwo, Harrowgate's lead lawyer, wrote that the damages rested "
    'on a "royalty base no reasonable jury could accept." Tessaly said the new-trial motion repeats '
    "arguments Pryce rejected before the verdict."
)
REPORTS = [  # (outlet, stated, title, day named): the motion, then its answer and hearing four days on
    ("courtwire", "2026-06-04T15:10", "Harrowgate asks Pryce for new trial over patent verdict", "Thursday"),
    ("baytech", "2026-06-04T18:40", "Harrowgate seeks new trial, says damages were inflated", "Thursday"),
    ("labnotes", "2026-06-08T16:20", "Tessaly urges Pryce to reject Harrowgate's new-trial motion", "Monday"),
    ("courtwire", "2026-06-09T11:05", "Pryce sets hearing on Harrowgate's new-trial motion", "Tuesday"),
]


def reports(later: int = 0) -> list:
    """The four reports, the second part `later` more days on."""
    made = []
    for n, (outlet, stated, title, day) in enumerate(REPORTS):
        sentences = MOTION.format(day=day).split(". ")
        text = ". ".join(sentences[n % 2 :] + sentences[: n % 2])  # each its own lead: no copies
        if n >= 2:
            stated = (datetime.fromisoformat(stated) + timedelta(days=later)).strftime("%Y-%m-%dT%H:%M")
        made.append(make_article(outlet, stated, title, text))
    analyze(*made)
    return made


def test_a_story_reported_again_after_four_quiet_days_is_one_story():
    articles = reports()
    Story.objects.all().delete()
    clustering.settle(articles)
    assert len(partition()) == 1, partition()


def test_without_the_far_rule_the_two_parts_stay_apart(monkeypatch):
    """The rule off (no reach past the window): the four-day gap splits the story, as before far.py."""
    monkeypatch.setattr(far, "LONG", far.LONG * 0)
    articles = reports()
    Story.objects.all().delete()
    clustering.settle(articles)
    assert len(partition()) == 2, partition()


def test_a_part_linked_days_later_finds_the_first_at_once():
    """Linked as it arrives, with no periodic step: a report stated alone in its window is settled with
    what lies within far.LONG of it (neighbourhoods.neighbourhood), so it finds the first part at once."""
    articles = reports()
    Story.objects.all().delete()
    for article in articles:
        clustering.assign_story(article)
    assert len(partition()) == 1, partition()


def test_the_periodic_step_joins_the_parts_whatever_the_order():
    articles = reports()
    for seed in range(4):
        order = list(articles)
        random.Random(seed).shuffle(order)
        assert link_in(order) == {frozenset(a.canonical_url for a in articles)}, seed


def test_parts_further_apart_than_far_long_stay_apart():
    articles = reports(later=6)  # ten days on
    Story.objects.all().delete()
    clustering.settle(articles)
    assert len(partition()) == 2, partition()


def test_a_part_with_another_event_in_its_window_does_not_reach_past_it():
    """Coverage went on meanwhile (another event reported within the window of the second part): the
    gap was no quiet spell, and the second part is no other part of the first."""
    articles = reports()
    other = make_article(
        "baytech",
        "2026-06-07T09:00",
        "Reno council approves rail depot budget after a long night",
        "The Reno city council voted 5-2 early Sunday to approve a $31 million budget for the downtown rail "
        "depot, after residents spoke for six hours about noise and traffic. Mayor Celia Varga said the "
        "depot would open in 2028.",
    )
    analyze(other)
    Story.objects.all().delete()
    clustering.settle([*articles, other])
    assert len(partition()) == 3, partition()
