"""Who "the billionaire" is: the one person the sentence before names, as its subject.

Decides the speaker of a description of a person's standing ("the billionaire said", "the Acme chief
executive told jurors", "the founder said": a noun of patterns/epithets.jsonl with "the" or "this",
no possessor, outside quotation marks) that the article never gave as a role (named_roles.py, which
answers first): the person the sentence just before names when it names exactly one person and that
person is its main clause's subject, and the description's own sentence names no one before it
("Roe testified for an hour. “...,” the billionaire said"). A reader takes the description for that
name, the way an article goes on about the person it has just named with a varied word.

Not for a role that names another party of a scene ("the lawyer", "the judge", "the spokesman",
"the officer"): after a sentence about a witness, "the lawyer said" is most often someone else; nor
for an office that several people may hold ("the senator", "the governor", "the candidate": the
article's officeholder may not be the one it has just named); such nouns are not in the list. With
two people named in the sentence before, the one named not its subject ("Roe met Doe", "A crowd
greeted Roe"), or the noun used anywhere before ("Doe was the founder's aide. The founder said": the
article's own use of it may be someone else), the description stays as written.

Resolved this way (resolution "epithet") the claim keeps the catch-all's tier ("other", 1): the name
is a reader's inference, not the article's, and waits for a curator.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from tracker.nlp import referents
from tracker.nlp.components import PATTERNS_DIR, rule_row
from tracker.nlp.types import Mention

if TYPE_CHECKING:
    from tracker.nlp.speakers import SpeakerResolver

VIA = "epithet"
DETERMINERS = frozenset({"the", "this"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OWNERS = frozenset({"poss", "case"})


@cache
def nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(the nouns of standing, the nouns that are one only with "chief": "the chief executive")."""
    row = rule_row(PATTERNS_DIR / "epithets.jsonl", "epithet")
    return frozenset(row["nouns"]), frozenset(row["chief_titles"])


def subject_before(resolver: SpeakerResolver, token: Token) -> Mention | None:
    """The person the description `token` heads stands for (module docstring), or None."""
    if not _epithet(resolver, token):
        return None
    number = resolver.segment_of.get(token.i)
    if not number:
        return None
    own, before = resolver.segments[number], resolver.segments[number - 1]
    if any(m.label == "PERSON" for m in resolver.mentions_in(own.start_char, token.idx)):
        return None
    people = [m for m in resolver.mentions_in(before.start_char, before.end_char) if m.label == "PERSON"]
    names = {m.entity or referents.full_name(resolver.mentions, m, resolver.genders) for m in people}
    if len(names) != 1:
        return None
    subjects = [c for c in before.root.children if c.dep_ in SUBJECTS]
    found = [resolver.mention_at(s) for s in subjects]
    return next((m for m in found if m in people), None)


def _epithet(resolver: SpeakerResolver, token: Token) -> bool:
    """ "the billionaire", "this Acme chief executive": a noun of the list with "the" or "this", not a
    compound of another noun, inside a name, owned ("Roe's founder"), quoted nor used before."""
    standing, titles = nouns()
    chief = token.lower_ in titles and any(t.lower_ == "chief" for t in token.subtree if t.i < token.i)
    if not (token.lower_ in standing or chief) or token.dep_ == "compound" or token.ent_type_:
        return False
    if token.i in resolver.quoted or any(t.lower_ == token.lower_ for t in token.doc[: token.i]):
        return False  # the noun used before ("the founder's aide"): it may stand for that one
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ in DETERMINERS for c in children) and not any(
        c.dep_ in OWNERS for c in children
    )
