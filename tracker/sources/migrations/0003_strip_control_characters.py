"""Rows stored before ingestion stripped control characters lose them now (they broke the Atom feeds
and reached terminals). Rows derived from them in other apps (story, claim and event titles) are
rebuilt by `crossref_rebuild`."""

from django.db import migrations

# What sanitising.strip_controls removes, in a form both PostgreSQL's and Python's regexes read
# (surrogates cannot be stored, so they are not looked for).
PATTERN = r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
FIELDS = {
    "Outlet": ["name"],
    "Feed": ["title"],
    "Article": ["title", "author", "site_name", "credited_source", "text", "summary", "content_html"],
    "ArticleVersion": ["title", "text"],
}


def strip_controls(apps, schema_editor):
    from django.db.models import Q

    from tracker.sources.sanitising import strip_controls as strip

    for model_name, fields in FIELDS.items():
        model = apps.get_model("sources", model_name)
        dirty = Q()
        for name in fields:
            dirty |= Q(**{f"{name}__regex": PATTERN})
        for row in model.objects.filter(dirty).only("pk", *fields).iterator(chunk_size=500):
            model.objects.filter(pk=row.pk).update(**{name: strip(getattr(row, name)) for name in fields})


class Migration(migrations.Migration):
    dependencies = [("sources", "0002_historicaloutlet")]

    operations = [migrations.RunPython(strip_controls, migrations.RunPython.noop)]
