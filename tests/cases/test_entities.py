"""`Entity.objects.curated()`: the one rule for which entities readers see (indexes, search, forms, API)."""

import pytest

from tests.factories import EntityFactory
from tracker.cases.models import Entity

pytestmark = pytest.mark.django_db


def test_curated_leaves_out_candidates_and_merged_entities():
    kept = EntityFactory(name="Jan Roe")
    candidate = EntityFactory(name="Kim Doe", status=Entity.Status.CANDIDATE)
    merged = EntityFactory(name="J. Roe", merged_into=kept)
    curated = set(Entity.objects.curated())
    assert kept in curated
    assert candidate not in curated and merged not in curated


def test_the_index_and_the_api_follow_the_rule(client):
    kept = EntityFactory(name="Jan Roe")
    EntityFactory(name="J. Roe", merged_into=kept)
    EntityFactory(name="Kim Doe", status=Entity.Status.CANDIDATE)
    page = client.get("/entities/").content.decode()
    assert "Jan Roe" in page and "J. Roe" not in page and "Kim Doe" not in page
    names = {row["name"] for row in client.get("/api/v1/entities").json()["items"]}
    assert "Jan Roe" in names and not names & {"J. Roe", "Kim Doe"}
