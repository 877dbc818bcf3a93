"""Claim merging: machine claims that one report shows to be one statement become one claim.

Claim linking joins a report to the claim it resembles. Two reports of one statement that resemble each
other too little stay two claims until a third report arrives that resembles both (the same speaker,
one wording shared with each): they were one statement all along, kept apart only by the order the
articles came in. So when a report matches two or more unlocked machine claims, `claim_linking` makes
them one here: the oldest keeps its id, everything that pointed at the others (their evidence,
discrepancies, answers, curators' checks, readers' error reports, redirects) moves onto it, and the
others' ids redirect to it (`ClaimRedirect`: their pages and API addresses answer with the heir). The
grouping of reports into claims then does not depend on the order of the articles.

Curated claims stay out of it: a locked claim is never merged away and never grows by a merge, and a
claim a curator merged away (`merged_into`, `curation.reviewing.merge_claims`) is not linked at all.

What keeps distinct statements apart (docs/evaluation.md, Session 11 (hv)): on real coverage
the report that matched two claims was often one sentence or span carrying two statements of the
speaker. So: one article's reports that do not match each other, directly or through its other reports,
are two statements (`statements`) and never one claim, neither by joining nor by merging (an article
reporting two claims apart shows they are two); and a report that matches a claim only weakly (under
`claim_linking.MERGE_SIMILARITY`, by no quote) merges it unless the report's words beyond those it shares
with the claim it joins match it on their own (a sentence of two statements), or the claim it joins
already holds a report that matches that claim's (they were kept apart when the later came), or both
hold reports of the report's article (`compatible`).
An article's statements are tried strongest match first, so that the claim two of them match goes to the
one it resembles more, as the report would have joined had it come after them. Caveat: merging is still
transitive, so a chain of strong resemblances becomes one claim; a curator splits a claim merged
wrongly, which locks both halves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from django.db.models import IntegerField, UniqueConstraint, Value
from django.utils import timezone

from tracker.crossref.claim_evidence import Kept
from tracker.crossref.models import Claim, ClaimCandidate, ClaimRedirect, Status
from tracker.crossref.row_inserts import thread_connection
from tracker.crossref.words import MIN_SIMILARITY, quote_keys, similarity

if TYPE_CHECKING:
    from tracker.crossref.claim_linking import _Known


def mergeable(claim: Claim) -> bool:
    """A machine claim no curator has touched (unsaved ones, made by the run, included)."""
    return not claim.locked and claim.status == Status.MACHINE and claim.merged_into_id is None


def statements(candidates: list[ClaimCandidate], key: Callable, words: Callable) -> dict[int, int]:
    """Each of one article's candidates -> its statement (the pk of the statement's first candidate). The
    article's reports of one speaker that match each other (a shared verbatim quote, or content words at
    joining's `MIN_SIMILARITY`), directly or through its other reports, are one statement it repeats (a
    headline, its lead, the body); reports that do not are two statements, never one claim."""
    parent = {c.pk: c.pk for c in candidates}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            pk = parent[pk]
        return pk

    for i, a in enumerate(candidates):
        for b in candidates[i + 1 :]:
            if key(a) == key(b) and (
                quote_keys(a.quotes) & quote_keys(b.quotes)
                or similarity(words(a.text), words(b.text)) >= MIN_SIMILARITY
            ):
                parent[max(root(a.pk), root(b.pk))] = min(root(a.pk), root(b.pk))
    return {pk: root(pk) for pk in parent}


def strongest_first(
    candidates: list[ClaimCandidate], known: list[_Known], key: Callable, words: Callable
) -> list[ClaimCandidate]:
    """The candidates by their best match among `known` (shared quotes, then similarity), strongest first:
    when two of an article's statements match one claim, the one that matches it better takes it, as it
    would have if the claim had come after the article (the report then joins the claim it resembles
    more). Ties keep the article's order."""

    def best(candidate: ClaimCandidate) -> tuple[int, float]:
        quotes, text = quote_keys(candidate.quotes), words(candidate.text)
        pool = [k for k in known if k.key == key(candidate)]
        return max(((len(quotes & k.quotes), k.score(text)) for k in pool), default=(0, 0.0))

    return sorted(candidates, key=best, reverse=True)


def compatible(alike: list[_Known], words: frozenset[str], weak: set[_Known]) -> list[_Known]:
    """The claims of `alike` (best first) that one report (its content `words`) shows to be one: each in
    turn unless one article reports it and one already taken apart (another article, or two of this
    article's statements), or it matches the report only weakly and either the report's words beyond
    those it shares with the first match it on their own (`MIN_SIMILARITY`: a sentence of two statements, one
    part each), or the first already holds a report that matches the one the report matches in it (the
    two were kept apart when the later came: a refusal is not decided again by a copy), or both hold
    reports of this article (which went to two claims when linked one by one)."""
    taken: list[_Known] = []
    for k in alike:
        rest = words - shared(taken[0], words) if taken else words
        if taken and (
            any(k is t or _apart(k, t) for t in taken)
            or (k in weak and (k.score(rest) >= MIN_SIMILARITY or _met(k, taken[0], words)))
            or (k in weak and None not in (k.statement, taken[0].statement))  # this article's own, apart
        ):
            continue
        taken.append(k)
    return taken


def shared(k: _Known, words: frozenset[str]) -> frozenset[str]:
    """A report's content words in the claim's report most similar to it."""
    return words & _nearest(k, words)


def _nearest(k: _Known, words: frozenset[str]) -> frozenset[str]:
    """The first of `k`'s most similar reports (each wording once: its copies are the same words)."""
    return max(dict.fromkeys(k.words), key=lambda w: similarity(words, w), default=frozenset())


def _met(k: _Known, first: _Known, words: frozenset[str]) -> bool:
    """`first` holds a report that matches `k`'s report nearest to `words`."""
    return first.score(_nearest(k, words)) >= MIN_SIMILARITY


def _apart(a: _Known, b: _Known) -> bool:
    """One article reports the two claims apart: another article, or two of this article's statements."""
    return (
        bool(a.articles & b.articles) or None not in (a.statement, b.statement) and a.statement != b.statement
    )


def fold(
    alike: list[_Known], *, known: list[_Known], assigned: dict[int, _Known], made: list[Claim], memo: Kept
) -> _Known:
    """The claims one candidate matches (unlocked machine claims, of its speaker) become the oldest of
    them: in the linking run's memory (what it compares later candidates with, which claim each of its
    candidates joined, the claims it made and has not saved), and in the database for stored ones."""
    kept, *others = sorted(alike, key=lambda k: k.order)
    for other in others:
        kept.absorb(other)
        kept.quotes |= other.quotes
        kept.evidenced |= other.evidenced
        kept.articles |= other.articles
        kept.statement = other.statement if kept.statement is None else kept.statement
        known.remove(other)
        if other.claim.pk is None:
            made.remove(other.claim)  # made by this run, never saved: nothing stored to move
        elif kept.claim.pk in memo and other.claim.pk in memo:
            into = memo.own(kept.claim.pk)
            into[0].extend(memo[other.claim.pk][0])
            into[1].update(memo[other.claim.pk][1])
            into[2].update(memo[other.claim.pk][2])
    assigned.update((pk, kept) for pk, entry in assigned.items() if any(entry is o for o in others))
    if stored := [o.claim for o in others if o.claim.pk is not None]:
        if kept.claim.responds_to_id is not None:  # it answered a claim the batch merged away: its heir
            kept.claim.responds_to_id = memo.heir(kept.claim.responds_to_id)
        merge_into(kept.claim, stored)
        memo.forget(c.pk for c in stored)
        memo.merged.update((c.pk, kept.claim.pk) for c in stored)
    return kept


def merge_into(kept: Claim, others: Sequence[Claim]) -> None:
    """Fold the stored `others` into `kept` (the oldest, stored too): what points at them points at it,
    a report both carry (an article's span) is kept once, and their ids redirect to it. Its counts are
    the caller's to refresh. One query finds which kinds of row point at the others (most often their
    evidence alone), then a query or two for each of those kinds."""
    ids = [o.pk for o in others]
    for model, name in _pointing(ids):
        for fields in _unique_with(model, name):
            _drop_repeats(model, name, fields, kept, ids)
        model._base_manager.filter(**{f"{name}__in": ids}).update(**{name: kept})
    values = {
        "first_seen_at": min(
            filter(None, [kept.first_seen_at, *(o.first_seen_at for o in others)]), default=None
        ),
        "event_id": kept.event_id or next((o.event_id for o in others if o.event_id), None),
        "story_id": kept.story_id or next((o.story_id for o in others if o.story_id), None),
        "responds_to_id": None if kept.responds_to_id in {kept.pk, *ids} else kept.responds_to_id,
    }
    for name, value in values.items():
        setattr(kept, name, value)
    kept.save(update_fields=[name.removesuffix("_id") for name in values] + ["updated_at"])
    ClaimRedirect.objects.bulk_create([ClaimRedirect(old_id=pk, claim=kept) for pk in ids])
    _delete(ids)


def _delete(ids: list[int]) -> None:
    """The claims merged away, gone, in three queries: every kind of row that pointed at them was moved,
    so Django's collector would find nothing to cascade to or set to NULL (it looked, a query a kind:
    ten queries a merge). Their history rows ("-") are written as its delete signal writes them, from
    the rows as stored, in one insert. A row pointing at them that another transaction committed
    meanwhile fails the placing at commit (the foreign keys are checked then) rather than going with
    them: the batch is linked again, and the merge moves it."""
    rows = list(Claim.objects.filter(pk__in=ids).order_by("pk"))
    connection = thread_connection()
    table, key = connection.ops.quote_name(Claim._meta.db_table), connection.ops.quote_name("id")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {key} IN ({', '.join(['%s'] * len(ids))})", ids)
    history, now = Claim.history.model, timezone.now()
    fields = [field.attname for field in history.tracked_fields]
    history.objects.bulk_create(
        history(
            history_date=now,
            history_type="-",
            history_user=history.get_default_history_user(row),
            history_change_reason=None,
            **{name: getattr(row, name) for name in fields},
        )
        for row in rows
    )


def _pointing(ids: list[int]) -> list[tuple[type, str]]:
    """The (model, claim field) of each kind of row that points at one of the claims `ids`: one query
    (a union of one select a kind)."""
    kinds = [(r.related_model, r.field.name) for r in Claim._meta.related_objects if r.one_to_many]
    selects = [
        model._base_manager.filter(**{f"{name}__in": ids})
        .order_by()
        .values_list(Value(i, output_field=IntegerField()))
        for i, (model, name) in enumerate(kinds)
    ]
    found = {i for (i,) in selects[0].union(*selects[1:])}
    return [kind for i, kind in enumerate(kinds) if i in found]


def _unique_with(model, name: str) -> list[list[str]]:
    """The other fields of each of `model`'s unique constraints that hold the claim field `name`."""
    keys = []
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and constraint.condition is None:
            parts = [getattr(p, "name", p) for p in (*constraint.fields, *constraint.expressions)]
            if name in parts:
                keys.append([p for p in parts if p != name])
    return keys


def _drop_repeats(model, name: str, fields: list[str], kept: Claim, ids: list[int]) -> None:
    """Rows of the others that would repeat one of `kept`'s (or an older other's) under a unique
    constraint: the same report of one article span, the same curator's verdict of one day. The kept
    claim's row stands for them."""
    rows = model._base_manager.filter(**{f"{name}__in": [kept.pk, *ids]}).values_list("pk", name, *fields)
    seen, repeats = set(), []
    for pk, _, *key in sorted(rows, key=lambda row: (row[1] != kept.pk, row[1], row[0])):
        if tuple(key) in seen:
            repeats.append(pk)
        seen.add(tuple(key))
    if repeats:
        model._base_manager.filter(pk__in=repeats).delete()
