"""The admin as staff use it: every list and change page answers in a few queries; feed actions work."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.cases.models import Alias, Case, Entity
from tracker.sources.models import Article, ArticleVersion, Feed, FetchRun, Outlet
from tracker.sources.sample import load_sample

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Tiny</title><link>http://x/</link>
<description>d</description><item><title>One</title><link>http://127.0.0.1/one</link><guid>one</guid>
<description>Summary only.</description></item></channel></rss>"""


@pytest.fixture
def sample():
    """The sample corpus through the pipeline: outlets, feeds, runs, articles; plus one edited article."""
    summary = load_sample()
    article = summary.articles[0]
    ArticleVersion.objects.create(
        article=article, title="Old title", text="old", seen_at=article.first_seen_at
    )
    return summary


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def change(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


MODELS = [Case, Entity, Alias, Outlet, Feed, FetchRun, Article]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelists_answer_in_a_bounded_number_of_queries(
    admin_client, sample, model, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = admin_client.get(changelist(model))
    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_change_pages_answer_in_a_bounded_number_of_queries(
    admin_client, sample, model, django_assert_max_num_queries
):
    obj = model.objects.order_by("pk").last()
    with django_assert_max_num_queries(MAX_QUERIES):
        response = admin_client.get(change(obj))
    assert response.status_code == 200


def test_list_queries_do_not_grow_with_rows(admin_client, sample):
    """No N+1: more feeds, runs and articles on a page cost no more queries."""
    urls = [changelist(m) for m in (Outlet, Feed, FetchRun, Article, Entity)] + [change(sample.feeds[-1])]
    for url in urls:  # warm the per-process caches (content types, the session)
        queries(admin_client, url)
    before = [queries(admin_client, url) for url in urls]
    feed = sample.feeds[-1]
    for i in range(8):
        outlet = Outlet.objects.create(name=f"Outlet {i}", domain=f"o{i}.example")
        extra = Feed.objects.create(url=f"https://o{i}.example/feed.xml", outlet=outlet)
        FetchRun.objects.create(feed=extra, outcome=FetchRun.Outcome.OK, http_status=200)
        FetchRun.objects.create(feed=feed, outcome=FetchRun.Outcome.NOT_MODIFIED, http_status=304)
        article = Article.objects.create(
            outlet=outlet,
            url=f"https://o{i}.example/a",
            canonical_url=f"https://o{i}.example/a",
            title=f"A {i}",
        )
        article.copy_of = sample.articles[0]
        article.save()
        extra.items.create(article=article, guid=f"g{i}")
        Entity.objects.create(name=f"Person {i}", slug=f"person-{i}", kind=Entity.Kind.PERSON).aliases.create(
            text=f"P{i}"
        )
    assert [queries(admin_client, url) for url in urls] == before


def test_feed_page_shows_only_the_latest_ten_runs(admin_client, sample):
    feed = sample.feeds[0]
    FetchRun.objects.bulk_create(
        FetchRun(feed=feed, outcome=FetchRun.Outcome.NOT_MODIFIED) for _ in range(15)
    )
    response = admin_client.get(change(feed))
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.initial_form_count() == 10


def test_search_finds_articles_by_outlet_and_entities_by_alias(admin_client, sample):
    response = admin_client.get(changelist(Article), {"q": "Aivizor"})
    assert [a.outlet.name for a in response.context["cl"].result_list] == ["Aivizor"]
    response = admin_client.get(changelist(Entity), {"q": "Oakland federal court"})
    assert [e.kind for e in response.context["cl"].result_list] == [Entity.Kind.COURT]
    response = admin_client.get(changelist(Feed), {"q": "ichiban"})
    assert [f.url for f in response.context["cl"].result_list] == ["https://ichiban.example/feed.xml"]


def test_article_filters(admin_client, sample):
    response = admin_client.get(changelist(Article), {"dated": "yes"})
    assert {a.outlet.name for a in response.context["cl"].result_list} == {"Aivizor", "Ichiban Tools"}
    response = admin_client.get(
        changelist(Article), {"copy": "original", "cases__id__exact": sample.feeds[0].cases.get().pk}
    )
    assert response.context["cl"].result_count == 5


def post_action(client, action: str, feeds) -> str:
    response = client.post(
        changelist(Feed), {"action": action, "_selected_action": [f.pk for f in feeds]}, follow=True
    )
    assert response.status_code == 200
    return " ".join(str(m) for m in response.context["messages"])


def test_poll_now_polls_the_feed_when_tasks_run_eagerly(
    admin_client, httpserver, allow_private, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    httpserver.route("/tiny.xml", body=RSS, headers={"Content-Type": "application/rss+xml"})
    feed = Feed.objects.create(url=httpserver.url("/tiny.xml"))
    with django_capture_on_commit_callbacks(execute=True):
        message = post_action(admin_client, "poll_now", [feed])
    assert "Queued 1 feed" in message  # one message: the action does not know when the task runs
    run = FetchRun.objects.get(feed=feed)
    assert (run.outcome, run.http_status, run.entries_new) == (FetchRun.Outcome.OK, 200, 1)


def test_poll_now_queues_after_commit_when_a_worker_does_the_work(
    admin_client, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    feed = Feed.objects.create(url="https://a.example/feed.xml")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = post_action(admin_client, "poll_now", [feed])
    assert "Queued 1 feed" in message
    assert len(callbacks) == 1
    assert not FetchRun.objects.exists()


def test_pause_and_resume(admin_client):
    feed = Feed.objects.create(url="https://a.example/feed.xml", status=Feed.Status.FAILING, error_count=4)
    assert "Paused 1 feed" in post_action(admin_client, "pause", [feed])
    feed.refresh_from_db()
    assert feed.status == Feed.Status.PAUSED
    assert feed not in Feed.objects.due()
    assert "Resumed 1 feed" in post_action(admin_client, "resume", [feed])
    feed.refresh_from_db()
    assert (feed.status, feed.error_count) == (Feed.Status.OK, 0)
    assert feed in Feed.objects.due()


def test_fetch_runs_cannot_be_added_or_changed(admin_client, sample):
    run = FetchRun.objects.first()
    assert admin_client.get(reverse("admin:sources_fetchrun_add")).status_code == 403
    response = admin_client.get(change(run))
    assert b"Save" not in response.content.split(b'id="content-main"')[1].split(b"</form>")[0]
    assert b"&lt;rss" in response.content or b"&lt;feed" in response.content  # the body, escaped


def test_outlet_kind_is_editable_from_the_list(admin_client, sample):
    outlets = list(Outlet.objects.order_by("name"))
    data = {"form-TOTAL_FORMS": len(outlets), "form-INITIAL_FORMS": len(outlets), "_save": "Save"}
    for i, outlet in enumerate(outlets):
        data[f"form-{i}-id"] = outlet.pk
        data[f"form-{i}-kind"] = Outlet.Kind.WIRE if outlet.name == "News App" else outlet.kind
        if outlet.syndicator or outlet.name == "Aivizor":
            data[f"form-{i}-syndicator"] = "on"
    assert admin_client.post(changelist(Outlet), data).status_code == 302
    assert Outlet.objects.get(name="News App").kind == Outlet.Kind.WIRE
    assert Outlet.objects.get(name="Aivizor").syndicator
