"""Answers: which claim of a story answers which (`responds_to`), set once claims are linked.

An answer is a defense, or a claim reported with a verb of response; it answers a claim of another
speaker named in its sentence. Crude by design: a curator corrects it, and a locked claim keeps what
the curator set.
"""

from __future__ import annotations

import re

from tracker.cases.models import Entity, phrases_pattern
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Story
from tracker.crossref.words import STOPWORDS, Key, content_words, normalise_speaker, speaker_key

RESPONSE_VERBS = frozenset(
    "respond response reply counter deny denial rebut rebuttal refute dismiss reject dispute answer"
    " comment".split()
)
NO_ANSWER = frozenset({"decline to comment"})


def is_answer(kind: str, verbs: set[str]) -> bool:
    """A claim answers another when it is a defense, or is reported with a verb of response; a
    no-comment ("declined to comment", "did not respond to our request for comment") answers nothing."""
    if verbs and verbs <= NO_ANSWER:
        return False
    return kind == ClaimCandidate.Kind.DEFENSE or bool(verbs & RESPONSE_VERBS)


def link_responses(story: Story) -> dict[int, int]:
    """Set `responds_to` on the story's unlocked, unlinked answers (see `is_answer`); return what it set.

    The target is a claim of another speaker named in the answer's sentence. A defense answers that
    speaker's allegations when there are any; otherwise (and for other answers) any of the speaker's
    claims. Among those, the most shared content words wins, then the most evidence, then the oldest.
    Crude by design: a curator corrects it, and a locked claim keeps what the curator set."""
    return link_responses_of([story.pk])


def link_responses_of(stories: list[int]) -> dict[int, int]:
    """`link_responses` of each of these stories, their claims, evidence and speakers read once for all
    (four queries, however many stories: a linking batch touches about ten); what it set."""
    by_story: dict[int, list[Claim]] = {}
    for claim in Claim.objects.filter(story__in=stories).order_by("pk"):
        by_story.setdefault(claim.story_id, []).append(claim)
    linked: dict[int, int] = {}
    if all(len(claims) < 2 for claims in by_story.values()):
        return linked
    sentences: dict[int, list[str]] = {c.pk: [] for claims in by_story.values() for c in claims}
    verbs: dict[int, set[str]] = {pk: set() for pk in sentences}
    rows = Evidence.objects.filter(claim__story__in=[pk for pk, c in by_story.items() if len(c) > 1])
    for claim_id, sentence, verb in rows.values_list("claim_id", "sentence", "verb"):
        sentences[claim_id].append(sentence)
        verbs[claim_id].add(verb.lower())
    names = _speaker_patterns([c for claims in by_story.values() if len(claims) > 1 for c in claims])
    for pk in stories:
        if len(claims := by_story.get(pk, [])) > 1:
            _link(claims, sentences, verbs, names, linked)
    return linked


def _link(
    claims: list[Claim], sentences: dict, verbs: dict, names: dict[Key, re.Pattern], linked: dict
) -> None:
    """One story's answers linked (`link_responses`), into `linked`."""
    speakers = {speaker_key(c.speaker_id, c.speaker_text) for c in claims}
    for answer in claims:
        if answer.locked or answer.responds_to_id or not is_answer(answer.kind, verbs[answer.pk]):
            continue
        own = speaker_key(answer.speaker_id, answer.speaker_text)
        named = {
            key
            for key, pattern in names.items()
            if key != own and key in speakers and any(pattern.search(s) for s in sentences[answer.pk])
        }
        targets = [
            c
            for c in claims
            if c.pk != answer.pk
            and c.responds_to_id != answer.pk
            and speaker_key(c.speaker_id, c.speaker_text) in named
        ]
        if answer.kind == ClaimCandidate.Kind.DEFENSE:
            targets = [c for c in targets if c.kind == ClaimCandidate.Kind.ALLEGATION] or targets
        if not targets:
            continue
        words = content_words(answer.text)
        best = max(
            targets,
            key=lambda c: (len(words & content_words(c.text)), len(sentences[c.pk]), -c.pk),
        )
        Claim.objects.filter(pk=answer.pk).update(responds_to=best)
        answer.responds_to_id = linked[answer.pk] = best.pk


def _speaker_patterns(claims: list[Claim]) -> dict[Key, re.Pattern]:
    """How each speaker of these claims is named: an entity by its name and aliases, another speaker
    by its own words (when they look like a name rather than a pronoun)."""
    entity_ids = {c.speaker_id for c in claims if c.speaker_id}
    forms: dict[Key, list[tuple[str, bool]]] = {
        ("entity", e.pk): e.surface_forms()
        for e in Entity.objects.filter(pk__in=entity_ids).prefetch_related("aliases")
    }
    for claim in claims:
        text = normalise_speaker(claim.speaker_text)
        if not claim.speaker_id and len(text) > 3 and not set(text.split()) <= STOPWORDS:
            forms[("text", text)] = [(text, False)]
    patterns = {key: phrases_pattern(f) for key, f in forms.items()}
    return {key: p for key, p in patterns.items() if p is not None}
