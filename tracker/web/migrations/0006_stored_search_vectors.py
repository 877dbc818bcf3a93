"""Stored search vectors for events, claims and quotes too (PostgreSQL only), as web/0005 did for articles.

A word that most events or quotes hold made PostgreSQL parse each candidate's text twice at query time
(to match, then to rank): 100 ms for "court" over 10,000 events. Each table gets a `search_vector`
column kept by a trigger on insert and when its searched columns change, and a GIN index on it that
replaces its expression index of web/0002. Models do not declare the columns (SQLite has none);
tracker.web.search_vectors.StoredVector reads them.
"""

from django.db import migrations

TABLES = {  # table: (searched columns, the web/0002 index it replaces)
    "crossref_event": (["title", "summary"], "web_event_fts"),
    "crossref_claim": (["text"], "web_claim_fts"),
    "crossref_evidence": (["sentence"], "web_evidence_fts"),
}


def _vector(columns, prefix=""):
    return (
        "to_tsvector('english'::regconfig, " + " || ' ' || ".join(f"{prefix}{c}::text" for c in columns) + ")"
    )


def create_sql(table, columns, old_index):
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    name = f"web_{table}_search_vector"
    return [
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector",
        f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.search_vector := {_vector(columns, "NEW.")}; RETURN NEW; END $$""",
        f"CREATE TRIGGER {name}_insert BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()",
        f"""CREATE TRIGGER {name}_update BEFORE UPDATE ON {table} FOR EACH ROW WHEN ({changed})
            EXECUTE FUNCTION {name}()""",
        f"UPDATE {table} SET search_vector = {_vector(columns)}",
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING GIN (search_vector)",
        f"DROP INDEX IF EXISTS {old_index}",
    ]


def drop_sql(table, columns, old_index):
    name = f"web_{table}_search_vector"
    expression = "to_tsvector('english'::regconfig, " + " || ' ' || ".join(columns) + ")"
    return [
        f"CREATE INDEX IF NOT EXISTS {old_index} ON {table} USING GIN (({expression}))",
        f"DROP TRIGGER IF EXISTS {name}_insert ON {table}",
        f"DROP TRIGGER IF EXISTS {name}_update ON {table}",
        f"DROP FUNCTION IF EXISTS {name}()",
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector",
    ]


def _run(build):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for table, (columns, old_index) in TABLES.items():
                for sql in build(table, columns, old_index):
                    schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("web", "0005_article_search_vector"), ("crossref", "0002_crossreferencing")]

    operations = [migrations.RunPython(_run(create_sql), _run(drop_sql))]
