"""Which cases an article is about: keywords alone, or enough distinct entities of the case."""

import pytest

from tracker.cases.models import Alias, Case, Entity
from tracker.cases.relevance import load_vocabularies, matching_cases

pytestmark = pytest.mark.django_db


def slugs(text: str) -> set[str]:
    ids = matching_cases(text, load_vocabularies())
    return set(Case.objects.filter(id__in=ids).values_list("slug", flat=True))


def test_a_keyword_is_enough():
    assert slugs("Opening statements in Musk v. OpenAI began today.") == {"musk-v-openai"}
    assert slugs("Labs worry about DISTILLATION of their models.") == {"ai-distillation"}


def test_two_distinct_entities_are_needed_for_a_court_case():
    assert slugs("Elon Musk spoke at a rocket launch.") == set()
    assert slugs("Musk said OpenAI had changed.") == {"musk-v-openai"}
    assert slugs("Musk and Elon Musk again.") == set(), "two names of one entity count once"


def test_entity_names_match_whole_words_and_respect_case():
    meta = Entity.objects.create(name="Meta", slug="meta", kind=Entity.Kind.ORG)
    case = Case.objects.get(slug="musk-v-openai")
    case.entities.add(meta)
    assert slugs("the meta question of OpenAI") == set(), '"meta" the word is not Meta the company'
    assert slugs("Meta and OpenAI") == {"musk-v-openai"}
    assert slugs("OpenAIs and Metas") == set(), "no match inside longer words"


def test_aliases_added_in_the_database_are_used():
    grok = Entity.objects.get(name="Grok")
    Alias.objects.create(entity=grok, text="the xAI chatbot", case_sensitive=False)
    assert slugs("The XAI CHATBOT and Sam Altman") == {"musk-v-openai"}
