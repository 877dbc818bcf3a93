"""Clustering profiles kept per process (crossref.profiling.PROFILES) are the profiles worked out afresh:
the same articles read again reuse them, and a change to what a profile is worked out from (a mention, a
dated fact, the text, the title) is a new one."""

from __future__ import annotations

import datetime

import pytest

from tests.crossref.test_linking_profiles import articles
from tracker.crossref import profiling
from tracker.crossref.models import DateMention, Mention
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db


def fresh(scope) -> list:
    profiling.PROFILES.clear()
    return profiling.profiles(scope)


def reread(scope) -> list:
    return list(Article.objects.filter(pk__in=[a.pk for a in scope]).order_by("pk"))


def test_kept_profiles_are_the_fresh_ones_and_reused():
    stored = reread(articles())
    first = fresh(stored)
    again = profiling.profiles(reread(stored))  # new rows, new strings: the same inputs
    assert again == first
    assert all(a is b for a, b in zip(again, first, strict=True))


def test_what_a_profile_is_worked_out_from_changing_is_a_new_profile():
    stored = reread(articles())
    profiling.PROFILES.clear()
    before = profiling.profiles(stored)
    one, two, three = stored[1], stored[2], stored[3]
    Mention.objects.create(article=one, text="Okonkwo Holdings", label="ORG", start=0, end=5)
    DateMention.objects.create(
        article=two, text="on May 2", start=0, end=8, value=datetime.date(2026, 5, 2), precision="day"
    )
    Article.objects.filter(pk=three.pk).update(text=three.text + " The hearing was adjourned to June.")
    after = profiling.profiles(reread(stored))
    assert after == fresh(reread(stored))
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [1, 2, 3]
