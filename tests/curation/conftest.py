"""A curator: a staff user in the Curator group (made by the migration), logged in to a test client."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

PASSWORD = "a curator's long password"


@pytest.fixture
def curator(db):
    group = Group.objects.filter(name="Curator").first()
    if group is None:  # a transactional test before this one flushed what the migration made
        from django.apps import apps

        from tracker.curation.permissions import sync_curator_group

        sync_curator_group(apps)
        group = Group.objects.get(name="Curator")
    user = get_user_model().objects.create_user("curator", password=PASSWORD, is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def curator_client(curator):
    client = Client()
    client.force_login(curator)
    return client
