"""The second hand-labelled train slice (tests/fixtures/polnear_stories_train2.json) is well formed.

It is a label set apart from the first (tests/fixtures/polnear_stories.json), complete within the date
ranges its header lists: every train article of PolNeAR's metadata dated within a range is labelled,
none outside, none in both sets, and an article alone in its story has the id solo-<file>. Only the
metadata and the train split's file names are read, never a text. The checker is also run on broken
copies of the file, one break each, to show it reports them.
"""

from __future__ import annotations

import copy
import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from bench.crossref import LABELS, LABELS_TRAIN2, POLNEAR, POLNEAR_ABSENT

STORY_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # lower-case words and digits joined by hyphens
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def train_dates() -> dict[str, str]:
    """Each train article's file stem and stated date, from the metadata."""
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["filename"]: row["publication_date"] for row in rows if row["compartment"] == "train"}


def problems(labels: dict, other: dict, dates: dict[str, str], texts: set[str]) -> list[str]:
    """What is wrong with a label set meant to be a complete train slice; [] when it is well formed.
    `other`: the first label set (no file in both); `dates`: train stems -> date; `texts`: train files."""
    found = []
    ranges = labels.get("header", {}).get("ranges") or []
    if not ranges:
        found.append("the header lists no date ranges")
    for lo, hi in ranges:
        if not (DATE.fullmatch(lo) and DATE.fullmatch(hi) and lo <= hi):
            found.append(f"bad range {lo}..{hi}")

    def within(date: str) -> bool:
        return any(lo <= date <= hi for lo, hi in ranges)

    articles = labels.get("articles", [])
    files = Counter(a["file"] for a in articles)
    found += [f"{f} labelled {n} times" for f, n in files.items() if n > 1]
    others = {a["file"] for a in other["articles"]}
    found += [f"{f} is in both label sets" for f in sorted(set(files) & others)]
    size = Counter(a["story"] for a in articles)
    for a in articles:
        stem = a["file"].removesuffix(".txt")
        if a["split"] != "train" or not a["file"].endswith(".txt"):
            found.append(f"{a['file']}: not a train .txt file ({a['split']})")
        if stem not in dates:
            found.append(f"{a['file']}: not in train's metadata")
        elif not within(dates[stem]):
            found.append(f"{a['file']}: dated {dates[stem]}, outside the listed ranges")
        if a["file"] not in texts:
            found.append(f"{a['file']}: no such train text")
        story = a["story"]
        if story.startswith("solo-"):
            if story != f"solo-{stem}":
                found.append(f"{a['file']}: solo id {story} names another file")
        elif not STORY_ID.fullmatch(story):
            found.append(f"{a['file']}: malformed story id {story!r}")
        elif size[story] < 2:
            found.append(f"{a['file']}: alone in {story}, should be solo-{stem}")
    labelled = {f.removesuffix(".txt") for f in files}
    missing = sorted(
        s for s, d in dates.items() if within(d) and s not in labelled and f"{s}.txt" not in others
    )
    found += [f"{s}: dated {dates[s]}, within a range but unlabelled" for s in missing]
    return found


@pytest.fixture(scope="module")
def corpus():
    if not (POLNEAR / "metadata.tsv").is_file():
        pytest.skip(POLNEAR_ABSENT)
    texts = {p.name for p in (POLNEAR / "train" / "text").iterdir()}  # names only: no text is read
    return train_dates(), texts


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_second_train_slice_is_well_formed_and_complete(corpus):
    labels = load(LABELS_TRAIN2)
    assert problems(labels, load(LABELS), *corpus) == []
    assert len(labels["articles"]) >= 150
    assert set(labels["header"]) >= {"what", "how", "ranges", "rules", "labelled_by", "labelled_on"}


def broken(labels: dict, dates: dict[str, str], first: dict, how: str) -> dict:
    """A copy of the label set with one thing broken."""
    bad = copy.deepcopy(labels)
    arts = bad["articles"]
    pair = next(s for s, n in Counter(a["story"] for a in arts).items() if n == 2)
    if how == "missing":
        del arts[0]
    elif how == "first-set":
        taken = next(a for a in first["articles"] if a["split"] == "train")
        arts.append(dict(taken))
    elif how == "out-of-range":
        stem = next(s for s, d in sorted(dates.items()) if d < "2016-01-01")
        arts.append({"split": "train", "file": f"{stem}.txt", "story": f"solo-{stem}"})
    elif how == "bad-id":
        for a in arts:
            if a["story"] == pair:
                a["story"] = pair.replace("-", "_").upper()
    elif how == "alone":
        next(a for a in arts if a["story"] == pair)["story"] = "a-story-of-one"
    elif how == "solo-other":
        solos = [a for a in arts if a["story"].startswith("solo-")]
        solos[0]["story"] = solos[1]["story"]
    elif how == "duplicate":
        arts.append(dict(arts[-1]))
    elif how == "no-ranges":
        del bad["header"]["ranges"]
    return bad


@pytest.mark.parametrize(
    ("how", "reported"),
    [
        ("missing", "within a range but unlabelled"),
        ("first-set", "is in both label sets"),
        ("out-of-range", "outside the listed ranges"),
        ("bad-id", "malformed story id"),
        ("alone", "should be solo-"),
        ("solo-other", "names another file"),
        ("duplicate", "labelled 2 times"),
        ("no-ranges", "lists no date ranges"),
    ],
)
def test_a_broken_copy_is_reported(corpus, how, reported):
    dates, texts = corpus
    first = load(LABELS)
    found = problems(broken(load(LABELS_TRAIN2), dates, first, how), first, dates, texts)
    assert any(reported in p for p in found), found
