"""Articles that state no date (issue 16): placed in time by what they say, so they join their story
whenever they were first seen, and never join two dated stories further apart than the window."""

from __future__ import annotations

import dataclasses
import functools
from datetime import timedelta

import pytest

from tracker.crossref import clustering, features, neighbourhoods, profiling, rarities, undated, untimed
from tracker.crossref.models import Story, StoryArticle
from tracker.sources.models import Article

from .test_clustering import EVENTS, analyze, events, make_article, when  # noqa: F401 - fixture

# Two undated pieces of one harbour that share a few words (a channel, a board, silt) and no report.
DREDGE = (
    "The harbour board voted to dredge the eastern channel before the autumn storms. Ferry crews said"
    " delays would last a week, and the mayor thanked the engineers for their survey of the silt."
)
FESTIVAL = (
    "A bakery on the quay sold out of bread by noon as the choir rehearsed for the festival. Later the"
    " harbour board met to talk about the eastern channel, where a trawler ran aground in the silt."
)


def _profile(url, title, text, seen, time=None):
    return features.profile(
        key=(time or seen, url), time=time, seen=seen, title=title, text=text, mentions=[]
    )


pytestmark = pytest.mark.django_db


def story_of(article) -> int:
    return StoryArticle.objects.get(article=article).story_id


def undated_copy_of(outlet: str, spec: tuple, seen) -> Article:
    """The article of `spec` again, from another outlet, stating no date, first seen at `seen`."""
    _, _, title, text = spec
    article = make_article(outlet, "2026-04-01T00:00", f"{title} (reported)", text)
    Article.objects.filter(pk=article.pk).update(published_at=None, first_seen_at=seen)
    analyze(article)
    article.refresh_from_db()
    assert article.published_at is None
    return article


def link_all() -> None:
    Story.objects.all().delete()
    for article in Article.objects.filter(status=Article.Status.ANALYZED).order_by("first_seen_at", "pk"):
        clustering._create([article])
    clustering.recluster(since=when("2026-01-01T00:00"))


def test_an_undated_article_seen_a_month_late_joins_its_story_by_what_it_says(events):  # noqa: F811
    late = undated_copy_of("labnotes", EVENTS["verdict"][1], seen=when("2026-06-05T09:00"))
    link_all()
    assert story_of(late) == story_of(events["verdict"][0]) == story_of(events["verdict"][1])
    assert story_of(late) != story_of(events["musk"][0])


def test_an_undated_article_never_joins_two_stories_a_month_apart():
    """Everything imported at once (one first sighting): an undated report that resembles the
    testimony and its retelling a month later belongs to one of them, and the two stay apart."""
    seen = when("2026-06-10T12:00")
    (_, _, title, first), (_, _, _, second) = EVENTS["musk"]
    both = first[len(first) // 2 :] + " " + second[len(second) // 2 :]  # no lead of either: not a copy

    def profile(url, time, text):
        return features.profile(
            key=(time or seen, url), time=time, seen=seen, title=title, text=text, mentions=[]
        )

    found = [
        profile("a", when("2026-04-30T19:05"), first),
        profile("b", when("2026-05-30T19:00"), second),
        profile("u", None, both),
    ]
    found = undated.placed(found)
    assert found[2].time in (found[0].time, found[1].time)
    assert sorted(map(sorted, features.cluster(found))) in ([[0], [1, 2]], [[0, 2], [1]])


def test_placing_takes_the_time_of_the_closest_dated_article_or_none(events):  # noqa: F811
    late = undated_copy_of("labnotes", EVENTS["verdict"][0], seen=when("2026-06-05T09:00"))
    lone = undated_copy_of(
        "courtwire",
        ("", "", "Bake sale", "The school bake sale raised money for the roof."),
        seen=when("2026-06-05T10:00"),
    )
    articles = sorted(Article.objects.filter(status=Article.Status.ANALYZED), key=neighbourhoods.key)
    found = profiling.profiles(articles)
    assert found[articles.index(late)].time is None  # a profile is the article's alone
    placed = undated.placed(found)
    assert found[articles.index(late)].time is None  # the profiles given are left as they were
    assert placed[articles.index(late)].time == events["verdict"][0].published_at  # its own text, 2 May
    assert placed[articles.index(lone)].time is None  # resembles nothing dated: still no time
    assert [p.time for p in undated.placed(placed)] == [p.time for p in placed]


def test_two_articles_with_no_time_stay_apart_on_a_weak_link_and_join_on_a_strong_one():
    """Imported at once (one first sighting), two undated pieces nothing dated places are compared as
    if stated together: a few shared words (a channel, a board, silt) no longer make them one story,
    nor with one dated article (`test_a_weak_match_with_dated_articles_counts_only_in_company`); a
    shared report does."""
    seen = when("2026-06-10T12:00")
    profile = functools.partial(_profile, seen=seen)
    retold = "Fishermen welcomed the plan. " + DREDGE

    weak = [
        profile("a", "Board votes to dredge", DREDGE),
        profile("b", "Festival week on the quay", FESTIVAL),
    ]
    term_idf, entity_idf = features.rarity(weak)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in weak]
    assert features.THRESHOLD < features.pair_score(*weak, *vecs) < untimed.UNTIMED_MIN
    assert features.cluster(weak) == [[0], [1]]
    strong = [weak[0], profile("c", "Channel to be dredged", retold)]
    assert features.cluster(strong) == [[0, 1]]


def test_a_weak_match_with_dated_articles_counts_only_in_company():
    """Imported at once, a piece nothing dated places links weakly to a dated report: one such match is
    a coincidence of words (apart); a second dated report of that window it matches makes a place (one
    story); two matches a month apart do not (each report keeps its own, the piece stays alone)."""
    seen, march = when("2026-06-10T12:00"), when("2026-03-02T12:00")
    profile = functools.partial(_profile, seen=seen)
    towed = (
        "Ferry passengers queued at the quay as the trawler was towed off the silt. The harbour master said"
        " the eastern channel would reopen once the tide turned, and crews checked the engines overnight."
    )

    piece = profile("u", "Board votes to dredge", DREDGE)
    quay = profile("b", "Festival week on the quay", FESTIVAL, time=march)
    one = [quay, piece]
    term_idf, entity_idf = features.rarity(one)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in one]
    assert features.THRESHOLD < features.pair_score(*one, *vecs) < untimed.UNTIMED_MIN
    assert features.cluster(one) == [[0], [1]]
    next_day = [quay, profile("c", "Trawler towed off", towed, time=when("2026-03-03T12:00")), piece]
    assert features.cluster(next_day) == [[0, 1, 2]]
    month_on = [quay, profile("c", "Trawler towed off", towed, time=when("2026-04-01T12:00")), piece]
    assert features.cluster(month_on) == [[0], [1], [2]]


def test_a_match_far_from_every_day_the_article_names_without_a_year_is_no_place_for_it():
    """The same saga four months apart: an undated piece that resembles both reports takes the one near
    the day it names with no year ("January 28", read in the report's year or either side), whichever
    its words prefer; naming none, it is placed as before."""
    seen = when("2026-06-10T12:00")
    (_, _, title, first), (_, _, _, second) = EVENTS["musk"]
    both = first[len(first) // 2 :] + " " + second[len(second) // 2 :]
    early, late = when("2026-01-30T19:05"), when("2026-05-30T19:00")

    def found(yearless):
        piece = dataclasses.replace(_profile("u", title, both, seen), yearless=frozenset(yearless))
        return undated.placed(
            [_profile("a", title, first, seen, early), _profile("b", title, second, seen, late), piece]
        )[2].time

    assert found({(1, 28)}) == early
    assert found({(5, 27)}) == late
    assert found({(1, 28), (5, 27)}) == found(()) in (early, late)
    assert found({(9, 1)}) is None  # near neither: not placed (nothing else it names pins it)


def test_a_match_published_off_every_weekday_the_article_names_is_no_place_for_it():
    """An undated piece naming a weekday bare ("on Tuesday") takes the report published that day or the
    next (`undated.WEEKDAY_LAG`), whichever its words prefer; naming none, it is placed as before."""
    seen = when("2026-06-10T12:00")
    (_, _, title, first), (_, _, _, second) = EVENTS["musk"]
    both = first[len(first) // 2 :] + " " + second[len(second) // 2 :]
    tuesday, friday = when("2026-01-27T19:05"), when("2026-05-29T19:00")

    def found(weekdays):
        piece = dataclasses.replace(_profile("u", title, both, seen), weekdays=frozenset(weekdays))
        return undated.placed(
            [_profile("a", title, first, seen, tuesday), _profile("b", title, second, seen, friday), piece]
        )[2].time

    assert found({1}) == found({0}) == tuesday  # "on Tuesday" that day, "on Monday" the day after
    assert found({4}) == found({3}) == friday
    assert found({1, 4}) == found(()) in (tuesday, friday)
    assert found({6}) is None  # neither published on a Sunday or a Monday


def test_a_day_named_without_a_year_is_read_in_the_year_either_side():
    piece = dataclasses.replace(
        _profile("u", "t", "x", when("2026-06-10T12:00")), yearless=frozenset({(12, 30)})
    )
    assert undated.fits(piece, when("2027-01-02T12:00"))
    assert undated.fits(piece, when("2026-12-01T12:00"))
    assert not undated.fits(piece, when("2026-06-10T12:00"))
    assert not undated.fits(piece, when("2026-12-30T12:00") + undated.YEARLESS_WINDOW + timedelta(days=1))
    leap = dataclasses.replace(piece, yearless=frozenset({(2, 29)}))
    assert undated.fits(leap, when("2028-03-01T12:00")) and not undated.fits(leap, when("2026-09-01T12:00"))


def test_an_undated_article_keeps_the_days_it_names_without_a_year(events):  # noqa: F811
    spec = ("", "", "Channel vote", "The harbour board met on March 2, on Tuesday, Apr. 14 and on Friday.")
    piece = undated_copy_of("courtwire", spec, seen=when("2026-06-05T10:00"))
    articles = sorted(Article.objects.filter(status=Article.Status.ANALYZED), key=neighbourhoods.key)
    found = profiling.profiles(articles)
    assert found[articles.index(piece)].yearless == {(3, 2), (4, 14)}
    assert found[articles.index(piece)].weekdays == {1, 4}  # Tuesday, Friday
    assert all(
        not p.yearless and not p.weekdays for a, p in zip(articles, found, strict=True) if a.published_at
    )


# An outlet's standing paragraph: its pieces of any day share it, whatever they report.
HOUSE = (
    "The Quay Ledger's harbour desk follows every vote of the port authority, and readers can find the weekly"
    " tide tables, the shipping column and the ferry timetable on our harbour page. Letters to the harbour"
    " desk are welcome; the pilots' almanac and the moorings register are printed on Sundays."
)
TOWED = [  # two other outlets' reports of one morning's grounding
    (
        "https://tidewatch.example/trawler-aground",
        "Trawler runs aground near the breakwater",
        "A trawler ran aground near the breakwater on Friday morning, and the coastguard towed it clear at"
        " high tide. The skipper said the hull was sound and the crew of six was unhurt.",
        "2026-03-06T11:00",
    ),
    (
        "https://portgazette.example/coastguard-tow",
        "Coastguard tows grounded trawler",
        "The coastguard towed a grounded trawler off the breakwater rocks on Friday. Its crew of six walked"
        " ashore unhurt, and the skipper blamed a failed rudder for the grounding.",
        "2026-03-06T15:00",
    ),
]


def test_an_undated_article_goes_where_other_outlets_place_it_not_to_its_own_outlets_other_day():
    """Its own outlet's piece of another event is its best match by the paragraph the outlet prints under
    every piece; other outlets' reports of its event, each weaker, together outweigh it, and it joins
    their story. Where no other outlet's report places it, its own outlet's piece still does."""
    seen = when("2026-06-10T12:00")

    def profile(url, title, text, time=None):
        return _profile(url, title, text, seen, time)

    vote = profile(
        "https://quayledger.example/board-vote",
        "Harbour board backs dredging plan",
        "The harbour board voted on Monday to dredge the eastern approach before the autumn storms, after"
        " engineers warned that silt had narrowed it. " + HOUSE,
        when("2026-01-12T18:00"),
    )
    towed = [profile(url, title, text, when(at)) for url, title, text, at in TOWED]
    piece = profile(
        "https://quayledger.example/trawler",
        "Trawler grounded at the breakwater",
        "A trawler grounded on the breakwater, and the coastguard towed it off. " + HOUSE,
    )
    found = [vote, *towed, piece]
    term_idf, entity_idf = features.rarity(found)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in found]
    scores = [
        features.pair_score(dataclasses.replace(piece, time=p.time), p, vecs[3], vecs[n])
        for n, p in enumerate(found[:3])
    ]
    assert scores[0] > max(scores[1:]) and min(scores[1:]) >= undated.PLACE_MIN  # its own outlet's best
    placed = undated.placed(found)
    assert placed[3].time in (towed[0].time, towed[1].time)
    assert sorted(map(sorted, features.cluster(placed))) == [[0], [1, 2, 3]]
    assert undated.placed([vote, piece])[1].time == vote.time  # no other outlet's: its own outlet's


def _approach():
    """An undated piece that resembles each report of `TOWED` a little."""
    return _profile(
        "https://quayledger.example/approach",
        "Harbour approach closed for the morning",
        "A trawler with a crew of six stuck on the breakwater rocks at dawn kept the coastguard busy at high"
        " tide. The harbour master closed the approach for the morning, and the pilots kept the ferries"
        " waiting at anchor while the market opened late; fishmongers said the auction of the day's catch"
        " would move to the old customs shed until the berth reopened.",
        when("2026-06-10T12:00"),
    )


def test_an_undated_article_no_single_match_places_takes_the_day_its_matches_weigh_most():
    """Each of two reports of one morning resembles it under PLACE_MIN; together they reach it."""
    towed = [_profile(url, title, text, when("2026-06-10T12:00"), when(at)) for url, title, text, at in TOWED]
    piece = _approach()
    found = [*towed, piece]
    term_idf, entity_idf = features.rarity(found)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in found]
    scores = [
        features.pair_score(dataclasses.replace(piece, time=p.time), p, vecs[2], vecs[n])
        for n, p in enumerate(towed)
    ]
    assert max(scores) < undated.PLACE_MIN <= sum(scores) and min(scores) >= features.THRESHOLD
    assert undated.placed(found)[2].time in (towed[0].time, towed[1].time)


def test_a_text_several_outlets_ran_weighs_in_a_day_once():
    """Two runs of one report (a wire text under two names) are one report: together they do not place
    a piece that each resembles under PLACE_MIN, as two reports would."""
    url, title, text, at = TOWED[0]
    seen = when("2026-06-10T12:00")
    runs = [
        _profile(url, title, text, seen, when(at)),
        _profile("https://harbourpost.example/trawler-aground", title, text, seen, when("2026-03-06T13:00")),
    ]
    found = [*runs, _approach()]
    assert features.is_copy(*runs)
    term_idf, entity_idf = features.rarity(found)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in found]
    scores = [
        features.pair_score(dataclasses.replace(found[2], time=p.time), p, vecs[2], vecs[n])
        for n, p in enumerate(runs)
    ]
    assert features.THRESHOLD <= max(scores) < undated.PLACE_MIN <= sum(scores)
    assert undated.placed(found)[2].time is None


def test_a_day_announced_as_one_to_come_is_not_the_day_an_undated_article_reports(events):  # noqa: F811
    """ "The vote is expected Friday", "hearings resume on Monday", "every Sunday", "a ruling is set for
    June 18": days to come or standing ones (`undated.ahead`), which say nothing of the day a report tells
    of; "met on Tuesday" and "filed on March 2" do."""
    text = (
        "The harbour board met on Tuesday to vote on the channel. A second vote is expected Friday, and"
        " hearings resume on Monday. The pilots' almanac is printed every Sunday. A ruling is set for"
        " June 18; the survey was filed on March 2."
    )
    piece = undated_copy_of("courtwire", ("", "", "Channel vote", text), seen=when("2026-06-05T10:00"))
    articles = sorted(Article.objects.filter(status=Article.Status.ANALYZED), key=neighbourhoods.key)
    found = profiling.profiles(articles)[articles.index(piece)]
    assert found.weekdays == {1} and found.yearless == {(3, 2)}  # Tuesday, March 2
    assert [undated.ahead(text, text.index(day)) for day in ("Tuesday", "Friday", "Monday", "Sunday")] == [
        False,
        True,
        True,
        True,
    ]
    other = "The vote was set aside. On Friday the board met again."
    assert not undated.ahead(other, other.index("Friday"))  # "set" is another sentence's


def test_an_undated_report_goes_to_its_days_reports_when_they_outweigh_its_best_match_of_another_day():
    """A report of a grounding that names the parts recalled two months on: that later report, of
    another outlet, is its best match, but three reports of its own morning, each a little weaker,
    weigh more than `undated.OUTWEIGHED` times it, and place it. Two of them outweigh it by less: its
    best match still places it (an analysis that matches one report of its day well and a later day's
    reports each a little stays on its day)."""
    seen = when("2026-06-10T12:00")
    freed = (
        "https://baylight.example/trawler-freed",
        "Trawler freed from breakwater",
        "A trawler that grounded on the breakwater on Friday was towed clear by the coastguard; its skipper"
        " blamed the rudder.",
        "2026-03-06T17:00",
    )
    morning = [_profile(url, title, text, seen, when(at)) for url, title, text, at in [*TOWED, freed]]
    recall = _profile(
        "https://harbourpost.example/rudder-recall",
        "Rudder maker recalls trawler parts",
        "A rudder maker recalled the steering parts fitted to a dozen trawlers after a failed rudder was"
        " blamed for a grounding at the breakwater in March. Skippers said the recall came late.",
        seen,
        when("2026-05-20T10:00"),
    )
    piece = _profile(
        "https://quayledger.example/grounding",
        "Trawler grounded at the breakwater",
        "A trawler grounded on the breakwater on Friday and was towed clear. Its skipper blamed the steering"
        " parts a rudder maker fitted to a dozen trawlers, parts since recalled.",
        seen,
    )
    found = [*morning, recall, piece]
    term_idf, entity_idf = features.rarity(found)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in found]
    scores = [
        features.pair_score(dataclasses.replace(piece, time=p.time), p, vecs[4], vecs[n])
        for n, p in enumerate(found[:4])
    ]
    assert max(scores[:3]) < scores[3] and min(scores) >= undated.PLACE_MIN  # the recall its best match
    assert sum(scores[:3]) >= undated.OUTWEIGHED * scores[3]
    assert undated.placed(found)[4].time in [p.time for p in morning]
    two = [*morning[:2], recall, piece]
    term_idf, entity_idf = features.rarity(two)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in two]
    scores = [
        features.pair_score(dataclasses.replace(piece, time=p.time), p, vecs[3], vecs[n])
        for n, p in enumerate(two[:3])
    ]
    assert scores[2] < sum(scores[:2]) < undated.OUTWEIGHED * scores[2]  # the morning weighs more, not enough
    assert undated.placed(two)[3].time == recall.time


def _tagging(url, title, text, time=None, tagged=("Brackenfold",)):
    """A profile whose parse tags each of `tagged` in its text (the mentions `profiling` reads)."""
    full = f"{title}\n\n{text}"
    found, at = [], full.find(tagged[0], len(title)) if tagged else -1
    while at >= 0:
        found.append((tagged[0], "ORG", at))
        at = full.find(tagged[0], at + 1)
    seen = when("2026-09-01T12:00")
    return features.profile(
        key=(time or seen, url), time=time, seen=seen, title=title, text=full, mentions=found
    )


def test_a_party_most_articles_tag_does_not_place_an_undated_piece_that_leaves_it_untagged():
    """A live blog and an explainer of another day leave the party untagged (a parse's slip), every other
    article tags it: as a word it is in two texts, but it is the case's party, and it does not take the
    blog from the hearing whose reports it resembles by what it says (`undated.named`)."""
    reports = [
        (
            "https://a.example/h",
            "Brackenfold fights dredging contract in court",
            "Brackenfold asked the court"
            " on Monday to void the harbour dredging contract, saying the tender was rigged.",
            "2026-03-09T15:00",
        ),
        (
            "https://b.example/h",
            "Judge hears Brackenfold's tender challenge",
            "Lawyers for Brackenfold told the"
            " judge that the dredging tender was rigged and the contract should be voided.",
            "2026-03-09T18:00",
        ),
        (
            "https://c.example/r",
            "Brackenfold loses dredging appeal",
            "An appeals panel upheld the dredging"
            " contract on Thursday and ordered Brackenfold to pay the port's costs.",
            "2026-06-18T15:00",
        ),
    ]
    others = [
        "names a new chief",
        "wins a canal job",
        "reports lower profits",
        "faces a dock strike",
        "buys a barge fleet",
        "opens an estuary depot",
    ]
    dated = [_tagging(url, title, text, when(at)) for url, title, text, at in reports] + [
        _tagging(
            f"https://f.example/{n}",
            f"Brackenfold {what}",
            f"Brackenfold {what}.",
            when(f"2026-04-1{n}T12:00"),
        )
        for n, what in enumerate(others)
    ]
    explainer = _tagging(
        "https://d.example/e",
        "What is next for Brackenfold",
        "The appeals panel has the last word on costs;"
        " a further appeal would go to the highest bench, which rarely takes harbour disputes.",
        when("2026-06-18T18:00"),
        tagged=(),
    )
    blog = _tagging(
        "https://e.example/live",
        "Live: Brackenfold in court",
        "9:40 a.m. The judge takes the bench. 10:05 a.m. The tender, Brackenfold says, was rigged.",
        tagged=(),
    )
    found = [*dated, explainer, blog]
    vecs = rarities.weighed(found)[2]
    by_words = [
        features.pair_score(dataclasses.replace(blog, time=p.time), p, vecs[-1], vecs[n])
        for n, p in enumerate(found[:-1])
    ]
    # by the untagged party's word, the explainer is its best match, and the hearing's day does not outweigh it
    assert max(by_words) == by_words[-1] and by_words[0] + by_words[1] < undated.OUTWEIGHED * by_words[-1]
    assert undated.placed(found)[-1].time == dated[0].time
    assert [0, 1, len(found) - 1] in features.cluster(undated.placed(found))
