"""`crossref_report --json` on the sample corpus is what it was before linking was made incremental
(issue 17): tests/fixtures/crossref_report_sample.json holds the report as the chain wrote it then.

Ids depend on the database's sequences, so every id is replaced by its rank among the ids of its kind
(stories, claims, events, discrepancies, articles); a time at or after the sample's first sighting
(when it was loaded: now) reads "seen"; variants keep the order the report gives them.
Regenerate (only for an intended change of output) with
`CROSSREF_GOLDEN_WRITE=1 pytest tests/crossref/test_report_golden.py`."""

import json
import os
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "crossref_report_sample.json"


TIMES = ("first_seen_at", "first_reported_at", "published_at")


def _times(row: dict, loaded: datetime) -> dict:
    """Times of the load itself (first sightings, now) as "seen"; stated times as they are."""
    out = dict(row)
    for name in TIMES:
        if out.get(name) and datetime.fromisoformat(out[name]) >= loaded:
            out[name] = "seen"
    return out


def normalised(report: dict, loaded: datetime) -> dict:
    """The report with ids replaced by ranks and load times by "seen" (see the module's docstring)."""
    rank = {
        kind: {pk: n for n, pk in enumerate(sorted({row["id"] for row in report[kind]}))}
        for kind in ("stories", "claims", "events", "discrepancies")
    }
    articles = sorted({a["id"] for s in report["stories"] for a in s["articles"]})
    rank["articles"] = {pk: n for n, pk in enumerate(articles)}

    def ref(kind, pk):
        return None if pk is None else rank[kind].get(pk, f"outside:{kind}")

    out = {"case": report["case"], "stories": [], "claims": [], "events": [], "discrepancies": []}
    for story in report["stories"]:
        articles = [
            _times(a, loaded) | {"id": ref("articles", a["id"]), "copy_of": ref("articles", a["copy_of"])}
            for a in story["articles"]
        ]
        out["stories"].append(
            _times(story, loaded) | {"id": ref("stories", story["id"]), "articles": articles}
        )
    for claim in report["claims"]:
        out["claims"].append(
            _times(claim, loaded)
            | {"id": ref("claims", claim["id"]), "responds_to": ref("claims", claim["responds_to"])}
        )
    for event in report["events"]:
        out["events"].append(
            _times(event, loaded)
            | {
                "id": ref("events", event["id"]),
                "claims": sorted(ref("claims", c) for c in event["claims"]),
                "stories": sorted(ref("stories", s) for s in event["stories"]),
            }
        )
    for row in report["discrepancies"]:
        variants = [
            v
            | {
                name: ref(kind, v[name])
                for name, kind in (("article", "articles"), ("claim", "claims"))
                if name in v
            }
            for v in row["variants"]
        ]
        out["discrepancies"].append(
            row
            | {
                "variants": variants,
                "id": ref("discrepancies", row["id"]),
                "claim": ref("claims", row["claim"]),
                "event": ref("events", row["event"]),
            }
        )
    return out


def report_json() -> dict:
    from tracker.sources.models import Article

    out = StringIO()
    call_command("crossref_report", "--json", stdout=out)
    loaded = min(Article.objects.values_list("first_seen_at", flat=True)) - timedelta(minutes=1)
    return normalised(json.loads(out.getvalue()), loaded)


def test_the_sample_report_is_unchanged(sample_corpus):
    found = report_json()
    if os.environ.get("CROSSREF_GOLDEN_WRITE"):
        FIXTURE.write_text(json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    expected = json.loads(FIXTURE.read_text())
    assert found == expected


def test_relinking_the_sample_leaves_the_report_unchanged(sample_corpus):
    """Every article linked again, in one batch: the incremental steps end where the first run did."""
    from tracker.crossref import linking
    from tracker.sources.models import Article

    linking.link_articles(list(Article.objects.order_by("first_seen_at", "pk")))
    assert report_json() == json.loads(FIXTURE.read_text())


# The chain goes on after commit, as in the command; the migrations' rows put back after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_sample_loaded_in_bulk_gives_the_same_report(monkeypatch):
    """`loadsample` (a bulk run: each story's events and discrepancies once, at its end,
    `deferred_steps`) ends with the report of the batch-by-batch chain."""
    from tracker.crossref import linking

    steps, step_stories = [], linking.step_stories
    monkeypatch.setattr(linking, "step_stories", lambda order: steps.append(order) or step_stories(order))
    call_command("loadsample", stdout=StringIO())
    assert len(steps) == 1  # every story stepped once, at the end
    assert report_json() == json.loads(FIXTURE.read_text())


def test_rebuilding_the_sample_in_bulk_leaves_the_report_unchanged(sample_corpus):
    """`crossref_rebuild` (article by article, the story steps once at its end) ends where the chain did."""
    call_command("crossref_rebuild", stdout=StringIO())
    assert report_json() == json.loads(FIXTURE.read_text())
