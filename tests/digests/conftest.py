"""Fixtures of the digest tests: the SMTP server, and confirmed subscribers."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.factories import SubscriberFactory
from tests.support.smtp import smtp_server  # noqa: F401 - a fixture
from tracker.cases.models import Case
from tracker.digests import composing
from tracker.digests.models import Subscriber


def make_subscriber(email: str, *, case=None, entity=None, frequency: str = "daily") -> Subscriber:
    """Kept for test_sending*.py until they call SubscriberFactory themselves (the same rows)."""
    return SubscriberFactory(email=email, case=case, entity=entity, frequency=frequency)


@pytest.fixture
def musk_case(sample_corpus):
    return Case.objects.get(slug="musk-v-openai")


@pytest.fixture
def current_period():
    """A daily period that ends a minute from now: it holds everything the sample just created."""
    return composing.period_ending("daily", timezone.now() + timezone.timedelta(minutes=1))
