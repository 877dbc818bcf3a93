"""A filter on many ids written as a few ranges of them: what a settle reads of its whole scope.

A settle reads rows of every article of its scope (their newest machine rows, their memberships), and
the scope is most of a busy window's stored articles again at each batch. Written `article__in=[...]`,
each of several hundred ids is one parameter the ORM prepares and the driver sends, which cost more than
the rows read (session 29: at 600 articles 3.2 ms for one such grouped read, 0.9 ms as one range). The
ids of a window's articles are mostly consecutive (stored one after another), so `among` cuts the sorted
ids into runs, two ids more than SLACK apart in different runs, and filters by those ranges: the rows of
ids between two of a run (other articles) are read too, and the caller drops them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

SLACK = 16  # ids between two of the run read for nothing, at most, rather than two more parameters


def among(field: str, ids: Iterable[int]) -> Q:
    """`field` (a foreign key or an integer column) within the runs of `ids`: a superset of the rows of
    `ids`, never fewer (no id: a filter no row passes)."""
    found = Q(pk__in=[])
    for first, last in runs(ids):
        found |= (
            Q(**{f"{field}__gte": first, f"{field}__lte": last}) if first != last else Q(**{field: first})
        )
    return found


def runs(ids: Iterable[int]) -> list[tuple[int, int]]:
    """The sorted distinct ids as (first, last) ranges, a new one where the next id is over SLACK on."""
    found: list[list[int]] = []
    for pk in sorted(set(ids)):
        if found and pk - found[-1][1] <= SLACK:
            found[-1][1] = pk
        else:
            found.append([pk, pk])
    return [(first, last) for first, last in found]
