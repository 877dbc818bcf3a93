"""An "-ing" form right after the object of a verb like "leave", "keep", "find" or "have", with no comma
between: "The killings have left many voters saying race relations are worse", "had critics asking
whether ...". The parser hangs the participle on the verb, whose subject then seems to speak, but the
object does (the verbs: speakers.jsonl "leave"). With a comma ("left the room, saying ...") the
participle stays the subject's."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.speaker_words import speaker_words


def owner(participle: Token) -> Token | None:
    """The object that speaks `participle` (see the module docstring); None for any other shape."""
    verb = participle.head
    if (
        participle.dep_ != "advcl"
        or not participle.lower_.endswith("ing")
        or verb.lower_ not in speaker_words().leaving
    ):
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i < participle.i), None)
    return thing if thing is not None and thing.right_edge.i == participle.i - 1 else None
