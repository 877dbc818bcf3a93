"""Control characters from feeds and pages: stripped at ingestion, so no Atom feed, page or terminal
meets them; command output strips them too; a NUL in a search query is a bad request."""

from __future__ import annotations

import importlib
import re
import shutil
from io import StringIO

import feedparser
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from tests.support.chain import eager_chain
from tracker.crossref.models import Claim, Event, Story
from tracker.sources.models import Article, Feed, Outlet
from tracker.sources.parsing import parse_feed
from tracker.sources.sample import load_sample
from tracker.sources.sanitising import strip_controls

pytestmark = pytest.mark.django_db

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# ESC starts a terminal escape sequence (here: clear the screen); U+009B is the one-character CSI, and
# legal in XML 1.0, so a feed can carry it without breaking the strict parser.
ESC, CSI = b"\x1b[2J", "\u009b".encode()


@pytest.fixture
def hostile_sample(tmp_path):
    """The bundled seed corpus with control characters in every feed's titles and sources and every
    page's title and site name, loaded through the whole chain (ingestion, extraction, linking)."""
    root = tmp_path / "seeds"
    shutil.copytree(settings.BASE_DIR / "tracker" / "sources" / "sample_data", root)
    for path in (root / "site").rglob("*"):
        if path.suffix in (".xml", ".html"):
            body = path.read_bytes().replace(b"<title>", b"<title>" + ESC + CSI)
            body = re.sub(rb"(<source [^>]*>)", rb"\1" + CSI + b"\x07", body)
            body = body.replace(b'og:site_name" content="', b'og:site_name" content="' + ESC)
            path.write_bytes(body)
    with eager_chain():
        load_sample(root=root)
    assert Event.objects.exists(), "the hostile corpus still makes a story and its events"


def test_no_control_character_is_stored(hostile_sample):
    stored = [
        *Outlet.objects.values_list("name", flat=True),
        *Feed.objects.values_list("title", flat=True),
        *(
            value
            for row in Article.objects.values_list("title", "author", "site_name", "text")
            for value in row
        ),
        *Story.objects.values_list("title", flat=True),
        *Claim.objects.values_list("text", flat=True),
        *Event.objects.values_list("title", flat=True),
    ]
    assert any("[2J" in value for value in stored), "the hostile corpus really carried the escapes"
    assert not [value for value in stored if CONTROLS.search(value)]


def test_the_atom_feeds_still_answer(hostile_sample, client):
    case = Event.objects.first().case
    for url in (reverse("web:feed"), reverse("web:case_feed", args=[case.slug])):
        response = client.get(url)
        assert response.status_code == 200
        assert not feedparser.parse(response.content).bozo


def test_operator_commands_print_no_control_character(hostile_sample):
    Feed.objects.filter(pk=Feed.objects.first().pk).update(title="stored before the fix \x1b]0;owned\x07")
    for command in ("feed_status", "crossref_report"):
        out = StringIO()
        call_command(command, stdout=out)
        assert out.getvalue().strip()
        assert not CONTROLS.search(out.getvalue().replace("\n", "")), command


def test_every_string_of_a_parsed_entry_is_clean():
    """Raw C0 controls make the XML ill-formed; feedparser's loose parser keeps them, we do not.
    (feedparser itself maps C1 controls to their cp1252 look-alikes.)"""
    feed = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed\x1b[2J</title>'
        b"<item><title>Title\x07 one</title><link>https://a.example/1</link>"
        b"<author>x@a.example (Ann\x1b Author)</author>"
        b'<source url="https://b.example/">B \x1b[31mOutlet</source></item></channel></rss>'
    )
    parsed = parse_feed(feed)
    (entry,) = parsed.entries
    assert (parsed.title, entry.title, entry.source_name) == ("Feed[2J", "Title one", "B [31mOutlet")
    assert not CONTROLS.search(entry.author)


def test_strip_controls_keeps_text_and_line_breaks():
    assert strip_controls("a\x1b[31mb\tc\nd\x00e\ud800\uffff") == "a[31mb\tc\nde"


def test_a_nul_byte_in_a_search_query_is_a_bad_request(client):
    assert client.get(reverse("web:search"), {"q": "musk\x00"}).status_code == 400
    assert client.get(reverse("web:search"), {"q": "musk"}).status_code == 200


def test_rows_stored_before_the_fix_are_cleaned_by_the_migration():
    from django.apps import apps

    migration = importlib.import_module("tracker.sources.migrations.0003_strip_control_characters")
    outlet = Outlet.objects.create(name="Bad\x1b[2J Outlet", domain="bad.example")
    article = Article.objects.create(
        outlet=outlet, url="https://bad.example/1", canonical_url="https://bad.example/1", title="T\x9bitle"
    )
    migration.strip_controls(apps, None)
    outlet.refresh_from_db()
    article.refresh_from_db()
    assert (outlet.name, article.title) == ("Bad[2J Outlet", "Title")
