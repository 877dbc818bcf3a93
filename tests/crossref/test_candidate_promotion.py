"""Recurring unknown names become candidate entities (`analysis.promote_candidates`): a name found in two
articles gets an entity of its kind (an existing one matched ignoring case, else a new candidate) and its
unlinked mentions link to it, in a fixed number of queries once the entities exist. Invented rows, no spaCy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tracker.cases.models import Entity
from tracker.crossref import analysis
from tracker.crossref.models import Mention
from tracker.sources.models import Article, Outlet

pytestmark = pytest.mark.django_db


def mentioned(*names_each: tuple[tuple[str, str], ...]) -> list[Article]:
    """One article per tuple of (text, label), each mention unlinked."""
    outlet = Outlet.objects.create(name="Fenwick Gazette", domain="fenwick-gazette.example")
    found = []
    for i, names in enumerate(names_each):
        article = Article.objects.create(
            outlet=outlet, url=f"http://fenwick-gazette.example/{i}", canonical_url=f"http://fenwick-gazette.example/{i}",
            title=f"Piece {i}", text="...", status=Article.Status.ANALYZED,
        )  # fmt: skip
        Mention.objects.bulk_create(
            Mention(article=article, text=text, label=label, start=10 * k, end=10 * k + 5)
            for k, (text, label) in enumerate(names)
        )
        found.append(article)
    return found


def linked(text: str, label: str) -> set:
    return set(Mention.objects.filter(text=text, label=label).values_list("entity__name", flat=True))


def test_a_name_in_two_articles_becomes_a_candidate_and_one_in_one_article_does_not():
    mentioned((("Orla Brennick", "PERSON"), ("Tamsin Hale", "PERSON")), (("Orla Brennick", "PERSON"),))
    assert analysis.promote_candidates({"Orla Brennick", "Tamsin Hale"}) == ["Orla Brennick"]
    entity = Entity.objects.get(name="Orla Brennick")
    assert (entity.kind, entity.status) == ("PERSON", Entity.Status.CANDIDATE)
    assert linked("Orla Brennick", "PERSON") == {"Orla Brennick"}
    assert linked("Tamsin Hale", "PERSON") == {None}


def test_the_entity_of_the_name_and_kind_is_linked_whatever_the_case_of_the_name():
    existing = Entity.objects.create(name="Quillon Ferries", slug="quillon-ferries", kind="ORG")
    Entity.objects.create(name="Quillon Ferries", slug="quillon-ferries-product", kind="PRODUCT")
    mentioned((("QUILLON FERRIES", "ORG"),), (("QUILLON FERRIES", "ORG"),))
    assert analysis.promote_candidates({"QUILLON FERRIES"}) == []
    assert set(Mention.objects.values_list("entity", flat=True)) == {existing.pk}
    assert Entity.objects.filter(name__iexact="quillon ferries").count() == 2  # none created


def test_two_spellings_of_one_new_name_in_a_batch_share_one_entity():
    mentioned(
        (("Harrow Tidewater", "ORG"), ("HARROW TIDEWATER", "ORG")),
        (("Harrow Tidewater", "ORG"), ("HARROW TIDEWATER", "ORG")),
    )
    created = analysis.promote_candidates({"Harrow Tidewater", "HARROW TIDEWATER"})
    assert len(created) == 1 and Entity.objects.filter(name__iexact="harrow tidewater").count() == 1
    assert len(set(Mention.objects.values_list("entity", flat=True))) == 1
    assert not Mention.objects.filter(entity__isnull=True).exists()


def test_names_without_latin_letters_become_entities_of_their_own():
    mentioned(
        (("Пётр Ильин", "PERSON"), ("Олег Сомов", "PERSON"), ("ПЁТР ИЛЬИН", "PERSON")),
        (("Пётр Ильин", "PERSON"), ("Олег Сомов", "PERSON"), ("ПЁТР ИЛЬИН", "PERSON")),
    )
    analysis.promote_candidates({"Пётр Ильин", "Олег Сомов", "ПЁТР ИЛЬИН"})
    assert linked("Олег Сомов", "PERSON") == {"Олег Сомов"}
    assert linked("Пётр Ильин", "PERSON") == linked("ПЁТР ИЛЬИН", "PERSON")  # one name, two cases: one entity
    assert Entity.objects.filter(status=Entity.Status.CANDIDATE).count() == 2


@pytest.mark.parametrize("names", [2, 8])
def test_names_whose_entities_exist_are_linked_in_the_same_queries_at_any_count(
    names, django_assert_num_queries
):
    texts = [f"Marrow Dunleigh {n}" for n in range(names)]
    for n, text in enumerate(texts):
        Entity.objects.create(name=text.lower(), slug=f"marrow-dunleigh-{n}", kind="PERSON")
    mentioned(tuple((t, "PERSON") for t in texts), tuple((t, "PERSON") for t in texts))
    with django_assert_num_queries(2):  # the recurring names with their entities, the mentions' UPDATE
        assert analysis.promote_candidates(set(texts)) == []
    assert not Mention.objects.filter(entity__isnull=True).exists()
    assert {e.name for e in Entity.objects.filter(mentions__isnull=False)} == {t.lower() for t in texts}


@pytest.mark.parametrize("names", [2, 8])
def test_new_names_become_candidates_in_the_same_queries_at_any_count(names):
    texts = [f"Wenna Carrow {n}" for n in range(names)]
    mentioned(tuple((t, "PERSON") for t in texts), tuple((t, "PERSON") for t in texts))
    with CaptureQueriesContext(connection) as queries:
        created = analysis.promote_candidates(set(texts))
    # the recurring names, their slugs' entities, the entities' insert (in a savepoint), their history
    # rows, the mentions' UPDATE; one get_or_create a name took four more queries each
    assert len(queries) == 7, [q["sql"][:60] for q in queries]
    assert sorted(created) == texts
    history = Entity.history.filter(history_type="+").values_list("name", "status")
    assert sorted(history) == [(t, Entity.Status.CANDIDATE) for t in texts]
    assert not Mention.objects.filter(entity__isnull=True).exists()


def test_the_unlinked_mentions_of_a_batchs_names_are_read_through_their_own_index():
    """A recurring name's mentions are linked batch after batch, so through the index of every mention
    (text, label) the promotion's read and UPDATE went through all of a name's mentions in the corpus,
    linked or not: a cost growing with the stored articles. The partial index `mention_unlinked` holds
    only the unlinked ones. The planner is asked with the table scan priced out (PostgreSQL scans a table
    this small whatever its indexes)."""
    entity = Entity.objects.create(name="Idris Vane", slug="idris-vane", kind="PERSON")
    mentioned(*[(("Idris Vane", "PERSON"),)] * 4)
    Mention.objects.filter(article__in=Article.objects.order_by("pk")[:3]).update(entity=entity)
    explain = "EXPLAIN QUERY PLAN" if connection.vendor == "sqlite" else "EXPLAIN"
    with CaptureQueriesContext(connection) as queries:
        analysis.promote_candidates({"Idris Vane"})
    read = next(q["sql"] for q in queries if "COUNT(DISTINCT" in q["sql"])
    update = f"UPDATE {Mention._meta.db_table} SET entity_id = %s WHERE entity_id IS NULL AND text = %s AND label = %s"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"{explain} {read}")
        read_plan = " ".join(str(row) for row in cursor.fetchall())
        cursor.execute(f"{explain} {update}", [entity.pk, "Idris Vane", "PERSON"])
        update_plan = " ".join(str(row) for row in cursor.fetchall())
    assert "mention_unlinked" in read_plan, read_plan
    assert "mention_unlinked" in update_plan, update_plan


def test_a_recurring_names_entity_is_found_through_an_index_not_a_scan_of_every_entity():
    """The entity lookup compares UPPER(name) and kind; without the expression index on them
    (cases' entity_upper_name_kind) each recurring name of a batch scanned every entity stored: a cost
    growing with the corpus (0.5 -> 5.5 ms an article over 25 batches of a probe, 0.8 with the index)."""
    mentioned((("Orla Brennick", "PERSON"),), (("Orla Brennick", "PERSON"),))
    with CaptureQueriesContext(connection) as queries:
        analysis.promote_candidates({"Orla Brennick"})
    read = next(q["sql"] for q in queries.captured_queries if "COUNT(DISTINCT" in q["sql"])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {read}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {read}")
        plan = " ".join(str(part) for row in cursor.fetchall() for part in row)
    assert "entity_upper_name_kind" in plan, plan
