"""An infinitive after a verb of promising with the setting in between: "promised Sunday at a rally
in Reno to end the program", "pledged on Tuesday to block the nominee". The parser takes the day
for the verb's object and hangs the infinitive apart, so the verb's phrase was the setting ("Sunday at
a rally in Reno"); what was promised is the infinitive. Only a day or time (a DATE or TIME entity)
and prepositional phrases may stand between the verb and "to", after the one promised if any
("promised voters at a rally in Reno to end it": "to end it"; "promised voters to end it", with no
setting, keeps its object like "urged voters to wait"). Read for the triggers marked "infinitive" (patterns/reporting_verbs.jsonl: promise,
pledge, vow), not for verbs whose preposition is the content ("called on Congress to act")."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.triggers import can_speak

SETTING_ENTITIES = frozenset({"DATE", "TIME"})
INFINITIVE_ROLES = frozenset({"xcomp", "advcl"})


def promised(verb: Token) -> tuple[int, int] | None:
    """(first, last) token index of the infinitive after the setting, from "to"; None when there is
    no setting before it or something else stands between."""
    infinitive = next(
        (
            c
            for c in verb.rights
            if c.dep_ in INFINITIVE_ROLES
            and c.left_edge.lower_ == "to"
            and any(a.dep_ == "aux" and a.i == c.left_edge.i for a in c.children)
        ),
        None,
    )
    if infinitive is None or infinitive.left_edge.i == verb.i + 1:
        return None  # "promised to end it": the phrase is the infinitive already
    between = [c for c in verb.rights if c.i < infinitive.i]
    settings = [c for c in between if _setting(c)]
    addressees = [c for c in between if c.dep_ == "dobj" and can_speak(c)]
    if not settings or len(settings) + len(addressees) != len(between):
        return None
    return infinitive.left_edge.i, infinitive.right_edge.i


def _setting(child: Token) -> bool:
    if child.dep_ == "prep":
        return True
    return child.dep_ in ("dobj", "npadvmod") and child.ent_type_ in SETTING_ENTITIES
