"""Pages say when they show the bundled sample (its outlets live under the reserved `.example` domains);
a database without it shows no notice."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from tracker.sources.models import Outlet
from tracker.web.templatetags.sample import CACHE_KEY

pytestmark = pytest.mark.django_db
NOTICE = 'class="sample-notice" role="note"'


def test_every_page_says_it_shows_sample_data(client, sample_corpus):
    pages = [
        reverse("web:home"),
        reverse("web:outlets"),
        reverse("web:search") + "?q=musk",
        reverse("web:entities"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        assert NOTICE in response.content.decode(), url
        assert "written for the tests" in response.content.decode()
    assert cache.get(CACHE_KEY) is True  # the pages after the first ask the cache, not the database


def test_no_notice_without_the_sample(client, db):
    Outlet.objects.create(name="Real News", domain="realnews.com")
    response = client.get(reverse("web:outlets"))
    assert response.status_code == 200 and NOTICE not in response.content.decode()


def test_the_notice_follows_the_data(client, db):
    assert NOTICE not in client.get(reverse("web:stories")).content.decode()
    Outlet.objects.create(name="Aivizor", domain="aivizor.example")
    cache.clear()  # the answer is cached for a minute
    assert NOTICE in client.get(reverse("web:stories")).content.decode()
