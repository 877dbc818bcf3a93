"""What an outlet prints around every piece (tracker/crossref/frames.py), and clustering without it:
plain Python, no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tracker.crossref import features, frames
from tracker.crossref.words import stems

from .test_features import filler

NOON = datetime(2026, 9, 21, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    "line",
    [
        "By Ines Kaldera | CaseLog",
        "By Felix Arkwright, Ledgerline",
        "By Priya Vantreese, contributing columnist",
        "By Jane Roe",
        "Live coverage by Jory Pettigrew. Newest posts at top.",
        "Newest posts at top.",
        "Follow Bytebarrow on Threadline for more.",
    ],
)
def test_a_frame_line_is_dropped_and_said_where_it_is(line):
    text = f"Headline\n\n{line}\n\nThe court heard the first witness."
    assert line not in frames.clean_text(text)
    start = text.index(line)
    assert frames.framed(text) == [(start, start + len(line))]


@pytest.mark.parametrize(
    "line", ["By Tuesday, the court had ruled.", "By a vote of 5-4, the panel kept the rule in place."]
)
def test_a_sentence_opening_with_by_is_kept(line):
    assert line in frames.clean_text(f"Headline\n\n{line}")
    assert frames.framed(f"Headline\n\n{line}") == []


@pytest.mark.parametrize(
    "title,kept",
    [
        ("Live: former engineer takes the stand", "former engineer takes the stand"),
        ("Opinion: labs will stop answering", "labs will stop answering"),
        ("Live updates: the verdict", "the verdict"),
        ("Prewitt: accounts shared devices", "Prewitt: accounts shared devices"),  # a speaker, not a label
        ("Expert: the model repeats canaries", "Expert: the model repeats canaries"),
    ],
)
def test_a_headline_label_of_the_kind_of_piece_is_not_what_it_reports(title, kept):
    assert frames.headline(title) == kept


def blog(title: str, day: int, body: str, reporter: str = "Jory Pettigrew") -> features.Profile:
    """A live blog of one outlet: its frame lines around clock-time entries, the reporter named in them
    (and the judge, where the entries name her)."""
    frame = f"Live coverage by {reporter}. Newest posts at top."
    text = f"{title}\n\n{frame}\n\n{body}\n\nFollow Bytebarrow on Threadline for more."
    mentions = [(reporter, "PERSON", text.index(reporter))]
    if "Vandermolen" in body:
        mentions.append(("Vandermolen", "PERSON", text.index("Vandermolen")))
    time = NOON + timedelta(days=day)
    return features.profile(
        key=(time, title), time=time, seen=time, title=title, text=text, mentions=mentions
    )


def test_a_byline_names_no_participant():
    one = blog("Live: day one", 0, f"1:05 p.m. Judge Vandermolen takes the bench. {filler(1)}")
    assert "pettigrew" not in one.entities and "vandermolen" in one.entities
    assert not {"live", "covera", "newest", "follow"} & set(one.terms)
    assert "day" in stems(frames.headline(one.key[1]))


def test_one_outlets_live_blogs_of_two_days_are_not_alike_by_their_frame():
    """Two live blogs of different witness days under one outlet's frame (label, byline, standing lines)
    share no event: they score as two unrelated pieces, well under the floor."""
    one = blog("Live: former engineer takes the stand", 0, f"1:05 p.m. {filler(1)}")
    two = blog("Live: chief executive testifies", 3, f"1:12 p.m. {filler(2)}")
    others = [blog(f"Report {n}", 0, filler(10 + n), f"Reporter Number{n}") for n in range(4)]
    profiles = [one, two, *others]
    term_idf, entity_idf = features.rarity(profiles)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in profiles]
    assert features.pair_score(one, two, vecs[0], vecs[1]) < features.THRESHOLD / 2


def test_a_title_that_is_a_byline_is_no_headline():
    """An export that put the byline where the headline goes ("BYLINE: Ines Kaldera"): its words are the
    reporter's name, not the event, and two of her pieces on different events are not alike by it."""

    def piece(day: int, seed: int) -> features.Profile:
        title = "BYLINE: Ines Kaldera"
        text = f"{title}.\n\n{filler(seed)}"
        time = NOON + timedelta(days=day)
        mentions = [("Ines Kaldera", "PERSON", text.index("Ines"))]
        return features.profile(
            key=(time, title), time=time, seen=time, title=title, text=text, mentions=mentions
        )

    one, two = piece(0, 1), piece(1, 2)
    others = [blog(f"Report {n}", 0, filler(10 + n), f"Reporter Number{n}") for n in range(4)]
    profiles = [one, two, *others]
    assert frames.headline(one.key[1]) == ""
    assert not {"byline", "ines", "kalder"} & set(one.terms)
    term_idf, entity_idf = features.rarity(profiles)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in profiles]
    assert features.pair_score(one, two, vecs[0], vecs[1]) < features.THRESHOLD / 2
