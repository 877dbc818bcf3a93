"""A report or two left apart by average linkage join the story they clearly belong to
(tracker/crossref/strays.py).

Invented coverage of one invented trial (tests/crossref/test_relative_bar.py's week: nine witnesses'
reports, then two reports of one more witness's day), and an analysis (then an opinion) of that day whose
lead names only the cast every article names: their links to the witness's reports clear the floor, not
the bar.
"""

from __future__ import annotations

import random

from tracker.crossref import features, strays

from .test_relative_bar import make, one_case_week

CAST = ["Harbourline", "Quayside"]


def analysis_naming_only_the_cast():
    """A day's analysis whose lead names only the two parties every article of the case names."""
    return make(
        52,
        "Analysis: rigged bids testimony leaves Quayside exposed",
        "The engineer said the bids were rigged and took the stand",
        CAST,
        20,
        40,
    )


def test_an_analysis_naming_only_the_cast_joins_the_days_story():
    profiles = one_case_week()
    analysis = analysis_naming_only_the_cast()
    third = make(
        53,
        "Solberg says bids were rigged, takes the stand",
        "Engineer Ingrid Solberg testified",
        ["Ingrid Solberg", *CAST],
        2,
        40,
    )
    found = features.cluster([*profiles, third, analysis])
    assert [9, 10, 11, 12] in found  # without strays: [9, 10, 11] and [12] apart
    assert sum(len(g) for g in found) == 13 and len(found) == 10


def test_a_piece_is_not_taken_by_a_story_of_two():
    analysis = analysis_naming_only_the_cast()
    assert [11] in features.cluster([*one_case_week(), analysis])  # under TAKERS


def test_an_analysis_and_an_opinion_join_the_days_story_of_two():
    analysis = analysis_naming_only_the_cast()
    opinion = make(
        54,
        "Opinion: rigged bids testimony leaves Quayside exposed",
        "The engineer said the bids were rigged and took the stand",
        CAST,
        22,
        40,
    )
    found = features.cluster([*one_case_week(), analysis, opinion])
    assert [9, 10, 11, 12] in found  # with fragments of one only: [9, 10] and [11, 12] apart
    assert len(found) == 10


def test_a_pair_joins_the_story_it_clearly_belongs_to():
    groups = [[0, 1, 2], [3, 4, 5], [6, 7]]
    links = {(0, 6): 0.15, (1, 7): 0.14, (2, 6): 0.13, (3, 7): 0.04, (6, 7): 0.3}  # 0.07 against 0.0067
    assert strays.joined(groups, links, 0.06) == [[0, 1, 2, 6, 7], [3, 4, 5]]


def test_a_pair_is_not_taken_by_a_piece_alone():
    groups = [[0], [1, 2], [3, 4, 5]]
    links = {(0, 1): 0.2, (0, 2): 0.2, (1, 2): 0.3}  # a mean of two links only
    assert strays.joined(groups, links, 0.06) == groups


def test_a_group_of_three_does_not_move():
    groups = [[0, 1, 2], [3, 4, 5, 6]]
    links = {(i, j): 0.2 for i in range(3) for j in range(3, 7)}
    assert strays.joined(groups, links, 0.06) == groups


def test_a_pair_whose_best_group_moves_elsewhere_stays():
    groups = [[0, 1], [2, 3], [4, 5, 6]]  # [0, 1] is closest to [2, 3], and [2, 3] to [4, 5, 6]
    links = {(0, 2): 0.3, (1, 3): 0.3, (2, 4): 0.4, (3, 5): 0.4, (2, 6): 0.4, (3, 6): 0.4}
    assert strays.joined(groups, links, 0.06) == [[0, 1], [2, 3, 4, 5, 6]]


def test_the_outcome_does_not_depend_on_the_order_of_the_links():
    groups = [[0, 1, 2], [3, 4], [5], [6]]
    links = {(0, 5): 0.09, (1, 5): 0.08, (2, 5): 0.07, (3, 5): 0.04, (0, 3): 0.02, (4, 6): 0.01}
    items = list(links.items())
    outcomes = set()
    for seed in range(4):
        random.Random(seed).shuffle(items)
        outcomes.add(tuple(map(tuple, strays.joined(groups, dict(items), 0.06))))
    assert outcomes == {((0, 1, 2, 5), (3, 4), (6,))}


def test_two_pairs_each_others_best_are_merged_once_whatever_the_order():
    groups = [[0, 1], [2, 3], [4, 5, 6]]
    links = {(0, 2): 0.1, (1, 3): 0.1, (0, 3): 0.1, (1, 2): 0.1, (0, 4): 0.01, (2, 5): 0.02}
    items = list(links.items())
    outcomes = set()
    for seed in range(4):
        random.Random(seed).shuffle(items)
        outcomes.add(tuple(map(tuple, strays.joined(groups, dict(items), 0.06))))
    assert outcomes == {((0, 1, 2, 3), (4, 5, 6))}


def test_a_piece_as_close_to_two_stories_stays_alone():
    groups = [[0, 1], [2, 3], [4]]
    links = {(0, 4): 0.08, (1, 4): 0.08, (2, 4): 0.07, (3, 4): 0.07}  # 0.08 against 0.07: under MARGIN
    assert strays.joined(groups, links, 0.06) == groups


def test_a_piece_under_the_floor_stays_alone():
    groups = [[0, 1], [2]]
    assert strays.joined(groups, {(0, 2): 0.07, (1, 2): 0.04}, 0.06) == groups  # mean 0.055


def test_two_pieces_left_alone_do_not_join_each_other():
    groups = [[0], [1], [2, 3]]
    links = {(0, 1): 0.3, (0, 2): 0.01, (1, 3): 0.01}
    assert strays.joined(groups, links, 0.06) == groups


# An event's story of four (0-3, one outlet each) and, the day after, one outlet's analysis (4) and opinion
# (5): each links to the story (means 0.10 and 0.07) but more to the other (0.14), so neither is clearly
# best to the story while the other stands in its way.
DAY_AFTER = [[0, 1, 2, 3], [4], [5]]
DAY_AFTER_LINKS = {
    **{(i, 4): s for i, s in zip(range(4), (0.19, 0.09, 0.09, 0.03), strict=True)},
    **{(i, 5): s for i, s in zip(range(4), (0.11, 0.09, 0.05, 0.03), strict=True)},
    (4, 5): 0.14,
}


def test_one_outlets_analysis_and_opinion_of_the_day_after_join_the_events_story():
    outlets = ["wire", "herald", "post", "daily", "courier", "courier"]
    assert strays.joined(DAY_AFTER, DAY_AFTER_LINKS, 0.06, outlets) == [[0, 1, 2, 3, 4, 5]]


def test_two_outlets_pieces_each_in_the_others_way_stay_apart():
    """Two outlets' fragments may be an event's own parts (a testimony day's reports beside the next
    day's story): only one outlet's voice is discounted."""
    outlets = ["wire", "herald", "post", "daily", "courier", "gazette"]
    assert strays.joined(DAY_AFTER, DAY_AFTER_LINKS, 0.06, outlets) == DAY_AFTER
    assert strays.joined(DAY_AFTER, DAY_AFTER_LINKS, 0.06) == DAY_AFTER  # no outlets given: as before
