"""Testimony an article gives to an organisation, credited to the person who speaks for it in court.

An organisation cannot take the stand: when an article writes that a company "disclosed in court" or
made an "admission" at trial, a person testified for it. Curators say who that is (the organisation's
`represented_by` in the vocabulary, usually its owner or chief executive). The claim is credited to
that person only when the same article names them, so the tracker never brings in a person the text
does not mention; the organisation stays on the claim as `speaker_via`, and the surface text as the
article wrote it. Statements, policies and reports stay with the organisation: a company does speak
for itself in a press release.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tracker.nlp.types import Claim, Mention, VocabularyEntry

CREDITED_KINDS = frozenset({"testimony"})


def credit_representatives(
    claims: Sequence[Claim], mentions: Sequence[Mention], vocabulary: Sequence[VocabularyEntry]
) -> list[Claim]:
    """The claims, with organisation testimony credited to its curated representative when named."""
    by_name = {entry.name: entry for entry in vocabulary}
    named = {m.entity for m in mentions if m.entity}
    credited = []
    for claim in claims:
        entry = by_name.get(claim.speaker_entity or "")
        person = by_name.get(entry.represented_by or "") if entry and entry.kind == "ORG" else None
        if claim.kind in CREDITED_KINDS and person and person.kind == "PERSON" and person.name in named:
            claim = replace(
                claim,
                speaker_entity=person.name,
                speaker_entity_id=person.entity_id,
                speaker_name=person.name,
                speaker_via=entry.name,
            )
        credited.append(claim)
    return credited
