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

from tracker.cases.models import Alias, Case, phrases_pattern


@dataclass(frozen=True)
class Vocabulary:
    case_id: int
    keywords: re.Pattern | None
    entities: tuple[re.Pattern, ...]  # one pattern per entity, matching any of its surface forms
    entity_threshold: int


def load_vocabularies() -> list[Vocabulary]:
    """Every case's keywords and entity names, compiled for matching. Read as plain rows (every poll
    and every page fetched loads them: the prefetched model instances cost more than the patterns);
    cases, their entities and each entity's aliases in the models' orders, as a prefetch gives them."""
    names: dict[int, list[tuple[str, bool]]] = {}
    entities_of: dict[int, list[int]] = {}
    members = Case.entities.through.objects.order_by("entity__name").values_list(
        "case_id", "entity_id", "entity__name"
    )
    for case_id, entity_id, name in members:
        entities_of.setdefault(case_id, []).append(entity_id)
        names.setdefault(entity_id, [(name, True)])
    for entity_id, text, case_sensitive in Alias.objects.filter(entity_id__in=list(names)).values_list(
        "entity_id", "text", "case_sensitive"
    ):
        names[entity_id].append((text, case_sensitive))
    vocabularies = []
    for case_id, case_keywords, threshold in Case.objects.values_list("id", "keywords", "entity_threshold"):
        keywords = phrases_pattern([(k, False) for k in case_keywords])
        forms = (names[entity_id] for entity_id in entities_of.get(case_id, []))
        entities = tuple(filter(None, (phrases_pattern(f) for f in forms)))
        vocabularies.append(Vocabulary(case_id, keywords, entities, threshold))
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
