"""A conjunct of the reporter's own that the parser hung on the reported words: the reporter's story
goes on after them, so the reported words stop before its "and".

- A past-tense conjunct after a present-tense reported verb and a past-tense report ("Roe said she
  admires the plan and praised its author", "..., and she railed against ..."): with no auxiliary,
  and either no subject and an object or a clause, or a personal pronoun for subject. A name for
  subject is left to the content ("..., and Doe railed ...").
- A conjunct whose form cannot go on the reported verb's but is the reporter's, with no subject or
  auxiliary of its own: a past tense after a "to" infinitive that a past-tense report governs ("urged
  the party to coalesce and tried to make the case that ..."), an "-ing" after a clause with a
  subject of its own that an "-ing" report governs ("warning that the state could be attacked and
  implying that ..."). Only the reported words' own verb is read: deeper in them a conjunct goes on
  with their own subjects ("said the ministry asked that he serve his time there and indicated ...").
  A conjunct of the same form is left to the content: "said he heard gunfire and suspected an
  attack", "said Doe was ignorant and criticized him" can be either."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp import syntax

PRESENT = frozenset({"is", "are", "am", "has", "have", "does", "do", "can", "’s", "'s", "’re", "'re"})
OWN = frozenset({"dobj", "ccomp", "xcomp"})
NARRATORS = frozenset({"he", "she", "they"})  # "said X is Y, and he railed against Z": the reporter's story
PAST = frozenset({"said", "told", "made", "took", "gave", "went", "came", "spoke", "wrote", "met", "left"})
VERBAL = frozenset({"dobj", "ccomp", "xcomp", "prep", "dative", "prt", "advmod", "acomp", "attr"})
OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})


def cut(verb: Token, complement: Token) -> set[int]:
    """Tokens of the reporter's conjunct (see above) hung on the clause `complement` of `verb`, with
    its "and"."""
    for conj in complement.rights:
        if conj.dep_ == "conj" and (_goes_on(verb, complement, conj) or _clashes(verb, complement, conj)):
            return syntax.with_conjunction(conj, complement)
    return set()


def in_phrase(verb: Token) -> set[int]:
    """The same for a verb whose words are a phrase: on its infinitive or clause ("urged X to
    coalesce"), or on a "that" clause the parser hung on its object ("warning followers ... that X")."""
    heads = [c for c in verb.rights if c.dep_ in ("xcomp", "ccomp")]
    if (clause := syntax.misattached_complement(verb)) is not None:
        heads.append(verb.doc[clause[0]].head)
    return set().union(*(cut(verb, head) for head in heads))


def _goes_on(verb: Token, complement: Token, conj: Token) -> bool:
    """The first shape: a past tense after a present-tense reported verb."""
    own = {c.dep_ for c in conj.children}
    subjects = [c for c in conj.children if c.dep_ == "nsubj"]
    return (
        _past(verb)
        and _present(complement)
        and _past(conj)
        and not own & {"nsubjpass", "aux", "auxpass"}
        and bool(all(c.lower_ in NARRATORS for c in subjects) if subjects else own & OWN)
    )


def _clashes(verb: Token, head: Token, conj: Token) -> bool:
    """The second shape: a form that cannot go on `head`'s."""
    own = {c.dep_ for c in conj.children}
    if own & OWN_CLAUSE or not own & VERBAL:  # "and hatred": a noun, not a verb
        return False
    if _past(verb) and _infinitive(head) and _past(conj):  # "urged X to coalesce and tried"
        return True
    ing = verb.lower_.endswith("ing") and conj.lower_.endswith("ing")
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    return ing and subject and not head.lower_.endswith("ing")  # "warning that X could fall and implying"


def _infinitive(token: Token) -> bool:
    """A "to" infinitive with no other auxiliary: "to coalesce"."""
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return len(auxes) == 1 and auxes[0].lower_ == "to" and auxes[0].i < token.i


def _past(token: Token) -> bool:
    return token.lower_ in PAST or (token.lower_.endswith("ed") and len(token) > 4)


def _present(token: Token) -> bool:
    lower = token.lower_
    return lower in PRESENT or (lower.endswith("s") and not lower.endswith(("ss", "us")) and lower != "was")
