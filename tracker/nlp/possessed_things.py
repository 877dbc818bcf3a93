"""Whose claim "its" claim is: the thing named before it in its clause.

"The doctor's earlier letter was mocked for its bold prediction that ...", "Critics faulted the agency
for its claim that ...": a possessive "its" on a characterising noun (framing.py, nominal.py) stands
for a thing, and the clause it hangs from names one before it: its object, else its subject. That
noun phrase, possessor and all ("The doctor's earlier letter"), is the speaker, resolved as any
speaker phrase is (a document speaks for its possessor: speakers.py). Left as "its" when that word is
a person (a name of one, a pronoun, a noun of a person or of people: "The senator faulted ... its"
means something else) or when no clause above names one before it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.types import Mention

ARGUMENTS = ("dobj", "nsubjpass", "nsubj")  # an object is the nearer thing: "faulted the agency for its"
PRONOUNS = frozenset(
    {"it", "this", "that", "these", "those", "which", "what", "who", "one", "i", "we", "you", "they"}
)


def thing_for(owner: Token, mention_at: Callable[[Token], Mention | None]) -> Token | None:
    """The noun a possessive "its" refers to (see the module docstring); None otherwise."""
    if owner.lower_ != "its" or owner.dep_ != "poss":
        return None
    for head in owner.head.ancestors:
        found = [c for dep in ARGUMENTS for c in head.children if c.dep_ == dep and c.i < owner.i]
        if found:
            return found[0] if is_thing(found[0], mention_at) else None
    return None


def is_thing(noun: Token, mention_at: Callable[[Token], Mention | None]) -> bool:
    """A noun that is not a person: no PERSON name, no pronoun, no noun of a person or of people."""
    words = speaker_words()
    mention = mention_at(noun)
    if (
        noun.lower_ in PRONOUNS
        or noun.lower_ in words.pronouns
        or (mention is not None and mention.label == "PERSON")
    ):
        return False
    return noun.lower_ not in words.roles and noun.lower_ not in words.people | words.persons | words.groups
