"""Rows inserted without the ORM's compiler (`row_inserts.insert_all`: a COPY on PostgreSQL, an
`executemany` elsewhere) store every value as `bulk_create` would, in the order given, as one logged
statement whose errors are Django's. Invented rows; both databases."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from tracker.crossref import row_inserts
from tracker.crossref.models import ClaimCandidate, Mention
from tracker.sources.models import Article, Outlet

pytestmark = pytest.mark.django_db

AWKWARD = 'tab\there, a line\nbreak, a back\\slash, "quotes", \\N, and ünïcödé'


def article() -> Article:
    outlet = Outlet.objects.create(name="Quay Courier", domain="quay-courier.example")
    return Article.objects.create(
        outlet=outlet, url="http://quay-courier.example/1", canonical_url="http://quay-courier.example/1",
        title="Piece", text="Ada Brennock said the pier was closed.", status=Article.Status.FETCHED,
    )  # fmt: skip


def test_insert_all_keeps_every_value_in_order_in_one_statement():
    piece = article()
    fields = ["article_id", "speaker", "verb", "attribution", "kind", "text", "sentence", "start", "end"]
    fields += ["sentence_start", "sentence_end", "quotes", "hedges", "date", "date_precision"]
    fields += ["speaker_name", "speaker_entity_id", "date_text", "confidence", "confidence_rule"]
    rows = [
        (piece.pk, f"Ada {n}", "say", "direct", "statement", AWKWARD if n == 1 else f"text {n}", "", n, n + 4,
         0, 9, [{"text": AWKWARD, "start": 1}], ["reportedly"] if n else [], date(2026, 2, n + 1) if n else None,
         "day" if n else "", "", None, "", 1, "")
        for n in range(3)
    ]  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        row_inserts.insert_all(ClaimCandidate, fields, rows)
    assert len(queries) == 1
    stored = list(ClaimCandidate.objects.order_by("pk"))
    assert [c.speaker for c in stored] == ["Ada 0", "Ada 1", "Ada 2"]
    assert stored[1].text == AWKWARD and stored[0].quotes == [{"text": AWKWARD, "start": 1}]
    assert [(c.hedges, c.date) for c in stored] == [([], None), (["reportedly"], date(2026, 2, 2)), (
        ["reportedly"], date(2026, 2, 3))]  # fmt: skip


def test_insert_all_raises_djangos_error_and_the_transaction_keeps_nothing():
    piece = article()
    fields = ["article_id", "text", "label", "start", "end"]
    with pytest.raises(IntegrityError), transaction.atomic():
        row_inserts.insert_all(Mention, fields, [(piece.pk, "Ada", "PERSON", 0, 3)] * 2)  # one span twice
    assert not Mention.objects.exists()
