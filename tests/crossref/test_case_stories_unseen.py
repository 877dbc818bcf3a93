"""A second one-case story set, written blind, with the outlets' disagreements (issue 16).

tests/fixtures/case_stories/kestrel_v_brightwater.json holds 48 invented articles from nine invented
outlets about one invented trial (Kestrel Analytics v. Brightwater Labs, a distillation dispute), labelled
by event as they were written, before any code under tracker/crossref was read and before the clusterer
ran on them. marsh_v_northlight.json (test_case_stories.py) is the set the clusterer is tuned on; this one
is kept unseen by tuning, so it measures what carries over. It holds wire copies under other headlines, a
spun and a shortened copy, a report, an analysis and an opinion of one outlet, a testimony over five days,
events a day apart, an article updated in place (first published short, then longer at the same URL),
and fourteen documented disagreements between outlets reporting one speaker's statement (quoted words,
a hedge, a number, a date).

The set goes through the real chain once per mode (dated; every third article stating no date), as
`bench/crossref.py` feeds PolNeAR, then the updated article's feed again, the way a poll finds an edit.
Each mode's chain runs once, in a transaction rolled back at the end, and the tests read its figures.
The floors sit just under what the chain reached when they were set: they catch a regression, not the
goal (issue 16 asks ARI >= 0.9, every copy group linked, most disagreements shown).
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

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "case_stories" / "kestrel_v_brightwater.json"
SET = json.loads(FIXTURE.read_text(encoding="utf-8"))

# Measured when set (session 20, at c277cc8's code): ARI 0.804 dated and 0.804 with every third undated
# (16 stories found for 10 events); 5 of the 6 copy groups linked (the synonym-spun copy is not); of the
# 14 disagreements, 8 shown dated and 7 with every third undated; 10 and 9 once a one-word speaker takes
# its article's full name (tracker/crossref/speaker_names.py); 9 and 8 while d3dee6c credited "Kestrel's
# lead lawyer, Caroline Ashby, said" to Kestrel (her opening quote no longer met the outlet that wrote
# "Ashby said"), a regression this set caught; 10 and 9 again since a lawyer named beside the word
# speaks in her own name (representatives.via, speakers.jsonl `named_speaks`).
ARI_FLOOR = {0: 0.78, 3: 0.78}
COPY_GROUPS_LINKED = 5
SHOWN_FLOOR = {0: 10, 3: 9}

# How each documented disagreement is found in the stored rows: a phrase of the sentence in article a
# and in article b (where the claim's evidence is looked up), and the words each side's variant must
# hold in a Discrepancy row for the pair to count as shown (None: any words, as a hedge's variant is the
# hedge alone). Keyed by (speaker, event, what differs).
FOUND_BY = {
    ("Caroline Ashby", "e1-openings", "quoted words"): (
        "answers they took",
        "answers they stole",
        "took",
        "stole",
    ),
    ("Helena Voss", "e2-voss", "number"): (
        "14 million queries",
        "11 million queries",
        "14 million",
        "11 million",
    ),
    ("Helena Voss", "e2-voss", "quoted words"): ("copying it", "cloning it", "copying", "cloning"),
    ("Owen Pell", "e3-pell", "quoted words"): ("my own memory", "in my head", "memory", "head"),
    ("Nadia Farouk", "e4-farouk", "hedge"): ("We used Osprey outputs", "partly used", None, "partly"),
    ("Nadia Farouk", "e4-farouk", "date"): ("stopped in March 2025", "ended in May 2025", "March", "May"),
    ("Ilse Marquardt", "e5-expert", "hedge"): ("could only have come", "almost certainly", None, "almost"),
    ("Tobias Lindqvist", "e6-lindqvist", "hedge"): ("would not have", "never personally", None, "personally"),
    ("Tobias Lindqvist", "e6-lindqvist", "number"): ("$85 million", "$58 million", "85", "58"),
    ("Harold Benning", "e7-ruling", "hedge"): ("no evidence", "little evidence", None, "little"),
    ("Raymond Tse", "e8-closings", "number"): ("$1.2 billion for", "$1.4 billion for", "1.2", "1.4"),
    ("Caroline Ashby", "e8-closings", "quoted words"): (
        "from Nadia Farouk,",
        "Farouk herself",
        None,
        "herself",
    ),
    ("Helena Voss", "e9-verdict", "quoted words"): (
        "free for the taking",
        "theirs to take",
        "free",
        "theirs",
    ),
    ("Tobias Lindqvist", "e10-posttrial", "number"): ("within 30 days", "within 60 days", "30", "60"),
}
# The kinds of row that show a difference of that sort (a number shown as a hedge would be a false one).
ATOM = {"content-type": "application/atom+xml"}
SHOWN_AS = {"number": {"number", "quote_wording"}, "date": {"date", "quote_wording"}}


@dataclass
class Coverage:
    """What one run of the chain over the set came to."""

    ari: float = 0.0
    stories_found: int = 0
    groups: dict[str, bool] = field(default_factory=dict)  # copy group (by its original) -> linked
    shown: dict[tuple, str] = field(default_factory=dict)  # disagreement -> "" if shown, else why not
    versions: int = 0  # of the article updated in place
    update_read: bool = False  # the longer text's statements were extracted
    false_hedges: list[str] = field(default_factory=list)  # hedge rows whose hedge is the month "May"
    twice: list[str] = field(default_factory=list)  # rows of a kind and claim that another row repeats


def labelled(undated: int) -> list[LabelledArticle]:
    """The set as first published: the updated article with its first, shorter text."""
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


def measure(undated: int) -> Coverage:
    from tracker.crossref.models import Discrepancy, Evidence
    from tracker.sources.models import Article, ArticleVersion

    items = labelled(undated)
    ids = ingest_polnear(items)
    update_in_place(items)
    score = score_polnear(items, ids)
    copy_of = dict(Article.objects.values_list("pk", "copy_of_id"))
    coverage = Coverage(ari=score.ari, stories_found=score.found_stories)
    for original, files in copy_groups().items():
        coverage.groups[original] = len({copy_of[ids[f]] or ids[f] for f in files}) == 1
    rows = list(Discrepancy.objects.all())
    hedges = [r for r in rows if r.kind == Discrepancy.Kind.HEDGE_DROPPED]
    same = Counter(map(identity, rows))
    coverage.twice = [r.key for r in rows if same[identity(r)] > 1]
    coverage.false_hedges = [r.key for r in hedges if any(v.get("words") == "May" for v in r.variants)]
    for disagreement in SET["disagreements"]:
        key = (disagreement["speaker"], disagreement["story"], disagreement["differs"])
        coverage.shown[key] = why_not_shown(disagreement, ids, rows)
    updated = [ids[row["file"]] for row in SET["articles"] if "first_text" in row]
    coverage.versions = ArticleVersion.objects.filter(article_id__in=updated).count()
    said = Evidence.objects.filter(article_id__in=updated, sentence__contains="theirs to take")
    coverage.update_read = said.exists()
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
    assert len(rows) == 48 and len({r["file"] for r in rows}) == 48
    assert len({r["story"] for r in rows}) == 10 and len({r["publisher"] for r in rows}) == 9
    assert Counter(r.get("copy_kind") for r in rows if r.get("copy_of")) == {
        "wire": 5,
        "spun": 1,
        "shortened": 1,
    }
    assert len(copy_groups()) == 6
    files = {r["file"]: r for r in rows}
    assert all(files[c]["story"] == files[o]["story"] for o, fs in copy_groups().items() for c in fs)
    said = SET["disagreements"]
    assert len(said) == 14 and {(d["speaker"], d["story"], d["differs"]) for d in said} == set(FOUND_BY)
    for d in said:  # each side's sentence is in its article, and both report the same event
        find_a, find_b, _, _ = FOUND_BY[(d["speaker"], d["story"], d["differs"])]
        assert find_a in files[d["a"]]["text"] and find_b in files[d["b"]]["text"], d
        assert files[d["a"]]["story"] == files[d["b"]]["story"] == d["story"]


def test_one_case_coverage_clusters_by_event_above_its_floor(coverage):
    undated, measured = coverage
    assert measured.ari >= ARI_FLOOR[undated], measured


def test_copy_groups_are_linked_to_their_original(coverage):
    _, measured = coverage
    assert sum(measured.groups.values()) >= COPY_GROUPS_LINKED, measured.groups
    wire = {r["copy_of"] for r in SET["articles"] if r.get("copy_kind") == "wire"}
    assert all(measured.groups[original] for original in wire), measured.groups


def test_the_documented_disagreements_are_shown_as_discrepancies(coverage):
    undated, measured = coverage
    shown = [key for key, why in measured.shown.items() if not why]
    missing = {key: why for key, why in measured.shown.items() if why}
    assert len(shown) >= SHOWN_FLOOR[undated], missing
    assert not measured.twice  # one statement, one row, whatever stories see it
    assert not measured.false_hedges  # "ended in May 2025" drops no hedge (tracker/nlp/hedges.py MONTH)


def test_the_article_updated_in_place_keeps_its_version_and_is_read_again(coverage):
    _, measured = coverage
    assert measured.versions == 1
    assert measured.update_read
