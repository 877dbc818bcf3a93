"""Who answers in a question-and-answer transcript: the person the line before it says was questioned.

Decides: trial write-ups print an exchange as "Q: ... / A: ..." after a line that says who put the
questions to whom ("In one exchange, Roe questioned Doe about the merger.", "Doe was pressed by Roe
on the memo.", "Roe's cross-examination of Doe went on:"). The "A" turns of that exchange are Doe's
words and the "Q" turns Roe's: the claims take those names (`speaker_name`, and the curated entity
when the name is one) and the answers are rated by the "transcript-answerer" rule
(patterns/confidence.jsonl) instead of as an unresolved speaker's. The questions stay questions.

Why: a transcript names its speakers by role; the reader of the article knows who answered from the
line before, and so can the extraction when that line is this plain. Without it, every answer of a
cross-examination waits for a curator.

What counts: the last line of prose before the exchange (no blank-line paragraph of prose between)
holds two PERSON mentions joined by a verb of questioning (`ASKING`): "A questioned B" (also asked,
pressed, grilled, quizzed, cross-examined, examined), "B was questioned by A", "A's cross-examination
of B". One such pair, or nothing is named. An exchange ends at a line of prose; the next exchange
looks for its own line. Without such a pair, the exchange's lead may name the one interviewed ("Q&A
with Doe.", "We spoke with Doe ...": interviewees.py), whose answers then wait ("lead-interviewee").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tracker.nlp import confidence, interviewees
from tracker.nlp.referents import full_name
from tracker.nlp.transcripts import label_rules
from tracker.nlp.types import Claim, Mention

RULE = "transcript-answerer"
RESOLUTION = "answerer"
TURN = "transcript-turn"
_ASKING = r"(?:questioned|asked|pressed|grilled|quizzed|cross-examined|examined)"
ACTIVE = re.compile(rf"\s+(?:\w+ly\s+)?{_ASKING}\s+")  # "Roe questioned Doe", "Roe repeatedly pressed Doe"
PASSIVE = re.compile(
    rf"\s+(?:was|were|is|being)\s+(?:\w+ly\s+)?{_ASKING}\s+by\s+"
)  # "Doe was pressed by Roe"
LABELLED = re.compile(
    r"[ \t]*(?:[A-Z][\w .'’()-]{0,60}:|[QA]\.)\s"
)  # a line that takes a turn, even one too short to claim ("A. Yes.")
ADDRESS = re.compile(
    r"(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),"
)  # a question that opens on its addressee: "Mr. Doe, did you ...?"
OWNED = re.compile(
    r"['’]s?\s+(?:cross-examination|questioning|examination)\s+of\s+"
)  # "Roe's questioning of Doe"


def name_exchanges(claims: Sequence[Claim], text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """The transcript's claims, its "Q" and "A" turns named after the line before their exchange."""
    people = [m for m in mentions if m.label == "PERSON"]
    found, pair, last_end, via = [], None, 0, RESOLUTION
    for claim in claims:
        use = label_rules().get(claim.speaker.lower().rstrip(".")) if claim.rule == TURN else None
        if use not in ("question", "answer"):
            found.append(claim)
            continue
        prose = _prose_lines(text[last_end : claim.sentence_start])
        if prose or last_end == 0:
            pair = _pair(text, last_end + prose[-1][0], last_end + prose[-1][1], people) if prose else None
            lines, via = [(last_end + a, last_end + b) for a, b in prose], RESOLUTION
            if pair is None and (person := interviewees.interviewee(text, lines, people)) is not None:
                pair, via = (None, person), interviewees.VIA  # "Q&A with Jo Roe.": Roe answers
        last_end = claim.end
        if pair is None and use == "question":
            pair = _addressed(text, claim, people)  # "Q. Mr. Doe, did you ...?": Doe answers
        if pair is None:
            found.append(claim)
            continue
        asker, answerer = pair
        person = asker if use == "question" else answerer
        found.append(claim if person is None else named(claim, person, mentions, use == "answer", via))
    return found


def _addressed(text: str, question: Claim, people: Sequence[Mention]) -> tuple[None, Mention] | None:
    """(no asker, the answerer) when the question opens by addressing a person the entity model
    found by title and name ("Mr. Doe, did you sign it?"): the one questioned answers the "A" turns."""
    opening = ADDRESS.match(text, question.start)
    if opening is None:
        return None
    return next(((None, m) for m in people if m.start < opening.end(1) and opening.start(1) < m.end), None)


def _prose_lines(gap: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of `gap` with words that are not a labelled turn."""
    return [
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]+", gap)
        if m.group().strip() and not LABELLED.match(m.group())
    ]


def _pair(text: str, start: int, end: int, people: Sequence[Mention]) -> tuple[Mention, Mention] | None:
    """(asker, answerer) named by the line text[start:end], when it names exactly one such pair."""
    line = [m for m in people if start <= m.start and m.end <= end]
    pairs = []
    for a, b in zip(line, line[1:], strict=False):
        between = text[a.end : b.start]
        if ACTIVE.fullmatch(between) or OWNED.fullmatch(between):
            pairs.append((a, b))
        elif PASSIVE.fullmatch(between):
            pairs.append((b, a))
    return pairs[0] if len(pairs) == 1 else None


def named(
    claim: Claim, person: Mention, mentions: Sequence[Mention], answer: bool, via: str = RESOLUTION
) -> Claim:
    name = person.entity or full_name(mentions, person)
    claim = replace(
        claim, speaker_name=name, speaker_entity=person.entity, speaker_entity_id=person.entity_id
    )
    if not answer:
        return claim
    tier, rule = confidence.rate(
        kind=claim.kind, trigger=TURN, attribution=claim.attribution, resolution=via, form="quote"
    )
    rated = replace(claim, resolution=via, confidence=tier, confidence_rule=rule)
    return confidence.in_context([rated])[0]
