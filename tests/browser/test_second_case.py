"""A second case, added by a curator in the admin in Debian's Chromium, works end to end: the curator
adds an organisation with an alias, the case (court, docket number, keywords, that entity) and a feed
of an outlet (a local HTTP server playing `courtwatch.example`, three generated articles about the
case), polls the feed with "Poll now" (Celery eager: the workers' chain runs in the server), and the
case's first story is on its page, in search and, as its event, in its Atom feed."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from django.urls import reverse
from lxml import etree

from tests.support.browser import screenshot
from tracker.cases.models import Case, Entity
from tracker.crossref.models import Mention, Story
from tracker.sources.models import Article, Feed

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HOST = "courtwatch.example"
SLUG = "nimbus-v-quillon"
ARTICLES = [
    (
        "Quillon AI admits training Lumen on Nimbus Labs outputs",
        "2026/05/12/quillon-admits-training-lumen-on-nimbus-outputs",
        (
            "Quillon AI chief executive Mara Velde testified on Tuesday in the federal court in Wilmington "
            "that Quillon trained its Lumen model on outputs of Nimbus Labs models. Velde said the company "
            "had used the technique for about a year. The testimony came on the second day of the trial "
            "in Nimbus v. Quillon, the lawsuit in which Nimbus Labs accuses Quillon of copying its "
            "models through their public interface. Judge Harriet Okafor presides over the trial."
        ),
    ),
    (
        "Nimbus v. Quillon: what the trial is about",
        "2026/05/12/nimbus-v-quillon-explainer",
        (
            "The trial in Nimbus v. Quillon opened in Wilmington on Monday. Nimbus Labs says Quillon AI "
            "queried its models millions of times and trained Lumen on the answers, breaking its terms of "
            "service. Quillon says the practice is common across the industry. On Tuesday Quillon chief "
            "executive Mara Velde testified that Quillon trained Lumen on outputs of Nimbus Labs models."
        ),
    ),
    (
        "Quillon's chief executive on the stand in Nimbus v. Quillon",
        "2026/05/13/velde-on-the-stand",
        (
            "Mara Velde, the chief executive of Quillon AI, testified on Tuesday that Quillon trained its "
            "Lumen model on outputs of Nimbus Labs models, the central admission so far in Nimbus v. "
            "Quillon. Lawyers for Nimbus Labs asked how many queries Quillon had sent; Velde said she did "
            "not know the number."
        ),
    ),
]


def feed_xml(base: str) -> bytes:
    """RSS 2.0 with the full text of each article, dated in May 2026."""
    items = []
    for day, (title, path, text) in zip((12, 12, 13), ARTICLES, strict=True):
        published = format_datetime(datetime(2026, 5, day, 15, 0, tzinfo=UTC))
        items.append(
            f"<item><title>{title}</title><link>{base}/{path}</link><guid>{base}/{path}</guid>"
            f"<pubDate>{published}</pubDate><description>{text[:120]}</description>"
            f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Court Watch</title><link>{base}/</link><description>Courts and technology</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def page_html(title: str, text: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{text}</p></article></body></html>"
    ).encode()


@pytest.fixture
def court_watch(httpserver, allow_private, settings):
    """The outlet's site on the local server: its feed and its article pages."""
    base = f"http://{HOST}"
    httpserver.route(
        "/feed.xml", host=HOST, body=feed_xml(base), headers={"Content-Type": "application/rss+xml"}
    )
    for title, path, text in ARTICLES:
        httpserver.route(
            f"/{path}", host=HOST, body=page_html(title, text), headers={"Content-Type": "text/html"}
        )
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    settings.CELERY_TASK_ALWAYS_EAGER = True
    return f"{base}/feed.xml"


@pytest.fixture
def curator(django_user_model):
    django_user_model.objects.create_superuser("curator", "curator@tracker.test", "a long curator password")
    return "curator", "a long curator password"


def save(page) -> None:
    page.locator("input[name=_save]").click()
    page.locator(".messagelist .success").wait_for()


def choose(page, field: str, label: str) -> None:
    """Pick `label` in a filter_horizontal widget (Django's SelectFilter)."""
    page.select_option(f"#id_{field}_from", label=label)
    page.locator(f"#id_{field}_add").click()


def test_a_curator_adds_a_case_and_sees_its_first_story(live_server, page, court_watch, curator):
    admin = live_server.url + "/admin/"
    page.goto(admin + "login/")
    page.fill("#id_username", curator[0])
    page.fill("#id_password", curator[1])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(admin)

    page.goto(admin + "cases/entity/add/")
    page.locator("#id_name").press_sequentially("Quillon AI")
    page.select_option("#id_kind", label="organisation")
    page.fill("#id_aliases-0-text", "Quillon")
    save(page)

    page.goto(admin + "cases/case/add/")
    page.select_option("#id_kind", label="court case")
    page.locator("#id_name").press_sequentially("Nimbus v. Quillon")  # typed: the slug follows
    assert page.input_value("#id_slug") == SLUG  # prepopulated from the name
    page.fill("#id_court", "U.S. District Court for the District of Delaware")
    page.fill("#id_docket_number", "1:26-cv-00417")
    page.fill("#id_judge", "Harriet Okafor")
    page.fill("#id_time_zone", "America/New_York")
    page.fill("#id_keywords", '["Nimbus v. Quillon", "Nimbus Labs"]')
    choose(page, "entities", "Quillon AI")
    save(page)
    case = Case.objects.get(slug=SLUG)
    assert case.keywords == ["Nimbus v. Quillon", "Nimbus Labs"]
    assert [e.name for e in case.entities.all()] == ["Quillon AI"]

    page.goto(admin + "sources/feed/add/")
    page.fill("#id_url", court_watch)
    page.fill("#id_title", "Court Watch")
    choose(page, "cases", "Nimbus v. Quillon")
    save(page)
    feed = Feed.objects.get(url=court_watch)

    page.goto(admin + "sources/feed/")
    page.locator(f"input[name=_selected_action][value='{feed.pk}']").check()
    page.select_option("select[name=action]", "poll_now")
    page.get_by_role("button", name="Go").click()
    page.locator(".messagelist .success", has_text="Queued 1 feed").wait_for()

    articles = Article.objects.filter(cases=case)
    assert articles.count() == len(ARTICLES)
    # the alias is the curator's vocabulary at work: "Quillon" alone is the organisation
    quillon = Entity.objects.get(name="Quillon AI")
    assert Mention.objects.filter(entity=quillon, text="Quillon").exists()
    story = Story.objects.get(cases=case)

    page.goto(live_server.url + reverse("web:case", args=[SLUG]))
    assert page.locator("main h1").inner_text().startswith("Nimbus v. Quillon")
    stories = page.get_by_role("region", name="Stories")
    stories.get_by_role("link", name=story.title).click()
    page.wait_for_url(live_server.url + reverse("web:story", args=[story.pk]))
    screenshot(page, "second-case-story")

    page.goto(live_server.url + reverse("web:search") + "?q=Lumen+Nimbus")
    assert page.locator(".result--article a", has_text="Quillon").count() >= 1

    atom = page.request.get(live_server.url + reverse("web:case_feed", args=[SLUG]))
    assert atom.status == 200
    entries = etree.fromstring(atom.body()).findall("{http://www.w3.org/2005/Atom}entry")
    titles = [entry.findtext("{http://www.w3.org/2005/Atom}title") for entry in entries]
    assert titles and any("Velde" in title or "Quillon" in title for title in titles), titles
    assert page.console_errors == []
