"""Senses of a verb of saying that report nothing (patterns/idle_senses.jsonl): "admit" or "confirm"
with people for its object ("admit Central Americans as refugees", "the Senate confirmed the
nominees": let in, appointed), "write" with the particle "off" ("write off capital investment"),
"report" with figures for its object on a class it describes ("taxpayers reporting capital gains",
"households that report income below ...": filing numbers, not saying something), "contest" with a
place or a race for its object ("are heavily contesting Ohio": running there), "add" with a thing for
its object ("adds another hurdle to the race", "the economy added 200,000 jobs": put in, not said).
A line: {"id", "lemma" (the trigger's), "people_object" (an object that names people: a person or
nationality the parser labels, a noun of people of speakers.jsonl, or one of "object_words"),
"particles" (a particle that makes the verb another verb), "class_object" (an object among
"object_words" on a verb that describes a bare plural or "those"/"any" noun), "thing_object" (an object
among "object_words" or labelled one of "object_labels", on a verb with no clause, quote or predicate
of its own), "open_object" (any noun for its object but one of "saying_words", on a verb with no
clause, quote or predicate of its own: "added a note of caution" and "added the words" still report),
"why"}."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.quotes import MARK_TOKENS
from tracker.nlp.speaker_words import speaker_words

SENSES_FILE = PATTERNS_DIR / "idle_senses.jsonl"
PEOPLE_LABELS = frozenset({"PERSON", "NORP"})
CLASS_DETERMINERS = frozenset({"those", "any", "all", "some", "many", "most"})
OBJECT_PRONOUNS = frozenset(  # the parse has no tags: "added this", "added something", "what she added"
    "it this that these those them him her me us you something anything nothing everything much more "
    "little what which".split()
)
SAYING_DEPENDENTS = frozenset({"ccomp", "xcomp", "oprd", "parataxis"})  # what the verb says beside its object


@dataclass(frozen=True)
class Sense:
    people_object: bool
    object_words: frozenset[str]
    particles: frozenset[str]
    class_object: bool = False
    thing_object: bool = False
    object_labels: frozenset[str] = frozenset()
    open_object: bool = False
    saying_words: frozenset[str] = frozenset()


@cache
def senses() -> dict[str, tuple[Sense, ...]]:
    by_lemma: dict[str, tuple[Sense, ...]] = {}
    for line in read_jsonl(SENSES_FILE):
        sense = Sense(
            people_object=bool(line.get("people_object", False)),
            object_words=frozenset(w.lower() for w in line.get("object_words", ())),
            particles=frozenset(p.lower() for p in line.get("particles", ())),
            class_object=bool(line.get("class_object", False)),
            thing_object=bool(line.get("thing_object", False)),
            object_labels=frozenset(line.get("object_labels", ())),
            open_object=bool(line.get("open_object", False)),
            saying_words=frozenset(w.lower() for w in line.get("saying_words", ())),
        )
        by_lemma[line["lemma"]] = (*by_lemma.get(line["lemma"], ()), sense)
    return by_lemma


def idle(verb: Token, lemma: str) -> bool:
    """The verb, read as the trigger of `lemma`, is in a sense that reports no words."""
    for sense in senses().get(lemma, ()):
        if any(c.dep_ == "prt" and c.lower_ in sense.particles for c in verb.children):
            return True
        if sense.people_object and any(
            c.dep_ == "dobj" and _people(c, sense.object_words) for c in verb.children
        ):
            return True
        if (
            sense.class_object
            and _describes_class(verb)
            and any(c.dep_ == "dobj" and c.lower_ in sense.object_words for c in verb.children)
        ):
            return True
        if sense.thing_object and _names_thing(verb, sense):
            return True
        if sense.open_object and _takes_thing(verb, sense.saying_words):
            return True
    return False


def _names_thing(verb: Token, sense: Sense) -> bool:
    """An object among the sense's words or labels ("contesting Ohio", "contest the seat"), and nothing
    said beside it: no clause, object predicate or quote on the verb."""
    if any(c.dep_ in SAYING_DEPENDENTS or c.text in MARK_TOKENS for c in verb.children):
        return False
    return any(
        c.dep_ == "dobj" and (c.lower_ in sense.object_words or c.ent_type_ in sense.object_labels)
        for c in verb.children
    )


def _takes_thing(verb: Token, saying_words: frozenset[str]) -> bool:
    """A noun for the verb's object that is no word of saying ("adds another hurdle to the race",
    "added 200,000 jobs"), and nothing said beside it: no clause, object predicate or quote on the verb.
    A pronoun ("added this") or a word of saying ("added a caveat", "added the words") keeps the report."""
    if any(c.dep_ in SAYING_DEPENDENTS or c.text in MARK_TOKENS for c in verb.children):
        return False
    return any(
        c.dep_ == "dobj" and c.lower_ not in OBJECT_PRONOUNS and c.lower_ not in saying_words
        for c in verb.children
    )


def _describes_class(verb: Token) -> bool:
    """A participle or relative clause on a class of things or people ("companies reporting losses",
    "households that report income"), not on one named filer ("Acme, which reported a profit")."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.i > verb.i:
        return False
    if noun.lower_ in CLASS_DETERMINERS:
        return True  # "those reporting income"
    det = next((c for c in noun.children if c.dep_ in ("det", "poss")), None)
    plural = noun.lower_.endswith("s") and not noun.lower_.endswith("ss")  # the parse has no tags
    return plural and noun.ent_type_ != "PERSON" and (det is None or det.lower_ in CLASS_DETERMINERS)


def _people(noun: Token, words: frozenset[str]) -> bool:
    """A person or nationality by the parser's label, or a noun of people ("refugees", "nominees")."""
    if noun.pos_ == "PRON":
        return False  # "admitted it", "confirmed this"
    lower = noun.lower_
    return noun.ent_type_ in PEOPLE_LABELS or lower in words or lower in speaker_words().people
