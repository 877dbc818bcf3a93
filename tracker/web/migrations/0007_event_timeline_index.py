"""An index the timeline walks newest first: dated events by (date, id), descending, the order of every
timeline page and of a case's latest events. Without it PostgreSQL read and sorted every event of the
case to keep 21 (11 ms at 10,000 events, bench/web.py); with it, it reads the newest rows until the
page is full (0.1 ms). A partial index (dated events only, the only ones on the timeline), on crossref's
table from here as web/0002 and 0006 do, since it serves the web's reading order."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS web_event_timeline ON crossref_event (date DESC, id DESC) "
    "WHERE date IS NOT NULL"
)
DROP = "DROP INDEX IF EXISTS web_event_timeline"


class Migration(migrations.Migration):
    dependencies = [("web", "0006_stored_search_vectors"), ("crossref", "0002_crossreferencing")]

    operations = [migrations.RunSQL(CREATE, DROP)]
