"""The court record on cached pages: what dockets and the case admin change is announced
(dockets.signals.record_changed, cases.signals.cases_changed), so an anonymous reader's cached timeline
shows a new filing, a moved link or a newly hidden kind at once instead of after the page cache's
timeout."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tracker.cases.models import Case
from tracker.crossref.models import Event
from tracker.dockets import event_linking
from tracker.dockets.ingestion import store_entries
from tracker.dockets.models import DocketEntry
from tracker.dockets.parsing import Entry

pytestmark = pytest.mark.django_db
ORDER = "ORDER GRANTING a stipulation to extend the briefing schedule of the cached page"


@pytest.fixture
def case(settings, sample_corpus) -> Case:
    settings.TRACKER_PAGE_CACHE_SECONDS = 300
    return Event.objects.get(date=date(2026, 4, 30)).case


def _entry(case: Case, description: str, guid: str, when: datetime) -> Entry:
    return Entry(
        docket_number=case.docket_number,
        judge_initials="",
        case_name=case.name,
        entry_type="Order",
        description=description,
        document_number="900",
        number=900,
        document_url="",
        link="",
        guid=guid,
        entered_at=when,
        filed_on=None,
    )


def _pages(case: Case) -> list[str]:
    return [reverse("web:case", args=[case.slug]), reverse("web:home") + "?case=all"]


def test_a_new_filing_retires_the_cached_case_pages(client, case, django_capture_on_commit_callbacks):
    for url in _pages(case):
        assert ORDER not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        created, _ = store_entries(
            [_entry(case, ORDER, "cached-1", datetime(2026, 5, 2, 18, tzinfo=UTC))], cases=[case]
        )
    assert created
    for url in _pages(case):
        assert ORDER in client.get(url).content.decode(), url


def test_a_moved_link_retires_the_cached_event_page(client, case, django_capture_on_commit_callbacks):
    event = Event.objects.get(date=date(2026, 4, 30))
    url = reverse("web:event", args=[event.pk])
    minutes = "Minute Entry for proceedings held: Jury Trial (Day 3), testimony of witnesses"
    client.get(url)
    DocketEntry.objects.create(  # stored without the hand-off, as a row another process wrote
        case=case,
        guid="cached-2",
        docket_number=case.docket_number,
        kind=DocketEntry.Kind.MINUTES,
        description=minutes,
        entered_at=datetime(2026, 4, 30, 23, tzinfo=UTC),
    )
    assert minutes not in client.get(url).content.decode()  # still the stored page
    with django_capture_on_commit_callbacks(execute=True):
        event_linking.link_events([event.pk])
    assert minutes in client.get(url).content.decode()


def test_hiding_a_kind_in_the_case_admin_retires_the_case_page(
    client, admin_client, case, django_capture_on_commit_callbacks
):
    store_entries([_entry(case, ORDER, "cached-3", datetime(2026, 5, 2, 18, tzinfo=UTC))], cases=[case])
    url = _pages(case)[0]
    assert ORDER in client.get(url).content.decode()
    change = reverse("admin:cases_case_change", args=[case.pk])
    form = admin_client.get(change).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["entities"] = [entity.pk for entity in case.entities.all()]
    data["hidden_docket_kinds"] = '["order"]'
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change, data)
    assert response.status_code == 302, re.findall(
        r'class="errorlist[^>]*>(.*?)</ul>', response.content.decode()
    )
    assert ORDER not in client.get(url).content.decode()


def test_an_entry_hidden_or_deleted_in_the_admin_retires_the_cached_and_the_kept_record(
    client, admin_client, case, django_capture_on_commit_callbacks
):
    """The docket entry admin announces what it changes (record_changed): the anonymous reader's cached
    page and the admin's own page (rendered every time, its record kept) drop the entry at once."""
    other = "ORDER setting a schedule for the entry the admin deletes"
    when = datetime(2026, 5, 2, 18, tzinfo=UTC)
    created, _ = store_entries(
        [_entry(case, ORDER, "cached-4", when), _entry(case, other, "cached-5", when)], cases=[case]
    )
    hidden, deleted = DocketEntry.objects.filter(pk__in=created).order_by("description")
    url = _pages(case)[0]
    for reader in (client, admin_client):
        assert ORDER in (html := reader.get(url).content.decode()) and other in html
    change = reverse("admin:dockets_docketentry_change", args=[hidden.pk])
    form = admin_client.get(change).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data |= {"hidden": "on", "entered_at_0": "2026-05-02", "entered_at_1": "18:00:00"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change, data)
    assert response.status_code == 302, re.findall(
        r'class="errorlist[^>]*>(.*?)</ul>', response.content.decode()
    )
    for reader in (client, admin_client):
        assert ORDER not in (html := reader.get(url).content.decode()) and other in html
    delete = reverse("admin:dockets_docketentry_delete", args=[deleted.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    for reader in (client, admin_client):
        assert other not in reader.get(url).content.decode()


def test_a_case_deleted_in_the_admin_leaves_the_kept_case_menu(
    client, admin_client, case, django_capture_on_commit_callbacks
):
    """The cases are kept under the site's stamp; deleting one in the admin announces it (cases_changed)."""
    other = Case.objects.create(name="A case the admin deletes", slug="deleted-case", kind=Case.Kind.TOPIC)
    url = _pages(case)[0]
    for reader in (client, admin_client):
        assert other.name in reader.get(url).content.decode()  # in the filter form's case menu
    delete = reverse("admin:cases_case_delete", args=[other.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    for reader in (client, admin_client):
        assert other.name not in reader.get(url).content.decode()
