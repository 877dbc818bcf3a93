"""Which tracked cases an article is about, from the cases' keywords and curated entities.

A keyword (for example "Musk v. OpenAI", or "distillation" for the topic) is enough on its own. Entities
need company: an article that names `entity_threshold` distinct entities of a case (Musk and OpenAI) is
about it; a threshold of 0 means entities never count on their own. The vocabulary is loaded once per
batch as plain data so the matching itself is a pure function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.cases.models import Case, phrases_pattern


@dataclass(frozen=True)
class Vocabulary:
    case_id: int
    keywords: re.Pattern | None
    entities: tuple[re.Pattern, ...]  # one pattern per entity, matching any of its surface forms
    entity_threshold: int


def load_vocabularies() -> list[Vocabulary]:
    """Every case's keywords and entity names, compiled for matching."""
    vocabularies = []
    for case in Case.objects.prefetch_related("entities__aliases"):
        keywords = phrases_pattern([(k, False) for k in case.keywords])
        entities = tuple(filter(None, (phrases_pattern(e.surface_forms()) for e in case.entities.all())))
        vocabularies.append(Vocabulary(case.id, keywords, entities, case.entity_threshold))
    return vocabularies


def matching_cases(text: str, vocabularies: Iterable[Vocabulary]) -> list[int]:
    """The ids of the cases whose keywords or enough of whose entities appear in `text`."""
    matched = []
    for vocabulary in vocabularies:
        if vocabulary.keywords and vocabulary.keywords.search(text):
            matched.append(vocabulary.case_id)
            continue
        if vocabulary.entity_threshold <= 0:
            continue
        named = sum(1 for pattern in vocabulary.entities if pattern.search(text))
        if named >= vocabulary.entity_threshold:
            matched.append(vocabulary.case_id)
    return matched
