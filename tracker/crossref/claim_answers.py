"""Answers: which claim of a story answers which (`responds_to`), set once claims are linked.

An answer is a defense, or a claim reported with a verb of response; it answers a claim of another
speaker named in its sentence. Crude by design: a curator corrects it, and a locked claim keeps what
the curator set.
"""

from __future__ import annotations

import re

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower

from tracker.cases.models import Entity, phrases_pattern
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Story
from tracker.crossref.words import STOPWORDS, Key, content_words, normalise_speaker, speaker_key

RESPONSE_VERBS = frozenset(
    "respond response reply counter deny denial rebut rebuttal refute dismiss reject dispute answer"
    " comment".split()
)
NO_ANSWER = frozenset({"decline to comment"})
# what linking answers reads of a claim: a story's claims grow with the corpus, and their other fields
# (three times and a date) cost more to read than the rest of the step
CLAIM_FIELDS = ("story", "speaker", "speaker_text", "kind", "text", "locked", "responds_to")


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
    (a batch touches about ten); what it set. Of the evidence only what decides: each claim's verbs
    and its number of reports (one row a claim and verb, not one a report: a story's evidence grows
    with the corpus, its verbs hardly), then the sentences of the answers alone; their speakers'
    entities and aliases only when there is an answer. Only the claims of the stories that hold a
    claim which may be an open answer (`_maybe_open`, in the database) are read: one read when none
    does (most batches: a story's claims grow with the corpus, its open answers hardly), two when no
    claim read is an open answer (`_open`), five at most; and one update an answer linked."""
    by_story: dict[int, list[Claim]] = {}
    answering = _maybe_open(stories).values("story")
    read = Claim.objects.filter(story__in=stories).filter(story__in=answering)
    read = read.only(*CLAIM_FIELDS).order_by("pk")  # not their times
    for claim in read:
        by_story.setdefault(claim.story_id, []).append(claim)
    linked: dict[int, int] = {}
    shared = {pk: claims for pk, claims in by_story.items() if len(claims) > 1}
    if not shared:
        return linked
    reports: dict[int, int] = {c.pk: 0 for claims in shared.values() for c in claims}
    verbs: dict[int, set[str]] = {pk: set() for pk in reports}
    rows = Evidence.objects.filter(claim__in=list(reports)).order_by().values("claim_id", "verb")
    for claim_id, verb, count in rows.annotate(count=Count("pk")).values_list("claim_id", "verb", "count"):
        reports[claim_id] += count
        verbs[claim_id].add(verb.lower())
    answers = {
        pk: found for pk, claims in shared.items() if (found := [c for c in claims if _open(c, verbs)])
    }
    if not answers:
        return linked
    sentences: dict[int, list[str]] = {c.pk: [] for found in answers.values() for c in found}
    told = Evidence.objects.filter(claim__in=list(sentences)).order_by()
    for claim_id, sentence in told.values_list("claim_id", "sentence"):
        sentences[claim_id].append(sentence)
    names = _speaker_patterns([c for pk in answers for c in shared[pk]])
    for pk in stories:
        if pk in answers:
            _link(shared[pk], answers[pk], sentences, reports, names, linked)
    return linked


def _maybe_open(stories: list[int]):
    """The claims of these stories that `_open` may find open answers: unlocked, not linked, and a
    defense or reported with a verb of response (a superset: `_open` decides, on the verbs read)."""
    responded = Evidence.objects.annotate(said=Lower("verb")).filter(
        claim=OuterRef("pk"), said__in=sorted(RESPONSE_VERBS)
    )
    found = Claim.objects.filter(story__in=stories, locked=False, responds_to__isnull=True)
    return found.filter(Q(kind=ClaimCandidate.Kind.DEFENSE) | Exists(responded))


def _open(claim: Claim, verbs: dict[int, set[str]]) -> bool:
    """An answer not linked yet and not locked: one `_link` looks for a target of."""
    return not claim.locked and not claim.responds_to_id and is_answer(claim.kind, verbs[claim.pk])


def _link(
    claims: list[Claim],
    answers: list[Claim],
    sentences: dict[int, list[str]],
    reports: dict[int, int],
    names: dict[Key, re.Pattern],
    linked: dict,
) -> None:
    """One story's answers (`answers`, its open ones in id order) linked (`link_responses`), into
    `linked`: `sentences` of the answers, the number of `reports` of each claim."""
    speakers = {speaker_key(c.speaker_id, c.speaker_text) for c in claims}
    for answer in answers:
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
            key=lambda c: (len(words & content_words(c.text)), reports[c.pk], -c.pk),
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
