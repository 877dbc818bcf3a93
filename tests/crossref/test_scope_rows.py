"""A settle's scope read again inside a batch (crossref.scope_rows) is the scope read afresh: the rows
unchanged since are built from the earlier read, a row saved since (its text, its title) is read again,
copy links are always read, every caller gets instances of its own; and id_spans' ranges read every
row of the ids they are given."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crossref.test_linking_profiles import articles
from tests.factories import StoryFactory
from tracker.crossref import id_spans, linking, scope_rows
from tracker.crossref.models import Mention, StoryArticle
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db

FIELDS = (*scope_rows.FIELDS, "updated_at")


def scope():
    return Article.objects.filter(story_membership__isnull=False).exclude(text="").order_by("pk")


def as_read(found) -> list:
    return [{f: getattr(a, f if f != "copy_of" else "copy_of_id") for f in FIELDS} for a in found]


def test_a_scope_read_again_is_the_scope_read_afresh():
    stored = articles()
    with scope_rows.kept():
        with CaptureQueriesContext(connection) as queries:
            first = scope_rows.read(scope(), scope_rows.FIELDS)
        assert len(queries) == 1  # the first read of a block: whole
        first[0].title = "A caller's change"  # its own: the kept row is not changed
        stored[1].title, stored[1].text = "Hearing adjourned", stored[1].text + " Adjourned to June."
        stored[1].save()  # stamps updated_at
        Article.objects.filter(pk=stored[2].pk).update(copy_of=stored[0], copy_kind=Article.CopyKind.NEAR)
        with CaptureQueriesContext(connection) as queries:
            again = scope_rows.read(scope(), scope_rows.FIELDS)
        assert len(queries) == 2  # the ids, stamps and copy links; the one article saved since
        assert str(stored[1].pk) in queries[1]["sql"] and str(stored[3].pk) not in queries[1]["sql"]
    assert as_read(again) == as_read(scope().only(*FIELDS)) != as_read(first)
    assert all(a is not b for a, b in zip(first, again, strict=True))


def test_outside_a_block_every_read_is_whole():
    articles()
    assert as_read(scope_rows.read(scope(), scope_rows.FIELDS)) == as_read(scope().only(*FIELDS))


def test_a_batchs_own_articles_are_not_read_again():
    """A batch's articles, loaded whole by linking's caller, are kept as read: once linked, the next
    read of the scope finds them unchanged and reads only the ids, stamps and copy links."""
    stored = articles(linked=False)
    mine = list(Article.objects.filter(pk__in=[a.pk for a in stored[:3]]))
    with scope_rows.kept():
        scope_rows.seed(mine, scope_rows.FIELDS)
        assert scope_rows.read(scope(), scope_rows.FIELDS) == []  # the first read: whole
        story = StoryFactory()
        StoryArticle.objects.bulk_create([StoryArticle(story=story, article=a) for a in mine])
        with CaptureQueriesContext(connection) as queries:
            found = scope_rows.read(scope(), scope_rows.FIELDS)
        assert len(queries) == 1
    assert as_read(found) == as_read(scope().only(*FIELDS)) and len(found) == 3
    assert all("status" in a.get_deferred_fields() for a in found)  # as read: the scope's fields alone


def test_id_spans_read_every_row_of_the_ids():
    stored = articles()
    ids = [a.pk for a in stored][::3] + [stored[-1].pk + 100]
    assert id_spans.runs([1, 2, 5, 5, 40, 41, 90]) == [(1, 5), (40, 41), (90, 90)]
    read = set(Mention.objects.filter(id_spans.among("article", ids)).values_list("pk", flat=True))
    assert set(Mention.objects.filter(article__in=ids).values_list("pk", flat=True)) <= read
    assert not Mention.objects.filter(id_spans.among("article", [])).exists()


def test_a_batchs_memberships_before_and_after_its_settle_are_those_of_its_neighbourhood_alone():
    """`linking._memberships` reads by ranges of ids (the rows of other articles between them too) and
    keeps the neighbourhood's alone, as `article__in` read them. Seen failing with the other articles'
    rows kept (tried: no `wanted` check), and with one parameter an id (tried: `article__in`)."""
    stored = articles()
    near = [a.pk for a in stored][::2]
    with CaptureQueriesContext(connection) as queries:
        found = linking._memberships(near)
    plain = StoryArticle.objects.filter(article__in=near).values_list("article_id", "story_id")
    assert found == dict(plain) and len(found) == len(near)
    assert len(queries) == 1 and " IN (" not in queries[0]["sql"]
