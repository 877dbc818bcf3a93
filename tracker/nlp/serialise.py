"""The extraction as JSON-ready dicts: the format of `manage.py extract --json`."""

from __future__ import annotations

from tracker.nlp.types import Extraction


def extraction_as_json(found: Extraction) -> dict:
    return {
        "entities": [
            {"text": m.text, "label": m.label, "entity": m.entity, "start": m.start, "end": m.end}
            for m in found.mentions
        ],
        "claims": [
            {
                "speaker": c.speaker,
                "speaker_entity": c.speaker_entity,
                "speaker_via": c.speaker_via,
                "speaker_name": c.speaker_name,
                "confidence": c.confidence,
                "confidence_rule": c.confidence_rule,
                "verb": c.verb,
                "attribution": c.attribution,
                "kind": c.kind,
                "text": c.text,
                "sentence": c.sentence,
                "quotes": [q.text for q in c.quotes],
                "hedges": list(c.hedges),
                "date": c.date.value.isoformat() if c.date and c.date.value else None,
                "date_precision": c.date.precision if c.date and c.date.value else None,
                "start": c.start,
                "end": c.end,
            }
            for c in found.claims
        ],
        "dates": [
            {"text": d.text, "value": d.value.isoformat() if d.value else None, "precision": d.precision}
            for d in found.dates
        ],
    }
