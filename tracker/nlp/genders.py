"""A name's gender, where the article tells it, so that a pronoun does not refer to a name of the
other gender ("Mrs. Roe ... he said": not Roe; speakers.SpeakerResolver.antecedent):
- a title ("Mrs. Roe", "Mr. Doe") genders that name and a later bare "Roe";
- the article's own pronouns: "Jane Roe said she would run ... Roe added that she ..." genders Jane
  Roe, and every mention that refers back to her (`told_genders`).
A list of first names (patterns/first_names.jsonl: those most often given to one gender) only ever
refuses a name the rules picked ("he" resolved to a Jane Roe, "Mrs. Roe" to the John Roe named
before), when the article itself tells nothing of that name's gender (`doubted`): it never chooses
another name in its place, so the speaker stays as written for a curator. One admission (session 31,
`person_named`): a name the entity model tagged ORG whose first word is a first name of the pronoun's
gender may be that pronoun's antecedent ("Nadia Farouk ... She said").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.referents import full_name
from tracker.nlp.types import Mention

if TYPE_CHECKING:
    from tracker.nlp.speakers import SpeakerResolver


@dataclass(frozen=True)
class Genders:
    """Names the article gives with a gendered title ("Mrs. Roe", "Mr. Doe"): "he" does not refer to
    Mrs. Roe, nor to a later bare "Roe". A full name ("John Roe") is not judged by the surname (a
    relative may share it); a surname given with both titles (a couple) has none. A name without a
    title takes the gender the article's own pronouns give it (`told`, by the mention's span)."""

    surnames: dict[str, str]
    honorifics: dict[str, str]
    text: str = ""
    told: dict[tuple[int, int], str] = field(default_factory=dict)

    @classmethod
    def of(cls, resolver: SpeakerResolver) -> Genders:
        text, honorifics = resolver.text, resolver.words.honorifics
        found: dict[str, set[str]] = {}
        for match in _titled(tuple(honorifics)).finditer(text):
            found.setdefault(match[2], set()).add(honorifics[match[1]])
        surnames = {name: next(iter(g)) for name, g in found.items() if len(g) == 1}
        return cls(surnames, honorifics, text, told_genders(resolver))

    def agree(self, gender: str | None, mention: Mention) -> bool:
        """False only when `mention` is known to be of the other gender than the pronoun's."""
        if gender is None:
            return True
        known = self.known(mention)
        return known is None or known == gender

    def fits(self, mention: Mention, labels: frozenset[str], gender: str | None) -> bool:
        """`mention` has one of `labels` (or is a person's name tagged ORG: `labelled`) and `agree`s."""
        return labelled(mention, labels, gender) and self.agree(gender, mention)

    def known(self, mention: Mention) -> str | None:
        """The gender of `mention` the article tells: its title, its surname's, its pronouns'."""
        words = mention.text.split()
        if not words or not (self.honorifics or self.told):
            return None
        title = re.search(r"\b(\w+)\.?\s+$", self.text[max(0, mention.start - 6) : mention.start])
        known = self.honorifics.get(title[1]) if title else None
        if known is None and len(words) == 1:
            known = self.surnames.get(words[0])
        return known or self.told.get((mention.start, mention.end))

    def doubted(self, gender: str | None, mention: Mention, name: str) -> bool:
        """`name` (the full name `mention` refers to) begins with a first name most often given to the
        other gender than `gender`'s, and the article tells nothing of the mention's gender: the
        resolution is refused (see the module docstring), never traded for another name."""
        first = name.split()[0] if len(name.split()) > 1 else ""
        known = first_names().get(first)
        return gender is not None and known is not None and known != gender and not self.known(mention)


def labelled(mention: Mention, labels: frozenset[str], gender: str | None) -> bool:
    """`mention` has one of `labels`, or is a person's name labelled an organisation (`person_named`)."""
    return mention.label in labels or ("PERSON" in labels and person_named(mention, gender))


def person_named(mention: Mention, gender: str | None = None) -> bool:
    """`mention` is a name the entity model labelled an organisation though it is a person's ("Jane
    Roe said" tagged ORG): two or three capitalised words, no possessive, the first a first name (of
    `gender`, when given) of patterns/first_names.jsonl. A pronoun of that gender may then stand for
    it as for a person (speakers.SpeakerResolver.antecedent); an organisation named like a person
    ("Charles Schwab") meets "he" only where the article calls it so."""
    words = mention.text.split()
    if mention.label != "ORG" or not 2 <= len(words) <= 3 or any(not w.isalpha() for w in words):
        return False
    known = first_names().get(words[0])
    return known is not None and (gender is None or known == gender) and all(w[:1].isupper() for w in words)


FIRST_NAMES_FILE = PATTERNS_DIR / "first_names.jsonl"


@cache
def first_names() -> dict[str, str]:
    """First name -> the gender it is most often given to (patterns/first_names.jsonl)."""
    return {name: row["gender"] for row in read_jsonl(FIRST_NAMES_FILE) for name in row["names"]}


TOLD_VOTES = 2  # pronouns that must point at a name before it takes their gender
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def told_genders(resolver: SpeakerResolver) -> dict[tuple[int, int], str]:
    """The gender the article's own pronouns give each full name ("Jane Roe said she would run", "Roe
    insisted that she ..."): a "he" or "she" subject outside quotation marks whose clause hangs from one
    with a person's name as its subject (the nearest such subject, `_governing_subject`) votes for
    that person, by the full name a surname refers back to; a person takes the gender of at least
    `TOLD_VOTES` votes when the other has at most a third as many. Not a pronoun after a name only
    ("the movement behind Roe forced her to ...": her is someone else). Keyed by the span of every
    mention of that person, so a bare surname later agrees as the full name does."""
    people = [m for m in resolver.mentions if m.label == "PERSON" and m not in resolver.in_quotes]
    names = {(m.start, m.end): full_name(resolver.mentions, m) for m in people}
    votes: dict[str, Counter[str]] = {}
    for token in resolver.doc:
        gender = resolver.words.genders.get(token.lower_)
        if gender is None or token.dep_ not in SUBJECTS or token.i in resolver.quoted:
            continue  # "Roe said her critics ...": a possessive or an object is often someone else
        subject = _governing_subject(token)
        found = resolver.mention_at(subject) if subject is not None else None
        if found is not None and (found.start, found.end) in names:
            votes.setdefault(names[(found.start, found.end)], Counter())[gender] += 1
    told = {}
    for name, count in votes.items():
        (top, n), *rest = count.most_common()
        if n >= TOLD_VOTES and (not rest or 3 * rest[0][1] <= n):
            told[name] = top
    return {span: told[name] for span, name in names.items() if name in told}


def _governing_subject(pronoun: Token) -> Token | None:
    """The nearest subject before `pronoun` of a clause its own clause hangs from, not across a
    coordination ("Roe said he ...", "Roe defended his vote": Roe; "Roe sat with Doe, and she said":
    none, the second clause may have another subject)."""
    node = pronoun
    for head in pronoun.ancestors:
        if node.dep_ == "conj":
            return None
        subject = next((c for c in head.children if c.dep_ in SUBJECTS and c.i < pronoun.i), None)
        if subject is not None:
            return subject
        node = head
    return None


@cache
def _titled(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    titles = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\b({titles})\b\.?\s+([A-Z][\w'’-]+)")
