"""The timeline: events from dated claims and date mentions, merged by precision, three times kept."""

from datetime import UTC, date, datetime, timedelta
from itertools import count

import pytest
from django.conf import settings

from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EvidenceFactory,
    StoryFactory,
)
from tracker.cases.models import Case, Entity
from tracker.crossref import event_reports, events
from tracker.crossref.models import Claim, DateMention, Event, Evidence
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 5, 1, 8, tzinfo=UTC)
_ids = count(1)
OPENED = "The trial, which opened in Oakland on April 27, 2026, centers on the charter."
COMMENCED = "The trial, which commenced earlier this week, has featured testimony from tech leaders."


@pytest.fixture
def case():
    return Case.objects.get(slug="musk-v-openai")


@pytest.fixture
def story(case):
    return StoryFactory(title="The trial", first_seen_at=T0, cases=[case])


def article(story, outlet: str, text: str, *, hours: int = 0, published=None, edited=None):
    return ArticleFactory(
        story=story, outlet__name=outlet, title=f"Story {next(_ids)}", text=text,
        first_seen_at=T0 + timedelta(hours=hours), published_at=published, edited_at=edited,
    )  # fmt: skip


def mention(row, words: str, value: date, precision: str = "day") -> DateMention:
    start = row.text.index(words)
    return DateMention.objects.create(
        article=row, text=words, start=start, end=start + len(words), value=value, precision=precision
    )


def claim(story, text: str, *, on=None, speaker="Elon Musk", locked=False) -> Claim:
    entity = Entity.objects.get(name=speaker)
    return ClaimFactory(
        story=story, speaker=entity, text=text, date=on, precision="day" if on else "", locked=locked,
        first_seen_at=T0,
    )  # fmt: skip


def evidence(claim_row, row, sentence: str) -> Evidence:
    row.text.index(sentence)  # the sentence is the article's
    return EvidenceFactory(claim=claim_row, article=row, sentence=sentence, verb="testify")


def test_a_week_and_a_day_of_one_opening_make_one_event_at_the_day(story, case):
    early = article(story, "Weekly", COMMENCED, published=datetime(2026, 4, 30, 18, tzinfo=UTC))
    mention(early, "earlier this week", date(2026, 4, 27), "week")
    exact = article(story, "Daily", OPENED, hours=3)
    mention(exact, "April 27, 2026", date(2026, 4, 27))

    (event,) = events.update_events(story)

    assert (event.case, event.date, event.precision) == (case, date(2026, 4, 27), "day")
    assert event.title == "The trial opened in Oakland"
    assert event.key == f"case{case.pk}:2026-04-27:day:opening"
    assert (event.first_reported_at, event.first_reported_by.name) == (early.published_at, "Weekly")
    assert event.last_changed_at == exact.first_seen_at
    assert [a.pk for a in events.sources(event)] == [early.pk, exact.pk]


def test_the_week_event_goes_once_the_day_arrives_and_reruns_do_not_duplicate(story):
    early = article(story, "Weekly", COMMENCED)
    mention(early, "earlier this week", date(2026, 4, 27), "week")
    (week,) = events.update_events(story)
    assert (week.precision, week.title) == ("week", "The trial commenced")

    mention(article(story, "Daily", OPENED, hours=1), "April 27, 2026", date(2026, 4, 27))
    (day,) = events.update_events(story)
    assert not Event.objects.filter(pk=week.pk).exists()
    assert [e.pk for e in events.update_events(story)] == [day.pk]
    assert Event.objects.count() == 1


def test_events_are_ordered_by_when_they_happened_not_when_they_were_reported(story):
    text = "xAI, which was founded in 2023, entered the field late. " + OPENED
    row = article(story, "Late", text, published=datetime(2026, 5, 5, tzinfo=UTC), hours=100)
    mention(row, "2023", date(2023, 1, 1), "year")
    mention(row, "April 27, 2026", date(2026, 4, 27))
    testimony = claim(story, "xAI partly used OpenAI models", on=date(2026, 4, 30))
    evidence(
        testimony,
        article(story, "Early", "Musk testified that xAI partly used OpenAI models."),
        "Musk testified that xAI partly used OpenAI models.",
    )

    built = events.update_events(story)

    assert [(e.date, e.precision, e.title) for e in built] == [
        (date(2023, 1, 1), "year", "xAI was founded"),
        (date(2026, 4, 27), "day", "The trial opened in Oakland"),
        (date(2026, 4, 30), "day", "Elon Musk testifies that xAI partly used OpenAI models"),
    ]
    opened = built[1]
    assert opened.first_reported_at == datetime(2026, 5, 5, tzinfo=UTC)  # reported after it happened
    assert list(Event.objects.filter(case=story.cases.first()).order_by("date")) == built


def test_bylines_dates_without_an_event_word_and_unresolved_dates_are_not_events(story):
    text = "Jane Doe · 2026-05-01\nMicrosoft keeps a licence through 2032. May brought rain. Musk testified on Friday."
    row = article(story, "Noise", text, published=datetime(2026, 5, 1, 7, tzinfo=UTC))
    mention(row, "2026-05-01", date(2026, 5, 1))
    mention(row, "2032", date(2032, 1, 1), "year")
    mention(row, "May", date(2026, 5, 1), "month")
    DateMention.objects.create(
        article=row, text="Friday", start=text.index("Friday"), end=len(text) - 1, value=None, precision="day"
    )
    assert events.update_events(story) == []


def test_a_dated_claim_makes_an_event_that_gathers_its_speakers_undated_claims(story):
    dated_text = "During testimony on Thursday, Musk said xAI used OpenAI models."
    a1 = article(story, "A", dated_text, published=datetime(2026, 4, 30, 18, tzinfo=UTC))
    mention(a1, "Thursday", date(2026, 4, 30))
    a2 = article(story, "B", "Later in his testimony, Musk ranked the AI labs.", hours=2)
    used = claim(story, "xAI used OpenAI models", on=date(2026, 4, 30))
    evidence(used, a1, dated_text)
    ranking = claim(story, "Musk ranked the AI labs")
    evidence(ranking, a2, "Later in his testimony, Musk ranked the AI labs.")
    other = claim(story, "OpenAI declined to comment", speaker="OpenAI")

    (event,) = events.update_events(story)

    assert set(event.claims.all()) == {used, ranking}
    assert Claim.objects.get(pk=other.pk).event is None
    assert list(event.stories.all()) == [story]
    assert event.summary.splitlines()[0] == "Elon Musk testifies that xAI used OpenAI models."  # a sentence
    assert {a.outlet.name for a in events.sources(event)} == {"A", "B"}


def test_a_locked_event_is_left_alone_but_still_gathers_its_claims(story, case):
    key = f"case{case.pk}:2026-04-30:day:testimony"
    locked = Event.objects.create(
        key=key, case=case, date=date(2026, 4, 30), precision="day", title="Curated title", summary="Curated.",
        locked=True, status=Event.Visibility.PUBLISHED,
    )  # fmt: skip
    text = "Musk testified that xAI used OpenAI models."
    used = claim(story, "xAI used OpenAI models", on=date(2026, 4, 30))
    evidence(used, article(story, "A", text), text)

    (event,) = events.update_events(story)

    assert event.pk == locked.pk
    event.refresh_from_db()
    assert (event.title, event.summary, event.first_reported_at, event.last_changed_at) == (
        "Curated title",
        "Curated.",
        None,
        None,
    )
    assert not event.stories.exists()
    assert Claim.objects.get(pk=used.pk).event == locked


def test_an_edit_moves_last_changed_but_not_first_reported(story):
    row = article(story, "A", OPENED, published=datetime(2026, 4, 28, tzinfo=UTC))
    mention(row, "April 27, 2026", date(2026, 4, 27))
    (event,) = events.update_events(story)
    first = event.first_reported_at
    Article.objects.filter(pk=row.pk).update(edited_at=T0 + timedelta(days=2))
    (event,) = events.update_events(story)
    assert event.first_reported_at == first == datetime(2026, 4, 28, tzinfo=UTC)
    assert event.last_changed_at == T0 + timedelta(days=2)


@pytest.mark.parametrize(
    ("sentence", "when", "cue", "title"),
    [
        (OPENED, "April 27, 2026", "opened", "The trial opened in Oakland"),
        ("On April 27, the trial opened in Oakland.", "April 27", "opened", "The trial opened in Oakland"),
        ("xAI, which was founded in 2023, entered the field.", "2023", "founded", "xAI was founded"),
        (
            "Musk filed the lawsuit on Feb. 29, 2024, alleging fraud.",
            "Feb. 29, 2024",
            "filed",
            "Musk filed the lawsuit",
        ),
    ],
)
def test_clause_titles(sentence, when, cue, title):
    start = sentence.index(when)
    assert event_reports.clause_title(sentence, start, start + len(when), sentence.index(cue)) == title


def test_seeds_testimony_on_thursday_with_all_five_sources_and_the_opening_on_monday():
    from tracker.crossref.analysis import analyze_articles, pending_article_ids
    from tracker.crossref.linking import link_article
    from tracker.sources.sample import load_sample

    load_sample(root=settings.BASE_DIR / "tracker" / "sources" / "sample_data")
    analyze_articles(pending_article_ids())
    for row in Article.objects.order_by("first_seen_at", "pk"):
        link_article(row)
    case = Case.objects.get(slug="musk-v-openai")
    timeline_rows = {(e.date, e.precision): e for e in Event.objects.filter(case=case)}

    e1 = timeline_rows[(date(2026, 4, 30), "day")]
    e2 = timeline_rows[(date(2026, 4, 27), "day")]
    assert len({a.outlet_id for a in events.sources(e1)}) == 5
    assert {a.outlet.name for a in events.sources(e2)} == {"Aivizor", "FrontierNews.ai"}
    assert e2.title == "The trial opened in Oakland"
    assert e1.first_reported_by.name == "Aivizor"
    assert (date(2023, 1, 1), "year") in timeline_rows
    assert (date(2026, 4, 27), "week") not in timeline_rows
    before = list(Event.objects.order_by("pk").values_list("pk", "key", "title", "first_reported_at"))
    link_article(Article.objects.get(outlet__name="Aivizor"))
    assert list(Event.objects.order_by("pk").values_list("pk", "key", "title", "first_reported_at")) == before


def test_titles_are_complete_lines_and_summaries_sentences():
    from types import SimpleNamespace

    from tracker.crossref.event_reports import claim_sentence, claim_title

    def claim(text):
        return SimpleNamespace(speaker=None, speaker_text="Elon Musk", kind="testimony", text=text)

    long = (
        "his artificial intelligence company xAI trained its Grok chatbot using models developed by "
        "OpenAI, a practice he called standard across the industry and one that rivals also follow"
    )
    title = claim_title(claim(long))
    assert "…" not in title and not title.endswith(",")
    assert title == (
        "Elon Musk testifies that his artificial intelligence company xAI trained its Grok chatbot "
        "using models developed by OpenAI"
    )  # ends at a clause boundary, never mid-clause
    short = claim_title(claim("xAI partly distilled OpenAI models"))
    assert short == "Elon Musk testifies that xAI partly distilled OpenAI models"
    endless = claim_title(claim(" ".join(["word"] * 200)))
    assert len(endless) <= 300 and not endless.endswith(" ")
    assert claim_sentence(claim("it was a general practice")) == (
        "Elon Musk testifies that it was a general practice."
    )


def test_a_batch_counts_again_only_the_events_its_articles_change(story):
    """`fresh` (a linking batch's articles): an event none of whose reports, claims' evidence or stories
    they touch keeps its stored first report (not read again); without `fresh` every event is counted.
    Fails with `_reported_anew` returning every event."""
    said = {}
    for n, outlet in enumerate(["Daily", "Weekly"]):
        sentence = f"Musk testified about matter {n}."
        row = article(story, outlet, sentence, hours=n, published=T0 + timedelta(hours=n))
        evidence(claim(story, f"Musk testified about matter {n}", on=date(2026, 4, 20 + n)), row, sentence)
        said[outlet] = row
    first, second = events.update_events(story)
    assert (first.first_reported_by.name, second.first_reported_by.name) == ("Daily", "Weekly")
    Event.objects.update(first_reported_at=None, first_reported_by=None)

    events.update_events(story, fresh=frozenset({said["Daily"].pk}))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.first_reported_by.name, second.first_reported_by) == ("Daily", None)

    events.update_events(story)
    second.refresh_from_db()
    assert second.first_reported_by.name == "Weekly"
