"""Testimony an article gives to an organisation, credited to the person who speaks for it in court.

An organisation cannot take the stand: when an article writes that a company "disclosed in court" or
made an "admission" at trial, a person testified for it. Curators say who that is (the organisation's
`represented_by` in the vocabulary, usually its owner or chief executive). The claim is credited to
that person only when the same article names them, so the tracker never brings in a person the text
does not mention; the organisation stays on the claim as `speaker_via`, and the surface text as the
article wrote it. Statements, policies and reports stay with the organisation: a company does speak
for itself in a press release.

The other way round, a person who speaks for a party (patterns/speakers.jsonl, proxies marked `agent`:
a spokesperson, the party's lawyers) makes the party's claim: speakers.py resolves "Acme's lawyers",
"lawyers for Acme", "an Acme spokesman" to Acme, and `name_agents` keeps who spoke on the claim as
`speaker_via`: the spokesperson's name when the article sets one beside the word ("Acme's spokeswoman,
Jo Roe, said"), else the phrase as written. A lawyer the article names beside the word speaks in her own
name ("Acme's attorney, Jo Roe, said" is Roe's, as "Jo Roe, a lawyer for Acme, said" is): another outlet
writes "Roe said" of the same words, and a claim needs one speaker to gather its reports. A lawyer or
spokesperson with no party named stays as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from tracker.nlp.speaker_words import speaker_words, word_of
from tracker.nlp.types import Claim, Mention, VocabularyEntry

CREDITED_KINDS = frozenset({"testimony"})
GUESSES = frozenset({"pronoun-first", "pronoun-owner", "pronoun-rival"})
AGENT = "agent"  # the resolution of a speaker who speaks for a party (speakers.py, confidence.jsonl)


def credit_representatives(
    claims: Sequence[Claim], mentions: Sequence[Mention], vocabulary: Sequence[VocabularyEntry]
) -> list[Claim]:
    """The claims, with organisation testimony credited to its curated representative when named."""
    by_name = {entry.name: entry for entry in vocabulary}
    speaking = represented(mentions, vocabulary)
    credited = []
    for claim in claims:
        entry = by_name.get(claim.speaker_entity or "")
        if claim.kind in CREDITED_KINDS and entry and entry.name in speaking:
            person = by_name[entry.represented_by or ""]
            claim = replace(
                claim,
                speaker_entity=person.name,
                speaker_entity_id=person.entity_id,
                speaker_name=person.name,
                speaker_via=entry.name,
            )
        credited.append(claim)
    return credited


def represented(mentions: Sequence[Mention], vocabulary: Sequence[VocabularyEntry]) -> frozenset[str]:
    """The curated organisations whose curated representative (a person) the article names: the only
    ones whose words are testimony (court_kinds.no_witness), credited to that person above."""
    by_name = {entry.name: entry for entry in vocabulary}
    named = {m.entity for m in mentions if m.entity}
    return frozenset(
        entry.name
        for entry in vocabulary
        if entry.kind == "ORG"
        and (person := by_name.get(entry.represented_by or "")) is not None
        and person.kind == "PERSON"
        and person.name in named
    )


def via(head: Token, how: str, owner: str | None = None) -> str | None:
    """How a proxy resolved to whom it speaks for: "agent" when the proxy is a person who speaks for
    them (speakers.jsonl proxies marked `agent`: "Acme's lawyers", "a spokesman for Roe"), else `how`
    (a possessor or compound of a document: "Roe's lawsuit", "the Acme report"). An agent's possessor
    that is a pronoun resolved by a guess (`owner`: "pronoun-first", "pronoun-owner", "pronoun-rival")
    keeps the guess: "his lawyer" is only as sure as "he". None for a lawyer named beside the word
    (rows marked `named_speaks`: "Acme's attorney, Jo Roe"): not the party's, the name's (docstring)."""
    if word_of(head) not in speaker_words().agents:
        return how
    if word_of(head) in speaker_words().named_speak and any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children
    ):
        return None
    return owner if owner in GUESSES else AGENT


def name_agents(claims: Sequence[Claim], doc: Doc, mentions: Sequence[Mention]) -> list[Claim]:
    """The claims, with the spokesperson or lawyers who spoke for the party resolved as the speaker
    kept as `speaker_via` (left as it is where a representative was credited already)."""
    persons = [m for m in mentions if m.label == "PERSON"]
    named = []
    for claim in claims:
        if claim.resolution == AGENT and claim.speaker_via is None and claim.speaker_start is not None:
            span = doc.char_span(claim.speaker_start, claim.speaker_end or 0, alignment_mode="expand")
            head = span.root if span is not None and len(span) else None
            if head is not None:
                claim = replace(claim, speaker_via=_agent_name(head, persons) or claim.speaker)
        named.append(claim)
    return named


def _agent_name(head: Token, persons: Sequence[Mention]) -> str | None:
    """The name set beside the agent's word: "Acme's attorney, Jo Roe" (an apposition naming a person)."""
    for child in head.children:
        if child.dep_ != "appos":
            continue
        person = next((m for m in persons if m.start <= child.idx < m.end), None)
        if person is not None:
            return person.text
    return None
