"""Every view filled: a topic shows the events, stories and claims of its coverage; the all-cases
timeline keeps the court record; "Curated" follows the claims' review status; docket cards say their
type once."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tests.factories import DocketEntryFactory
from tracker.cases.models import Case
from tracker.crossref.models import Claim, Event, Story
from tracker.dockets.models import DocketEntry

pytestmark = pytest.mark.django_db


def _entry(case: Case, number: int | None, **fields) -> DocketEntry:
    return DocketEntryFactory(
        case=case,
        docket_number=case.docket_number,
        number=number,
        entered_at=datetime(2026, 4, 30, 20, 0, tzinfo=UTC),
        filed_on=None,
        **fields,
    )


def test_a_topic_shows_the_events_and_stories_of_its_coverage(
    client, sample_corpus, django_assert_max_num_queries
):
    topic = Case.objects.get(slug="ai-distillation")
    story = Story.objects.filter(cases=topic).order_by("pk").first()
    assert story is not None  # the sample's coverage is about distillation too
    # 20: the sample notice's check, once per minute; the date mentions dating claimless events
    with django_assert_max_num_queries(20):
        response = client.get(reverse("web:case", args=[topic.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing on the timeline matches" not in html
    event = Event.objects.get(date=date(2026, 4, 30))
    assert f'id="event-{event.pk}"' in html
    assert reverse("web:story", args=[story.pk]) in html
    claim = Claim.objects.filter(event=event).order_by("-outlets_count", "pk").first()
    assert reverse("web:claim", args=[claim.pk]) in html


def test_all_cases_keep_the_court_record(client, sample_corpus, django_assert_max_num_queries):
    case = Case.objects.get(slug="musk-v-openai")
    entry = _entry(
        case, 501, kind="minutes", entry_type="Minute Entry - Jury Trial", description="Jury trial held."
    )
    with django_assert_max_num_queries(19):
        response = client.get(reverse("web:home"), {"case": "all"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="record-{entry.pk}"' in html
    assert "30 Apr 2026, 13:00 PDT" in html  # in its own court's time zone
    record = html[html.index(f'id="record-{entry.pk}"') :]
    record = record[: record.index("</article>")]
    assert record.count("Minute") == 1  # the type once, not as badge, title and text
    assert "Jury trial held." in record


def test_an_unnumbered_entry_reads_sensibly(client, sample_corpus):
    case = Case.objects.get(slug="musk-v-openai")
    entry = _entry(
        case, None, kind="hearing", entry_type="Set/Reset Hearing", description="Set/Reset Hearing"
    )
    html = client.get(reverse("web:case", args=[case.slug])).content.decode()
    record = html[html.index(f'id="record-{entry.pk}"') :]
    record = record[: record.index("</article>")]
    text = " ".join(re.sub(r"<[^>]+>", " ", record).split())
    assert "Set/Reset Hearing (unnumbered entry)" in text and text.count("Set/Reset Hearing") == 1


def test_approving_the_main_claim_makes_the_event_curated(client, sample_corpus):
    case = Case.objects.get(slug="musk-v-openai")
    event = Event.objects.get(date=date(2026, 4, 30))
    curated_only = {"curated": "on"}
    html = client.get(reverse("web:case", args=[case.slug]), curated_only).content.decode()
    assert f'id="event-{event.pk}"' not in html
    main = Claim.objects.filter(event=event).order_by("-outlets_count", "pk").first()
    Claim.objects.filter(pk=main.pk).update(status="approved")  # what "approve" in the admin stores

    response = client.get(reverse("web:case", args=[case.slug]), curated_only)
    assert response.status_code == 200
    html = response.content.decode()
    item = html[html.index(f'id="event-{event.pk}"') :]
    assert 'badge--curated">Curated' in item[: item.index("</article>")]
    page = client.get(reverse("web:event", args=[event.pk])).content.decode()
    assert 'badge--curated">Curated' in page and "Machine-extracted</span>" not in page
