"""A speaker's "he" or "she" whose antecedent is a description, not a name: "The president denounced
what he called ...", "The candidate repeated his promise to ...", "“...,” the cautious candidate
said. After all, she added, ...". The speaker's name is then that description ("The president"), as
a reader would put it, or the name it resolves to; the resolver no longer looks past it for a name
further back (a guess, and someone else when the description is not the one named last). Its
confidence stays that of an unresolved speaker (tier 1: "other").

- In its own sentence: the subject of the nearest clause the pronoun's clause hangs from, past a
  subject that is the same pronoun or its reflexive ("finds herself struggling ... whom she
  accused"); never across a parenthetical "he said" ("A new manager, he said, could ...": the
  manager is what he spoke of).
- In the sentence before (antecedents.before_quote): its main clause's subject, for a pronoun that is
  a subject ("her claim" after "A campaign aide said Roe misspoke" is often Roe's) and found no name
  in its own sentence nor as that subject; not when that clause's verb puts a question to someone
  named ("A reporter asked Roe how he felt. He replied": Roe may answer, antecedents.rival).

A description is a noun of one person (speakers.jsonl "person" and "people", less the collective
ones: "the campaign said it", "the crowd") with an article ("Judge lacks ...": a surname the entity
model missed), singular, outside quotation marks, not of the other gender ("the congresswoman ...
he"), with no possessor ("Roe's lawyer said he ..." is often Roe) and no name run into it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from spacy.tokens import Token

from tracker.nlp import antecedents
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.types import Mention

if TYPE_CHECKING:
    from tracker.nlp.speakers import SpeakerResolver

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
COLLECTIVE = frozenset(
    {
        "family", "group", "union", "campaign", "committee", "coalition", "administration", "government",
        "council", "board", "party", "police", "staff", "crowd", "audience", "clergy", "team", "couple",
        "everyone", "anyone", "someone", "nobody", "people", "person", "general", "source",
    }
)  # fmt: skip
OTHER_GENDER = {
    "m": ("woman", "mother", "widow", "wife", "daughter"),
    "f": ("man", "father", "husband", "son"),
}
ASKED = frozenset({"dobj", "dative", "xcomp"})  # "asked Roe how ...": the parser hangs Roe on either
ARTICLES = frozenset({"the", "a", "an"})
NOT_MALE = ("woman", "person")  # "chairwoman", "spokesperson" end as "chairman", "son" do


def description_for(
    pronoun: Token, mention_at: Callable[[Token], Mention | None], quoted: Collection[int] = ()
) -> Token | None:
    """The head word of the description `pronoun` ("he", "his", "she", "her") stands for, when the
    nearest subject before it of a clause its own clause hangs from is one (see the module
    docstring); None otherwise."""
    words = speaker_words()
    gender = words.genders.get(pronoun.lower_)
    if gender is None or pronoun.i in quoted:
        return None
    node = pronoun
    for head in pronoun.ancestors:
        if node.dep_ == "parataxis":
            return None  # "A new manager, he said, could ...": the manager is what he spoke of
        node = head
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i), None)
        if subject is None or words.genders.get(subject.lower_.removesuffix("self")) == gender:
            continue  # "The senator said he thinks he ...", "finds herself struggling ... she"
        return subject if _describes(subject, gender, mention_at, quoted) else None
    return None


def previous_description(
    resolver: SpeakerResolver, pronoun: Token, found: Mention | None, guess: str
) -> Token | None:
    """The description that is the main clause's subject of the sentence before the pronoun's (the
    one its speaker may stand for, antecedents.before_quote), when the resolver found no name for it
    in its own sentence nor as the subject of that main clause (`found`, `guess`: what it chose,
    antecedents.previous_subject): "“...,” the cautious candidate said. After all, she added, ...":
    the candidate, not a name of a clause set before or after."""
    number = resolver.segment_of.get(pronoun.i)
    gender = speaker_words().genders.get(pronoun.lower_)
    if not number or gender is None or pronoun.dep_ not in SUBJECT_DEPS or pronoun.i in resolver.quoted:
        return None  # "A campaign aide said Roe misspoke. ... her claim": a possessive is often Roe's
    if found is not None and (guess in ("", "rival") or found.start >= resolver.segments[number].start_char):
        return None
    before = resolver.segments[antecedents.before_quote(resolver.segments, number, resolver.quoted)]
    root = next((t for t in before if t.dep_ == "ROOT"), None)
    noun = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None) if root is not None else None
    if noun is None or not _describes(noun, gender, resolver.mention_at, resolver.quoted):
        return None
    objects = [c for c in root.children if c.dep_ in ASKED and c.text[:1].isupper()]
    if root.lower_ in speaker_words().questioning and objects:
        return None  # "A reporter asked Roe how he felt. He replied": Roe may answer (antecedents.rival)
    return noun


def _describes(
    noun: Token, gender: str, mention_at: Callable[[Token], Mention | None], quoted: Collection[int]
) -> bool:
    words = speaker_words()
    lower = noun.lower_
    plural = lower.endswith("s") and not lower.endswith(("ss", "ness"))  # the model tags no words
    if plural or noun.i in quoted or mention_at(noun) is not None or lower in COLLECTIVE:
        return False
    if lower not in words.persons and lower not in words.people:
        return False
    if lower.endswith(OTHER_GENDER[gender]) and not (gender == "f" and lower.endswith(NOT_MALE)):
        return False  # "the congresswoman ... he", "the chairman ... she"; not "the spokesperson"
    if not any(c.dep_ == "det" and c.lower_ in ARTICLES for c in noun.children):
        return False  # "Judge doesn't have ...": a surname the entity model missed
    if any(c.dep_ == "poss" for c in noun.children):
        return False  # "Roe's lawyer said he ...": often Roe
    return not any(mention_at(c) is not None for c in noun.children if c.dep_ in ("compound", "appos"))
