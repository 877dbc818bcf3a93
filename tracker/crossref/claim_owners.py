"""Which stories a linking batch's claims reach (`owners`): their own stories, the stories that find
their claim-keyed discrepancies (`Scope.owner`), and the stories reporting them; the story-wide steps
of all of them run for the batch (`linking._story_steps`)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from tracker.crossref.discrepancies.scope import owner
from tracker.crossref.event_reports import reported_from
from tracker.crossref.models import Evidence


def owners(claims: list[int], shifted: list[int]) -> tuple[set[int | None], set[int | None]]:
    """The claims' own stories and their discrepancy owners (`Scope.owner`), with the owners of the
    claims whose evidence settling moved (`shifted`) where that is not their own story (it may be
    neither story the article moved between); and the stories reporting the claims. One query of a
    row a claim and story reporting it (a much-reported claim's evidence grows with the corpus, the
    stories reporting it hardly), and one of the reports of the claims their own story no longer
    reports, if any (`_first_reported`). Read by each linking batch (`linking._placed`)."""
    moved = Evidence.objects.filter(article__in=shifted).values("claim")
    rows = Evidence.objects.filter(Q(claim__in=claims) | Q(claim__in=moved)).order_by()
    stored, reports = {}, defaultdict(set)
    for claim, own, story in rows.values_list(
        "claim_id", "claim__story", "article__story_membership__story"
    ).distinct():
        stored[claim] = own
        if story is not None:
            reports[claim].add(story)
    away = [pk for pk, own in stored.items() if own is not None and reports[pk] and own not in reports[pk]]
    first = _first_reported(away, stored)
    owners = {stored.get(pk) for pk in claims}
    for pk, own in stored.items():
        if (found := first.get(pk, own)) != own or pk in claims:
            owners.add(found)
    return owners, {story for pk in claims for story in reports[pk]}


def _first_reported(claims: list[int], stored: dict[int, int | None]) -> dict[int, int | None]:
    """`owner` of each of these claims (`stored`: their own stories) from their reports in stories."""
    if not claims:
        return {}
    rows = Evidence.objects.filter(claim__in=claims, article__story_membership__isnull=False).order_by()
    fields = ("published_at", "first_seen_at", "published_suspect")
    named = ("claim_id", "article_id", "article__story_membership__story")
    reports = defaultdict(set)
    for claim, article, story, *at in rows.values_list(*named, *(f"article__{f}" for f in fields)):
        reports[claim].add((story, reported_from(*at), article))
    return {pk: owner(stored[pk], reports[pk]) for pk in claims}
