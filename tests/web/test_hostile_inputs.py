"""Outside input over its size (issue 15): an email address longer than its column (254 characters,
which Django's form field lets through up to 320) and a search query of 100,000 characters are answered
as form errors or bounded searches, never a server error, on PostgreSQL as on SQLite. The long inputs
are generated here."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tracker.crossref.models import Event
from tracker.web import search
from tracker.web.models import ErrorReport

pytestmark = pytest.mark.django_db

# A syntactically valid address of 259 characters: a 64-character local part, labels under 63.
LONG_EMAIL = "a" * 64 + "@" + ("b" * 60 + ".") * 3 + "example.org"


def test_an_error_report_with_an_over_long_email_is_a_form_error(client, sample_corpus):
    assert len(LONG_EMAIL) > ErrorReport._meta.get_field("email").max_length
    event = Event.objects.get(date="2026-04-30")
    response = client.post(
        reverse("web:report"), {"event": event.pk, "text": "The date is wrong.", "email": LONG_EMAIL}
    )
    assert response.status_code == 200 and "email" in response.context["form"].errors
    assert not ErrorReport.objects.exists()


def test_a_search_query_of_100000_characters_is_searched_bounded(client, sample_corpus):
    query = "Musk " + "x" * 100_000
    response = client.get(reverse("web:search"), {"q": query})
    assert response.status_code == 200
    searched = response.context["results"].query
    assert searched.startswith("Musk x") and len(searched) <= search.MAX_QUERY
    assert response.context["query"] == searched and "x" * (search.MAX_QUERY + 1) not in response.text
