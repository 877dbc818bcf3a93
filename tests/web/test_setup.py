"""A newcomer's set-up: `manage.py migrate` alone leaves a working app (the database cache's table is
made by a migration, not by a separate createcachetable step)."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

pytestmark = pytest.mark.django_db


def test_migrate_alone_creates_the_database_cache_table(settings):
    """Django's test runner makes cache tables by itself, so the table is dropped here and made again
    by the migration's own step; the migration is one `migrate` applies."""
    assert ("web", "0003_cache_table") in MigrationRecorder(connection).applied_migrations()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE tracker_cache")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "tracker_cache"}
    }
    migration = importlib.import_module("tracker.web.migrations.0003_cache_table")
    migration.create_cache_table(apps, SimpleNamespace(connection=connection))  # what it reads of the editor
    assert "tracker_cache" in connection.introspection.table_names()
    cache = DatabaseCache("tracker_cache", {})
    cache.set("robots:example.org", "allow", 60)
    assert cache.get("robots:example.org") == "allow"
