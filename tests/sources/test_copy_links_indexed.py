"""Every stored text looks for the stored copies whose canonical link names it as their original
(`copies.mark_naming_copies`, from `articles.finalize`): that read goes through an index on `original_url`, not a scan of every article
(at 10,000 articles a scan took about 40 ms an article on SQLite and 22 ms on PostgreSQL). The planner
is asked with the table scan priced out (PostgreSQL scans a table this small whatever its indexes)."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories import ArticleFactory
from tracker.sources import copies
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db


def test_the_copies_naming_an_article_are_found_through_an_index():
    for n in range(3):
        ArticleFactory(original_url=f"http://wharf-courier.example/piece-{n}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    sql = f"SELECT * FROM {Article._meta.db_table} WHERE {copies.naming_copies()}"
    explain = "EXPLAIN QUERY PLAN" if connection.vendor == "sqlite" else "EXPLAIN"
    with connection.cursor() as cursor:
        cursor.execute(f"{explain} {sql}", ["http://wharf-courier.example/piece-1", 0])
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "article_original_url" in plan, plan
