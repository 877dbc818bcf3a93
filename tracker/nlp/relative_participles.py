"""A participle of saying right after a noun's relative clause ("answered a motion the company filed on
Friday arguing that ...", "a letter the campaign sent on Monday alleging that ..."): the parser hangs it
on the sentence's verb, whose subject then seems to speak, but with no comma before it the participle
qualifies the noun the clause describes: the motion argues (and who filed it, speakers.py's reading of
a document given in a relative clause). So too a participle after a prepositional phrase of people
("despite", "amid", "with", "without", "over", "about") hung on the same verb: with no comma between ("despite
critics saying ...") the phrase is its subject; with one, its people say it when the phrase counts or
lists them and "now", "also" or "still" resumes ("..., with some supporters, such as Roe and Doe, now
saying ...": `absolute_subject`), else the sentence's subject keeps it but the claim waits
(`ambiguous`: "pressed on despite her critics, saying ..." is most likely hers). "spoke with
reporters, saying" has no comma before "with" (a complement, not an absolute) and stays the
speaker's."""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.speaker_words import speaker_words

QUALIFIED = frozenset({"dobj", "pobj"})  # the noun is an object of the verb or of a preposition
AMBIGUOUS = "ambiguous-speaker"  # the form of a claim `ambiguous` leaves with the sentence's subject
PREPOSITIONS = frozenset({"despite", "amid", "amidst", "with", "without", "over", "about"})
COMPLEMENTS = frozenset({"acomp", "dobj", "attr", "oprd"})
PEOPLE_LABELS = frozenset({"PERSON", "ORG", "NORP"})  # a name of people: not a document's
COUNTING = frozenset({"some", "few", "many", "several"})  # "a few supporters": people, counted
RESUMING = frozenset({"now", "also", "still"})  # "..., now saying": the phrase's people go on
CLAUSES = frozenset({"relcl", "acl", "ROOT", "ccomp", "xcomp", "advcl", "conj", "pcomp", "parataxis"})


def qualified_noun(participle: Token) -> Token | None:
    """The noun whose relative clause (one with a subject: "comments Roe made in 2006") ends right before
    `participle`, an "-ing" clause the parser hung on a verb above that noun; None when a comma or
    anything else stands between them, or the clause that ends there is another kind."""
    if participle.dep_ != "advcl" or not participle.lower_.endswith("ing") or participle.i == 0:
        return None
    token = participle.doc[participle.i - 1]
    if token.is_punct:
        return None
    while token.dep_ not in CLAUSES and token.head.i != token.i:
        token = token.head
    own = token.dep_ == "relcl" or (  # "comments Roe made", not "the notion that Roe would"
        any(c.dep_ == "nsubj" for c in token.children) and not any(c.dep_ == "mark" for c in token.children)
    )
    if token.dep_ not in CLAUSES or token.right_edge.i != participle.i - 1 or not own:
        return None
    noun = token.head
    return noun if noun.dep_ in QUALIFIED and participle.head in noun.ancestors else None


def absolute_subject(participle: Token) -> Token | None:
    """The noun of a prepositional phrase that speaks `participle` (`_phrase`, `_speaks`); None otherwise."""
    found = _phrase(participle)
    return found[0] if found is not None and _speaks(participle, *found) else None


def ambiguous(participle: Token) -> str | None:
    """AMBIGUOUS when `participle` follows a prepositional phrase of people, set off by a comma, that does
    not speak it (`_speaks`: "pressed on despite its critics, saying ..."): the sentence's subject keeps
    it, but a reader cannot be sure whose the words are; None otherwise."""
    found = _phrase(participle)
    return AMBIGUOUS if found is not None and not _speaks(participle, *found) else None


def _speaks(participle: Token, noun: Token, comma: bool) -> bool:
    """The phrase's `noun` speaks `participle`: always with no comma between ("despite critics saying
    ..."); with one, only when the phrase counts or lists people and "now", "also" or "still" resumes
    before the participle ("despite a few supporters, such as Roe, now saying ...")."""
    resumed = participle.doc[participle.i - 1].lower_ in RESUMING
    words = [t.lower_ for t in noun.subtree]
    listed = any(a == "such" and b == "as" for a, b in zip(words, words[1:], strict=False))
    counted = any(t.lower_ in COUNTING for t in noun.subtree if t.i < noun.i)
    return not comma or (resumed and (listed or counted))


def _phrase(participle: Token) -> tuple[Token, bool] | None:
    """(noun, comma): the object, one of people (`_people`), of a preposition of PREPOSITIONS hung on
    the verb `participle` (an "-ing" clause) hangs on or on that verb's complement, whose phrase (its
    appositions and examples with it) ends right before the participle but for one adverb and at most
    one comma (`comma`: whether one does); "with" only set off by a comma before it ("spoke with
    reporters, saying": a complement)."""
    if participle.dep_ != "advcl" or not participle.lower_.endswith("ing"):
        return None
    doc = participle.doc
    verb = participle.head  # the phrase hangs on it or on its complement: "remain confident despite"
    heads = [verb, *(c for c in verb.children if c.dep_ in COMPLEMENTS and c.i < participle.i)]
    for prep in (c for head in heads for c in head.children):
        if prep.dep_ != "prep" or prep.lower_ not in PREPOSITIONS or prep.i > participle.i:
            continue
        if prep.lower_ == "with" and (prep.i == 0 or doc[prep.i - 1].text != ","):
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or not _people(noun):
            continue
        end = prep.right_edge.i
        while end > noun.i and doc[end].is_punct:  # a comma the parser gave to the phrase
            end -= 1
        between = doc[end + 1 : participle.i]
        commas = sum(t.text == "," for t in between)
        adverbs = sum(t.dep_ == "advmod" and t.head in (participle, verb, prep.head) for t in between)
        if commas <= 1 and adverbs <= 1 and commas + adverbs == len(between):
            return noun, commas == 1
    return None


def _people(noun: Token) -> bool:
    """A name of a person, an organisation or a people, or a noun of people, of a role or of a group
    (speakers.jsonl "people", roles, anaphors: "critics", "the union", "the company"); not a document
    ("over the rules, saying ..." is the subject's)."""
    words, lower = speaker_words(), noun.lower_
    known = (words.people, words.roles, words.anaphors)
    return noun.ent_type_ in PEOPLE_LABELS or any(
        f in w for f in (lower, lower.removesuffix("s")) for w in known
    )


AUTHORS = frozenset({"from", "by"})  # "a statement from Jo Roe", "a letter by the board"


def authored(participle: Token) -> Token | None:
    """The document the verb's object names, with its author, when `participle` (an "-ing" clause hung
    on that verb) follows its phrase with no comma: "Doe read a statement from chief executive Jo Roe
    saying ...": the statement says it, and Roe, its author, speaks (speakers.py's proxy); not "read a
    statement, saying ...", nor a statement whose author is not named ("read a statement saying ...":
    the reader's, as before)."""
    if participle.dep_ != "advcl" or not participle.lower_.endswith("ing") or participle.i == 0:
        return None
    words = speaker_words()
    noun = next((c for c in participle.head.children if c.dep_ == "dobj" and c.i < participle.i), None)
    if noun is None or noun.lower_ not in words.proxies or noun.lower_ in words.agents:
        return None
    if noun.right_edge.i != participle.i - 1:
        return None
    named = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in AUTHORS for g in p.children]
    named += [c for c in noun.children if c.dep_ == "poss"]
    return noun if any(g.dep_ in ("pobj", "poss") and g.ent_type_ in PEOPLE_LABELS for g in named) else None
