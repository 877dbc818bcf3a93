"""The whole chain on the seeds: one story, the events, Musk's answer as one claim with three
wordings, the discrepancies, and a rebuild that changes nothing."""

import json
from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.support.chain import eager_chain
from tracker.crossref import events
from tracker.crossref.models import Claim, Discrepancy, Event, Story
from tracker.sources.sample import load_sample

pytestmark = pytest.mark.django_db

WORDINGS = {"general practice", "standard practice", "standard industry procedure"}


@pytest.fixture
def chain():
    with eager_chain():
        load_sample(root=settings.BASE_DIR / "tracker" / "sources" / "sample_data")


def general_practice_claim() -> Claim:
    found = [
        c
        for c in Claim.objects.filter(speaker__name="Elon Musk").prefetch_related("evidence")
        if any("general practice" in q["text"] for e in c.evidence.all() for q in e.quotes)
    ]
    assert len(found) == 1
    return found[0]


def test_the_five_seeds_are_one_story(chain):
    story = Story.objects.get()
    assert story.memberships.count() == 5
    assert story.cases.filter(slug="musk-v-openai").exists()


def test_the_testimony_and_the_opening_of_the_trial_are_events(chain):
    testimony = Event.objects.get(case__slug="musk-v-openai", date=date(2026, 4, 30), precision="day")
    assert len({a.outlet_id for a in events.sources(testimony)}) == 5
    assert Event.objects.filter(case__slug="musk-v-openai", date=date(2026, 4, 27), precision="day").exists()
    assert testimony.first_reported_at is not None and testimony.first_reported_by is not None


def test_musks_answer_is_one_claim_with_three_wordings_from_three_outlets(chain):
    claim = general_practice_claim()
    outlets = {e.article.outlet.name for e in claim.evidence.select_related("article__outlet")}
    assert outlets == {"Aivizor", "Related Tools", "FrontierNews.ai"}
    quotes = {q["text"] for e in claim.evidence.all() for q in e.quotes}
    assert all(any(w in q for q in quotes) for w in WORDINGS)
    assert (claim.outlets_count, claim.independent_count) == (3, 3)
    wording = Discrepancy.objects.get(claim=claim, kind=Discrepancy.Kind.QUOTE_WORDING)
    listed = " ".join(v["words"] for v in wording.variants)
    assert all(w in listed for w in WORDINGS)


def test_the_deposition_is_a_setting_discrepancy(chain):
    setting = Discrepancy.objects.get(kind=Discrepancy.Kind.SETTING)
    assert any("deposition" in v["words"].lower() for v in setting.variants)


def test_rebuilding_changes_nothing(chain):
    def state():
        return (
            Story.objects.count(),
            sorted(Claim.objects.values_list("text", "outlets_count", "independent_count")),
            sorted(Event.objects.values_list("date", "precision", "title")),
            sorted(Discrepancy.objects.values_list("kind", flat=True)),
        )

    before = state()
    call_command("crossref_rebuild", stdout=StringIO())
    assert state() == before


def test_an_explained_discrepancy_survives_a_rebuild(chain):
    setting = Discrepancy.objects.get(kind=Discrepancy.Kind.SETTING)
    setting.status, setting.note = Discrepancy.State.EXPLAINED, "The statement was trial testimony."
    setting.save()
    call_command("crossref_rebuild", "--case", "musk-v-openai", stdout=StringIO())
    setting.refresh_from_db()
    assert (setting.status, setting.note) == ("explained", "The statement was trial testimony.")


def test_crossref_report_as_table_and_json(chain):
    out = StringIO()
    call_command("crossref_report", "--case", "musk-v-openai", stdout=out)
    text = out.getvalue()
    assert "Stories (1)" in text and "standard industry procedure" in text and "quote_wording" in text
    out = StringIO()
    call_command("crossref_report", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert len(report["stories"]) == 1 and report["stories"][0]["outlets"] == 5
    assert any(d["kind"] == "setting" for d in report["discrepancies"])
