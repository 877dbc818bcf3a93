"""Docket feeds through the real polling path: only tracked cases stored, re-polls add nothing, an
amended entry is updated, and `add_feed --kind docket` + `poll_feeds --sync` fill DocketEntry rows."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.dockets.conftest import FIXTURES
from tracker.cases.models import Case
from tracker.dockets.ingestion import handle_docket_feed
from tracker.dockets.models import DocketEntry
from tracker.sources import ingestion, signals
from tracker.sources.fetching import FetchResponse
from tracker.sources.models import Article, Feed, FetchRun

pytestmark = pytest.mark.django_db

RSS = {"Content-Type": "application/rss+xml; charset=ISO-8859-1"}


@pytest.fixture
def case():
    return Case.objects.get(slug="musk-v-openai")


@pytest.fixture
def docket_feed(case):
    feed = Feed.objects.create(url="https://cand-ecf.example/cgi-bin/rss_outside.pl", kind=Feed.Kind.DOCKET)
    feed.cases.add(case)
    return feed


def serving(*names):
    """A fetcher answering every request with the next of these fixture files."""
    bodies = [(FIXTURES / name).read_bytes() for name in names]

    def fetch(url, **kwargs):
        return FetchResponse(url, 200, dict(RSS), bodies.pop(0), 0)

    return fetch


def test_court_wide_feed_stores_the_tracked_case_only(docket_feed, case):
    result = ingestion.poll_feed(docket_feed, fetcher=serving("cand_court_wide.xml"))
    assert result.run.outcome == FetchRun.Outcome.OK and result.handled
    entries = DocketEntry.objects.all()
    assert entries.count() == 9 == len(result.created) and {e.case_id for e in entries} == {case.pk}
    assert result.run.entries_seen == 13 and result.run.entries_new == 9
    assert not Article.objects.exists()  # a docket feed never creates news
    by_number = {e.number: e for e in entries if e.number}
    assert by_number[501].kind == "minutes" and by_number[501].docket_number == "4:24-cv-04722-YGR"
    assert by_number[476].kind == "order" and by_number[476].document_url
    assert by_number[491].kind == "pro_hac_vice" and by_number[496].kind == "service"
    hearing = entries.get(number__isnull=True)
    assert hearing.kind == "hearing" and hearing.document_url == ""
    assert all(e.filed_on is None and e.feed_id == docket_feed.pk for e in entries)
    docket_feed.refresh_from_db()
    assert docket_feed.title.startswith("Northern District of California")


def test_repoll_adds_nothing_and_an_amended_entry_is_updated(docket_feed):
    fetch = serving("cand_court_wide.xml", "cand_court_wide.xml", "cand_court_wide_amended.xml")
    ingestion.poll_feed(docket_feed, fetcher=fetch)
    again = ingestion.poll_feed(docket_feed, fetcher=fetch)
    assert again.created == [] and again.updated == [] and DocketEntry.objects.count() == 9
    assert not DocketEntry.objects.filter(amended_at__isnull=False).exists()
    amended = ingestion.poll_feed(docket_feed, fetcher=fetch)
    assert len(amended.created) == 1 and len(amended.updated) == 1 and DocketEntry.objects.count() == 10
    changed = DocketEntry.objects.get(number=501)
    assert changed.amended_at is not None and changed.entry_type.endswith("(Day 3); Amended")
    assert changed.kind == "minutes" and DocketEntry.objects.filter(number=501).count() == 1
    assert DocketEntry.objects.get(number=505).kind == "order"


def test_hidden_kinds_follow_the_case(docket_feed, case):
    """The case's hidden kinds apply when entries are read: a change of the list shows at once, and
    nothing is written to the stored entries (no save hook on Case)."""
    case.hidden_docket_kinds = ["service"]
    case.save()
    ingestion.poll_feed(docket_feed, fetcher=serving("cand_court_wide.xml"))
    stored = DocketEntry.objects.count()

    def hidden() -> list[str]:
        shown = DocketEntry.objects.visible()
        return sorted(DocketEntry.objects.exclude(pk__in=shown).values_list("kind", flat=True))

    assert hidden() == ["service"]
    case.hidden_docket_kinds = ["pro_hac_vice", "service"]
    case.save()
    assert hidden() == ["pro_hac_vice", "service"]
    assert DocketEntry.objects.visible().filter(kind__in=["service", "pro_hac_vice"]).count() == 0
    case.hidden_docket_kinds = []
    case.save()
    assert hidden() == [] and DocketEntry.objects.visible().count() == stored
    assert not DocketEntry.objects.filter(hidden=True).exists()  # the per-entry flag is a curator's


def test_courtlistener_feed_is_stored_with_filing_dates(docket_feed):
    handled = handle_docket_feed(docket_feed, (FIXTURES / "courtlistener_docket.xml").read_bytes())
    assert handled.is_feed and len(handled.created) == 3
    entry = DocketEntry.objects.get(number=501)
    assert str(entry.filed_on) == "2026-04-30" and entry.kind == "minutes"


def test_not_a_feed_and_no_handler_are_parse_errors(docket_feed, monkeypatch):
    bad = lambda url, **kw: FetchResponse(url, 200, {}, b"<html>down</html>", 0)  # noqa: E731
    assert ingestion.poll_feed(docket_feed, fetcher=bad).run.outcome == FetchRun.Outcome.PARSE_ERROR
    monkeypatch.delitem(signals.feed_kind_handlers, Feed.Kind.DOCKET)
    result = ingestion.poll_feed(docket_feed, fetcher=serving("cand_court_wide.xml"))
    assert result.run.outcome == FetchRun.Outcome.PARSE_ERROR and "no handler" in result.run.error
    assert not DocketEntry.objects.exists() and not Article.objects.exists()


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_add_feed_and_poll_feeds_sync_over_http(httpserver, allow_private, case):
    body = (FIXTURES / "cand_court_wide.xml").read_bytes()
    httpserver.route("/cgi-bin/rss_outside.pl", body=body, headers={**RSS, "ETag": '"v1"'})
    url = httpserver.url("/cgi-bin/rss_outside.pl")
    feed_id = int(run("add_feed", url, "--kind", "docket", "--case", "musk-v-openai").strip())
    feed = Feed.objects.get(pk=feed_id)
    assert feed.kind == Feed.Kind.DOCKET and list(feed.cases.all()) == [case]
    line = run("poll_feeds", "--sync", "--feed", str(feed_id)).splitlines()[0]
    assert line.startswith(f"feed {feed_id} ok HTTP 200: 9 new")
    assert DocketEntry.objects.filter(case=case, feed=feed).count() == 9 and not Article.objects.exists()
    run("poll_feeds", "--sync", "--feed", str(feed_id))
    assert DocketEntry.objects.count() == 9
    assert httpserver.requests_to("/cgi-bin/rss_outside.pl")[-1].headers.get("if-none-match") == '"v1"'
    assert FetchRun.objects.filter(feed=feed).count() == 2
