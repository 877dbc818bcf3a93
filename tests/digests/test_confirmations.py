"""Each confirmation link works once, by itself: confirming one topic leaves the reader's other pending
links working; leaving voids them all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.digests.test_subscribing import link_in, subscribe
from tracker.cases.models import Case, Entity
from tracker.digests import subscribing, tokens
from tracker.digests.models import Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_pending_links(client, smtp_server):
    case = Case.objects.get(slug="musk-v-openai")
    entity = Entity.objects.filter(status=Entity.Status.CURATED).order_by("pk").first()
    subscribe(client, case=case.pk)
    subscribe(client, entity=entity.pk)
    first, second = (link_in(message) for message in smtp_server.to("new@example.org"))
    return first, second, case, entity


def test_confirming_one_link_leaves_the_other_pending_link_working(client, two_pending_links):
    first, second, case, entity = two_pending_links
    assert client.post(first).status_code == 200
    assert client.post(second).status_code == 200
    subscriber = Subscriber.objects.get(email="new@example.org")
    followed = {(s.case_id, s.entity_id) for s in subscriber.subscriptions.all()}
    assert followed == {(case.pk, None), (None, entity.pk)}
    for used in (first, second):
        answer = client.post(used)
        assert answer.status_code == 400 and b"already been used" in answer.content


def test_leaving_voids_every_pending_link(client, two_pending_links):
    first, second, _, _ = two_pending_links
    assert client.post(first).status_code == 200
    subscribing.unsubscribe(Subscriber.objects.get(email="new@example.org"))
    assert client.post(second).status_code == 400


def test_a_link_followed_twice_at_once_confirms_once(client, two_pending_links):
    first, _, _, _ = two_pending_links
    token = first.rstrip("/").rsplit("/", 1)[1]
    confirmation = tokens.read_confirm_token(token)
    subscribing.confirm(confirmation)
    with pytest.raises(tokens.BadToken):
        subscribing.confirm(confirmation)  # read before the first one committed
    assert reverse("digests:confirm", args=[token]) == first
