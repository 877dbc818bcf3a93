"""A surname the entity model missed, as the subject of the sentence before a speaker's pronoun: "Mayor
Tobias Wendle spoke on Tuesday. Wendle said the city had not known ... . “...,” he said." The model
tagged "Tobias Wendle" but not the bare "Wendle", so the sentence before had no name for the pronoun
and it stayed unresolved; a capitalised word with no label that is the main clause's subject and the
last word of a person named earlier in the article (whom the pronoun may stand for) is that person,
as a tagged surname would be (antecedents.previous_subject's main-clause subject).

Caveats, each from a wrong resolution read on PolNeAR train: not for a pronoun inside quotation marks
(a quoted "He wrote" is the quoted writer's); not when the pronoun's own sentence has another name as
its main subject ("Even as he accused ..., Giuliani would not ..."); not when the sentence before
credits its words to someone else ("Trump, Sexton said, has created ...": Sexton speaks); not for a
person whose first name is of the other gender (genders.doubted), where the earlier guess stands.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from tracker.nlp import antecedents, referents
from tracker.nlp.chained_pronouns import chained
from tracker.nlp.genders import labelled
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.types import Mention

if TYPE_CHECKING:
    from tracker.nlp.speakers import SpeakerResolver

PERSON = frozenset({"PERSON"})
PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "it", "one", "this", "that", "there"})


def sentence_before(
    resolver: SpeakerResolver, pronoun: Token, number: int, fits: Callable[[Mention], Mention | bool]
) -> tuple[Mention | None, str]:
    """`antecedents.previous_subject` of the sentence before the pronoun's (the `number`th; see
    `antecedents.before_quote`), among the mentions there that `fits` (the resolver's test: label,
    gender, quotation marks) lets it stand for; none for a pronoun of the first sentence. When it finds no main-clause subject there,
    a surname the entity model missed may be that subject (`missed`): "Roe said the company ... .
    “...,” she said" is Jane Roe's, as it would be had the model tagged "Roe"; not for a pronoun
    inside quotation marks, nor one whose own sentence has another name as its subject ("Even as he
    ..., Doe would not ..."), nor a person whose first name is of the other gender (genders.doubted).
    When that sentence names no one and its subject is the same pronoun, the name that one stands for
    (chained_pronouns.py)."""
    if not number:
        return None, ""
    before = resolver.segments[antecedents.before_quote(resolver.segments, number, resolver.quoted)]
    earlier = resolver.mentions_in(before.start_char, before.end_char)
    people = (m for m in resolver.mentions_in(0, pronoun.idx) if labelled(m, PERSON, None))
    known = {m.text.split()[-1]: fits(m) for m in people}  # surname -> its person, False if not for it
    found, guess = antecedents.previous_subject(before, [m for m in earlier if fits(m)], known)
    main = found is not None and guess in ("", "rival")  # the main clause's subject is a name already
    if main or pronoun.i in resolver.quoted or _named_subject(resolver.segments[number]):
        return found, guess
    if (surname := missed(before, known)) is None:  # "Roe joined Acme. She built ... . She said": Roe
        return (found, guess) if found is not None else (chained(resolver, pronoun, before, fits), "")
    named = known[surname.text]
    full = referents.full_name(resolver.mentions, named, resolver.genders)
    if resolver.genders.doubted(speaker_words().genders.get(pronoun.lower_), named, full):
        return found, guess
    verb = antecedents.first_conjunct(surname.head)
    asked = antecedents.rival(verb, surname, [m for m in earlier if fits(m)], known)
    return named, "rival" if asked else ""  # "Roe questioned Doe. “...,” he said": either may speak


def missed(sentence: Span, surnames: Mapping[str, Mention | bool]) -> Token | None:
    """The subject of the sentence's main clause when it is one capitalised word with no entity label
    and no name of its own beside it, the last word of a person named earlier whom the pronoun may
    stand for (`surnames` maps it to that mention): a surname the model missed ("Roe said the company
    ..."). Not a word the article never ended a person's name with, nor the subject of words someone
    else is said to say ("Doe, Roe said, has created ...": Roe speaks)."""
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    if root is None or any(c.dep_ == "parataxis" and _subject_of(c) is not None for c in root.children):
        return None
    subject = _subject_of(root)
    word = subject.text if subject is not None else ""
    if subject is None or subject.ent_type_ or not (word[:1].isupper() and word[1:].islower()):
        return None
    if any(
        c.dep_ in antecedents.NAME_DEPS | {"poss", "det", "amod"} and not _age(c) for c in subject.children
    ):
        return None  # but "Roe, 39, pleaded guilty ...": an age set off is no name of its own
    return subject if isinstance(surnames.get(subject.text), Mention) else None


def _age(child: Token) -> bool:
    """An age set off after a name ("Roe, 39,"): a number in apposition."""
    return child.dep_ == "appos" and child.like_num and not any(True for _ in child.children)


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in antecedents.SUBJECT_DEPS), None)


def _named_subject(sentence: Span) -> bool:
    """The sentence's main clause has a name as its subject ("Even as he ..., Doe would not ..."), or
    the parser made a person's name its root ("Rep. Jo Doe, chairman of ..., did not ..., but he
    did call for ..."). A capitalised word opening the sentence with no label is no name ("Things
    have changed, she says")."""
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    if root is None or root.ent_type_ == "PERSON":
        return root is not None
    subject = _subject_of(root)
    if subject is None or subject.lower_ in PERSONAL or not subject.text[:1].isupper():
        return False
    return bool(subject.ent_type_) or not subject.is_sent_start
