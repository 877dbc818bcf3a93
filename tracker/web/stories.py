"""The story page: a story's articles by outlet and time, copies under their originals, its claims, its
discrepancies and a chart of its coverage over time. A story merged into another answers 301 with the
heir's page (`StoryRedirect`; a cached copy of the old page lives at most TRACKER_PAGE_CACHE_SECONDS).

A copy is an article whose copy_of is another article of the story, or one whose credit line names an
outlet that has an article in the story (it sits under that outlet's earliest article). A copy of an
article outside the story, or a credit to an outlet we never stored, stays at the top level, labelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from tracker.crossref.corroboration import coverage_of_story
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Story, StoryRedirect
from tracker.sources.credits import match_outlet
from tracker.sources.models import Article
from tracker.web.charts import coverage_chart
from tracker.web.discrepancies import visible


@dataclass
class Entry:
    """An article of the story with the copies and crediting articles placed under it."""

    article: Article
    copies: list[Article] = field(default_factory=list)


def seen(article: Article) -> tuple[bool, datetime]:
    """An article's place in time: dated articles by their stated publication time, then undated ones
    by when we first saw them (an undated article never comes before a dated one)."""
    return (article.published_at is None, article.published_at or article.first_seen_at)


def story_articles(story: Story) -> list[Article]:
    """The story's articles, oldest first, with outlet and the original of each copy; one query."""
    articles = Article.objects.filter(story_membership__story=story).select_related(
        "outlet", "copy_of__outlet"
    )
    return sorted(articles.defer("text", "content_html"), key=lambda a: (*seen(a), a.pk))


def nest_copies(articles: list[Article]) -> list[Entry]:
    """Originals in order, each with its copies; a chain of copies all sits under its root."""
    by_id = {a.pk: a for a in articles}
    outlets = {(a.outlet_id, a.outlet.name, a.outlet.domain) for a in articles}
    earliest_by_outlet: dict[int, Article] = {}
    for a in articles:
        earliest_by_outlet.setdefault(a.outlet_id, a)

    def parent(a: Article) -> Article | None:
        if a.copy_of_id in by_id:
            return by_id[a.copy_of_id]
        if a.credited_source:
            credited = match_outlet(a.credited_source, outlets)
            original = earliest_by_outlet.get(credited)
            if original is not None and original.pk != a.pk and credited != a.outlet_id:
                return original
        return None

    def root(a: Article) -> Article:
        chain = {a.pk}
        while (p := parent(a)) is not None and p.pk not in chain:
            chain.add(p.pk)
            a = p
        return a

    entries: dict[int, Entry] = {}
    for a in articles:
        r = root(a)
        entry = entries.setdefault(r.pk, Entry(r))
        if r.pk != a.pk:
            entry.copies.append(a)
    return sorted(entries.values(), key=lambda e: (e.article.outlet.name.lower(), seen(e.article)))


def story_claims(story: Story) -> list[Claim]:
    """Public claims of the story: set on the claim, or evidenced by one of its articles."""
    evidenced = Evidence.objects.filter(claim=OuterRef("pk"), article__story_membership__story=story)
    claims = Claim.objects.public().filter(Q(story=story) | Exists(evidenced))
    return list(claims.select_related("speaker", "first_outlet").order_by("date", "first_seen_at", "pk"))


def story_discrepancies(story: Story, claims: list[Claim]) -> list[Discrepancy]:
    """Discrepancies of the story itself, of its public claims and of its public events."""
    events = Event.objects.public().filter(stories=story)
    found = visible(
        Discrepancy.objects.filter(Q(story=story) | Q(claim__in=[c.pk for c in claims]) | Q(event__in=events))
    )
    return list(found.select_related("claim", "event").order_by("-created_at", "-pk"))


@require_GET
def story(request, pk: int):
    story = Story.objects.filter(pk=pk).first()
    if story is None:  # merged into another story: its page lives there now
        heir = StoryRedirect.heir_of(pk)
        if heir is None:
            raise Http404("No such story.")
        return redirect("web:story", heir, permanent=True)
    case = story.cases.order_by("pk").first()
    tz = case.time_zone if case else "UTC"
    articles = story_articles(story)
    claims = story_claims(story)
    zone = ZoneInfo(tz)
    dated = [a for a in articles if a.published_at]
    undated = len(articles) - len(dated)
    chart = coverage_chart(
        ((a.published_at.astimezone(zone).date(), a.outlet.name) for a in dated), undated=undated
    )
    context = {
        "story": story,
        "case": case,
        "tz": tz,
        "entries": nest_copies(articles),
        "articles": articles,
        "coverage": coverage_of_story(story),
        "claims": claims,
        "discrepancies": story_discrepancies(story, claims),
        "events": list(Event.objects.public().filter(stories=story).order_by("date", "pk")),
        "chart": chart,
        "undated": undated,
    }
    return render(request, "web/story.html", context)
