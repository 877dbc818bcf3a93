"""Exactly what the Curator group may do: curate what the machine found and the vocabulary, manage
feeds and outlets; never users, groups, schedules or deletions of what the machine found."""

CURATOR_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "crossref": {
        "claim": ("view", "change", "add"),  # add: splitting evidence out creates a claim
        "evidence": ("view", "change"),
        "event": ("view", "change", "add"),
        "discrepancy": ("view", "change"),
        "story": ("view", "change"),  # change: only its `locked` flag (StoryAdmin)
        "mention": ("view",),
        "claimcandidate": ("view",),
    },
    "cases": {
        "entity": ("view", "change", "add"),
        "alias": ("view", "change", "add", "delete"),
        "case": ("view", "change"),
    },
    "sources": {
        "feed": ("view", "change", "add"),
        "outlet": ("view", "change", "add"),
        "article": ("view",),
        "fetchrun": ("view",),
    },
    "web": {"errorreport": ("view", "change")},  # when the model exists
    "curation": {"claimcheck": ("view", "add")},  # verdicts on a sample of published machine claims
}


def sync_curator_group(apps) -> None:
    """Create the Curator group with exactly CURATOR_PERMISSIONS (for models that exist)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = [
        f"{action}_{model}"
        for models in CURATOR_PERMISSIONS.values()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = Permission.objects.filter(
        content_type__app_label__in=list(CURATOR_PERMISSIONS), codename__in=wanted
    ).select_related("content_type")
    allowed = {
        (app, f"{action}_{model}")
        for app, models in CURATOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }
    group, _ = Group.objects.get_or_create(name="Curator")
    group.permissions.set([p for p in permissions if (p.content_type.app_label, p.codename) in allowed])
