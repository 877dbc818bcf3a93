"""The Curator group may lock stories: change_story (the story admin lets only `locked` change), added
to the group with nothing else touched, so permissions an administrator gave the group since stay."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["change_story"]


def _permissions(apps):
    # Permissions are normally created after all migrations (post_migrate); make crossref's exist now.
    app_config = apps.get_app_config("crossref")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="crossref", codename__in=CODENAMES)


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Curator")
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Curator").first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0003_curator_claim_checks"),
        ("crossref", "0010_story_locked_storyredirect"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
