"""Story clustering: the seeds make one story; different events with the same people stay apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from tests.factories import ArticleFactory, OutletFactory
from tracker.cases.models import Case
from tracker.crossref import clustering
from tracker.crossref.analysis import analyze_articles, pending_article_ids
from tracker.crossref.models import Story, StoryArticle
from tracker.crossref.story_models import StoryRedirect
from tracker.sources.models import Article
from tracker.sources.sample import load_sample

pytestmark = pytest.mark.django_db

# Five events of one week in which the same companies appear, as two outlets might report them. The
# dates are squeezed into one clustering window on purpose: only what happened may tell them apart.
EVENTS = {
    "musk": [
        (
            "courtwire",
            "2026-04-30T19:05",
            "Musk tells jury xAI partly distilled OpenAI models to build Grok",
            "Elon Musk told a federal jury in Oakland on Thursday that xAI had partly distilled OpenAI's "
            "models while training its Grok chatbot. Asked under cross-examination whether his company "
            "queried OpenAI systems to copy their answers, Musk said the practice was common across the "
            'industry and that Google and Anthropic faced the same temptation. "Partly," he answered '
            "when pressed for a yes or no. The admission came on the fourth day of Musk's lawsuit "
            "against OpenAI, which accuses the company of abandoning its nonprofit mission. OpenAI's "
            "lawyers argued that the testimony showed xAI benefiting from the very work Musk now "
            "attacks. Distillation, in which a smaller model learns from the outputs of a larger one, "
            "usually breaches a provider's terms of service rather than any law. Musk spent more than "
            "three hours on the witness stand and is expected to return for further questioning.",
        ),
        (
            "baytech",
            "2026-04-30T22:40",
            "Under cross-examination, Musk concedes xAI distilled OpenAI's models for Grok",
            "On the witness stand in Oakland, Elon Musk conceded on Thursday that xAI partly distilled "
            "OpenAI's models when it trained Grok. The concession came under cross-examination in the "
            "trial over OpenAI's shift away from its nonprofit roots. Musk described distillation as a "
            "general practice that labs such as Google and Anthropic know well, and insisted it had "
            "nothing to do with his claims. OpenAI's counsel pressed him for a plain answer, and he "
            'replied: "Partly." Legal experts said the exchange could undercut Musk\'s argument that '
            "OpenAI betrayed its founders, since his own company leaned on OpenAI's work. The judge "
            "reminded jurors that the distillation question was not itself part of the case. Musk is "
            "due back on the stand after OpenAI finishes its cross-examination.",
        ),
    ],
    "altman": [
        (
            "courtwire",
            "2026-05-01T18:30",
            "Altman testifies Musk demanded control of OpenAI before walking away",
            "Sam Altman took the stand on Friday and told jurors that Elon Musk had demanded majority "
            "control of OpenAI and the chief executive role before walking away in 2018. Altman, "
            "OpenAI's chief executive, said the board refused because no single person should control "
            "a lab building powerful systems. He called Musk's xAI a fierce competitor and rejected the "
            "claim that the for-profit restructuring betrayed donors. Asked about Google and Anthropic, "
            "Altman said rivals had forced OpenAI to raise billions for computing power. Musk's lawyers "
            "questioned him about his equity and about the weekend in 2023 when the board briefly "
            "fired him. Altman answered calmly for most of the afternoon and conceded that early "
            "emails showed donors were promised an open research lab.",
        ),
    ],
    "verdict": [
        (
            "courtwire",
            "2026-05-02T21:10",
            "Jury rejects Musk's claims against OpenAI in split verdict",
            "A federal jury in Oakland on Saturday rejected most of Elon Musk's claims against OpenAI, "
            "finding that the company did not breach a charitable trust when it created its "
            "for-profit arm. After two days of deliberations, jurors found OpenAI liable on one narrow "
            "unjust enrichment claim and awarded no damages. Judge Yvonne Gonzalez Rogers will rule "
            "on remedies later. Musk said on X that he would appeal the verdict. Shares of Microsoft, "
            "OpenAI's largest backer, rose after the decision. Rivals watched closely: Google and "
            "Anthropic had warned that a win for Musk could unsettle how labs are financed, while "
            "xAI, Musk's own company, declined to comment. Jurors told reporters the founding emails "
            "weighed more than any single witness.",
        ),
        (
            "baytech",
            "2026-05-03T08:15",
            "OpenAI wins most of the verdict as jurors reject Musk's breach of trust claim",
            "Jurors sided with OpenAI on Saturday, rejecting Elon Musk's central claim that the "
            "company broke a charitable trust by turning into a for-profit business. The verdict "
            "came after two days of deliberations in Oakland. The jury did find OpenAI liable on a "
            "smaller unjust enrichment count but awarded no damages, leaving remedies to the judge. "
            "Musk vowed to appeal. The outcome removes a cloud over OpenAI's restructuring and its "
            "plans to raise money from investors. xAI, the company Musk founded to compete with "
            "OpenAI, made no statement, and executives at Google and Anthropic said they respected "
            "the jury's decision.",
        ),
    ],
    "anthropic": [
        (
            "labnotes",
            "2026-05-01T15:00",
            "Anthropic report details industrial-scale distillation attacks on Claude",
            "Anthropic published a report on Friday describing what it called distillation attacks: "
            "coordinated campaigns that send millions of queries to its Claude models to harvest "
            "answers for training rival systems. The company said it had detected thousands of "
            "fraudulent accounts and blocked them with new classifiers that spot harvesting patterns. "
            "The report names no culprit and does not accuse xAI, although it arrived a day after "
            "Elon Musk said in court that xAI partly relied on OpenAI's models. Anthropic urged "
            "OpenAI, Google and other labs to share indicators about attackers, and said export "
            "controls on chips matter less if capabilities can be copied through an API. Security "
            "researchers praised the level of detail in the findings.",
        ),
    ],
    "forum": [
        (
            "labnotes",
            "2026-05-02T13:20",
            "Frontier Model Forum launches joint effort to counter model copying",
            "OpenAI, Anthropic and Google announced on Saturday a joint effort through the Frontier "
            "Model Forum to detect and deter unauthorised copying of their models. The industry body "
            "will run a shared exchange of threat intelligence, so that an account banned by one "
            "member for harvesting outputs can be flagged to the others within hours. The members "
            "also pledged common wording for their terms of service. xAI, which is not a member, was "
            "invited to join; Elon Musk did not respond. The Frontier Model Forum said the effort "
            "would publish a yearly summary of the campaigns it disrupts. Critics asked whether "
            "coordinated enforcement by the largest labs could shut out smaller competitors.",
        ),
    ],
}
OUTLETS = {"courtwire": "Courtroom Wire", "baytech": "Bay Tech Daily", "labnotes": "Lab Notes"}


def when(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def make_article(outlet: str, date: str, title: str, text: str, **fields) -> Article:
    """A fetched (not yet analysed) article of `outlet`, stated at `date`, first seen 20 minutes later."""
    slug = title.lower().replace(" ", "-")[:80]
    fields = {"published_at": when(date), "first_seen_at": when(date) + timedelta(minutes=20), **fields}
    return ArticleFactory(
        outlet=OutletFactory(name=OUTLETS[outlet], domain=f"{outlet}.example"),
        url=f"https://{outlet}.example/{slug}",
        title=title,
        text=text,
        status=Article.Status.FETCHED,
        **fields,
    )


def analyze(*articles: Article) -> None:
    analyze_articles([a.pk for a in articles])


@pytest.fixture
def seeds() -> list[Article]:
    load_sample(root=settings.BASE_DIR / "tracker" / "sources" / "sample_data")
    analyze_articles(pending_article_ids())
    Story.objects.all().delete()  # should analysis link already: each test links in its own order
    return list(Article.objects.order_by("first_seen_at", "pk"))


@pytest.fixture
def events() -> dict[str, list[Article]]:
    made = {name: [make_article(*spec) for spec in specs] for name, specs in EVENTS.items()}
    analyze(*[a for articles in made.values() for a in articles])
    Story.objects.all().delete()
    return made


def assign_in_order(articles) -> dict[int, StoryArticle]:
    ordered = sorted(articles, key=lambda a: (a.first_seen_at, a.pk))
    return {a.pk: clustering.assign_story(a) for a in ordered}


def test_the_five_seeds_are_one_story_represented_by_the_earliest(seeds):
    memberships = assign_in_order(seeds)
    assert len({m.story_id for m in memberships.values()}) == 1
    story = Story.objects.get()
    assert story.memberships.count() == 5
    aivizor = Article.objects.get(outlet__name="Aivizor")  # the earliest stated date: 30 April 2026
    assert story.representative == aivizor
    assert story.title == aivizor.title
    assert story.first_seen_at == min(a.first_seen_at for a in seeds)
    assert set(story.cases.values_list("slug", flat=True)) == {"musk-v-openai", "ai-distillation"}


@pytest.mark.xfail(
    reason="issue 16: seven articles give 21 pairs, under relative.RELATIVE_MIN_PAIRS, and at the 0.06 floor the "
    "Musk testimony (2 reports) and Anthropic's report, which cites it, link at 0.15 on average (1.8 x the median "
    "pair, 0.084, would merge them too); with the seeds present the threshold is 0.146 and they stay apart",
    strict=False,
)
def test_five_events_with_the_same_companies_are_five_stories(events):
    assign_in_order([a for articles in events.values() for a in articles])
    assert Story.objects.count() == 5
    for articles in events.values():
        stories = {StoryArticle.objects.get(article=a).story_id for a in articles}
        assert len(stories) == 1, [a.title for a in articles]


def test_the_musk_testimony_joins_the_seed_story_and_the_other_events_stay_apart(seeds, events):
    """The seeds were first seen today, months after their dates: the stated dates decide."""
    assign_in_order(seeds)
    now = timezone.now()
    for articles in events.values():
        for article in articles:
            article.first_seen_at = now + (article.published_at - when("2026-04-30T00:00"))
            article.save(update_fields=["first_seen_at"])
    assign_in_order([a for articles in events.values() for a in articles])
    seed_story = StoryArticle.objects.get(article=seeds[0]).story
    musk = {StoryArticle.objects.get(article=a).story for a in events["musk"]}
    assert musk == {seed_story}
    others = {StoryArticle.objects.get(article=a).story_id for k in events if k != "musk" for a in events[k]}
    assert len(others) == 4 and seed_story.pk not in others


def test_a_copy_joins_its_originals_story_even_before_the_original_is_assigned(events):
    original = events["verdict"][0]
    copy = make_article(
        "labnotes",
        "2026-05-04T10:00",
        "Verdict in the Musk trial (syndicated)",
        original.text,
        copy_of=original,
        copy_kind=Article.CopyKind.NEAR,
    )
    joined = clustering.assign_story(copy)
    assert joined.story == StoryArticle.objects.get(article=original).story
    assert joined.story.representative == original
    assert joined.story.memberships.count() == 2


def test_assigning_twice_changes_nothing(events):
    article = events["forum"][0]
    first = clustering.assign_story(article)
    story = Story.objects.get()
    again = clustering.assign_story(article)
    assert again.pk == first.pk
    assert Story.objects.count() == StoryArticle.objects.count() == 1
    assert Story.objects.get().features == story.features


def test_the_representative_is_the_earliest_article_whatever_the_order(events):
    later, earlier = events["verdict"][1], events["verdict"][0]
    clustering.assign_story(later)
    clustering.assign_story(earlier)
    story = StoryArticle.objects.get(article=later).story
    assert story.memberships.count() == 2
    assert story.representative == earlier
    assert story.title == earlier.title
    assert story.first_seen_at == earlier.first_seen_at
    assert story.last_changed_at == later.first_seen_at


def test_the_same_topic_a_month_later_starts_a_new_story(events):
    first = events["musk"][0]
    clustering.assign_story(first)
    title, text = EVENTS["musk"][1][2], EVENTS["musk"][1][3]
    month_later = make_article("labnotes", "2026-05-30T19:00", title, text)
    analyze(month_later)
    assert clustering.assign_story(month_later).story != StoryArticle.objects.get(article=first).story


def test_a_stated_date_a_month_apart_keeps_a_backfill_apart(events):
    """Everything first seen at once (an archive import): the stated dates still separate."""
    seen = when("2026-06-10T12:00")
    first = events["musk"][0]
    Article.objects.filter(pk=first.pk).update(first_seen_at=seen)
    first.refresh_from_db()
    clustering.assign_story(first)
    title, text = EVENTS["musk"][1][2], EVENTS["musk"][1][3]
    month_later = make_article("labnotes", "2026-05-30T19:00", title, text, first_seen_at=seen)
    analyze(month_later)
    assert clustering.assign_story(month_later).story != StoryArticle.objects.get(article=first).story


def test_a_story_takes_the_cases_of_its_articles(events):
    case = Case.objects.get(slug="musk-v-openai")
    first, second = events["verdict"]
    second.cases.add(case)
    clustering.assign_story(first)
    story = clustering.assign_story(second).story
    assert list(story.cases.all()) == [case]


def test_linking_costs_a_few_queries_whatever_the_number_of_stories(events, django_assert_max_num_queries):
    """Old stories are outside the window: neither loaded nor compared. The new article goes straight into
    the story settling gives it (no story of its own made and merged away), in the caller's transaction."""
    for n in range(30):  # one a fortnight before the events: thirty stories, none in their window
        date = (when("2026-04-20T08:00") - timedelta(days=14 * n)).strftime("%Y-%m-%dT%H:%M")
        make_article("courtwire", date, f"Earlier hearing {n}", "Text.")
    assign_in_order(Article.objects.exclude(pk__in=[a.pk for v in events.values() for a in v]))
    assert Story.objects.count() == 30
    assign_in_order(events["musk"][:1])
    with django_assert_max_num_queries(12):
        clustering.assign_story(events["musk"][1])
    assert len(clustering.candidate_stories(events["musk"][1])) == 1


def test_an_article_joining_a_story_makes_no_story_of_its_own(events):
    """No story is made for the new article and merged away at once (a redirect left for each)."""
    first, second = events["verdict"]
    story = clustering.assign_story(first).story
    assert clustering.assign_story(second).story == story
    assert Story.objects.count() == 1
    assert not StoryRedirect.objects.exists()


def test_a_story_keeps_only_its_size_in_its_features(events):
    """The comparison is between articles now (clustering.settle), so a story stores no centroid."""
    articles = events["verdict"]
    assign_in_order(articles)
    story = StoryArticle.objects.get(article=articles[0]).story
    assert story.features == {"version": clustering.FEATURES_VERSION, "articles": story.memberships.count()}


def test_a_chain_of_copies_in_the_scope_is_walked_without_a_query(django_assert_num_queries):
    """A settle links copy groups through their originals (_link_copies): articles it already loaded
    are not read again, one query per hop, as the chain bench's thousands of copies were."""
    text = "The jury reached its verdict in the Musk trial on Monday afternoon in Oakland."
    original = make_article("courtwire", "2026-05-04T09:00", "Verdict in the Musk trial", text)
    copy = make_article("baytech", "2026-05-04T10:00", "Verdict (copy)", text, copy_of=original)
    again = make_article("labnotes", "2026-05-04T11:00", "Verdict (copy of a copy)", text, copy_of=copy)
    known = {a.pk: a for a in (original, copy, again)}
    with django_assert_num_queries(0):
        assert clustering._original_of(again, known=known) == original
    fresh = Article.objects.get(pk=again.pk)
    with django_assert_num_queries(2):  # outside a scope: one read per hop
        assert clustering._original_of(fresh) == original
    known = {again.pk: fresh}
    with django_assert_num_queries(2):  # the articles read are kept: the copy links made wait for one write
        clustering._original_of(fresh, known=known)
        assert clustering._original_of(fresh, known=known) == original
    assert set(known) == {original.pk, copy.pk, again.pk}


def test_a_settle_finds_its_copy_groups_once(events, monkeypatch):
    """The copy groups link the copies and are the clustering's units: one `linkage.copy_groups` of the
    scope's profiles a settle, not one for the links and another inside `features.cluster`."""
    outlet, date, title, text = EVENTS["verdict"][0]
    copy = make_article("labnotes", date[:-2] + "50", f"{title} (retitled)", text)
    analyze(copy)
    calls = []
    real = clustering.linkage.copy_groups
    monkeypatch.setattr(clustering.linkage, "copy_groups", lambda found: calls.append(1) or real(found))
    original = events["verdict"][0]
    clustering.settle([a for articles in events.values() for a in articles] + [copy])
    assert len(calls) == 1
    copy.refresh_from_db()
    assert (copy.copy_of_id, copy.copy_kind) == (original.pk, Article.CopyKind.NEAR)
    story = StoryArticle.objects.get(article=original).story_id
    assert StoryArticle.objects.get(article=copy).story_id == story


def test_the_neighbourhood_window_columns_are_indexed():
    """`_near` selects by stated time or first sighting within WINDOW: both columns carry an index (on
    PostgreSQL the window's ranges are a BitmapOr of index scans, not a scan of the article table)."""
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Article._meta.db_table)
    indexed = {tuple(c["columns"]) for c in found.values() if c["index"]}
    assert {("published_at",), ("first_seen_at",)} <= indexed
