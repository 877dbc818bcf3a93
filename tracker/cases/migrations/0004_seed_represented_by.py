"""Curated data: who speaks in court for the seeded organisations (Entity.represented_by)."""

from django.db import migrations

REPRESENTED_BY = [("xAI", "ORG", "Elon Musk"), ("OpenAI", "ORG", "Sam Altman")]


def seed(apps, schema_editor):
    Entity = apps.get_model("cases", "Entity")
    for org_name, kind, person_name in REPRESENTED_BY:
        person = Entity.objects.filter(name=person_name, kind="PERSON").first()
        if person:
            Entity.objects.filter(name=org_name, kind=kind, represented_by=None).update(represented_by=person)


def unseed(apps, schema_editor):
    Entity = apps.get_model("cases", "Entity")
    Entity.objects.filter(name__in=[org for org, _, _ in REPRESENTED_BY]).update(represented_by=None)


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_case_hidden_docket_kinds_entity_represented_by")]
    operations = [migrations.RunPython(seed, unseed)]
