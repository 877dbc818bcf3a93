"""The kind of a claim, read in the act of saying it (patterns/claim_kinds.jsonl).

Intent: a reader sees "Roe [testimony]: ..." and event linking (dockets/event_linking.py) pairs a
ruling with a docket order, so the kind must describe how this claim was made, not what it is about
nor what happened around it.

The frame of a claim is what its sentence says of the act: the reporting verb and its own dependents
(the speaker, the person told, the medium, the place and time: "On the stand, Roe said ...", "Roe told
the jury ...", "Roe wrote in a post on X ..."), never its content, nor (the "frame" line of
claim_kinds.jsonl) a clause the sentence only joins to it ("..., a claim Doe denies"; "; Doe says ...",
"..., but Doe has denied it"), a clause with its own subject ("a day after Doe testified"), a reported
or asked clause ("Asked whether the ruling ..."), nor a topic ("Asked about the ruling", "declined to
comment on the trial"). A participle or infinitive with no subject of its own shares its head verb's
act ("Doe denied the charge, saying ..."). A trigger with no verb ("according to", "reportedly") keeps
the whole sentence around its content as its frame.

Cues of "paragraph" scope (testimony: "testified", "took the stand") count from elsewhere in the
paragraph only when the claim's speaker is the witness they name: the subject of the cue's verb, or its
object for verbs of questioning ("cross-examined Roe"). "Roe testified Tuesday. Outside the courthouse,
Doe said ..." is Doe's statement; "Roe took the stand. She said ..." is testimony.

An organisation is no witness (court_kinds.no_witness): its words are testimony only through the person
who testifies for it, its curated representative named in the article (representatives.py credits the
claim to them); otherwise its lawyers argue its case: a statement, as the "advocacy" row has it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token

from tracker.nlp import court_kinds, syntax
from tracker.nlp.components import rule_row
from tracker.nlp.speakers import Speaker, SpeakerResolver
from tracker.nlp.triggers import KINDS_FILE, Draft, classify, kind_cues

UNRESOLVED_PERSONS = frozenset({"he", "she", "i"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@cache
def frame_rules() -> dict:
    """The "frame" line of claim_kinds.jsonl: dependencies and prepositions outside a claim's act."""
    rule = rule_row(KINDS_FILE, "frame")
    return {
        "skip": frozenset(rule["skip_deps"]),
        "inherit": frozenset(rule["inherit_deps"]),
        "topics": frozenset(rule["topic_preps"]),
        "topic_on": frozenset(rule["topic_on"]),
        "questioning": frozenset(rule["witness_object"]),
    }


def kind_of(draft: Draft, speakers: SpeakerResolver, start: int, end: int) -> str:
    """The claim's kind: its verb's hint, its speaker's, its frame's cues, a paragraph's testimony cue
    naming its speaker as the witness, a characterising noun's hint, "statement" (triggers.classify)."""
    masked = speakers.text  # Doc.text joins every token: not once per claim
    for first, last in draft.pieces:
        masked = masked[:first] + " " * (last - first) + masked[last:]
    hint = draft.speaker.kind_hint if draft.speaker is not None else None
    if draft.speaker is not None and court_kinds.misread_court(draft.speaker, speakers):
        hint = None
    inside = set() if draft.verb is None else _frame_tokens(draft)
    frame = masked[start:end] if draft.verb is None else _frame_text(draft, inside, start, end)
    if draft.speaker is not None and court_kinds.is_judge(draft.speaker, speakers):
        return court_kinds.judge_kind(draft.trigger, frame)
    advocate = draft.speaker is not None and court_kinds.is_advocate(draft.speaker, speakers)
    voice = draft.speaker is not None and court_kinds.no_witness(draft.speaker, speakers)
    offset, paragraph = _paragraph(masked, start, end)
    if advocate or voice or draft.speaker is None or not _witness(draft.speaker, speakers, offset, paragraph):
        paragraph = ""
    skip = frozenset({"testimony"}) if advocate or voice else frozenset()
    kind = classify(draft.trigger, hint, frame, paragraph, skip)
    if kind == "statement" and not skip and court_kinds.examined(speakers.doc[i] for i in inside):
        return "testimony"
    return "statement" if voice and kind == "testimony" else kind  # "Acme testified": its lawyers argued


def _frame_tokens(draft: Draft) -> set[int]:
    """Indices of the frame's tokens: the verb's own dependents, and its head verb's when it shares
    that verb's act."""
    verb = draft.verb
    assert verb is not None
    inside = set(_walk(verb, draft.pieces, None))
    head = verb
    while head.dep_ in frame_rules()["inherit"] and head.head.i != head.i and not _own_subject(head):
        inside.update(_walk(head.head, draft.pieces, head))
        head = head.head
    return inside


def _frame_text(draft: Draft, inside: set[int], start: int, end: int) -> str:
    """The sentence with every character outside the frame blanked (cues span words: "the stand")."""
    assert draft.verb is not None
    doc, chars = draft.verb.doc, [" "] * (end - start)
    for i in inside:
        token = doc[i]
        for offset, char in enumerate(token.text_with_ws):
            if start <= token.idx + offset < end:
                chars[token.idx + offset - start] = char
    return "".join(chars)


def _walk(token: Token, pieces: list[tuple[int, int]], avoid: Token | None) -> Iterator[int]:
    rules = frame_rules()
    yield token.i
    for child in token.children:
        if child is avoid or child.dep_ in rules["skip"] or _in_content(child, pieces):
            continue
        if child.dep_ == "advcl" and _own_subject(child):
            continue  # "a day after Doe testified": another act
        if child.dep_ == "prep" and (
            child.lower_ in rules["topics"] or (child.lower_ == "on" and token.lemma_ in rules["topic_on"])
        ):
            continue  # "asked about the ruling", "declined to comment on the trial"
        yield from _walk(child, pieces, None)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


def _in_content(token: Token, pieces: list[tuple[int, int]]) -> bool:
    """The token's whole phrase is reported words (it or any word under it in a piece)."""
    return any(any(s <= t.idx < e for s, e in pieces) for t in token.subtree)


def _paragraph(text: str, start: int, end: int) -> tuple[int, str]:
    first = text.rfind("\n\n", 0, start)
    last = text.find("\n\n", end)
    offset = first + 1 if first >= 0 else 0
    return offset, text[offset : last if last >= 0 else len(text)]


def _witness(speaker: Speaker, speakers: SpeakerResolver, offset: int, words: str) -> bool:
    """A paragraph-scope cue of the paragraph names the speaker as its witness; any cue for a "he" or
    "she" the article resolves to no one (it may be anyone: the cue's own parse may be garbled)."""
    anyone = speaker.name is None and speaker.text.lower() in UNRESOLVED_PERSONS
    for _kind, scope, pattern in kind_cues():
        if scope != "paragraph":
            continue
        for match in pattern.finditer(words):
            cue = _token_at(speakers.doc, offset + match.end() - 1)
            if (
                anyone
                or cue is not None
                and any(_same(speaker, speakers.resolve(w)) for w in _witnesses(cue))
            ):
                return True
    return False


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _witnesses(cue: Token) -> Iterator[Token]:
    """Who a cue names as the witness: the subject of its verb ("Roe testified", "Roe took the
    stand", "Under oath, Roe said"), the possessor of its noun ("Roe's testimony"), the object of
    a verb of questioning ("cross-examined Roe")."""
    verb = cue
    while not syntax.is_verbal(verb) and verb.head.i != verb.i:
        if verb.dep_ != "poss":
            yield from (c for c in verb.children if c.dep_ == "poss")
        verb = verb.head
    questioning = verb.lower_ in frame_rules()["questioning"]
    wanted = ("dobj", "nsubjpass") if questioning else ("nsubj", "nsubjpass")
    yield from (c for c in verb.children if c.dep_ in wanted)


def _same(speaker: Speaker, other: Speaker) -> bool:
    """The same person: the same entity or the same last name."""
    if speaker.entity_id is not None and speaker.entity_id == other.entity_id:
        return True
    mine, theirs = (speaker.name or speaker.text).split(), (other.name or other.text).split()
    return bool(mine and theirs) and mine[-1].lower() == theirs[-1].lower()
