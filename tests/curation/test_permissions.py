"""Guarantee 4: the Curator group has exactly what curation needs; staff logins are rate limited."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests.curation.conftest import PASSWORD

pytestmark = pytest.mark.django_db

EXPECTED = {
    "crossref": {
        "view_claim", "change_claim", "add_claim", "view_evidence", "change_evidence", "view_event",
        "change_event", "add_event", "view_discrepancy", "change_discrepancy", "view_story",
        "change_story",
        "view_mention", "view_claimcandidate",
    },
    "cases": {
        "view_entity", "change_entity", "add_entity", "view_alias", "change_alias", "add_alias",
        "delete_alias", "view_case", "change_case",
    },
    "sources": {
        "view_feed", "change_feed", "add_feed", "view_outlet", "change_outlet", "add_outlet",
        "view_article", "view_fetchrun",
    },
    "web": {"view_errorreport", "change_errorreport"},
    "curation": {"view_claimcheck", "add_claimcheck"},
}  # fmt: skip


def test_curator_group_has_exactly_the_curation_permissions():
    group = Group.objects.get(name="Curator")
    found: dict[str, set[str]] = {}
    for app, codename in group.permissions.values_list("content_type__app_label", "codename"):
        found.setdefault(app, set()).add(codename)
    expected = {app: codes for app, codes in EXPECTED.items() if app != "web" or "web" in found}
    assert found == expected
    assert not group.permissions.filter(content_type__app_label="auth").exists()


@pytest.mark.parametrize(
    "name",
    [
        "admin:crossref_claim_changelist",
        "admin:crossref_event_changelist",
        "admin:crossref_discrepancy_changelist",
        "admin:cases_entity_changelist",
        "admin:cases_case_changelist",
        "admin:sources_feed_changelist",
        "admin:sources_outlet_changelist",
    ],
)
def test_curator_reaches_the_curation_pages(curator_client, name):
    assert curator_client.get(reverse(name)).status_code == 200


def test_curator_cannot_manage_users_or_groups(curator_client):
    assert curator_client.get("/admin/auth/user/").status_code == 403
    assert curator_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert curator_client.get(reverse("admin:auth_user_add")).status_code == 403


def test_staff_without_the_group_cannot_curate(db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("staff", password=PASSWORD, is_staff=True)
    client = Client()
    client.force_login(user)
    assert client.get(reverse("admin:crossref_claim_changelist")).status_code == 403


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_login_works_for_a_curator(curator):
    response = _login(Client(), "curator", PASSWORD)
    assert response.status_code == 302
