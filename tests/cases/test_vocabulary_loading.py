"""The cases' vocabularies are read as plain rows in three queries, whatever the number of cases,
entities and aliases, and hold what the models say: each case's keywords and one pattern per entity
(its name and aliases, `Entity.surface_forms`), entities in name order, cases in theirs."""

import pytest

from tracker.cases.models import Alias, Case, Entity, phrases_pattern
from tracker.cases.relevance import load_vocabularies

pytestmark = pytest.mark.django_db


def test_each_case_holds_its_keywords_and_a_pattern_per_entity_from_the_models():
    tern = Entity.objects.create(name="Tern Lowry", slug="tern-lowry", kind=Entity.Kind.PERSON)
    Alias.objects.create(entity=tern, text="Lowry", case_sensitive=True)
    Alias.objects.create(entity=tern, text="the harbour judge", case_sensitive=False)
    topic = Case.objects.create(
        kind=Case.Kind.TOPIC,
        name="Harbour dredging",
        slug="harbour-dredging",
        keywords=["dredging"],
        entity_threshold=1,
    )
    topic.entities.add(tern, Entity.objects.get(name="Grok"))
    found = load_vocabularies()

    cases = list(Case.objects.all())
    assert [v.case_id for v in found] == [c.pk for c in cases]
    for vocabulary, case in zip(found, cases, strict=True):
        expected = tuple(filter(None, (phrases_pattern(e.surface_forms()) for e in case.entities.all())))
        assert vocabulary.entities == expected, case.slug
        assert vocabulary.keywords == phrases_pattern([(k, False) for k in case.keywords])
        assert vocabulary.entity_threshold == case.entity_threshold
    (dredging,) = [v for v in found if v.case_id == topic.pk]
    assert [p.search("Judge Lowry ruled") is not None for p in dredging.entities] == [False, True]


def test_the_vocabularies_are_read_in_three_queries(django_assert_num_queries):
    case = Case.objects.get(slug="musk-v-openai")
    for n in range(6):
        entity = Entity.objects.create(
            name=f"Quay Warden {n}", slug=f"quay-warden-{n}", kind=Entity.Kind.PERSON
        )
        Alias.objects.create(entity=entity, text=f"Warden {n}")
        case.entities.add(entity)
    with django_assert_num_queries(3):  # the cases' entities, their aliases, the cases
        load_vocabularies()
