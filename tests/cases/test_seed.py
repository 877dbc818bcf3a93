"""The data migration seeds the default case and the distillation topic with their vocabulary."""

import pytest

from tracker.cases.models import Case, Entity

pytestmark = pytest.mark.django_db


def test_musk_v_openai_is_seeded_with_its_court_and_parties():
    case = Case.objects.get(slug="musk-v-openai")
    assert case.caption == "Musk v. Altman et al."
    assert case.docket_number == "4:24-cv-04722-YGR"
    assert case.judge == "Yvonne Gonzalez Rogers"
    assert case.time_zone == "America/Los_Angeles"
    assert case.tzinfo.key == "America/Los_Angeles"
    names = set(case.entities.values_list("name", flat=True))
    assert {
        "Elon Musk",
        "OpenAI",
        "Sam Altman",
        "Greg Brockman",
        "xAI",
        "Grok",
        "Yvonne Gonzalez Rogers",
    } <= names
    court = case.entities.get(kind=Entity.Kind.COURT)
    assert "Northern District of California" in [a.text for a in court.aliases.all()]


def test_distillation_topic_is_seeded_with_keywords():
    topic = Case.objects.get(slug="ai-distillation")
    assert topic.kind == Case.Kind.TOPIC
    assert "distillation" in topic.keywords
    assert topic.entity_threshold == 0


def test_aliases_keep_their_case_sensitivity():
    musk = Entity.objects.get(name="Elon Musk")
    assert ("Musk", True) in musk.surface_forms()


def test_the_trials_other_participants_are_seeded_with_their_surnames():
    """Witnesses and lead lawyers coverage quotes by surname alone (0006): without the alias, a surname the
    entity model takes for a place ("Murati") leaves the claim unnamed."""
    case = Case.objects.get(slug="musk-v-openai")
    people = {e.name: e for e in case.entities.filter(kind=Entity.Kind.PERSON)}
    for name in ("Ilya Sutskever", "Mira Murati", "Shivon Zilis", "Marc Toberoff", "William Savitt"):
        surname = name.split()[-1]
        assert (surname, True) in people[name].surface_forms(), name
    assert not Case.objects.get(slug="ai-distillation").entities.filter(name="Marc Toberoff").exists()


def test_seeding_participants_keeps_a_curators_edits():
    from importlib import import_module

    from django.apps import apps

    seeding = import_module("tracker.cases.migrations.0006_seed_participants")
    Entity.objects.filter(name="Mira Murati").update(description="Edited by a curator.")
    seeding.seed(apps, None)
    assert Entity.objects.get(name="Mira Murati").description == "Edited by a curator."
    assert Entity.objects.filter(name="Mira Murati").count() == 1
