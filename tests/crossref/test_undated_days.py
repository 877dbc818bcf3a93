"""An undated article placed by the day its dated matches weigh most (`undated._best_time`), each text
counted once however many outlets ran it (`undated._distinct`); issue 16."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from tracker.crossref import features, undated

SEEN = datetime(2026, 6, 10, 12, tzinfo=UTC)
DAY_ONE, DAY_FIVE = datetime(2026, 3, 2, 12, tzinfo=UTC), datetime(2026, 3, 6, 12, tzinfo=UTC)
DREDGE = (
    "The harbour board voted to dredge the eastern channel before the autumn storms, and the mayor thanked"
    " the engineers for their survey of the silt."
)
# three reports of one stormy day, none a copy of another: each shares one of the piece's paragraphs
STORM = [
    "Ferry crews said the timetable would slip by a week while the pilots waited for the tide tables to be"
    " printed again.",
    "A trawler ran aground near the lighthouse and the lifeboat crew towed it clear before dawn without injury.",
    "The fish market opened late because the ice plant failed, and traders sold the catch from vans on the quay.",
]
ELSE = [
    "Residents of the old town met at the library to discuss parking.",
    "The council agreed to repaint the bandstand next spring.",
    "A new bakery opened near the station with a queue around the block.",
]
PIECE = DREDGE + " " + " ".join(STORM)  # the week's round-up, stating no date


def _profile(url, title, text, time=None):
    return features.profile(
        key=(time or SEEN, url), time=time, seen=SEEN, title=title, text=text, mentions=[]
    )


def _scores(profiles):
    """Each dated profile's score with the last (undated) one, as `placed` compares them."""
    term_idf, entity_idf = features.rarity(profiles)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in profiles]
    piece = profiles[-1]
    return [
        features.pair_score(dataclasses.replace(piece, time=p.time), p, vecs[-1], vecs[n])
        for n, p in enumerate(profiles[:-1])
    ]


def test_an_undated_piece_takes_the_day_its_matches_weigh_most_not_its_single_best_match():
    """The dredging vote (day one) is the piece's best single match; the storm day's three reports each
    match it a little less, and together more: the piece is the storm day's."""
    found = [_profile("a", "Board to dredge channel", DREDGE + " " + ELSE[0], DAY_ONE)]
    titles = ["Ferry timetable slips", "Trawler aground", "Market opens late"]
    found += [
        _profile(f"b{n}", title, f"{STORM[n]} {ELSE[n]}", DAY_FIVE + timedelta(hours=n))
        for n, title in enumerate(titles)
    ]
    found.append(_profile("u", "Harbour week", PIECE))
    scores = _scores(found)
    assert scores[0] > max(scores[1:]) and sum(scores[1:]) > scores[0]  # what the test is about
    assert DAY_FIVE <= undated.placed(found)[-1].time <= DAY_FIVE + timedelta(hours=2)


def test_a_text_three_outlets_ran_counts_once_for_its_day():
    """The storm day has one report, run by three outlets (copies by their lead): together they would
    outweigh the dredging vote, but they are one report, and the vote matches the piece better."""
    found = [_profile("a", "Board to dredge channel", DREDGE + " " + ELSE[0], DAY_ONE)]
    found += [
        _profile(
            f"b{n}", f"Trawler aground ({outlet})", f"{STORM[1]} {ELSE[n]}", DAY_FIVE + timedelta(hours=n)
        )
        for n, outlet in enumerate(["wire", "herald", "gazette"])
    ]
    found.append(_profile("u", "Harbour week", PIECE))
    assert features.is_copy(found[1], found[2]) and features.is_copy(found[1], found[3])
    scores = _scores(found)
    assert scores[0] > max(scores[1:]) and sum(scores[1:]) > scores[0]
    assert undated.placed(found)[-1].time == DAY_ONE
