"""A curator in a real browser: logs in, approves a claim, merges two claims, explains a discrepancy,
and the public pages show the result."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.curation.conftest import PASSWORD
from tests.support.browser import screenshot
from tracker.crossref.models import Claim, Discrepancy, Status

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NOTE = "The statement was trial testimony, not a deposition."


def _run_action(page, action: str, claim_ids: list[int]) -> None:
    for pk in claim_ids:
        page.check(f'input[name="_selected_action"][value="{pk}"]')
    page.select_option('select[name="action"]', action)
    page.click('button[name="index"]')


def test_curator_curates_and_the_public_pages_show_it(live_server, page, sample_corpus, curator):
    general = Claim.objects.get(text__icontains="general practice")
    everyone = Claim.objects.get(text__icontains="everyone does it")
    setting = Discrepancy.objects.get(kind="setting")

    page.goto(live_server.url + reverse("admin:crossref_claim_changelist"))
    assert "/admin/login/" in page.url  # anonymous: sent to the login
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click('input[type="submit"]')
    page.wait_for_url(re.compile(r"/admin/crossref/claim/"))
    screenshot(page, "curation-review-queue")

    _run_action(page, "approve", [general.pk])
    assert "Approved 1 claim(s)" in page.inner_text(".messagelist")
    general.refresh_from_db()
    assert (general.status, general.locked) == (Status.APPROVED, True)

    _run_action(page, "merge", [general.pk, everyone.pk])
    page.check(f'input[name="kept"][value="{general.pk}"]')
    page.click('input[value="Merge into the chosen claim"]')
    page.wait_for_url(re.compile(rf"/admin/crossref/claim/{general.pk}/change/"))
    assert "1 piece(s) of evidence moved" in page.inner_text(".messagelist")
    assert page.locator("mark").count() >= 1  # the evidence, quotes highlighted
    everyone.refresh_from_db()
    assert everyone.merged_into_id == general.pk

    page.goto(live_server.url + reverse("admin:crossref_discrepancy_change", args=[setting.pk]))
    page.select_option("#id_status", "explained")
    page.fill("#id_note", NOTE)
    page.click('input[name="_save"]')
    page.wait_for_url(re.compile(r"/admin/crossref/discrepancy/$"))
    setting.refresh_from_db()
    assert (setting.status, setting.note) == ("explained", NOTE)

    page.goto(live_server.url + reverse("web:claim", args=[general.pk]))
    body = page.inner_text("main")
    assert "everyone does it" in body  # the merged claim's evidence, now on the kept claim
    assert "curated" in body.lower()  # the public label of an approved claim
    page.goto(live_server.url + reverse("web:claim", args=[setting.claim_id]))
    assert NOTE in page.inner_text("main")
    page.goto(live_server.url + reverse("web:home"))
    page.click("text=Elon Musk testifies that his artificial intelligence company")  # the timeline's event
    page.wait_for_url(re.compile(r"/events/\d+/"))
    event_page = page.inner_text("main")
    assert NOTE in event_page and "explained by a curator" in event_page.lower()
    screenshot(page, "curation-public-timeline")
    assert page.console_errors == []
