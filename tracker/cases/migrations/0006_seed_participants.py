"""Seed the trial's other named participants into Musk v. OpenAI's vocabulary: the witnesses coverage
quotes most after the parties, and the two sides' lead trial lawyers.

Curated data, not code, as in 0002: an entity's aliases let the extraction name a speaker given only by
surname ("Sutskever testified ...") and resolve a pronoun to them; without them a surname the entity
model does not know as a person (it labels some as places) leaves the claim unnamed. Only missing rows
are created, so curators' edits stand.
"""

from django.db import migrations
from django.utils.text import slugify

ENTITIES = [
    # name, kind, aliases (text, case_sensitive), description
    ("Ilya Sutskever", "PERSON", [("Sutskever", True)], "Co-founder and former chief scientist of OpenAI."),
    ("Mira Murati", "PERSON", [("Murati", True)], "Former chief technology officer of OpenAI."),
    ("Shivon Zilis", "PERSON", [("Zilis", True)], "Former OpenAI board member and adviser to Musk."),
    ("Marc Toberoff", "PERSON", [("Toberoff", True)], "Lead trial lawyer for Elon Musk."),
    ("William Savitt", "PERSON", [("Savitt", True)], "Lead trial lawyer for OpenAI."),
]
CASE = "musk-v-openai"


def seed(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Entity = apps.get_model("cases", "Entity")
    Alias = apps.get_model("cases", "Alias")
    case = Case.objects.filter(slug=CASE).first()
    for name, kind, aliases, description in ENTITIES:
        entity, created = Entity.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "kind": kind, "description": description, "status": "curated"},
        )
        for text, case_sensitive in aliases:
            Alias.objects.get_or_create(entity=entity, text=text, defaults={"case_sensitive": case_sensitive})
        if created and case:
            case.entities.add(entity)


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_entity_merged_into_historicalalias_historicalcase_and_more")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
