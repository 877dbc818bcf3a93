"""A speaker's quotes in a story grouped into statements (`wording._statements`) with each wording
compared once with each other, not each pair of quotes: at 600 articles a much-quoted speaker's quotes
in a story are some hundreds, quoted in a few wordings, and comparing every pair of them (the pairs
grow with the square of a story's quotes) was most of a bulk run's quote wording step."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from tracker.crossref import unions


def components(
    articles: list[int],
    claims: list[int | None],
    norms: list[str],
    words: list[frozenset[str]],
    same: Callable[[str, str, frozenset[str], frozenset[str]], bool],
) -> list[int] | None:
    """Each quote's component label (its component's first quote), as comparing every pair of quotes
    of different articles finds them, with each wording compared once with each other: a much-quoted
    statement is quoted in the same words by most outlets, its wordings are few and its quotes many.
    Quotes of one wording and content words pair (each of another article: a speaker's wording is
    gathered once an article), so do quotes of one claim alone in their articles (`claims`), and two
    wordings' quotes all pair when the wordings are the `same` and two of their quotes are of different
    articles. None when two quotes of one wording are of one article (then every pair is compared)."""
    kinds: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
    for i, kind in enumerate(zip(norms, words, strict=True)):
        kinds[kind].append(i)
    if any(len({articles[i] for i in of}) < len(of) for of in kinds.values()):
        return None
    by_claim: dict[int, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        if claim is not None:  # alone in its article: one quote an article
            by_claim[claim].append(i)
    pairs = [(group[0], i) for group in [*kinds.values(), *by_claim.values()] for i in group[1:]]
    groups = list(kinds.items())
    pairs += [
        (of[0], them[0])
        for n, ((norm, own), of) in enumerate(groups)
        for (other, theirs), them in groups[n + 1 :]
        if any(articles[i] != articles[j] for i in of for j in them) and same(norm, other, own, theirs)
    ]
    label = list(range(len(norms)))
    for group in unions.connected(len(norms), pairs):  # in index order: its first quote labels it
        for i in group:
            label[i] = group[0]
    return label
