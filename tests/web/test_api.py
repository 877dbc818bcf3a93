"""The JSON API on the seed corpus: shapes, filters, keyset paging, visibility, errors, the OpenAPI
document, and a bounded number of queries per request whatever the data size."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tracker.cases.models import Case, Entity
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Story, StoryArticle
from tracker.sources.models import Article, Outlet

API = "/api/v1"
LISTS = ["events", "claims", "stories", "entities", "articles", "discrepancies"]


def get(client, path, **params):
    return client.get(f"{API}/{path}", params)


def items(client, path, **params) -> list[dict]:
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def seed_event(client) -> dict:
    (event,) = [e for e in items(client, "events") if e["date"] == "2026-04-30"]
    return event


def grow(case: Case, n: int) -> None:
    """Add n events, each with two outlets' articles (one a copy), a story, a claim with evidence from
    both, and a discrepancy: what a bigger database adds to every list."""
    speaker = Entity.objects.get(slug="elon-musk")
    now = datetime(2026, 5, 1, tzinfo=UTC)
    start = Event.objects.count()
    for i in range(start, start + n):
        outlets = [Outlet.objects.create(name=f"Growth {i} {k}", domain=f"g{i}-{k}.example") for k in "ab"]
        original, copy = (
            Article.objects.create(
                outlet=o,
                url=f"https://{o.domain}/{i}",
                canonical_url=f"https://{o.domain}/{i}",
                title=f"Headline {i}",
                summary="<p>A <b>short</b> summary.</p>",
                text="Full third-party text that must never leave the database.",
                first_seen_at=now + timedelta(minutes=i),
                relevant=True,
            )
            for o in outlets
        )
        copy.copy_of = original
        copy.save()
        for article in (original, copy):
            article.cases.add(case)
        story = Story.objects.create(title=f"Story {i}", first_seen_at=now, last_changed_at=now)
        story.cases.add(case)
        for article in (original, copy):
            StoryArticle.objects.create(story=story, article=article)
        event = Event.objects.create(case=case, date=date(2025, 1, 1) + timedelta(days=i), title=f"Event {i}")
        event.stories.add(story)
        claim = Claim.objects.create(
            confidence=3,
            case=case,
            story=story,
            event=event,
            speaker=speaker,
            kind="testimony",
            text=f"said {i}",
        )
        for article in (original, copy):
            Evidence.objects.create(
                claim=claim,
                article=article,
                sentence=f"Musk said {i}.",
                start=0,
                end=5,
                verb="said",
                attribution="direct",
                quotes=[{"text": f"said {i}", "start": 0, "end": 6}],
                first_seen_at=article.first_seen_at,
            )
        variants = [{"words": f"w{i}", "article": a.pk, "outlet": a.outlet.name} for a in (original, copy)]
        Discrepancy.objects.create(claim=claim, kind="quote_wording", key=f"growth:{i}", variants=variants)


@pytest.fixture
def corpus(sample_corpus, client):
    return sample_corpus


# --- shapes on the seed corpus ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_seed_event_carries_its_five_sources_counts_and_verbatim_quotes(corpus, client):
    event = seed_event(client)
    assert event["case"] == "musk-v-openai"
    assert event["status"] == "machine" and event["machine"] is True
    assert len(event["sources"]) == 5
    assert event["outlets_count"] == 5 and event["independent_count"] == 4  # 001 and 003 credit TechCrunch
    for source in event["sources"]:
        assert source["outlet"]["name"] and source["outlet"]["domain"]
        assert source["url"].startswith("https://") and source["first_seen_at"]
        assert "published_at" in source
    quotes = {q["text"] for c in event["claims"] for e in c["evidence"] for q in e["quotes"]}
    assert {"general practice", "standard practice", "standard industry procedure"} <= quotes
    detail = get(client, f"events/{event['id']}").json()
    assert detail == event


@pytest.mark.django_db
def test_discrepancies_carry_their_variants_with_sources(corpus, client):
    (wording,) = items(client, "discrepancies", kind="quote_wording")
    words = {v["words"] for v in wording["variants"]}
    assert words == {"general practice", "standard practice", "standard industry procedure"}
    for variant in wording["variants"]:
        assert variant["source"]["outlet"]["domain"] and variant["source"]["url"]
    claim = get(client, f"claims/{wording['claim']}").json()
    assert claim["outlets_count"] == 3 and claim["independent_count"] == 3
    assert [d["id"] for d in claim["discrepancies"]] == [wording["id"]]
    assert get(client, f"discrepancies/{wording['id']}").json() == wording


@pytest.mark.django_db
def test_articles_show_metadata_and_an_excerpt_never_the_text(corpus, client):
    rows = items(client, "articles", case="musk-v-openai")
    assert len(rows) == 5
    stored = {a.pk: a for a in Article.objects.all()}
    for row in rows:
        assert {"canonical_url", "outlet", "published_at", "story", "copy_of"} <= set(row)
        assert "text" not in row and "content_html" not in row
        assert len(row["summary"]) <= 301
        assert stored[row["id"]].text[:400] not in json.dumps(row)
        assert row["story"] is not None
    story = rows[0]["story"]
    assert len(items(client, "articles", story=story)) == 5
    assert len(get(client, f"stories/{story}").json()["articles"]) == 5
    one = items(client, "articles", outlet="aivizor.example")
    assert [r["outlet"]["domain"] for r in one] == ["aivizor.example"]


@pytest.mark.django_db
def test_entities_are_curated_only(corpus, client):
    Entity.objects.create(name="Machine Guess", slug="machine-guess", kind="PERSON", status="candidate")
    musk = Entity.objects.get(slug="elon-musk")
    Entity.objects.create(name="E. Musk", slug="e-musk", kind="PERSON", merged_into=musk)
    slugs = [e["slug"] for e in items(client, "entities", limit=200)]
    assert "elon-musk" in slugs and "machine-guess" not in slugs and "e-musk" not in slugs
    assert slugs == sorted(slugs, key=lambda s: Entity.objects.get(slug=s).name)
    people = items(client, "entities", kind="PERSON", limit=200)
    assert people and {e["kind"] for e in people} == {"PERSON"}
    guess = Entity.objects.get(slug="machine-guess")
    assert get(client, f"entities/{guess.pk}").status_code == 404


# --- filters ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_event_filters(corpus, client):
    seed = seed_event(client)["id"]
    every = {e["id"] for e in items(client, "events")}
    assert seed in {e["id"] for e in items(client, "events", case="musk-v-openai")}
    assert not items(client, "events", case="ai-distillation")
    assert seed in {e["id"] for e in items(client, "events", entity="elon-musk")}
    assert seed in {e["id"] for e in items(client, "events", kind="testimony")}
    assert not items(client, "events", kind="ruling")
    window = items(client, "events", date_from="2026-04-28", date_to="2026-04-30")
    assert {e["date"] for e in window} == {"2026-04-30"}
    assert not items(client, "events", curated="true")
    assert {e["id"] for e in items(client, "events", curated="false")} == every
    Event.objects.filter(pk=seed).update(status=Event.Visibility.PUBLISHED)
    assert [e["id"] for e in items(client, "events", curated="true")] == [seed]
    flagged = {e["id"] for e in items(client, "events", has_discrepancies="true")}
    assert seed in flagged
    assert flagged | {e["id"] for e in items(client, "events", has_discrepancies="false")} == every


@pytest.mark.django_db
def test_claim_filters(corpus, client):
    musk = items(client, "claims", speaker="elon-musk", limit=200)
    assert musk and {c["speaker"]["slug"] for c in musk} == {"elon-musk"}
    testimony = items(client, "claims", kind="testimony", case="musk-v-openai", limit=200)
    assert testimony and {c["kind"] for c in testimony} == {"testimony"}
    seed = seed_event(client)["id"]
    of_event = items(client, "claims", event=seed, limit=200)
    assert of_event and {c["event"] for c in of_event} == {seed}
    assert len(items(client, "claims", status="machine", limit=200)) == len(
        items(client, "claims", limit=200)
    )
    assert not items(client, "claims", status="approved")


@pytest.mark.django_db
def test_story_and_discrepancy_filters(corpus, client, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # all sample claims public: not a test of the tier
    assert items(client, "stories", case="musk-v-openai")
    assert len(items(client, "discrepancies", case="musk-v-openai")) == Discrepancy.objects.count()
    assert not items(client, "discrepancies", status="resolved")


# --- paging -----------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("resource", LISTS)
def test_cursor_paging_walks_every_item_once(corpus, client, resource):
    whole = [row["id"] for row in items(client, resource, limit=200)]
    walked, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = get(client, resource, **params).json()
        walked += [row["id"] for row in body["items"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert walked == whole and len(set(walked)) == len(walked) and walked


# --- visibility -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_unreviewed_rows_are_hidden_when_publishing_needs_review(corpus, client, settings):
    seed = seed_event(client)
    settings.TRACKER_PUBLISH_UNREVIEWED = False
    assert items(client, "events") == [] and items(client, "claims") == []
    assert get(client, f"events/{seed['id']}").status_code == 404
    Event.objects.filter(pk=seed["id"]).update(status=Event.Visibility.PUBLISHED)
    Claim.objects.filter(pk=seed["claims"][0]["id"]).update(status="approved")
    (event,) = items(client, "events")
    assert event["machine"] is False and [c["id"] for c in event["claims"]] == [seed["claims"][0]["id"]]


@pytest.mark.django_db
def test_hidden_events_and_rejected_claims_are_never_public(corpus, client):
    seed = seed_event(client)
    claim = seed["claims"][0]["id"]
    Claim.objects.filter(pk=claim).update(status="rejected")
    assert get(client, f"claims/{claim}").status_code == 404
    assert claim not in {c["id"] for c in get(client, f"events/{seed['id']}").json()["claims"]}
    Event.objects.filter(pk=seed["id"]).update(status=Event.Visibility.HIDDEN)
    assert get(client, f"events/{seed['id']}").status_code == 404
    assert seed["id"] not in {e["id"] for e in items(client, "events")}


# --- errors -----------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("resource", LISTS)
def test_unknown_ids_answer_404_json(client, resource):
    response = get(client, f"{resource}/999999")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json") and response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"cursor": "not-a-cursor"}, 400, "invalid cursor"),
        ({"case": "no-such-case"}, 400, "unknown case"),
        ({"entity": "nobody"}, 400, "unknown entity"),
        ({"kind": "gossip"}, 400, "unknown kind"),
        ({"date_from": "yesterday"}, 422, "date_from"),
        ({"limit": "0"}, 422, "limit"),
        ({"limit": "100000"}, 422, "limit"),
    ],
)
def test_bad_filters_and_cursors_are_refused_clearly(client, params, status, words):
    response = get(client, "events", **params)
    assert response.status_code == status
    assert words in json.dumps(response.json())


@pytest.mark.django_db
def test_a_cursor_of_one_list_is_refused_by_another(corpus, client):
    cursor = get(client, "claims", limit=1).json()["next"]
    assert cursor
    assert get(client, "events", cursor=cursor).status_code == 400


@pytest.mark.django_db
def test_the_api_is_read_only(corpus, client):
    assert client.post(f"{API}/events", {}).status_code == 405
    assert client.delete(f"{API}/events/1").status_code == 405


# --- OpenAPI ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_openapi_document_lists_every_path(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    singular = {"stories": "story", "entities": "entity", "discrepancies": "discrepancy"}
    details = {f"{API}/{r}/{{{singular.get(r, r[:-1])}_id}}" for r in LISTS}
    record = {f"{API}/docket-entries", f"{API}/docket-entries/{{entry_id}}"}
    full_lists = {f"{API}/claims/{{claim_id}}/evidence", f"{API}/events/{{event_id}}/sources"}  # item 11
    assert set(document["paths"]) == {f"{API}/{r}" for r in LISTS} | details | record | full_lists
    for path, operations in document["paths"].items():
        assert set(operations) == {"get"}, path
    assert "next" in document["components"]["schemas"]["EventPage"]["properties"]
    assert client.get(f"{API}/docs").status_code == 200  # Swagger UI from static files (test_followable)


# --- bounded queries --------------------------------------------------------------------------------------


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_every_endpoint_reads_a_constant_number_of_queries(corpus, client, django_assert_max_num_queries):
    case = Case.objects.get(slug="musk-v-openai")
    grow(case, 2)
    paths = [f"{API}/{r}?limit=200" for r in LISTS] + [f"{API}/events?case=musk-v-openai&entity=elon-musk"]
    ids = {r: Model.objects.order_by("pk").last().pk for r, Model in [("events", Event), ("claims", Claim)]}
    paths += [f"{API}/{r}/{pk}" for r, pk in ids.items()]
    small = {p: _queries(client, p) for p in paths}
    grow(case, 12)
    for path in paths:
        with django_assert_max_num_queries(small[path]):
            assert client.get(path).status_code == 200, path
    assert max(small.values()) <= 12
    grown = items(client, "events", date_from="2025-01-01", date_to="2025-12-31", limit=200)
    assert len(grown) == 14
    assert {(e["outlets_count"], e["independent_count"]) for e in grown} == {(2, 1)}  # a copy counts once
    assert "Full third-party text" not in client.get(f"{API}/articles?limit=200").content.decode()
