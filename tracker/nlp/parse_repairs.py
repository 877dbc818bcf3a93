"""Misparses put right before any rule reads the parse, where the small model's tree is plainly wrong
around a reporting verb and every rule would otherwise need its own way round it: a verb hung on its
object as a modifier after an opening phrase (modifier_verbs.py: "Kicking off the day, Roe accused
Doe of ..."), a verb left inside the insertion set off after its speaker (stranded_verbs.py: "Roe, who
served as ..., called X “childish.”"). Each changes the Doc's heads in place, within a sentence."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc

from tracker.nlp import modifier_verbs, purpose_infinitives, stranded_verbs
from tracker.nlp.types import Mention


def repair(doc: Doc, mentions: Sequence[Mention], verbs: Collection[str]) -> int:
    """Repair `doc`'s parse in place; `verbs` are the reporting verbs' forms. Returns how many verbs
    were re-hung."""
    return (
        modifier_verbs.rehang(doc, mentions, verbs)
        + stranded_verbs.rehang(doc, mentions, verbs)
        + purpose_infinitives.rehang(doc)
    )
