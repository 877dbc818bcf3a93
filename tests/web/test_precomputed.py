"""What the timeline keeps between requests (tracker/web/precomputed.py, pagecache.remembered): the
events' rows, the case's overview and hearings, the filter form's choices, the cases. The page a reader
gets is the page rendered from fresh rows; a change handed on through events_changed (as linking and
curation hand theirs on) shows at once on the page staff get (rendered every time) and on the cached
page anonymous readers get; a docket entry, a case or an entity saved retires what shows them; and the
uncached timeline costs a fixed, small number of queries."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import ClaimFactory, DocketEntryFactory, EntityFactory
from tracker.cases.models import Case
from tracker.cases.signals import send_cases_changed
from tracker.crossref.models import Claim, Event
from tracker.crossref.signals import send_events_changed
from tracker.dockets.models import DocketEntry
from tracker.dockets.signals import send_record_changed
from tracker.web import timeline

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def kept(settings, sample_corpus):
    settings.TRACKER_PAGE_CACHE_SECONDS = 300
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # every sample claim public
    return Event.objects.get(date=date(2026, 4, 30))


@pytest.fixture
def staff(django_user_model) -> Client:
    """A signed-in curator: never served from the page cache, the timeline rendered every time."""
    user = django_user_model.objects.create_user("curator", password="x", is_staff=True)
    client = Client()
    client.force_login(user)
    return client


def _timeline(client: Client, event: Event) -> str:
    response = client.get(reverse("web:case", args=[event.case.slug]))
    assert response.status_code == 200
    return response.content.decode()


def _handed_on(event_ids, callbacks) -> None:
    """events_changed as linking and curation send it: once, after their transaction commits."""
    with callbacks(execute=True):
        send_events_changed(event_ids)


def test_an_event_changed_through_events_changed_shows_on_the_uncached_and_the_cached_page(
    kept, client, staff, django_capture_on_commit_callbacks
):
    before_staff, before_reader = _timeline(staff, kept), _timeline(client, kept)
    assert kept.title in before_staff and kept.title in before_reader
    Event.objects.filter(pk=kept.pk).update(title="A title a curator wrote")
    # Nothing announced it yet: the row is kept (the staff page is still rendered from it).
    assert "A title a curator wrote" not in _timeline(staff, kept)
    _handed_on([kept.pk], django_capture_on_commit_callbacks)
    assert "A title a curator wrote" in _timeline(staff, kept)
    assert "A title a curator wrote" in _timeline(client, kept)


def test_a_claim_changed_through_events_changed_shows_on_both_pages(
    kept, client, staff, django_capture_on_commit_callbacks
):
    claim = Claim.objects.public().filter(event=kept).order_by("-outlets_count", "pk").first()
    _timeline(staff, kept), _timeline(client, kept)
    Claim.objects.filter(pk=claim.pk).update(text="Words a curator corrected in this claim")
    assert "Words a curator corrected" not in _timeline(staff, kept)
    _handed_on([kept.pk], django_capture_on_commit_callbacks)
    assert "Words a curator corrected" in _timeline(staff, kept)
    assert "Words a curator corrected" in _timeline(client, kept)


def test_kept_rows_give_the_page_rendered_from_fresh_rows(kept, staff, settings):
    _timeline(staff, kept)
    warm = TOKEN.sub("TOKEN", _timeline(staff, kept))
    settings.TRACKER_PAGE_CACHE_SECONDS = 0  # nothing kept: every row read afresh
    assert TOKEN.sub("TOKEN", _timeline(staff, kept)) == warm


def _announced(case_ids, event_ids, callbacks) -> None:
    """record_changed as dockets send it (ingestion, relinking, the admin): after their commit."""
    with callbacks(execute=True):
        send_record_changed(case_ids, event_ids)


def test_a_docket_entry_shows_once_announced_as_the_next_hearing_and_on_its_event(
    kept, staff, django_capture_on_commit_callbacks
):
    """The hearing candidates and the events' links to the record are kept until dockets announce a
    changed record (record_changed); which hearing is next is decided on every request."""
    case = kept.case
    assert "Hearing on the bench test" not in _timeline(staff, kept)
    entry = DocketEntryFactory(  # stored without the hand-off, as a row another process wrote
        case=case,
        docket_number=case.docket_number,
        number=901,
        kind="hearing",
        entered_at=datetime.now(UTC),
        filed_on=date.today() + timedelta(days=30),
        description="Hearing on the bench test",
        guid="bench-test-hearing",
    )
    assert "Hearing on the bench test" not in _timeline(staff, kept)  # kept until announced
    _announced([case.pk], [], django_capture_on_commit_callbacks)
    assert "<dt>Next hearing</dt><dd>Hearing on the bench test" in _timeline(staff, kept)
    entry.events.add(kept)  # as dockets' linking does, which then announces the moved link
    assert "In the record" not in _row(_timeline(staff, kept), kept)
    _announced([], [kept.pk], django_capture_on_commit_callbacks)
    assert "In the record" in _row(_timeline(staff, kept), kept)


def test_the_next_hearing_moves_with_the_clock_not_with_what_is_kept(kept, staff, settings):
    """A hearing that has begun is no longer the next one, though nothing announced anything."""
    case = kept.case
    for number, days in ((902, 10), (903, 20)):
        DocketEntryFactory(
            case=case,
            docket_number=case.docket_number,
            number=number,
            kind="hearing",
            entered_at=datetime(2020, 1, 1, tzinfo=UTC),
            filed_on=date.today() + timedelta(days=days),
            description=f"Hearing number {number} of the clock test",
            guid=f"clock-test-{number}",
        )
    settings.TRACKER_PAGE_CACHE_SECONDS = 300  # (settings changed: what this process kept is gone)
    assert "<dt>Next hearing</dt><dd>Hearing number 902" in _timeline(staff, kept)
    with time_machine.travel(datetime.now(UTC) + timedelta(days=15)):
        assert "<dt>Next hearing</dt><dd>Hearing number 903" in _timeline(staff, kept)


def _row(html: str, event: Event) -> str:
    row = html[html.index(f'id="event-{event.pk}"') :]
    return row[: row.index("</li>")]


def test_a_case_edited_shows_once_the_case_admin_announces_it(
    kept, staff, django_capture_on_commit_callbacks
):
    """The cases are kept under the site's stamp: the case admin's cases_changed retires them."""
    case = kept.case
    judge = f">{case.judge}</a></dd>"  # the sample's judge is a curated entity: a link to its page
    assert judge in _timeline(staff, kept)
    case.description = "A description a curator wrote for the overview."
    case.judge = "Judge Someone Else"
    case.save()
    assert case.description not in _timeline(staff, kept)  # kept until announced
    with django_capture_on_commit_callbacks(execute=True):
        send_cases_changed([case.pk])  # as CaseAdmin.save_related sends it
    html = _timeline(staff, kept)
    assert case.description in html and "<dd>Judge Someone Else</dd>" in html  # no entity: no link


def test_the_kept_filter_form_follows_its_choices(kept, staff, django_capture_on_commit_callbacks):
    """The filter form is kept per query while its lists are the kept ones (forms.timeline_form): a new
    speaker of the case, once announced, is in the "Who" menu of the next page, whatever was rendered."""
    speaker = EntityFactory(name="A speaker the form did not list", slug="form-speaker-test")
    assert 'value="form-speaker-test"' not in _timeline(staff, kept)
    ClaimFactory(case=kept.case, event=kept, speaker=speaker, kind="statement", text="Words of a new speaker")
    _handed_on([kept.pk], django_capture_on_commit_callbacks)
    assert 'value="form-speaker-test"' in _timeline(staff, kept)


def test_the_uncached_timeline_costs_no_query_once_its_parts_are_kept(kept, staff, django_assert_num_queries):
    _timeline(staff, kept)
    # Kept: the cases, the page's event ids (and whether each is in the record), its court record, the
    # rows, the overview, the hearing candidates, the choices (was 4, and 20 with nothing kept).
    with django_assert_num_queries(0):
        assert "Timeline" in _timeline(staff, kept)


def test_visible_entries_from_the_loaded_cases_agree_with_the_dockets_rule(sample_corpus):
    case = Case.objects.get(slug="musk-v-openai")
    other = Case.objects.create(name="Another case", slug="another-case", docket_number="1:26-cv-1")
    for i, kind in enumerate(["minutes", "order", "hearing", "minutes"]):
        for owner in (case, other):
            DocketEntryFactory(case=owner, kind=kind, number=i, guid=f"{owner.slug}-{i}", hidden=i == 3)
    case.hidden_docket_kinds = ["order"]
    case.save()
    ours = timeline.visible_entries(list(Case.objects.all()))
    theirs = DocketEntry.objects.visible()
    assert set(ours.values_list("pk", flat=True)) == set(theirs.values_list("pk", flat=True))
    assert ours.count() == 5  # of 8: each case's hidden entry, this case's order


def test_the_page_of_event_ids_walks_the_timeline_index_on_postgresql(kept):
    """web/0007: the newest dated events read in (date, id) order from an index, not every event of
    the case read and sorted (11 ms -> 0.1 ms at 10,000 events, bench/web.py)."""
    if connection.vendor != "postgresql":
        pytest.skip("the index order is PostgreSQL's plan; SQLite has the index but its own planner")
    ids = timeline.events(timeline.Filters(case=kept.case)).values_list("pk", flat=True)[:21]
    sql, params = ids.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a tiny table: ask whether the index *can* serve
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "web_event_timeline" in plan and "Sort" not in plan.split("web_event_timeline")[0], plan
