"""Every stored text looks for the stored copies whose canonical link names it as their original
(`articles.finalize`): that read goes through an index on `original_url`, not a scan of every article
(at 10,000 articles a scan took about 40 ms an article on SQLite and 22 ms on PostgreSQL). The planner
is asked with the table scan priced out (PostgreSQL scans a table this small whatever its indexes)."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories import ArticleFactory
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db


def test_the_copies_naming_an_article_are_found_through_an_index():
    for n in range(3):
        ArticleFactory(original_url=f"http://wharf-courier.example/piece-{n}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    naming = Article.objects.filter(original_url="http://wharf-courier.example/piece-1", copy_of__isnull=True)
    plan = naming.explain()
    assert "article_original_url" in plan, plan
