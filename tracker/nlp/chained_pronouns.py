"""A speaker's "he" or "she" whose sentence before has the same pronoun as its main clause's subject:
"Jo Roe joined Acme in 2023. She built its test pipelines. “...,” she said." The sentence before
names no one, so the resolver found no name there and left the pronoun unresolved; a reader takes
both pronouns for the one person, as the article goes on about her.

Decides: the name the earlier pronoun resolves to without a guess (antecedents.previous_subject's
main-clause subject, or its own chain), when no reader could take the pronoun for anyone else: from
that name to the pronoun, no other person who may be of its gender is named (in quotation marks or
not), no noun of a person stands ("the lawyer", "a witness") and no other capitalised subject the
entity model left unlabelled as a person ("Doe went first" tagged a place) or that a verb of
telling or questioning addresses ("he told Doe ...": the one spoken to may answer); the name at most
`SENTENCES` sentences back, counted from its last naming (the bare surname counts: "Roe, 39, pleaded
guilty ..."). The claim then resolves as any pronoun does (resolution "pronoun").

Why: a witness introduced by name and followed by two sentences of "she" stayed unresolved (written
from the fourth trial set's f103, which now publishes: 71 right of 72 published, was 70 of 71). On
PolNeAR train 52 claims gain a name, 27 of them now publish (quotes under "quote-pronoun"): all 27
right, read by hand; the others stay at tier 0-1. A chain past someone the pronoun was said to (third
set's t071: "he told Doe ... . He said") is refused though the reader would have signed it.

Caveats: not for a pronoun in quotation marks, nor when the pronoun's own sentence has a name as its
subject (missed_surnames._named_subject, checked before); a chain through an object pronoun ("Roe
pressed her on her fees. She acknowledged ...") is not followed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from tracker.nlp import referents
from tracker.nlp.lone_antecedents import POSSESSIVE, may_be
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.syntax import mention_head
from tracker.nlp.types import Mention

if TYPE_CHECKING:
    from tracker.nlp.speakers import SpeakerResolver

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
TELLING = frozenset({"tell", "tells", "told", "telling"})  # the one told may answer
SENTENCES = 3  # how far back the name may be: the name, a sentence of "she", hers


def chained(
    resolver: SpeakerResolver, pronoun: Token, before: Span, fits: Callable[[Mention], Mention | bool]
) -> Mention | None:
    """The name `pronoun` stands for through the same pronoun as the subject of `before` (the
    sentence before its own, antecedents.before_quote), or None (see the module docstring)."""
    words = speaker_words()
    gender = words.genders.get(pronoun.lower_)
    root = next((t for t in before if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None) if root is not None else None
    if gender is None or pronoun.i in resolver.quoted or subject is None or subject.i in resolver.quoted:
        return None
    if subject.lower_ not in words.pronouns or words.genders.get(subject.lower_) != gender:
        return None
    found, guess = resolver.antecedent(subject, words.pronouns[subject.lower_])
    if found is None or guess or not fits(found) or (head := mention_head(resolver.doc, found)) is None:
        return None
    if resolver.segment_of.get(pronoun.i, 0) - _last_named(resolver, found, head, pronoun) > SENTENCES - 1:
        return None
    full = referents.full_name(resolver.mentions, found, resolver.genders)
    if resolver.genders.doubted(gender, found, full) or _rivalled(resolver, found, pronoun, gender):
        return None
    return found


def _rivalled(resolver: SpeakerResolver, found: Mention, pronoun: Token, gender: str) -> bool:
    """Someone else between `found` and `pronoun` the pronoun may stand for (module docstring)."""
    words = speaker_words()
    surname = POSSESSIVE.sub("", found.text.split()[-1])
    if any(
        m.label == "PERSON"
        and POSSESSIVE.sub("", m.text.split()[-1]) != surname
        and resolver.genders.agree(gender, m)
        and may_be(m, gender)
        for m in resolver.mentions_in(found.end, pronoun.idx)
    ):
        return True  # another person named between, in quotation marks or not
    span = resolver.doc.char_span(found.end, pronoun.idx, alignment_mode="contract")
    for token in span if span is not None else ():
        if token.lower_ in words.persons:
            return True  # "the lawyer", "a witness": a description the pronoun may stand for
        if token.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN" and token.ent_type_ != "PERSON":
            return True  # "Doe went first": a surname the model tagged as a place
        if _addressed(token, surname, words.questioning) and _may_stand(resolver, token, gender):
            return True  # "he told Doe ... . He said": the one spoken to may answer
    return False


def _last_named(resolver: SpeakerResolver, found: Mention, head: Token, pronoun: Token) -> int:
    """The sentence that last names the person before `pronoun`: the name's own, or a later one with
    its bare surname, which the entity model may have left untagged ("Jo Roe testified. Roe, 39,
    pleaded guilty. He said ... . “...,” he said": the name three sentences back, the surname two)."""
    surname = POSSESSIVE.sub("", found.text.split()[-1])
    named = [t.i for t in resolver.doc[head.i : pronoun.i] if t.text == surname]
    return resolver.segment_of.get(max(named, default=head.i), 0)


def _addressed(token: Token, surname: str, questioning: frozenset[str]) -> bool:
    """`token` is a capitalised word, whatever label the entity model gave it, that a verb of telling or
    questioning addresses ("told Doe", "asked Doe", "pressed Doe on ..."): not the found name's."""
    verb = token.head
    if token.dep_ not in ("dobj", "dative") or not token.text[:1].isupper() or token.text == surname:
        return False
    return verb.lower_ in TELLING or verb.lower_ in questioning


def _may_stand(resolver: SpeakerResolver, token: Token, gender: str) -> bool:
    """The pronoun may stand for the name `token` heads: not a person the article gives the other
    gender ("Mr. Doe" for "she"), nor a name of several words the model tagged as no person ("told
    The Daily Post"); a single word tagged a place or a firm may be a surname it missed."""
    mention = resolver.mention_at(token)
    if mention is None:
        return True
    if mention.label == "PERSON":
        return resolver.genders.agree(gender, mention) and may_be(mention, gender)
    return len(mention.text.split()) == 1
