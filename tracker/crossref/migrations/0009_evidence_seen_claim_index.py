"""Claim linking's window without a scan (issue 17): an index on Evidence (first_seen_at, claim)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("crossref", "0008_candidate_speaker_name"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="evidence",
            index=models.Index(fields=["first_seen_at", "claim"], name="evidence_seen_claim"),
        ),
    ]
