"""What the machine says of an event (`values`: date, title, summary, last change) from a story's group
of reports, and the articles those read (`articles`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tracker.crossref import event_reports
from tracker.crossref.event_reports import Group
from tracker.crossref.models import Claim, Event
from tracker.sources.models import Article

Cited = Callable[[Claim], dict[int, Article]]  # `StoryReads.cited`


def articles(groups: Iterable[Group], *, known: dict[int, Article], cited: Cited) -> dict[int, Article]:
    """The articles the groups' reports and claims cite, with their outlets: the story's (`known`),
    and those of other stories that report its claims (already on the claims' evidence: `cited`)."""
    groups = list(groups)
    ids = {a for g in groups for r in g.reports for a in r.articles}
    found = {pk: known[pk] for pk in ids if pk in known}
    for group in groups:
        for claim in group.claims.values():
            for pk, article in cited(claim).items():
                found.setdefault(pk, article)
    if missing := ids - set(found):
        found |= {a.pk: a for a in Article.objects.filter(pk__in=missing).select_related("outlet")}
    return found


def values(
    event: Event | None,
    group: Group,
    articles: dict[int, Article],
    *,
    cited: Cited,
    shared: set[int] | frozenset[int] = frozenset(),
) -> dict:
    """What the machine says of an event: its date, title and summary, and when its coverage last
    changed (its first report is `corroboration.refresh_events`'). When other stories hold the event
    too (`shared`: their ids, read with the batch's events), their later change is kept, and so is the
    title unless this story brings claims."""
    ids = {a for r in group.reports for a in r.articles}
    ids = ids.union(*(cited(c) for c in group.claims.values()))
    reporting = [articles[i] for i in ids if i in articles]
    last = max((a.edited_at or a.first_seen_at for a in reporting), default=None)
    title, summary = event_reports.describe(group)
    if event is not None and shared:
        if event.last_changed_at and (last is None or event.last_changed_at > last):
            last = event.last_changed_at
        if not group.claims:
            title, summary = event.title, event.summary
    return {
        "date": group.date,
        "precision": group.precision,
        "title": title[:300],
        "summary": summary,
        "last_changed_at": last,
    }
