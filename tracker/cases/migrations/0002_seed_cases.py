"""Seed the default case, Musk v. OpenAI, and the topic AI model distillation, with their vocabulary.

This is curated data, not code: staff edit it in the admin afterwards. The migration only creates rows
that do not exist yet, so running it on a database where curators changed things is harmless.
"""

from django.db import migrations
from django.utils.text import slugify

ENTITIES = [
    # name, kind, aliases (text, case_sensitive), description
    (
        "Elon Musk",
        "PERSON",
        [("Musk", True), ("Elon", True)],
        "Plaintiff; founder of xAI and co-founder of OpenAI.",
    ),
    ("OpenAI", "ORG", [("Open AI", True)], "Defendant; the maker of ChatGPT and the GPT models."),
    ("Sam Altman", "PERSON", [("Altman", True)], "Defendant; chief executive of OpenAI."),
    ("Greg Brockman", "PERSON", [("Brockman", True)], "Defendant; president and co-founder of OpenAI."),
    ("Microsoft", "ORG", [], "Defendant; OpenAI's largest investor."),
    (
        "xAI",
        "ORG",
        [("X.AI", True), ("x.AI", True), ("X.AI Corp", True)],
        "Musk's AI company, maker of Grok.",
    ),
    ("Grok", "PRODUCT", [("Grok AI", True)], "xAI's chatbot."),
    (
        "U.S. District Court for the Northern District of California",
        "COURT",
        [
            ("Northern District of California", True),
            ("N.D. Cal.", True),
            ("federal court in Oakland", False),
            ("Oakland federal court", False),
        ],
        "The federal trial court hearing the case, sitting in Oakland.",
    ),
    (
        "Yvonne Gonzalez Rogers",
        "PERSON",
        [("Judge Gonzalez Rogers", True), ("Gonzalez Rogers", True), ("Judge Yvonne Gonzalez Rogers", True)],
        "U.S. District Judge presiding over the case.",
    ),
    ("Anthropic", "ORG", [], "AI company, maker of Claude."),
]

MUSK_V_OPENAI = {
    "kind": "case",
    "name": "Musk v. OpenAI",
    "caption": "Musk v. Altman et al.",
    "court": "U.S. District Court for the Northern District of California",
    "docket_number": "4:24-cv-04722-YGR",
    "judge": "Yvonne Gonzalez Rogers",
    "time_zone": "America/Los_Angeles",
    "description": (
        "Elon Musk's lawsuit against OpenAI, Sam Altman, Greg Brockman and Microsoft over OpenAI's move "
        "away from its non-profit mission, tried before a jury in Oakland from April 2026."
    ),
    "keywords": [
        "Musk v. OpenAI",
        "Musk vs. OpenAI",
        "Musk v OpenAI",
        "Musk v. Altman",
        "Musk vs. Altman",
        "Musk's lawsuit against OpenAI",
        "4:24-cv-04722",
    ],
    "entity_threshold": 2,
}
MUSK_V_OPENAI_ENTITIES = [
    "Elon Musk",
    "OpenAI",
    "Sam Altman",
    "Greg Brockman",
    "Microsoft",
    "xAI",
    "Grok",
    "U.S. District Court for the Northern District of California",
    "Yvonne Gonzalez Rogers",
]

AI_DISTILLATION = {
    "kind": "topic",
    "name": "AI model distillation",
    "time_zone": "UTC",
    "description": (
        "Training one AI model on the outputs of another: who does it, who objects, and what courts "
        "and companies do about it."
    ),
    "keywords": [
        "distillation",
        "distilled",
        "distilling",
        "distill",
        "distills",
        "distillation attack",
        "distillation attacks",
    ],
    "entity_threshold": 0,
}
AI_DISTILLATION_ENTITIES = ["OpenAI", "xAI", "Grok", "Anthropic"]


def seed(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Entity = apps.get_model("cases", "Entity")
    Alias = apps.get_model("cases", "Alias")

    by_name = {}
    for name, kind, aliases, description in ENTITIES:
        entity, _ = Entity.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "kind": kind, "description": description, "status": "curated"},
        )
        for text, case_sensitive in aliases:
            Alias.objects.get_or_create(entity=entity, text=text, defaults={"case_sensitive": case_sensitive})
        by_name[name] = entity

    for slug, fields, entity_names in [
        ("musk-v-openai", MUSK_V_OPENAI, MUSK_V_OPENAI_ENTITIES),
        ("ai-distillation", AI_DISTILLATION, AI_DISTILLATION_ENTITIES),
    ]:
        case, created = Case.objects.get_or_create(slug=slug, defaults=fields)
        if created:
            case.entities.set([by_name[n] for n in entity_names])


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
