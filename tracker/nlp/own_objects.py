"""A verb of saying with an object of its own does not take the quote that closed the sentence before:
"“It was a mistake.” Roe admitted the error on Monday." reports "the error", and "“...” She noted a
rally planned for Saturday" the rally. The quote is someone's words the sentence before ended with
(most often the same speaker's, already attributed or standing alone); before this rule the verb took
it as its content and its own object was lost.

Not an object of its own: the one spoken to ("told reporters", "asked the mogul", "urged them": a
verb whose object is its addressee or that asks, a pronoun, a name), a pronoun that stands for the
quote ("admitted it", "clarified that"), and a verb under another ("had helped add momentum": not a
report).
"""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.framing import Reader

PRONOUNS = frozenset(
    "me you him her us them it this that these those so one everyone everybody anyone all both".split()
)
ADDRESSED = frozenset({"PERSON", "NORP", "ORG", "GPE"})  # a name: the one spoken to ("told CNN")


def reports_object(reader: Reader, verb: Token) -> bool:
    """The verb has an object of its own after it, not its addressee (see the module)."""
    triggers = reader.triggers.verbs.get(verb.lower_, ())
    if verb.dep_ == "xcomp" or any(t.addressee or t.kind_hint == "question" for t in triggers):
        return False
    thing = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    return thing is not None and thing.lower_ not in PRONOUNS and thing.ent_type_ not in ADDRESSED
