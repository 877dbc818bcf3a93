"""A copy the sources linked ends in its original's story, though its words share nothing with it
(tracker/crossref/stored_copies.py).

A settle finds copies by their lead; a translation or a heavy spin, linked by the sources on its names
and figures, has none in common with its original and was clustered as a story of its own. Invented
articles: indexes stand for a settle's scope, `copy_of_id` for the stored links.
"""

from __future__ import annotations

from types import SimpleNamespace

from tracker.crossref import stored_copies


def scope(links: dict[int, int]) -> list[SimpleNamespace]:
    """Six articles (ids 10-15, in key order) with these stored links (copy id -> original id)."""
    return [SimpleNamespace(pk=pk, copy_of_id=links.get(pk)) for pk in range(10, 16)]


KEYS = list(range(6))  # the scope's key order


def test_a_translation_clustered_alone_joins_its_originals_story():
    # 0-2 one story (2 a wire copy found by its lead), 3-4 another, 5 a translation of 1 left alone
    groups = [[0, 1, 2], [3, 4], [5]]
    gathered = stored_copies.gathered(scope({12: 11, 15: 11}), groups, KEYS)
    assert gathered == [[0, 1, 2, 5], [3, 4]]


def test_the_links_direction_does_not_matter():
    """Whichever of the two arrived first and became the original, the copy goes where most of its
    copy group is."""
    groups = [[0, 1, 2], [3, 4], [5]]
    forward = stored_copies.gathered(scope({12: 11, 15: 11}), groups, KEYS)
    backward = stored_copies.gathered(scope({11: 15, 12: 15}), groups, KEYS)
    assert forward == backward == [[0, 1, 2, 5], [3, 4]]


def test_a_copy_pair_split_evenly_goes_to_the_earlier_articles_story():
    groups = [[0, 1], [2, 3], [4, 5]]
    assert stored_copies.gathered(scope({14: 11}), groups, KEYS) == [[0, 1, 4], [2, 3], [5]]


def test_articles_no_link_joins_stay_where_the_clustering_put_them():
    groups = [[0, 1], [2, 3], [4], [5]]
    assert stored_copies.gathered(scope({11: 10, 13: 12}), groups, KEYS) == groups
    assert stored_copies.gathered(scope({12: 99}), groups, KEYS) == groups  # an original outside the scope


def test_a_group_goes_where_most_of_it_is_not_to_its_earliest_article():
    """An undated copy placed early (0) and its original's two runs in a story of three: the copy
    moves, the story stays."""
    groups = [[0], [1, 2, 3], [4, 5]]
    gathered = stored_copies.gathered(scope({10: 12, 13: 12}), groups, KEYS)
    assert gathered == [[0, 1, 2, 3], [4, 5]]
