"""Where the web hears that news events changed: crossref's `events_changed(event_ids)`, sent once per
batch after commit. The cached pages that show those events are retired (pagecache.bump): the events'
own pages, their cases' and topics' timelines and feeds, their stories, their claims, and the people
and organisations who speak in those claims or are named in their articles; and the site's front page
and feed ("all"). Five queries a batch, however many events.

Dockets' `record_changed(case_ids, event_ids)` (entries arrived or were amended; entries' links to news
events moved) retires the cases' timelines and feeds, the front page, and the pages of the events whose
links moved. The case admin's `cases_changed(case_ids)` (a case's name, court, time zone or hidden docket
kinds edited, a case added or deleted) retires every page and everything kept (the site's stamp): a case's
name and time zone show on every page that names it, and cases change seldom."""

from django.dispatch import receiver

from tracker.cases.models import Case
from tracker.cases.signals import cases_changed
from tracker.crossref.models import Claim, Event, Mention, Story
from tracker.crossref.signals import events_changed
from tracker.dockets.signals import record_changed
from tracker.web import pagecache


def scopes_of(event_ids: list[int]) -> set[str]:
    """The page scopes that show any of these events."""
    stories = Story.objects.filter(events__in=event_ids)
    cases = set(
        Event.objects.filter(pk__in=event_ids, case__isnull=False).values_list("case__slug", flat=True)
    )
    cases |= set(stories.filter(cases__isnull=False).values_list("cases__slug", flat=True))
    claims = list(Claim.objects.filter(event_id__in=event_ids).values_list("pk", "speaker__slug"))
    named = Mention.objects.filter(article__evidence__claim__event_id__in=event_ids, entity__isnull=False)
    # unordered: Mention's ordering would put the article's time and the offset in the DISTINCT, one
    # row a mention of every article of the events' claims (thousands a batch once a story is large)
    entities = {slug for _, slug in claims if slug} | set(
        named.order_by().values_list("entity__slug", flat=True).distinct()
    )
    return (
        {pagecache.ALL}
        | {pagecache.EVENT.format(pk=pk) for pk in event_ids}
        | {pagecache.CASE.format(slug=slug) for slug in cases}
        | {pagecache.STORY.format(pk=pk) for pk in stories.values_list("pk", flat=True)}
        | {pagecache.CLAIM.format(pk=pk) for pk, _ in claims}
        | {pagecache.ENTITY.format(slug=slug) for slug in entities}
    )


@receiver(events_changed, dispatch_uid="web-retire-cached-pages")
def retire_cached_pages(sender, event_ids: list[int], **kwargs) -> None:
    pagecache.bump(scopes_of(event_ids))


def _case_scopes(case_ids: list[int]) -> set[str]:
    slugs = Case.objects.filter(pk__in=case_ids).values_list("slug", flat=True) if case_ids else []
    return {pagecache.ALL} | {pagecache.CASE.format(slug=slug) for slug in slugs}


@receiver(record_changed, dispatch_uid="web-retire-record-pages")
def retire_record_pages(sender, case_ids: list[int], event_ids: list[int], **kwargs) -> None:
    pagecache.bump(_case_scopes(case_ids) | (scopes_of(event_ids) if event_ids else set()))


@receiver(cases_changed, dispatch_uid="web-retire-case-pages")
def retire_case_pages(sender, case_ids: list[int], **kwargs) -> None:
    pagecache.bump([pagecache.SITE])  # a case's name and zone show on every page that names it: rare
