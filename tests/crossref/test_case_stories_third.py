"""A third one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/ferrowind_v_larkspur.json holds 55 invented articles from ten invented outlets
about one invented case (Ferrowind AI v. Larkspur Systems, a distillation dispute tried before a judge in
Delaware's Court of Chancery), labelled by event as they were written, before any code under
tracker/crossref or tracker/sources was read and before the clusterer ran on them (hc10, session 21). It is
different in kind from kestrel_v_brightwater.json (test_case_stories_unseen.py): a pre-trial hearing and its
ruling four months before the trial, with the same cast; a ruling in the morning and testimony in the
afternoon of one day, in separate articles and in one roundup; a weekly roundup and an explainer naming
several events; a live blog and a breaking story updated in place; an interview with a party three weeks
after the decision, and another outlet's report of that interview; wire, spun, shortened and two
translated-sounding copies; fifteen documented disagreements (quoted words, hedges, numbers, dates).

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then each updated article's feed again, the way a poll finds an edit.
Each mode's chain runs once, in a transaction rolled back at the end, and the tests read its figures.
The floors sit just under what the chain reached when they were set: they catch a regression, not the
goal (issue 16 asks ARI >= 0.9, every copy group linked, most disagreements shown). Nothing under tracker/
was changed for this set: it measures what the clusterer and the claim merging carry over.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.crossref import LabelledArticle, atom_feed, ingest_polnear, score_polnear

# Every test is marked so that pytest-django sets up the test database for the module fixture too.
pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "case_stories" / "ferrowind_v_larkspur.json"
SET = json.loads(FIXTURE.read_text(encoding="utf-8"))

# Measured when set (session 21, at 1b7d9e2's code, before anyone tuned on this set): ARI 0.859 dated
# (13 stories found for 11 events) and 0.801 with every third undated (12 stories); 5 of the 7 copy
# groups linked (every wire, the spun and the shortened copy; neither translated copy); of the 15
# disagreements, 8 shown dated and 9 with every third undated (the plaintiff CEO's date is shown only
# there). Where it splits and merges, and why the others are not shown, is in the commit that set them.
ARI_FLOOR = {0: 0.84, 3: 0.78}
COPY_GROUPS_LINKED = 5
SHOWN_FLOOR = {0: 8, 3: 9}

# How each documented disagreement is found in the stored rows: a phrase of the sentence in article a
# and in article b (where the claim's evidence is looked up), and the words each side's variant must
# hold in a Discrepancy row for the pair to count as shown (None: any words, as a hedge's variant is the
# hedge alone). Keyed by (speaker, event, what differs).
FOUND_BY = {
    ("Priya Ramaswamy", "e1-injunction-hearing", "quoted words"): (
        "judgment wholesale",
        "judgment piece by piece",
        "wholesale",
        "piece",
    ),
    ("Conrad Lisle", "e1-injunction-hearing", "number"): (
        "fewer than 2 million",
        "fewer than 3 million",
        "2 million",
        "3 million",
    ),
    ("Agnes Whitcombe", "e2-injunction-ruling", "hedge"): (
        "is likely to succeed",
        "may well succeed",
        None,
        "may",
    ),
    ("Priya Ramaswamy", "e3-trial-openings", "number"): (
        "40 million prompts",
        "14 million prompts",
        "40 million",
        "14 million",
    ),
    ("Conrad Lisle", "e3-trial-openings", "quoted words"): (
        "not by copying",
        "not by a copier",
        "copying",
        "copier",
    ),
    ("Marisol Ocampo", "e4-ocampo-testimony", "date"): ("in January 2025", "in June 2025", "January", "June"),
    ("Marisol Ocampo", "e4-ocampo-testimony", "hedge"): (
        "I know they took it",
        "I believe they took it",
        None,
        "believe",
    ),
    ("Agnes Whitcombe", "e5-lost-logs-ruling", "quoted words"): (
        "was inexcusable",
        "was indefensible",
        "inexcusable",
        "indefensible",
    ),
    ("Naomi Feld", "e6-feld-testimony", "number"): ("about 90 percent", "about 60 percent", "90", "60"),
    ("Naomi Feld", "e6-feld-testimony", "hedge"): ("I was told to use", "I think I was told", None, "think"),
    ("Eliot Marchetti", "e7-expert-testimony", "quoted words"): (
        "all over Wren",
        "are on Wren",
        "over",
        "faint",
    ),
    ("Theo Brannigan", "e8-brannigan-testimony", "date"): ("in March 2024", "in May 2024", "March", "May"),
    ("Theo Brannigan", "e8-brannigan-testimony", "quoted words"): (
        "never asked anyone",
        "never told anyone",
        "asked",
        "told",
    ),
    ("Agnes Whitcombe", "e10-decision", "quoted words"): (
        "fully compensate",
        "adequately compensate",
        "fully",
        "adequately",
    ),
    ("Theo Brannigan", "e11-brannigan-interview", "hedge"): (
        "We will appeal",
        "almost certainly appeal",
        None,
        "almost",
    ),
}
# The kinds of row that show a difference of that sort (a number shown as a hedge would be a false one).
ATOM = {"content-type": "application/atom+xml"}
SHOWN_AS = {"number": {"number", "quote_wording"}, "date": {"date", "quote_wording"}}


@dataclass
class Coverage:
    """What one run of the chain over the set came to."""

    ari: float = 0.0
    stories_found: int = 0
    stories: dict[int, list[str]] = field(default_factory=dict)  # found story -> its articles' "label file"
    groups: dict[str, bool] = field(default_factory=dict)  # copy group (by its original) -> all linked
    copies: dict[str, bool] = field(default_factory=dict)  # copy -> linked to its original
    shown: dict[tuple, str] = field(default_factory=dict)  # disagreement -> "" if shown, else why not
    versions: int = 0  # of the articles updated in place
    update_read: dict[str, bool] = field(default_factory=dict)  # file -> a later sentence was extracted
    false_hedges: list[str] = field(default_factory=list)  # hedge rows whose hedge is the month "May"
    twice: list[str] = field(default_factory=list)  # rows of a kind and claim that another row repeats


def labelled(undated: int) -> list[LabelledArticle]:
    """The set as first published: each updated article with its first, shorter text."""
    found = []
    for n, row in enumerate(SET["articles"]):
        text = row.get("first_text", row["text"])
        item = LabelledArticle(
            "case", row["file"], row["story"], row["publisher"], row["date"], row["title"], text
        )
        item.undated = bool(undated) and n % undated == 0
        found.append(item)
    return found


def copy_groups() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for row in SET["articles"]:
        if row.get("copy_of"):
            groups.setdefault(row["copy_of"], [row["copy_of"]]).append(row["file"])
    return groups


def update_in_place(items: list[LabelledArticle]) -> None:
    """Feed the longer text of each article updated in place at its URL, through the chain's hand-off."""
    from tests.support.chain import eager_chain
    from tracker.sources import ingestion
    from tracker.sources.fetching import FetchResponse
    from tracker.sources.models import Feed

    later = {row["file"]: row["text"] for row in SET["articles"] if "first_text" in row}
    for item in items:
        if item.file not in later:
            continue
        item.text = later[item.file]
        body = atom_feed(item.publisher, [item], {item.file: 18})
        feed = Feed.objects.get(url=f"https://{item.publisher}.polnear.example/feed.atom")
        with eager_chain():
            ingestion.ingest_feed(
                feed, fetcher=lambda url, body=body, **kw: FetchResponse(url, 200, ATOM, body, 0)
            )


def why_not_shown(disagreement: dict, ids: dict[str, int], rows: list) -> str:
    """Empty when a Discrepancy row holds both sides' variants; else the first reason it does not."""
    from tracker.crossref.models import Claim, Evidence, StoryArticle

    key = (disagreement["speaker"], disagreement["story"], disagreement["differs"])
    find_a, find_b, words_a, words_b = FOUND_BY[key]
    a, b = ids[disagreement["a"]], ids[disagreement["b"]]
    kinds = SHOWN_AS.get(disagreement["differs"])
    for row in rows:
        if kinds and row.kind not in kinds:
            continue
        sides = [(v.get("article"), v.get("words") or "") for v in row.variants]
        if any(pk == a and (words_a is None or words_a in w) for pk, w in sides) and any(
            pk == b and words_b in w for pk, w in sides
        ):
            return ""
    merged = dict(Claim.objects.values_list("pk", "merged_into_id"))

    def top(pk):
        seen = set()
        while merged.get(pk) and pk not in seen:
            seen.add(pk)
            pk = merged[pk]
        return pk

    def claims(article, phrase):
        return {
            top(pk)
            for pk, s in Evidence.objects.filter(article_id=article).values_list("claim_id", "sentence")
            if phrase in s
        }

    in_a, in_b = claims(a, find_a), claims(b, find_b)
    if not in_a or not in_b:
        return f"no claim extracted ({'a' if not in_a else 'b'})"
    if in_a & in_b:
        return "one claim, no row (rule missing)"
    story = dict(StoryArticle.objects.filter(article_id__in=[a, b]).values_list("article_id", "story_id"))
    return "claims not merged" if story.get(a) == story.get(b) else "claims in different stories"


def identity(row) -> tuple:
    """What a Discrepancy row shows: its kind, claim and variants (article and words)."""
    return row.kind, row.claim_id, frozenset((v.get("article"), v.get("words")) for v in row.variants)


def later_sentences() -> dict[str, list[str]]:
    """Per article updated in place, the paragraphs only its later text holds."""
    found = {}
    for row in SET["articles"]:
        if "first_text" in row:
            first = set(row["first_text"].split("\n\n"))
            found[row["file"]] = [p.strip() for p in row["text"].split("\n\n") if p not in first]
    return found


def measure(undated: int) -> Coverage:
    from tracker.crossref.models import Discrepancy, Evidence, StoryArticle
    from tracker.sources.models import Article, ArticleVersion

    items = labelled(undated)
    ids = ingest_polnear(items)
    update_in_place(items)
    score = score_polnear(items, ids)
    copy_of = dict(Article.objects.values_list("pk", "copy_of_id"))
    coverage = Coverage(ari=score.ari, stories_found=score.found_stories)
    story_of = dict(StoryArticle.objects.values_list("article_id", "story_id"))
    for item in items:
        story = story_of.get(ids[item.file], -ids[item.file])
        coverage.stories.setdefault(story, []).append(f"{item.story} {item.file}")
    for original, files in copy_groups().items():
        coverage.groups[original] = len({copy_of[ids[f]] or ids[f] for f in files}) == 1
        for file in files[1:]:
            coverage.copies[file] = (copy_of[ids[file]] or ids[file]) == (
                copy_of[ids[original]] or ids[original]
            )
    rows = list(Discrepancy.objects.all())
    hedges = [r for r in rows if r.kind == Discrepancy.Kind.HEDGE_DROPPED]
    same = Counter(map(identity, rows))
    coverage.twice = [r.key for r in rows if same[identity(r)] > 1]
    coverage.false_hedges = [r.key for r in hedges if any(v.get("words") == "May" for v in r.variants)]
    for disagreement in SET["disagreements"]:
        key = (disagreement["speaker"], disagreement["story"], disagreement["differs"])
        coverage.shown[key] = why_not_shown(disagreement, ids, rows)
    coverage.versions = ArticleVersion.objects.filter(
        article_id__in=[ids[f] for f in later_sentences()]
    ).count()
    for file, paragraphs in later_sentences().items():
        said = Evidence.objects.filter(article_id=ids[file]).values_list("sentence", flat=True)
        coverage.update_read[file] = any(s and any(s in p for p in paragraphs) for s in said)
    return coverage


@pytest.fixture(scope="module", params=[0, 3], ids=["dated", "every-third-undated"])
def coverage(request, django_db_setup, django_db_blocker) -> tuple[int, Coverage]:
    """The chain over the set, once per mode, in a transaction rolled back when measured."""
    from django.core.cache import cache
    from django.db import transaction
    from django.test.utils import override_settings

    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with django_db_blocker.unblock(), override_settings(CACHES=locmem, TRACKER_PAGE_CACHE_SECONDS=0):
        cache.clear()
        with transaction.atomic():
            measured = measure(request.param)
            transaction.set_rollback(True)
    return request.param, measured


def test_the_set_is_as_documented():
    rows = SET["articles"]
    assert len(rows) == 55 and len({r["file"] for r in rows}) == 55
    assert len({r["story"] for r in rows}) == 11 and len({r["publisher"] for r in rows}) == 10
    assert Counter(r.get("copy_kind") for r in rows if r.get("copy_of")) == {
        "wire": 5,
        "spun": 1,
        "shortened": 1,
        "translated": 2,
    }
    assert len(copy_groups()) == 7
    files = {r["file"]: r for r in rows}
    assert all(files[c]["story"] == files[o]["story"] for o, fs in copy_groups().items() for c in fs)
    assert len(later_sentences()) == 2 and all(later_sentences().values())
    said = SET["disagreements"]
    assert len(said) == 15 and {(d["speaker"], d["story"], d["differs"]) for d in said} == set(FOUND_BY)
    for d in said:  # each side's sentence is in its article, and both report the same event
        find_a, find_b, _, _ = FOUND_BY[(d["speaker"], d["story"], d["differs"])]
        assert find_a in files[d["a"]]["text"] and find_b in files[d["b"]]["text"], d
        assert d["a_says"] in files[d["a"]]["text"] and d["b_says"] in files[d["b"]]["text"], d
        assert files[d["a"]]["story"] == files[d["b"]]["story"] == d["story"]


def test_one_case_coverage_clusters_by_event_above_its_floor(coverage):
    undated, measured = coverage
    assert measured.ari >= ARI_FLOOR[undated], (measured.ari, sorted(measured.stories.values()))


def test_copy_groups_are_linked_to_their_original(coverage):
    _, measured = coverage
    assert sum(measured.groups.values()) >= COPY_GROUPS_LINKED, measured.groups
    wire = [r["file"] for r in SET["articles"] if r.get("copy_kind") == "wire"]
    assert all(measured.copies[copy] for copy in wire), measured.copies


def test_the_documented_disagreements_are_shown_as_discrepancies(coverage):
    undated, measured = coverage
    shown = [key for key, why in measured.shown.items() if not why]
    missing = {key: why for key, why in measured.shown.items() if why}
    assert len(shown) >= SHOWN_FLOOR[undated], missing
    assert not measured.twice  # one statement, one row, whatever stories see it
    assert not measured.false_hedges  # "in May 2024" drops no hedge (tracker/nlp/hedges.py MONTH)


def test_the_articles_updated_in_place_keep_their_versions_and_are_read_again(coverage):
    _, measured = coverage
    assert measured.versions == 2
    breaking = "delawaredocket_2026-09-29_01-whitcombe-rules-for-ferrowind-awards-212-million.txt"
    assert measured.update_read[breaking], measured.update_read
