"""Outlet identity as data: an article's outlet is established only by evidence (issue 15).

Existing articles start unverified; those that a feed on their outlet's own host carried are marked
established (the outlet's own feed). Pages fetched before this migration left no record of their
final host, so they do not count here: the next page fetch or own-feed poll establishes them.
"""

from django.db import migrations, models

from tracker.sources.dedupe import registrable_domain


def mark_own_feed_articles(apps, schema_editor):
    ArticleFeed = apps.get_model("sources", "ArticleFeed")
    Article = apps.get_model("sources", "Article")
    items = ArticleFeed.objects.values_list(
        "article_id", "article__url", "article__outlet__domain", "feed__url"
    )
    established = set()
    for article_id, url, outlet_domain, feed_url in items.iterator(chunk_size=2000):
        if article_id in established:
            continue
        if registrable_domain(url) == outlet_domain == registrable_domain(feed_url):
            established.add(article_id)
    ids = sorted(established)
    for start in range(0, len(ids), 500):
        Article.objects.filter(pk__in=ids[start : start + 500]).update(outlet_established=True)


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0005_rate_counter"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="outlet_established",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(mark_own_feed_articles, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="outlet_established",
            field=models.BooleanField(
                default=True,
                help_text="The tracker holds evidence of the outlet: its own feed carried the article, the page "
                "came from its host, or a trusted aggregator named it. Off: claimed only (counts skip it unless "
                "the outlet is confirmed). Storing always sets it.",
            ),
        ),
        migrations.AddField(
            model_name="feed",
            name="trusted_aggregator",
            field=models.BooleanField(
                default=False,
                help_text="Staff trust this feed's items to name their outlets (<source>): they count as "
                "established.",
            ),
        ),
        migrations.AddField(
            model_name="historicaloutlet",
            name="confirmed",
            field=models.BooleanField(
                default=False,
                help_text="A curator confirmed this outlet: its articles count as established whatever feed "
                "carried them.",
            ),
        ),
        migrations.AddField(
            model_name="outlet",
            name="confirmed",
            field=models.BooleanField(
                default=False,
                help_text="A curator confirmed this outlet: its articles count as established whatever feed "
                "carried them.",
            ),
        ),
    ]
