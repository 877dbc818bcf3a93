"""GIN indexes for full-text search on PostgreSQL; nothing on SQLite, whose search is a simpler path.

Each expression must stay identical to the one tracker.web.search.EnglishVector renders for the same
fields, or PostgreSQL will not use the index."""

from django.db import migrations

INDEXES = {
    "web_article_fts": ("sources_article", ["title", "summary", "text"]),
    "web_claim_fts": ("crossref_claim", ["text"]),
    "web_evidence_fts": ("crossref_evidence", ["sentence"]),
    "web_event_fts": ("crossref_event", ["title", "summary"]),
}


def _vector(columns):
    return "to_tsvector('english'::regconfig, " + " || ' ' || ".join(columns) + ")"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, columns) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING GIN (({_vector(columns)}))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0001_error_report"),
        ("sources", "0001_initial"),
        ("crossref", "0002_crossreferencing"),
    ]

    operations = [migrations.RunPython(create, drop)]
