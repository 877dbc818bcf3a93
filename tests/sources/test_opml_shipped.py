"""The shipped source lists (feeds/*.opml): each parses, every address is https and says where it is
documented, every case it names is seeded, and `import_opml` subscribes to them (the court's docket feed
as a docket feed). Nothing here is fetched."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from lxml import etree

from tracker.cases.models import Case
from tracker.sources.models import Feed
from tracker.sources.opml import parse_opml

FEEDS = Path(settings.BASE_DIR) / "feeds"
FILES = sorted(FEEDS.glob("*.opml"))
SEEDED = {"musk-v-openai", "ai-distillation"}  # cases/migrations/0002_seed_cases.py


def feed_outlines(path: Path) -> list[etree._Element]:
    root = etree.fromstring(path.read_bytes(), parser=etree.XMLParser(resolve_entities=False))
    return [o for o in root.iter("outline") if o.get("xmlUrl")]


def test_every_seeded_case_has_its_own_list():
    assert {path.stem for path in FILES} >= SEEDED
    for slug in SEEDED:
        slugs = {s for sub in parse_opml((FEEDS / f"{slug}.opml").read_bytes()) for s in sub.case_slugs}
        assert slug in slugs


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_list_parses_and_every_address_is_https_and_documented(path):
    subscriptions = parse_opml(path.read_bytes())
    outlines = feed_outlines(path)
    assert subscriptions
    assert len(outlines) == len(subscriptions)  # no address listed twice in one file
    for outline in outlines:
        url = outline.get("xmlUrl")
        assert urlsplit(url).scheme == "https", url
        assert urlsplit(url).hostname and not urlsplit(url).hostname.endswith(".example"), url
        note = outline.get("documentedAt") or ""
        assert urlsplit(note).scheme == "https" and urlsplit(note).hostname, f"{url}: no documentedAt"
        if outline.get("htmlUrl"):
            assert urlsplit(outline.get("htmlUrl")).scheme == "https"
    for sub in subscriptions:
        assert sub.title
        assert sub.case_slugs and set(sub.case_slugs) <= SEEDED, sub.xml_url
        assert sub.kind in ("", Feed.Kind.DOCKET)


def test_the_court_record_is_courtlisteners_docket_feed_of_4_24_cv_04722():
    [docket] = [s for s in parse_opml((FEEDS / "musk-v-openai.opml").read_bytes()) if s.kind]
    assert docket.kind == Feed.Kind.DOCKET
    assert docket.xml_url == "https://www.courtlistener.com/docket/69013420/feed/"
    assert "4:24-cv-04722" in docket.title
    assert docket.case_slugs == ("musk-v-openai",)


@pytest.mark.django_db
def test_import_subscribes_to_every_list_with_kinds_and_cases():
    for path in FILES:
        call_command("import_opml", str(path))
    urls = {sub.xml_url: sub for path in FILES for sub in parse_opml(path.read_bytes())}
    assert Feed.objects.count() == len(urls)
    docket = Feed.objects.get(url="https://www.courtlistener.com/docket/69013420/feed/")
    assert docket.kind == Feed.Kind.DOCKET and docket.active
    assert list(docket.cases.values_list("slug", flat=True)) == ["musk-v-openai"]
    news = Feed.objects.exclude(pk=docket.pk)
    assert set(news.values_list("kind", flat=True)) == {Feed.Kind.NEWS}
    for slug in SEEDED:
        assert Case.objects.get(slug=slug).feeds.filter(kind=Feed.Kind.NEWS).exists()


def test_a_feeds_kind_travels_through_export_and_import(db):
    from tracker.sources.management.commands.export_opml import export_feeds

    Feed.objects.create(url="https://court.test/docket/1/feed/", kind=Feed.Kind.DOCKET)
    Feed.objects.create(url="https://news.test/feed/")
    content = export_feeds()
    assert content.count(b'feedKind="docket"') == 1
    Feed.objects.all().delete()
    from tracker.sources.subscribing import import_subscriptions

    summary = import_subscriptions(parse_opml(content), cases=[])
    assert len(summary.added) == 2
    assert Feed.objects.get(url="https://court.test/docket/1/feed/").kind == Feed.Kind.DOCKET
    assert Feed.objects.get(url="https://news.test/feed/").kind == Feed.Kind.NEWS


def test_an_unknown_kind_is_refused_not_guessed(db):
    from tracker.sources.subscribing import import_subscriptions

    doc = b'<opml version="2.0"><body><outline xmlUrl="https://x.test/f" feedKind="podcast"/></body></opml>'
    summary = import_subscriptions(parse_opml(doc), cases=[])
    assert summary.refused == [("https://x.test/f", "unknown feed kind 'podcast'")]
    assert not Feed.objects.exists()
