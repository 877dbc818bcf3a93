"""Fixtures of the digest tests: the SMTP server, the sample case and the current period (subscribers: tests.factories.SubscriberFactory)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.support.smtp import smtp_server  # noqa: F401 - a fixture
from tracker.cases.models import Case
from tracker.digests import composing


@pytest.fixture
def musk_case(sample_corpus):
    return Case.objects.get(slug="musk-v-openai")


@pytest.fixture
def current_period():
    """A daily period that ends a minute from now: it holds everything the sample just created."""
    return composing.period_ending("daily", timezone.now() + timezone.timedelta(minutes=1))
