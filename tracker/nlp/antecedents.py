"""Which name before a speaker's "he" or "she" (a subject) in its own sentence it stands for, when no
clause the pronoun's clause hangs from has a name as its subject (referents.governing_subject): the
subject of the main clause ("Roe defended the plan, and “...,” she said"), or its possessor ("Roe's
bid is over, but she said ..."), the subject of a clause set before it that is no condition
("Although Roe admitted ..., she said") or of the clause the pronoun's verb reports ("Roe was
shocked, she said"). Never a name in a condition, an object, a possessor elsewhere or a prepositional
phrase: "If Roe is elected, he said, ...", "As for Roe's record, she said ...", "Asked by Roe whether
..., she said", "Of the scrutiny over Jane Roe, he said": the nearest name there was someone else
most of the time on PolNeAR train (a sample of 36 published claims: 23 wrong), so the caller looks
further back (the previous sentence's subject). Nor a subject whose verb has an object pronoun of the
speaker's gender ("After Roe accused him, he said": he is not Roe). When the main clause's subject is
a name the pronoun cannot stand for (the other gender: "John Roe sat with Jane Doe, and she said"),
the nearest name that fits is kept, as before. When the parser took a participle opening the sentence
for its main verb ("Marking the close, Roe told aides ..., and he vowed": "told" hung under
"Marking"), the one name that is a subject outside a lower clause is the main clause's (`_opened`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from tracker.nlp import datelines, gates
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.syntax import mention_head
from tracker.nlp.types import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

NAME_DEPS = frozenset({"compound", "flat", "appos"})
REPORTED = frozenset({"ccomp", "parataxis"})  # the clause a verb of saying reports
CONDITIONS = frozenset({"if", "unless", "whether"})
LOWER_CLAUSES = frozenset({"advcl", "relcl", "acl", "ccomp", "csubj"})  # clauses set below another


def main_subject(
    pronoun: Token, candidates: Sequence[Mention], mention_at: Callable[[Token], Mention | None]
) -> Mention | None:
    """Of `candidates` (the compatible mentions before `pronoun` in its sentence, in text order), the
    last that may be its speaker (see the module docstring); None when none may. A pronoun that is
    no subject ("his lawsuit", "told her") keeps the nearest: a possessive is bound close by
    ("The context for Roe's testimony is his lawsuit": Roe's)."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return candidates[-1] if candidates else None
    for mention in reversed(candidates):
        if (head := mention_head(pronoun.doc, mention)) is None:
            continue
        head = _named(head, NAME_DEPS)
        head = _closing(head) or head  # "Acme's pollster and strategist Jane Roe": the subject's name
        if head.dep_ == "poss":
            head = head.head
        if head.dep_ not in SUBJECT_DEPS:
            continue
        if binds(head.head, pronoun):
            continue
        verb = first_conjunct(head.head)
        if verb.dep_ == "advcl" and not any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children
        ):
            # "Although Roe admitted ..., she said": not "If Roe wins, he said"
            verb = first_conjunct(verb.head)
        if verb.dep_ == "ROOT" or (verb.dep_ in REPORTED and verb.head in _reporting(pronoun.head)):
            return mention
    root = next((t for t in pronoun.ancestors if t.dep_ == "ROOT"), pronoun.head)
    if (opened := _opened(root, pronoun, candidates)) is not None:
        return opened
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i), None)
    other = subject is not None and (named := mention_at(subject)) is not None and named not in candidates
    return candidates[-1] if other and candidates else None  # "Roe sat with Jane Doe, and she said"


def _opened(root: Token, pronoun: Token, candidates: Sequence[Mention]) -> Mention | None:
    """The one name among `candidates` that is a subject, when the parser took the participle opening
    the sentence for its main verb and left that verb no subject ("Marking the end of the primaries
    with a speech, Roe told supporters that ..., and he vowed ...": "Marking" as the root, "told" hung
    under it): Roe's clause is the main clause the parse lost. Not a subject of a clause set below
    another (a condition, a relative or reported clause); None when two names are subjects."""
    if root.i != root.sent.start or not root.lower_.endswith(("ing", "ed")):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return None
    subjects = []
    for mention in candidates:
        if (head := mention_head(pronoun.doc, mention)) is None:
            continue
        head = _named(head, NAME_DEPS)
        if head.dep_ in SUBJECT_DEPS and head.head.dep_ not in LOWER_CLAUSES:
            subjects.append(mention)
    return subjects[-1] if len({m.text for m in subjects}) == 1 else None


def previous_subject(
    sentence: Span, fitting: Sequence[Mention], surnames: Mapping[str, Mention | bool] = MappingProxyType({})
) -> tuple[Mention | None, str]:
    """Of the subjects among `fitting` (the compatible mentions of the sentence before a speaker's
    pronoun, in text order; `surnames`: the last words of the article's people before the pronoun, and
    whether it may stand for them), the subject of that sentence's main clause when one is ("Whether
    the Roe model works will tell, said Jane Doe. “...,” she said": Doe, not Roe), a name that is
    that subject before one that only owns or modifies it ("Roe's lawyer, Jane Doe, said ...": Doe), else the
    first; and how much of a guess it is: "" for the main clause's subject itself; "owner" for a name
    that only owns or modifies it ("Roe's lawyer said ...", "The Roe campaign said ...": someone
    else speaks, right 6 times of 8 published on PolNeAR train, read by hand); "first" for the first
    subject, for want of a main-clause one ("After Roe met Doe, the talks ended. “...,” he said":
    Roe, right 42 times of 62 published, against 40 of 40 for a main-clause subject); "rival" for a
    main-clause subject whose verb puts a question or a document to another person (`rival`: "Roe
    showed Doe the email. “I wrote that,” he said": either may speak). The claim's tier reflects the
    guess (resolution "pronoun-owner", "pronoun-first", "pronoun-rival")."""
    doc = sentence.doc
    subjects = [m for m in fitting if is_subject(doc, m)]
    owners = []
    for mention in subjects:
        if (head := mention_head(doc, mention)) is None:
            continue
        owner = _owner(head)
        head = _named(head, NAME_DEPS | {"poss"})
        if head.dep_ in SUBJECT_DEPS and first_conjunct(head.head).dep_ == "ROOT":
            if not owner:
                either = rival(first_conjunct(head.head), head, fitting, surnames) or paired(head, fitting)
                return mention, "rival" if either else ""
            owners.append(mention)
    if owners:
        return owners[0], "owner"
    return (subjects[0], "first") if subjects else (None, "")


def rival(
    verb: Token, subject: Token, fitting: Sequence[Mention], surnames: Mapping[str, Mention | bool]
) -> bool:
    """`verb` (whose subject is `subject`) is one whose object answers next (speakers.jsonl "question":
    "questioned", "asked", "showed", "cross-examined") and has as its object, indirect object or in a
    phrase of its own ("questioned Doe", "showed Doe the email", "showed it to Doe") a person the
    pronoun may stand for as well: a name of `fitting` other than the subject's, or, as object, a
    capitalised word the entity model gave no label ("Roe showed Doe ...": a surname it missed);
    never the surname of one it cannot stand for ("Jane Roe questioned Doe" after "Mr. Doe":
    not for "she"). Other verbs' objects are no rivals: after "Roe attacked Doe.", "he said" is Roe (PolNeAR
    train: right in nearly all of 29 published claims, read by hand)."""
    if verb.lower_ not in speaker_words().questioning:
        return False
    doc = verb.doc
    heads = {mention_head(doc, m) for m in fitting} - {subject}
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and (child in heads or _bare_name(child, surnames)):
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g in heads for g in child.children):
            return True
    return False


def paired(subject: Token, fitting: Sequence[Mention]) -> bool:
    """`subject` is coordinated with another name of `fitting` ("Roe and Doe left. Later, he said": either
    may speak; no reader can tell which). PolNeAR train has no published claim of that shape: rating it
    down changes no claim there (read from the fourth trial set's kind of passage, written blind)."""
    heads = {mention_head(subject.doc, m) for m in fitting} - {subject}
    return any(c in heads for c in subject.conjuncts)


def _bare_name(token: Token, surnames: Mapping[str, Mention | bool]) -> bool:
    """A capitalised word ("Doe", not "DOE" nor "iPhone") with no entity label, not the sentence's first
    nor the surname of a person `surnames` says the pronoun cannot stand for."""
    text = token.text
    if token.ent_type_ or token.is_sent_start or surnames.get(text) is False:
        return False
    return text[:1].isupper() and text[1:].islower()


def _owner(head: Token) -> bool:
    """A name's head word owns or modifies a noun rather than naming it ("Roe's lawyer", "the Roe
    campaign"); not a name's part the entity model left out ("Jane" of "Jane Roe": a proper noun)."""
    return head.dep_ == "poss" or (head.dep_ == "compound" and head.head.pos_ != "PROPN")


QUOTE_RUN = 3  # quoted sentences a pronoun's speaker may stand before (“...,” Roe said. “...” She added)


def before_quote(segments: Sequence[Span], number: int, quoted: Collection[int]) -> int:
    """The sentence before the `number`th whose subjects a speaker's pronoun may stand for: the one
    before it, or, when that one is all within quotation marks (a quote going on past its speaker's
    sentence: "“...,” Roe said. “...” She added"), a line a gate closes (a photo credit, a byline:
    "“...,” Roe said. Jo Doe via Getty Images. He added") or a dateline the sentencer split off
    ("WILMINGTON" before ", Del. (AP) - She said"), the last one before them that is not, up
    to `QUOTE_RUN` sentences back."""
    back = number - 1
    while back > 0 and number - back <= QUOTE_RUN and _passed_over(segments[back], quoted):
        back -= 1
    return back if back == number - 1 or not _passed_over(segments[back], quoted) else number - 1


def _passed_over(segment: Span, quoted: Collection[int]) -> bool:
    closed = gates.closed_by(segment.text) is not None
    return _all_quoted(segment, quoted) or closed or datelines.is_dateline(segment)  # "WILMINGTON"


def _all_quoted(segment: Span, quoted: Collection[int]) -> bool:
    words = [t for t in segment if not (t.is_punct or t.is_space)]
    return bool(words) and all(t.i in quoted for t in words)


def _named(head: Token, deps: frozenset[str]) -> Token:
    """The word a name's head hangs on through `deps` (its compound, flat or appositive links)."""
    while head.dep_ in deps and head.head != head:
        head = head.head
    return head


def is_subject(doc: Doc, mention: Mention) -> bool:
    """`mention` is a subject, or the name, possessor or appositive of one."""
    if (root := mention_head(doc, mention)) is None:
        return False
    if root.dep_ in ("compound", "poss", "appos", "flat"):
        root = root.head
    return root.dep_ in SUBJECT_DEPS


def _reporting(verb: Token) -> tuple[Token, ...]:
    """`verb`, and the verb whose reported clause it is ("Roe is happy, says she warned ...": "says")."""
    return (verb, verb.head) if verb.dep_ in REPORTED else (verb,)


def _closing(name: Token) -> Token | None:
    """The subject whose phrase `name` closes though the parser hung it lower ("Acme's pollster and
    strategist Jane Roe lashed out": Roe as the object of "strategist"); not across a preposition
    ("a lawyer for Roe") or a clause."""
    for head in name.ancestors:
        if head.dep_ in SUBJECT_DEPS:
            return head if head.right_edge.i == name.i else None
        if head.dep_ in ("prep", "relcl", "acl", "advcl", "ccomp", "xcomp"):
            return None
    return None


def binds(verb: Token, pronoun: Token) -> bool:
    """`verb` has an object that is a pronoun of `pronoun`'s gender ("After Roe accused him, he said"):
    its subject is someone else than that object, so not the one `pronoun` refers to."""
    gender = speaker_words().genders.get(pronoun.lower_)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return gender is not None and any(speaker_words().genders.get(o.lower_) == gender for o in objects)


def first_conjunct(verb: Token) -> Token:
    """The first of the verbs `verb` is coordinated with."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb


def who_for(relative: Token, mention_at: Callable[[Token], Mention | None]) -> Token:
    """The noun a relative pronoun's clause hangs from; for "who", the person whose own phrase names
    the firm or town the parser hung it from ("said Jo Roe, an analyst at Acme, who notes ...", "Jo
    Roe, a dentist from Fairview, Ohio, who said ...", "Jo Roe of Acme, who said ..."): Jo Roe, since
    "who" is a person, not Acme nor Fairview."""
    noun = relative.head.head
    node = noun
    while node.dep_ in ("appos", "conj") and node.head != node:
        node = node.head  # "Fairview, Ohio, who": Fairview
    found = mention_at(node)
    if relative.lower_ != "who" or node.dep_ != "pobj" or found is None or found.label == "PERSON":
        return noun
    role = node.head.head  # "an analyst [at Acme]", "Jo Roe [of Acme]"
    person = role.head if role.dep_ == "appos" else role
    named = mention_at(person)
    return person if named is not None and named.label == "PERSON" else noun


def owner_of(
    pronoun: Token, candidates: Sequence[Mention], mention_at: Callable[[Token], Mention | None]
) -> Mention | None:
    """Of `candidates` (the compatible mentions before `pronoun` in its sentence), the possessor of a
    noun whose phrase holds the pronoun's clause ("at the heart of Roe's critique of a system that he
    said has failed": Roe; "Roe's claim that she was cheated"): the one whose words the noun is;
    after governing_subject, which prefers a name that is the subject of a nearer clause. Not a
    possessor outside that phrase ("As for Roe's record, she said": main_subject's caution)."""
    for head in pronoun.ancestors:
        owner = next((c for c in head.children if c.dep_ == "poss" and c.i < pronoun.i), None)
        if owner is not None and (found := mention_at(owner)) is not None and found in candidates:
            return found
    return None
