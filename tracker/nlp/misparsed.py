"""What the parser got wrong around a reporting verb: verbs it took for nouns ("The filing states
that X", "Acme's terms of service prohibit ...") and speakers it did not hang on their verb
("Jeffrey Roe, a lawyer helping the campaign, said ...")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp import (
    asked_insertions,
    conjunct_names,
    depictions,
    document_terms,
    gerund_conjuncts,
    instructions,
    noun_roots,
    postmodifiers,
    raised_conjuncts,
    raising,
    runons,
    stray_agents,
    surnames,
    syntax,
)
from tracker.nlp.doc_texts import text_of
from tracker.nlp.framing import Reader
from tracker.nlp.inverted import inverted_subject
from tracker.nlp.triggers import Draft, can_speak, speaks, speaks_on

SPEAKING = frozenset({"PERSON", "ORG", "COURT"})
OPENERS = (",", "”", '"', "''", "’")  # what may stand just before a speaker set off from its verb
CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "conj", "xcomp", "advcl", "relcl", "acl", "pcomp", "aux"})
MAX_INSERTION_WORDS = 25  # "Roe, a lawyer who ..., said": the words between the name and the verb
SHARES = frozenset({"percent", "half", "third", "thirds", "quarter", "quarters", "majority", "most"})
FALLBACK_REACH = 5  # tokens: how far back a policy verb the parser missed may find its subject


def from_misparsed(reader: Reader, verb: Token, segment: Span) -> list[Draft]:
    """A reporting verb the parser took for a noun. "The filing states that X": a proxy or a name
    compounded with it is the subject and its "that" clause the content; "Acme's terms of service
    prohibit ...": a possessed policy noun just before it is the subject (document_terms.py)."""
    clause = next((c for c in verb.children if c.i > verb.i and syntax.is_complement(c)), None)
    before = reader.doc[verb.i - 1] if verb.i > segment.start else None
    if clause is not None and before is not None and before.dep_ == "compound" and before.head == verb:
        general = next(
            (t for t in reader.triggers.verbs[verb.lower_] if not t.subjects and not t.objects), None
        )
        speaker = reader.speakers.resolve(before)
        if (
            general is not None
            and (speaker.via or speaker.kind_hint)
            and not syntax.hypothetical(verb, segment)
        ):
            content = reader.range(range(clause.left_edge.i, clause.right_edge.i + 1), segment)
            return [Draft(general, speaker, [content], segment, verb)]
    for trigger in reader.triggers.verbs[verb.lower_]:
        if not trigger.subjects or syntax.hypothetical(verb, segment):
            continue
        for i in range(verb.i - 1, max(segment.start, verb.i - FALLBACK_REACH) - 1, -1):
            noun = reader.doc[i]
            if noun.lower_ in trigger.subjects and any(c.dep_ == "poss" for c in noun.children):
                return [document_terms.draft(reader, noun, verb, trigger, segment)]
    return []


def reported_apart(reader: Reader, complement: Token) -> set[int]:
    """Tokens of a complement that another report of the same speaker holds, not this one: a participle
    ("... that X, adding that Y", "going on to say Y") or a verb of saying the parser coordinated with the
    complement's own verb ("said that X and predicted that Y"; the "and" goes with it); another
    speaker's report coordinated with it ("said X, while Lee says Y"); and the speaker of a report set
    between a subject and its predicate ("And Roe, said Doe, will not forgive": `interposed`)."""
    apart: set[int] = set()
    for nested in complement.children:
        if nested.i < complement.i or not (
            speaks(reader.triggers, nested.lower_) or speaks_on(reader.triggers, nested)
        ):
            continue
        own = {c.dep_ for c in nested.children}
        other = nested.dep_ in ("conj", "advcl") and "nsubj" in own and "ccomp" in own  # ", while Lee says Y"
        if (
            (nested.dep_ == "advcl" and not own & {"mark", "nsubj"})
            or other
            or _reporting_conjunct(reader, nested)
        ):
            apart |= syntax.with_conjunction(nested, complement)
    for nested in complement.subtree:  # "said X showed that Y, and accused Z of ...": deeper down
        if (
            nested.head != complement
            and nested.i > complement.i
            and _reporting_conjunct(reader, nested)
            and _reporter(reader, nested.head) == complement.head
            and any(not t.subjects for t in reader.triggers.verbs[nested.lower_])  # not "and find a way"
        ):
            apart |= syntax.with_conjunction(nested, nested.head)
    if (name := interposed(reader, complement.head)) is not None and name.head == complement:
        last = name.right_edge.i
        apart |= set(range(name.left_edge.i, last + (reader.doc[last].text != ",") + 1))  # and its comma
    return apart


def interposed(reader: Reader, verb: Token) -> Token | None:
    """ "And Roe, said Doe, who knows her, will not forgive": a report set between a subject and its
    predicate, which the parser reads as Roe saying "Doe ... will not forgive". The name right after
    the verb, the subject of the verb's clause set off by commas, speaks, when the verb's own subject
    runs up to a comma just before it and holds none itself."""
    doc = reader.doc
    own = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if own is None or clause is None or own.right_edge.i + 2 < verb.i or doc[verb.i - 1].text != ",":
        return None
    if any(t.text == "," for t in doc[own.left_edge.i : verb.i - 1]):
        return None  # "Roe, a Democrat, said Doe, a Republican, would lose": Roe said it
    name = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)
    if name is None or reader.speakers.mention_at(name) is None:
        return None
    last = name.right_edge.i
    return name if doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",") else None


def _reporting_conjunct(reader: Reader, verb: Token) -> bool:
    """ "said that X and predicted that Y", "says she spoke to X and urged him to ...": a verb of saying with
    its own clause, object or phrase and no subject, coordinated with a later reported clause's verb."""
    reporter = _reporter(reader, verb.head)
    return (
        verb.dep_ == "conj"
        and speaks(reader.triggers, verb.lower_)
        and reporter is not None
        and reporter.i < verb.head.i  # not "X and urging Y, BFM TV reported": the report is X and Y
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children)  # "and was told X"
        and any(c.dep_ in ("ccomp", "dobj", "oprd", "xcomp", "prep", "dative") for c in verb.children)
    )


def _reporter(reader: Reader, clause: Token) -> Token | None:
    """The verb of saying a chain of reported clauses hangs from ("said X showed that Y": said)."""
    while clause.dep_ == "ccomp" and clause.head != clause:
        clause = clause.head
        if speaks(reader.triggers, clause.lower_):
            return clause
    return None


def subject(reader: Reader, verb: Token, segment: Span) -> tuple[Token | None, bool]:
    """(speaker head, passive) as syntax.subject reads them, else a named speaker the parser lost
    (a conjunct's passive is its head's, so a conjunct may still have one). A verb of saying
    coordinated with a reported clause's verb is the reporter's ("said that X and predicted Y")."""
    if _reporting_conjunct(reader, verb):
        verb = _reporter(reader, verb.head) or verb
    verb = raised_conjuncts.raised(reader, verb) or verb  # "her forecast that X would fall, and blamed Y"
    verb = runons.reporter(verb, reader.triggers.verbs) or verb  # "said X must act, saying, “...”"
    at = reader.speakers.mention_at  # "charged X and Roe fired Y, acknowledging", "reminds me of Roe saying"
    if named := conjunct_names.own_subject(verb, at) or depictions.depicted(verb, at):
        return named, False
    found, passive = syntax.subject(verb, says_object=_says_object(reader, verb))
    if found is not None and found.i < verb.i and (name := interposed(reader, verb)) is not None:
        return name, False  # "And Roe, said Doe, will not forgive": Doe
    if found is not None and any(c.dep_ == "pobj" for c in found.children):
        found = None  # "Of Doe, Roe, who ..., said": a preposition the parser made the subject
    if found is None and (not passive or verb.dep_ == "conj"):
        found = (
            marked_participle(reader, verb)
            or lost_subject(reader, verb, segment)
            or inverted_subject(reader, verb, segment)
            or counted_subject(verb, segment)
            or appositive_subject(verb, segment)
            or set_off_subject(reader, verb, segment)
            or raising.adjective_subject(verb)
            or noun_roots.subject(verb, segment)
            or postmodifiers.subject(verb, segment)
            or gerund_conjuncts.subject(verb, _says_object(reader, verb))  # "by praising X and saying Y"
        )
        passive = passive and found is None
    if found is None and passive and (by := stray_agents.agent(verb)) is not None:
        return by, False  # "was declared the winner in three states by news organizations"
    return found, passive


INSERTION_MARKS = frozenset({",", "-", "—", "–", "--"})
MAX_SPEAKER_WORDS = 8


def set_off_subject(reader: Reader, verb: Token, segment: Span) -> Token | None:
    """ "Roe, meanwhile, who has no such backing, said ...", "One attendee, who like others spoke on
    condition of anonymity, said ...", "A spokesman for the firm - a chain of 12 shops - noted ...": a
    speaker before an insertion set off by commas or dashes (or a "who" clause run up to the verb), which
    the parser read as a clause of its own with the speaker as its subject. The earliest phrase before
    such an insertion that opens its clause, has one head and can speak (a name, a word of speakers);
    not a name inside the insertion ("Roe, whose firm, Acme, makes tools, said")."""
    doc, close, found = reader.doc, reader.doc[verb.i - 1], None
    if verb.dep_ != "ROOT" or verb.i - 1 <= segment.start:
        return None
    for p in range(verb.i - 2, max(segment.start, verb.i - MAX_INSERTION_WORDS) - 1, -1):
        mark = doc[p]
        pair = mark.text in INSERTION_MARKS and close.text == mark.text
        if not (pair or (mark.lower_ in ("who", "whose") and not close.is_punct)):
            continue
        inserted = doc[p : verb.i].text
        if inserted.count("“") != inserted.count("”") or inserted.count('"') % 2:
            break
        first = p
        while first > segment.start and doc[first - 1].text not in OPENERS:
            first -= 1
        phrase = doc[first:p]
        heads = [t for t in phrase if not first <= t.head.i < p]
        speaks_here = len(heads) == 1 and (can_speak(heads[0]) or surnames.named(reader, heads[0]))
        if speaks_here and len(phrase) <= MAX_SPEAKER_WORDS and not any(t.i in reader.quoted for t in phrase):
            found = heads[0]  # and on: the outermost, not a name inside the insertion
    return found


def appositive_subject(verb: Token, segment: Span) -> Token | None:
    """ "In an interview with hosts A and B, the state senator stated that ...": a noun phrase set off
    by a comma just before a verb with no subject, which the parser hung on an earlier noun as its
    appositive, is the verb's subject."""
    before = verb.doc[verb.i - 1] if verb.i > segment.start else None
    if (
        before is None
        or verb.dep_ != "ROOT"
        or before.dep_ != "appos"
        or before.right_edge.i != before.i
        or before.left_edge.i <= segment.start
    ):
        return None
    return before if verb.doc[before.left_edge.i - 1].text == "," else None


def marked_participle(reader: Reader, verb: Token) -> Token | None:
    """ "Roe defended the plan, while saying that it needs work": a participle after a subordinating
    word ("while", "after", "when") speaks for its head verb's subject when it reports words (a clause,
    a quote, or an object that was said), as after a preposition ("after saying ...")."""
    mark = next((c.lower_ for c in verb.children if c.dep_ == "mark"), None)
    if not (
        verb.dep_ == "advcl"
        and verb.lower_.endswith("ing")
        and mark in syntax.PARTICIPLE_PREPOSITIONS
        and (
            any(c.dep_ == "ccomp" for c in verb.children)
            or syntax.QUOTED_NEXT.match(text_of(verb.doc), verb.idx + len(verb))
            or _says_object(reader, verb)
        )
    ):
        return None
    return syntax.subject(verb.head, 1)[0]


def _says_object(reader: Reader, verb: Token) -> bool:
    """A participle whose object is what was said ("after announcing her run", "by calling for a ban"), a
    "participle_object" trigger with an object or required dependent, or an instruction (instructions.py)."""
    return instructions.instructs(verb) or any(
        t.participle_object
        and (
            any(syntax.is_object(c) for c in verb.children)
            or syntax.has_dependent(verb, t.requires | t.about)
        )
        for t in reader.triggers.verbs.get(verb.lower_, ())
    )


def counted_subject(verb: Token, segment: Span) -> Token | None:
    """ "About 4 in 10 say ...", "Most say ...": a poll's share of those asked, which the parser hangs
    on the verb as a number or a modifier. The phrase must run up to the verb."""
    for child in verb.lefts:
        if (
            child.right_edge.i == verb.i - 1
            and child.left_edge.i >= segment.start
            # not a rank ("first", "2nd": "responded by first saying ..."); "a third" is a share
            and (
                (child.like_num and not child.lower_.endswith(("st", "nd", "rd", "th")))
                or child.lower_ in SHARES
            )
            and child.dep_ in ("nummod", "npadvmod", "advmod", "quantmod", "amod", "dep")
        ):
            return child
    return None


def lost_subject(reader: Reader, verb: Token, segment: Span) -> Token | None:
    """A named speaker the parser did not make the verb's subject: the name opens its clause (the
    sentence, or after a comma or a closing quote) and only a comma-delimited insertion stands
    between it and the verb ("As part of his plea, Jan Roe, 44, said ...", "“...,” Jan Roe, a top
    adviser, said ..."). The earliest such name; None when there is none."""
    text, doc = reader.text, reader.doc
    for mention in reader.speakers.mentions_in(segment.start_char, verb.idx):
        if mention.label not in SPEAKING:
            continue
        between = text[mention.end : verb.idx].strip()
        if mention.end > verb.idx or (between and not (between[0] == "," and between[-1] == ",")):
            continue
        if len(between.split()) > MAX_INSERTION_WORDS or any(q in between for q in '"“”'):
            continue
        after = doc.char_span(mention.end, verb.idx, alignment_mode="expand")
        words = [t for t in after or () if not (t.is_punct or t.is_space)]
        if words and words[0].dep_ in CLAUSE_HEADS and not asked_insertions.opens(words[0]):
            continue  # "Acme, uses data to ..., said": a clause of its own, not an insertion
        opening = text[segment.start_char : mention.start].rstrip()
        if opening and not opening.endswith(OPENERS):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return None if span is None else span[-1]
    return None
