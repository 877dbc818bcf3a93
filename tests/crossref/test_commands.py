"""The extraction's commands: extract (no database writes), reprocess."""

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tracker.crossref.models import ClaimCandidate
from tracker.sources.models import Article
from tracker.sources.sample import load_sample

SEEDS = settings.BASE_DIR / "tracker" / "sources" / "sample_data"
ARTICLE_001 = next((SEEDS / "articles").glob("001_*.txt"))


@pytest.mark.django_db
def test_extract_json_has_entities_claims_and_dates():
    out = StringIO()
    call_command("extract", str(ARTICLE_001), "--published", "2026-04-30", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) == {"entities", "claims", "dates"}
    assert {"text", "label", "entity", "start", "end"} <= set(data["entities"][0])
    claim_keys = {"speaker", "speaker_entity", "verb", "attribution", "kind", "text", "sentence", "quotes"}
    assert claim_keys | {"hedges", "date", "date_precision", "start", "end"} <= set(data["claims"][0])
    assert {"Elon Musk", "OpenAI", "xAI", "Grok"} <= {e["entity"] for e in data["entities"]}
    thursday = [d for d in data["dates"] if d["text"] == "Thursday"]
    assert thursday and thursday[0]["value"] == "2026-04-30"
    musk = [c for c in data["claims"] if c["speaker_entity"] == "Elon Musk"]
    assert any("Partly" in c["quotes"] for c in musk)


@pytest.mark.django_db
def test_extract_report_and_bad_input(tmp_path):
    out = StringIO()
    call_command("extract", str(ARTICLE_001), stdout=out)
    assert "Claims (" in out.getvalue() and "Elon Musk" in out.getvalue()
    with pytest.raises(CommandError, match="no such file"):
        call_command("extract", str(tmp_path / "missing.txt"))
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("extract", str(ARTICLE_001), "--published", "30/4/2026")


@pytest.mark.django_db
def test_reprocess_reruns_the_extraction_without_duplicates():
    load_sample(root=SEEDS)
    out = StringIO()
    call_command("reprocess", stdout=out)
    assert "analyzed 5 articles" in out.getvalue()
    first = ClaimCandidate.objects.count()
    call_command("reprocess", "--case", "musk-v-openai", stdout=StringIO())
    assert ClaimCandidate.objects.count() == first > 0
    one = Article.objects.first()
    out = StringIO()
    call_command("reprocess", "--article", str(one.pk), "--since", "2000-01-01", stdout=out)
    assert "analyzed 1 articles" in out.getvalue()
    with pytest.raises(CommandError, match="unknown case"):
        call_command("reprocess", "--case", "nope")
