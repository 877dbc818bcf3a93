"""The PostgreSQL side of search: the stored search vectors (migrations web/0005 and web/0006) and the
candidates a group ranks."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db.models import F, Func, QuerySet

CANDIDATES = 200  # a group's newest matches that are ranked (candidates())


class StoredVector(Func):
    """A row's stored search vector: the column `search_vector` that migrations web/0005 and web/0006 add
    to sources_article, crossref_event, crossref_claim and crossref_evidence on PostgreSQL (kept by
    triggers from the searched columns, indexed by GIN, not declared by the models)."""

    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("pk"))

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])  # "alias"."id", as aliased here
        return sql.rsplit(".", 1)[0] + '."search_vector"', params


def candidates(qs: QuerySet, q: SearchQuery) -> QuerySet:
    """The newest CANDIDATES rows that match (on the GIN index, or walking the newest rows when most
    match: PostgreSQL knows the words' frequencies from its statistics): only these are ranked, so a
    common word costs about the same at 100,000 articles as at 1,000."""
    found = qs.alias(match=StoredVector()).filter(match=q).order_by("-pk")
    # The candidates passed qs's filters inside: outside, only their ids, the same joins and columns
    # (a filter such as "of a public claim" scans every claim each time it is applied).
    chosen = qs.model.objects.filter(pk__in=found.values("pk")[:CANDIDATES])
    chosen.query.select_related = qs.query.select_related
    chosen.query.deferred_loading = qs.query.deferred_loading
    return chosen


def by_rank(qs: QuerySet, q: SearchQuery) -> QuerySet:
    """The candidates of `qs`, best ranked on their stored vector first (newest first among equals)."""
    return candidates(qs, q).annotate(rank=SearchRank(StoredVector(), q)).order_by("-rank", "-pk")
