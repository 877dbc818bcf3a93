"""The candidate entities of a batch's recurring names made at once: the stored ones of their slugs read
in one query, the missing ones inserted in one statement and their history rows in one more, where one
`get_or_create` a name (a savepoint, an insert, its release and a history row each) cost about 2 ms. When
the insert is refused (another worker stored one of the slugs meanwhile), each name is made as
`get_or_create` makes it."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from tracker.cases.models import Entity


def entity_ids(names: list[tuple[str, str, str]]) -> tuple[list[int], list[str]]:
    """The id of the entity of each (slug, name, kind), a new candidate made of the first name of a slug
    not stored; and the names of those made, in order."""
    found = dict(Entity.objects.filter(slug__in={slug for slug, _, _ in names}).values_list("slug", "pk"))
    made: dict[str, Entity] = {}
    for slug, name, kind in names:
        if slug not in found and slug not in made:
            made[slug] = Entity(slug=slug, name=name, kind=kind, status=Entity.Status.CANDIDATE)
    if made:
        try:
            with transaction.atomic():
                Entity.objects.bulk_create(list(made.values()))
        except IntegrityError:
            return _each(names)
        Entity.history.bulk_history_create(list(made.values()), default_change_reason=None)
    ids = {**found, **{slug: entity.pk for slug, entity in made.items()}}
    return [ids[slug] for slug, _, _ in names], [entity.name for entity in made.values()]


def _each(names: list[tuple[str, str, str]]) -> tuple[list[int], list[str]]:
    ids, created = [], []
    for slug, name, kind in names:
        entity, new = Entity.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "status": Entity.Status.CANDIDATE}
        )
        ids.append(entity.pk)
        if new:
            created.append(entity.name)
    return ids, created
