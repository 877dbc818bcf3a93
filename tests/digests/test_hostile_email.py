"""An email address over its column (254 characters; Django's form field lets up to 320 through) is a
form error on the subscribe form, never a server error, on PostgreSQL as on SQLite (issue 15: every
outside input bounded). The address is generated here."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tracker.cases.models import Case
from tracker.digests.models import Subscriber

pytestmark = pytest.mark.django_db

# Syntactically valid, 259 characters: a 64-character local part, domain labels under 63.
LONG_EMAIL = "a" * 64 + "@" + ("b" * 60 + ".") * 3 + "example.org"


def test_subscribing_an_over_long_address_is_a_form_error(client, smtp_server):
    case = Case.objects.get(slug="musk-v-openai")
    assert len(LONG_EMAIL) > Subscriber._meta.get_field("email").max_length
    response = client.post(
        reverse("digests:subscribe"), {"email": LONG_EMAIL, "frequency": "daily", "case": case.pk}
    )
    assert response.status_code == 400 and "email" in response.context["form"].errors
    assert not Subscriber.objects.exists() and not smtp_server.messages
