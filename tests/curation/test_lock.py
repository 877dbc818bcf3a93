"""Guarantee 1: curated rows are locked. Curate the seed corpus, re-extract every article and rebuild
the cross-reference, and compare everything curated before and after."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tracker.cases.models import Alias, Entity
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Status
from tracker.curation import publishing, reviewing

pytestmark = pytest.mark.django_db

CLAIM_FIELDS = ("text", "speaker_id", "speaker_text", "kind", "date", "precision", "status", "locked")
CLAIM_FIELDS += ("event_id", "responds_to_id", "merged_into_id", "case_id")
EVENT_FIELDS = ("title", "summary", "date", "precision", "status", "locked", "published_at", "case_id")


def _claim(text_part: str) -> Claim:
    return Claim.objects.get(text__icontains=text_part)


def curate(user) -> dict:
    """A curator's day on the seed corpus; returns the ids it touched."""
    general = _claim("general practice")
    general.text = "Distillation is a general practice among AI companies"
    general.kind = "testimony"
    general.save()
    reviewing.review_claims(claims=[general], status=Status.APPROVED, user=user)
    everyone = _claim("everyone does it")
    merged = reviewing.merge_claims(kept=general, others=[everyone], user=user)
    grok = _claim("trained its Grok chatbot")
    moved = list(grok.evidence.order_by("pk").values_list("pk", flat=True)[:2])
    split = reviewing.split_claim(claim=grok, evidence_ids=moved, text="Musk said xAI used OpenAI", user=user)
    rejected = _claim("In response to the growing prevalence")
    reviewing.review_claims(claims=[rejected], status=Status.REJECTED, user=user)
    disputed = _claim("OpenAI stole proprietary information")
    reviewing.review_claims(claims=[disputed], status=Status.DISPUTED, user=user)
    event = Event.objects.get(date="2026-04-30")
    event.title = "Musk testifies that xAI distilled OpenAI models"
    event.summary = "Curated summary."
    event.save()
    publishing.set_event_visibility(events=[event], status=Event.Visibility.PUBLISHED, user=user)
    made = publishing.create_event(
        title="Curated event", claims=[_claim("violated its nonprofit charter")], user=user
    )
    setting = Discrepancy.objects.get(kind="setting")
    publishing.annotate_discrepancy(
        discrepancy=setting,
        note="The statement was trial testimony, not a deposition.",
        status=Discrepancy.State.EXPLAINED,
        user=user,
    )
    grok_entity = Entity.objects.get(name="Grok")
    grok_entity.description = "xAI's chatbot"
    grok_entity.save()
    Alias.objects.create(entity=grok_entity, text="Grok chatbot", case_sensitive=True)
    return {"merged": merged, "split": split, "event": event, "made": made, "setting": setting}


def snapshot() -> dict:
    claims = {
        c.pk: {f: getattr(c, f) for f in CLAIM_FIELDS}
        | {"evidence": set(c.evidence.values_list("article_id", "start", "text", "sentence"))}
        for c in Claim.objects.filter(locked=True)
    }
    events = {
        # Machine claims are rebuilt with new ids; the curated ones must stay on the event.
        e.pk: {f: getattr(e, f) for f in EVENT_FIELDS}
        | {"claims": set(e.claims.filter(locked=True).values_list("pk", flat=True))}
        for e in Event.objects.filter(locked=True)
    }
    notes = {
        d.pk: (d.status, d.note, d.claim_id, d.event_id, d.variants)
        for d in Discrepancy.objects.exclude(status=Discrepancy.State.OPEN, note="")
    }
    entities = {e.pk: (e.name, e.slug, e.kind, e.status, e.description) for e in Entity.objects.all()}
    aliases = set(Alias.objects.values_list("pk", "entity_id", "text", "case_sensitive"))
    return {"claims": claims, "events": events, "notes": notes, "entities": entities, "aliases": aliases}


def test_curated_rows_survive_reprocess_and_rebuild(sample_corpus):
    user = get_user_model().objects.create_user("curator", password="x", is_staff=True)
    touched = curate(user)
    before = snapshot()
    assert len(before["claims"]) == 7 and len(before["events"]) == 2 and len(before["notes"]) == 1

    call_command("reprocess")
    call_command("crossref_rebuild")
    call_command("reprocess")
    after = snapshot()

    for key in ("claims", "events"):
        assert after[key].keys() == before[key].keys(), key
        for pk, row in before[key].items():
            changed = {f: (v, after[key][pk][f]) for f, v in row.items() if after[key][pk][f] != v}
            if "evidence" in changed:
                old, new = changed["evidence"]
                changed["evidence"] = {"lost": old - new, "gained": new - old}
            assert not changed, f"{key} #{pk} changed: {changed}"
    for key in ("notes", "aliases"):
        assert after[key] == before[key], key
    for pk, entity in before["entities"].items():
        assert after["entities"][pk] == entity
    # No report of a locked claim was copied onto another claim by relinking.
    locked_reports = set(Evidence.objects.filter(claim__locked=True).values_list("article_id", "start"))
    elsewhere = Evidence.objects.filter(claim__locked=False).values_list("article_id", "start")
    assert not locked_reports & set(elsewhere)
    # The merged-away claim stays merged, without evidence, and out of the public claims.
    away = touched["merged"].merged[0]
    assert Claim.objects.get(pk=away).merged_into_id == touched["merged"].kept.pk
    assert not Evidence.objects.filter(claim_id=away).exists()
    assert not Claim.objects.public().filter(pk=away).exists()


def test_new_evidence_still_attaches_to_a_curated_claim(sample_corpus):
    claim = _claim("trained its Grok chatbot")
    reviewing.review_claims(claims=[claim], status=Status.APPROVED)
    report = claim.evidence.order_by("-first_seen_at", "-pk").first()
    article_id, start = report.article_id, report.start
    count = claim.evidence.count()
    report.delete()  # as if this article arrived after the claim was curated

    call_command("reprocess", article=[article_id])

    claim.refresh_from_db()
    assert claim.evidence.count() == count
    assert claim.evidence.filter(article_id=article_id, start=start).exists()
    assert (claim.status, claim.locked) == (Status.APPROVED, True)
