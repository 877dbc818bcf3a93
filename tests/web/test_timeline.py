"""The timeline: events and the court record in one stream, filters, keyset paging, htmx partials."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory, DocketEntryFactory, EventFactory, EvidenceFactory
from tracker.cases.models import Case, Entity
from tracker.crossref.models import Event
from tracker.crossref.signals import send_events_changed
from tracker.dockets.models import DocketEntry
from tracker.web import timeline

pytestmark = pytest.mark.django_db


def _case():
    return Case.objects.get(slug="musk-v-openai")


def test_home_shows_the_seed_event_with_its_sources(client, sample_corpus):
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    html = response.content.decode()
    event = Event.objects.get(date=date(2026, 4, 30))
    assert event.title in html
    assert "30 Apr 2026" in html
    assert "5 outlets, 4 independent" in html
    assert "Machine-extracted" in html
    assert "First reported by" in html
    assert 'id="timeline-results"' in html
    assert '<ol class="timeline"' in html
    assert html.index("30 Apr 2026") < html.index("27 Apr 2026") < html.index(">2023<")


def _more_events(n: int, *, start: date = date(2025, 1, 1)) -> list[Event]:
    """n extra events of the seed case, each with a public claim whose evidence is a seed article."""
    from tracker.sources.models import Article

    case, articles = _case(), list(Article.objects.order_by("pk"))
    speaker = Entity.objects.filter(claims__isnull=False).first()
    made = []
    for i in range(n):
        event = EventFactory(case=case, date=start + timedelta(days=i), title=f"Extra event {i}")
        claim = ClaimFactory(
            case=case, event=event, speaker=speaker, speaker_text="", kind="statement", text=f"said {i}"
        )
        for article in articles[: 1 + i % 3]:
            EvidenceFactory(
                claim=claim,
                article=article,
                sentence=f"Sentence {i}.",
                start=i,
                end=i + 1,
                attribution="direct",
            )
        made.append(event)
    return made


def _record(case, number, when, kind="order", **extra):
    return DocketEntryFactory(
        case=case,
        docket_number=case.docket_number,
        number=number,
        kind=kind,
        description=f"Entry {number} text",
        entered_at=when,
        guid=f"guid-{number}",
        **{"filed_on": None, **extra},
    )


def _items(response) -> list[str]:
    import re

    return re.findall(r'<li class="item item--\w+[^"]*" id="([\w-]+)"', response.content.decode())


def test_case_page_and_unknown_case(client, sample_corpus):
    assert client.get(reverse("web:case", args=["musk-v-openai"])).status_code == 200
    assert client.get(reverse("web:case", args=["no-such-case"])).status_code == 404


def test_filters(client, sample_corpus):
    seed = Event.objects.get(date=date(2026, 4, 30))
    url = reverse("web:home")
    assert _items(client.get(url, {"kind": "testimony"})) == [f"event-{seed.pk}"]
    assert _items(client.get(url, {"kind": "ruling"})) == []
    assert _items(client.get(url, {"entity": "elon-musk"})) == [f"event-{seed.pk}"]
    assert len(_items(client.get(url, {"date_from": "2026-01-01"}))) == 2
    assert len(_items(client.get(url, {"date_to": "2025-12-31"}))) == 1
    assert _items(client.get(url, {"discrepancies": "on"}))[0] == f"event-{seed.pk}"
    assert _items(client.get(url, {"curated": "on"})) == []
    Event.objects.filter(pk=seed.pk).update(locked=True)
    assert _items(client.get(url, {"curated": "on"})) == [f"event-{seed.pk}"]
    outlet = seed.claims.first().evidence.first().article.outlet
    assert f"event-{seed.pk}" in _items(client.get(url, {"outlet": outlet.domain}))
    # Stale or malformed values are dropped, never an error page.
    assert len(_items(client.get(url, {"entity": "nobody", "date_from": "soon", "kind": "x"}))) == 3
    assert len(_items(client.get(url, {"case": "ai-distillation"}))) == 3  # its stories' events
    assert len(_items(client.get(url, {"case": "all"}))) == 3


def test_hidden_events_and_rejected_claims_stay_off(client, sample_corpus, settings):
    seed = Event.objects.get(date=date(2026, 4, 30))
    Event.objects.filter(pk=seed.pk).update(status=Event.Visibility.HIDDEN)
    assert f"event-{seed.pk}" not in _items(client.get(reverse("web:home")))
    settings.TRACKER_PUBLISH_UNREVIEWED = False
    assert _items(client.get(reverse("web:home"))) == []


def test_court_record_interleaved_by_court_day(client, sample_corpus):
    case = _case()
    # 2026-04-30 05:00 UTC is still 29 April in California: the entry belongs to the 29th.
    late = _record(case, 101, datetime(2026, 4, 30, 5, 0, tzinfo=UTC))
    same_day = _record(case, 102, datetime(2026, 4, 30, 20, 0, tzinfo=UTC), kind="minutes")
    _record(case, 103, datetime(2026, 4, 28, 20, 0, tzinfo=UTC), kind="service")  # hidden kind
    hidden = _record(case, 104, datetime(2026, 4, 28, 21, 0, tzinfo=UTC))
    case.hidden_docket_kinds = ["service"]
    case.save()
    DocketEntry.objects.filter(pk=hidden.pk).update(hidden=True)  # hidden by a curator, whatever its kind
    seed = Event.objects.get(date=date(2026, 4, 30))
    trial = Event.objects.get(date=date(2026, 4, 27))
    items = _items(client.get(reverse("web:home")))
    assert items[:4] == [
        f"event-{seed.pk}",
        f"record-{same_day.pk}",
        f"record-{late.pk}",
        f"event-{trial.pk}",
    ]
    assert len(items) == 5
    html = client.get(reverse("web:home")).content.decode()
    assert "Court record" in html and "29 Apr 2026" in html
    assert _items(client.get(reverse("web:home"), {"type": "record"})) == [
        f"record-{same_day.pk}",
        f"record-{late.pk}",
    ]
    assert _items(client.get(reverse("web:home"), {"docket_kind": "minutes"})) == [f"record-{same_day.pk}"]
    assert f"record-{late.pk}" not in _items(client.get(reverse("web:home"), {"type": "news"}))
    assert _items(client.get(reverse("web:home"), {"date_from": "2026-04-30", "type": "record"})) == [
        f"record-{same_day.pk}"
    ]


def test_keyset_paging_walks_everything_once(client, sample_corpus):
    case = _case()
    extra = _more_events(7)
    for i in range(5):
        _record(case, 200 + i, datetime(2025, 1, 3 + i, 18, 0, tzinfo=UTC))
    expected = 3 + len(extra) + 5
    seen, cursor = [], None
    while True:
        page = timeline.page(timeline.Filters(case=case), before=cursor, size=4)
        seen += [f"{i.kind}-{i.obj.pk}" for i in page.items]
        if page.next_cursor is None:
            break
        cursor = timeline.Cursor.parse(str(page.next_cursor))
    assert len(seen) == len(set(seen)) == expected
    full = [f"{i.kind}-{i.obj.pk}" for i in timeline.page(timeline.Filters(case=case), size=100).items]
    assert seen == full


def test_older_link_and_htmx_partials(client, sample_corpus, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 2)
    url = reverse("web:home")
    first = client.get(url)
    html = first.content.decode()
    assert "Older events" in html and "before=2026-04-27_e" in html, html[html.find("timeline__more") :][:400]
    more = html.split('id="timeline-more"')[1].split('href="')[1].split('"')[0].replace("&amp;", "&")
    older = client.get(url + more)
    assert older.status_code == 200 and "<html" in older.content.decode()
    assert _items(older) == [f"event-{Event.objects.get(date=date(2023, 1, 1)).pk}"]
    # htmx: the "older" link gets items only, the filter form the results block, history restore the page.
    partial = client.get(url + more, headers={"HX-Request": "true", "HX-Target": "timeline-more"})
    body = partial.content.decode()
    assert "<html" not in body and "<ol" not in body and body.strip().startswith("<li")
    results = client.get(url, {"kind": "testimony"}, headers={"HX-Request": "true", "HX-Target": "timeline"})
    body = results.content.decode().strip()
    assert body.startswith('<section class="timeline-section" id="timeline"') and "<html" not in body
    assert '<option value="testimony" selected>' in body, "the form comes back matching the URL"
    restore = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.content.decode()


def test_bad_cursor_is_ignored(client, sample_corpus):
    assert len(_items(client.get(reverse("web:home"), {"before": "2026-13-40_e1"}))) == 3
    assert timeline.Cursor.parse("2026-04-30_r12") == timeline.Cursor(date(2026, 4, 30), "record", 12)
    assert timeline.Cursor.parse("nonsense") is None


def test_query_count_does_not_grow(client, sample_corpus, django_assert_max_num_queries):
    url = reverse("web:home")
    _record(_case(), 299, datetime(2026, 2, 1, 18, 0, tzinfo=UTC))
    # nothing kept (TRACKER_PAGE_CACHE_SECONDS=0): the cases, the event ids, the rows (events, claims,
    # docket links, coverage, discrepancies), the record, the overview, the hearings, the form's choices
    with django_assert_max_num_queries(21) as small:
        assert client.get(url).status_code == 200
    _more_events(30)
    for i in range(10):
        _record(_case(), 300 + i, datetime(2026, 3, 1 + i, 18, 0, tzinfo=UTC))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
        assert response.status_code == 200
    assert len(_items(response)) == timeline.PAGE_SIZE
    with django_assert_max_num_queries(len(small.captured_queries)):
        filtered = {"kind": "statement", "outlet": "aivizor.example", "entity": "elon-musk"}
        assert client.get(url, filtered).status_code == 200


def test_kept_parts_keep_the_uncached_timeline_at_no_query(
    client,
    sample_corpus,
    settings,
    django_user_model,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    """Staff's timeline (never from the page cache) with its parts kept (precomputed.py): no query at
    any corpus size; new events show once linking announces them (events_changed)."""
    settings.TRACKER_PAGE_CACHE_SECONDS = 300
    client.force_login(django_user_model.objects.create_user("curator", password="x", is_staff=True))
    url = reverse("web:home")
    _record(_case(), 299, datetime(2026, 2, 1, 18, 0, tzinfo=UTC))
    assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
    made = _more_events(30)
    assert len(_items(client.get(url))) < timeline.PAGE_SIZE  # not announced yet: the kept listing
    with django_capture_on_commit_callbacks(execute=True):
        send_events_changed([e.pk for e in made])  # as linking announces the events it made
    assert client.get(url).status_code == 200  # the new events' rows are made once
    with django_assert_num_queries(0):
        response = client.get(url)
        assert response.status_code == 200
    assert len(_items(response)) == timeline.PAGE_SIZE
