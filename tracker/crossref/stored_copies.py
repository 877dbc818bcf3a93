"""Copies the sources linked end in their original's story (issue 16, point 3).

A settle finds copies by their lead alone (`linkage.copy_groups`) and clusters each such group as one
piece. The sources link more: a translation, a heavy spin or an excerpt, found by their names and figures
in order (`sources/anchors.py`, `sources/close_reading.py`), whose leads share almost no shingle with
their original's. `assign_story` puts such a copy in its original's story, but the next settle clusters it
by its words, and a copy in another language shares none: it was moved out to a story of its own.

Here, after the clustering, the articles of the scope that stored links join (a copy, its original, the
original's other copies) go to the group holding most of them (a tie to the group of the earliest key).
Only they move: the clustering itself, its word rarities and its bar, is what it was (making such a copy
one piece with its original changed them enough to split and merge other stories). The move does not
depend on the links' direction, so not on which of the two articles arrived first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tracker.crossref import unions


def gathered(scope: Sequence, groups: list[list[int]], keys: Sequence) -> list[list[int]]:
    """`groups` (of indexes into `scope`, whose `keys` order them) with the articles each set of stored
    copy links (`copy_of`) joins moved to the group holding most of them."""
    index = {article.pk: i for i, article in enumerate(scope)}
    links = [(i, index[a.copy_of_id]) for i, a in enumerate(scope) if a.copy_of_id in index]
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    found = [list(group) for group in groups]
    for members in unions.connected(len(scope), links):
        held = Counter(group_of[i] for i in members)
        if len(held) < 2:
            continue
        earliest = {n: min(keys[i] for i in members if group_of[i] == n) for n in held}
        target = min(held, key=lambda n: (-held[n], earliest[n]))
        for i in members:
            if group_of[i] != target:
                found[group_of[i]].remove(i)
                found[target].append(i)
    return sorted((sorted(group) for group in found if group), key=lambda g: min(keys[i] for i in g))
