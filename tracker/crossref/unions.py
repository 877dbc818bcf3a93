"""Groups joined by pairs (union-find): the copies a settle clusters as one piece (`copy_finding.copy_groups`)
and the articles stored copy links join (`stored_copies.gathered`)."""

from __future__ import annotations

from collections.abc import Iterable


def connected(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The groups of 0 .. n-1 that `pairs` join (union-find), each in index order, by their first."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
