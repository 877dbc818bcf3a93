"""The articles' search vector, stored (PostgreSQL only; nothing on SQLite, whose search is simpler).

Ranking or filtering articles on the expression of web/0002 computes to_tsvector over each article's
whole text at query time: a word that most articles hold took 13 s at 100,000 articles. The column
`search_vector` holds that vector, set by a trigger whenever an article is stored or its title, summary
or text change, so a search reads it instead. The model does not declare it (SQLite has none;
tracker.web.search_vectors.StoredVector reads it) and Django never writes it; a trigger rather than a generated
column, so later migrations may still alter the three columns. Its GIN index replaces web_article_fts.
"""

from django.db import migrations

VECTOR = "to_tsvector('english'::regconfig, {0}title::text || ' ' || {0}summary || ' ' || {0}text)"

CREATE = [
    "ALTER TABLE sources_article ADD COLUMN IF NOT EXISTS search_vector tsvector",
    f"""CREATE OR REPLACE FUNCTION web_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.search_vector := {VECTOR.format("NEW.")}; RETURN NEW; END $$""",
    """CREATE TRIGGER web_article_search_vector_insert BEFORE INSERT ON sources_article
        FOR EACH ROW EXECUTE FUNCTION web_article_search_vector()""",
    """CREATE TRIGGER web_article_search_vector_update BEFORE UPDATE ON sources_article FOR EACH ROW
        WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary
              OR OLD.text IS DISTINCT FROM NEW.text)
        EXECUTE FUNCTION web_article_search_vector()""",
    f"UPDATE sources_article SET search_vector = {VECTOR.format('')}",
    "CREATE INDEX IF NOT EXISTS web_article_search_vector ON sources_article USING GIN (search_vector)",
    "DROP INDEX IF EXISTS web_article_fts",
]

DROP = [
    "CREATE INDEX IF NOT EXISTS web_article_fts ON sources_article USING GIN "
    f"(({VECTOR.format('').replace('title::text', 'title')}))",
    "DROP TRIGGER IF EXISTS web_article_search_vector_insert ON sources_article",
    "DROP TRIGGER IF EXISTS web_article_search_vector_update ON sources_article",
    "DROP FUNCTION IF EXISTS web_article_search_vector()",
    "ALTER TABLE sources_article DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("web", "0004_page_generation"), ("sources", "0006_outlet_established")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
