"""The database cache's table (the default CACHE_URL, dbcache://tracker_cache), so `manage.py migrate`
alone leaves a working app: rate limits, per-host fetch slots and robots.txt need it from the first
poll. createcachetable does nothing for caches of other backends and for tables that exist."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("web", "0002_search_indexes")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False)]
