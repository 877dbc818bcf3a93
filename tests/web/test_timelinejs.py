"""The TimelineJS3 export of a case: its shape on the seed corpus, dates as precise as known."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.web.test_api import grow
from tracker.cases.models import Case
from tracker.crossref.models import Event
from tracker.web.timelinejs import start_date


def export(client, slug="musk-v-openai") -> dict:
    response = client.get(reverse("web:case_timelinejs", args=[slug]))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


@pytest.mark.django_db
def test_export_shape_on_the_seed_corpus(sample_corpus, client):
    document = export(client)
    assert document["title"]["text"]["headline"] == Case.objects.get(slug="musk-v-openai").name
    events = Event.objects.public().filter(case__slug="musk-v-openai", date__isnull=False)
    assert len(document["events"]) == events.count() >= 3
    for entry in document["events"]:
        assert set(entry) <= {"start_date", "text", "group", "unique_id", "display_date"}
        assert entry["unique_id"].startswith("event-")
        assert set(entry["text"]) == {"headline", "text"}
        assert entry["start_date"]["year"].isdigit()
    starts = [
        tuple(int(e["start_date"].get(k, 0)) for k in ("year", "month", "day")) for e in document["events"]
    ]
    assert starts == sorted(starts)  # oldest first
    seed = events.get(date="2026-04-30")
    (entry,) = [e for e in document["events"] if e["unique_id"] == f"event-{seed.pk}"]
    assert entry["start_date"] == {"year": "2026", "month": "4", "day": "30"}
    assert entry["group"] == "testimony"
    assert f'href="http://testserver{reverse("web:event", args=[seed.pk])}"' in entry["text"]["text"]
    assert "First reported by Aivizor" in entry["text"]["text"]
    (founded,) = [e for e in document["events"] if e["start_date"]["year"] == "2023"]
    assert founded["start_date"] == {"year": "2023"}  # a year-precise event has no month or day


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        ("day", {"year": "2026", "month": "4", "day": "30"}),
        ("week", {"year": "2026", "month": "4", "day": "27"}),
        ("month", {"year": "2026", "month": "4"}),
        ("year", {"year": "2026"}),
    ],
)
def test_dates_are_no_more_precise_than_known(precision, expected):
    day = date(2026, 4, 27) if precision == "week" else date(2026, 4, 30)
    assert start_date(Event(date=day, precision=precision)) == expected


@pytest.mark.django_db
def test_titles_are_escaped_and_unknown_cases_404(sample_corpus, client):
    seed = Event.objects.get(date="2026-04-30")
    Event.objects.filter(pk=seed.pk).update(title="<b>bold</b> & co")
    (entry,) = [e for e in export(client)["events"] if e["unique_id"] == f"event-{seed.pk}"]
    assert entry["text"]["headline"] == "&lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert client.get(reverse("web:case_timelinejs", args=["no-such-case"])).status_code == 404


@pytest.mark.django_db
def test_export_reads_a_constant_number_of_queries(sample_corpus, client, django_assert_max_num_queries):
    grow(Case.objects.get(slug="musk-v-openai"), 12)
    with django_assert_max_num_queries(3):
        assert len(export(client)["events"]) >= 15
