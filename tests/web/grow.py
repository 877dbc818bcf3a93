"""More rows of every kind around the seed corpus, so page tests can check that query counts stay bounded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker.cases.models import Case, Entity
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Mention, Story, StoryArticle
from tracker.sources.models import Article, Outlet

BASE = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)


def grow(n: int, *, tag: str = "g") -> None:
    """Add n outlets, each with an article in the seed story (every third a copy, every fifth crediting
    another outlet), evidence of the seed claim, a claim by Elon Musk, a mention of him, a discrepancy."""
    case = Case.objects.get(slug="musk-v-openai")
    story = Story.objects.order_by("pk").first()
    event = Event.objects.get(date="2026-04-30")
    claim = Claim.objects.get(text__contains="general practice")
    musk = Entity.objects.get(slug="elon-musk")
    outlets = Outlet.objects.bulk_create(
        [Outlet(name=f"Outlet {tag}{i}", domain=f"outlet-{tag}{i}.example") for i in range(n)]
    )
    articles = Article.objects.bulk_create(
        [
            Article(
                outlet=o,
                url=f"https://{o.domain}/a",
                canonical_url=f"https://{o.domain}/a",
                title=f"Musk testimony report {tag}{i}",
                published_at=BASE + timedelta(hours=7 * i),
                first_seen_at=BASE + timedelta(hours=7 * i),
                text=f"Musk called it standard industry procedure, report {tag}{i}.",
                credited_source=outlets[0].name if i % 5 == 4 else "",
                status=Article.Status.ANALYZED,
                relevant=True,
            )
            for i, o in enumerate(outlets)
        ]
    )
    for i, a in enumerate(articles):
        if i % 3 == 2:
            a.copy_of = articles[i - 1]
    Article.objects.bulk_update(articles, ["copy_of"])
    StoryArticle.objects.bulk_create([StoryArticle(story=story, article=a) for a in articles])
    Evidence.objects.bulk_create(
        [
            Evidence(
                claim=claim,
                article=a,
                sentence=f"Musk said it was a 'general practice' ({a.title}).",
                start=0,
                end=10,
                verb="say",
                attribution="direct",
                confidence=3,
                quotes=[{"text": "general practice", "start": 11, "end": 27}],
                first_seen_at=a.first_seen_at,
            )
            for a in articles
        ]
    )
    claims = Claim.objects.bulk_create(
        [
            Claim(
                case=case,
                story=story,
                event=event,
                speaker=musk,
                kind="testimony",
                text=f"generated statement {tag}{i}",
                confidence=2,
                first_seen_at=BASE + timedelta(minutes=i),
                outlets_count=1,
                independent_count=1,
                first_outlet=outlets[i],
                responds_to=claim,
            )
            for i in range(n)
        ]
    )
    Evidence.objects.bulk_create(
        [
            Evidence(
                claim=c, article=a, sentence=c.text, start=0, end=5, verb="say", attribution="indirect",
                confidence=2, first_seen_at=a.first_seen_at,
            )
            for c, a in zip(claims, articles, strict=True)
        ]
    )  # fmt: skip
    Mention.objects.bulk_create(
        [Mention(article=a, entity=musk, text="Musk", label="PERSON", start=0, end=4) for a in articles]
    )
    Discrepancy.objects.bulk_create(
        [
            Discrepancy(
                claim=c,
                kind=Discrepancy.Kind.QUOTE_WORDING,
                key=f"grow-{tag}-{c.pk}",
                variants=[
                    {"words": "one wording", "article": articles[i].pk, "outlet": outlets[i].name},
                    {
                        "words": "another wording",
                        "article": articles[i - 1].pk,
                        "outlet": outlets[i - 1].name,
                    },
                ],
            )
            for i, c in enumerate(claims)
        ]
    )
