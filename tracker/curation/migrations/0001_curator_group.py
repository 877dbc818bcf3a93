from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_group(apps, schema_editor):
    from tracker.curation.permissions import sync_curator_group

    # Permissions are normally created after all migrations (post_migrate); make them exist now.
    # The historical app configs have no models module, which create_permissions requires.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    sync_curator_group(apps)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Curator").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cases", "0005_entity_merged_into_historicalalias_historicalcase_and_more"),
        ("crossref", "0006_claim_merged_into_event_published_at_historicalclaim_and_more"),
        ("sources", "0002_historicaloutlet"),
        ("web", "0001_error_report"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
