"""The content of a reporting verb: its quotation, its clausal complement, a clause the parser hung
elsewhere, a one-word answer, its verb phrase, what was asked, or the words around a parenthetical
attribution; with the form of that content, which confidence.py reads (a clause or a quote reports
words, a noun phrase often does not)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from tracker.nlp import (
    addressee_clauses,
    as_objects,
    asked_topics,
    attached_only,
    clauseless,
    clefts,
    dated_clauses,
    descriptions,
    false_relatives,
    gloss_nouns,
    glosses,
    misparsed,
    nested_reports,
    noun_verbs,
    occasions,
    placing,
    pledges,
    predicate_tails,
    questions,
    quoted_predicates,
    reporters_conjuncts,
    runons,
    set_off,
    stray_agents,
    syntax,
    told_nouns,
    unmarked_clauses,
)
from tracker.nlp.framing import Reader
from tracker.nlp.insertions import inserted
from tracker.nlp.quotes import OPENING_TOKENS
from tracker.nlp.triggers import Trigger, quoted_predicate


def verb_content(
    reader: Reader, verb: Token, trigger: Trigger, subject: Token | None, segment: Span
) -> tuple[str, list[tuple[int, int]]]:
    """(form, pieces) of the verb's content; the form (quote, clause, phrase, around) is what
    confidence.py reads: a clause or a quote reports words, a noun phrase often does not. A
    trigger whose content is "words" reports no phrase ("maintained that X", not "maintained a
    lead")."""
    form, pieces = _content(reader, verb, trigger, subject, segment)
    if (trigger.content == "words" and form == "phrase") or occasions.only_occasion(
        reader.doc, verb, trigger, pieces, reader.quoted
    ):  # "promised Sunday at a rally", "made the comments Friday": when and where, not what
        return form, []
    return form, pieces


def _content(
    reader: Reader, verb: Token, trigger: Trigger, subject: Token | None, segment: Span
) -> tuple[str, list[tuple[int, int]]]:
    if trigger.content == "clause":
        return "clause", [reader.range(range(verb.left_edge.i, verb.right_edge.i + 1), segment)]
    if trigger.content == "attached":  # “...,” he continued; not "would continue to investigate"
        return "quote", attached_only.quotes(reader, verb, subject, segment)
    if (asked := questions.after_colon(verb, trigger, segment)) is not None:
        return "clause", [reader.range(asked, segment)]  # "asked herself this: Would I ...?"
    if (said := _answer(verb)) is not None and said.start not in reader.quoted:
        return "clause", [reader.range(said, segment)]  # “...?” put to them, 71 percent said yes
    if pieces := placing.attached_quotes(reader, verb, subject, segment):
        named = "oprd" in trigger.requires or trigger.predicate  # "called the plan “a disgrace”"
        pieces = descriptions.with_object(verb, pieces) if named else pieces
        return "quote", placing.resumed(reader, verb, segment, pieces)
    if (said := as_objects.reported(reader, verb, trigger, segment)) is not None:
        return "as", said  # "As Roe told the Ledger, Y", "As Roe puts it, Y"
    if trigger.content == "quote":  # "she posted: “...”", "posted on her blog that ...", not "posted a photo"
        clause = next((c for c in verb.rights if c.dep_ == "ccomp" and syntax.is_complement(c)), None)
        if clause is not None:
            return "clause", [reader.range(range(clause.left_edge.i, clause.right_edge.i + 1), segment)]
        told = addressee_clauses.marked(verb) if trigger.addressee else None  # "reminded jurors that X"
        return ("clause", [reader.range(range(told[0], told[1] + 1), segment)]) if told else ("quote", [])
    children = [c for c in verb.children if c.i > verb.i or c.dep_ == "ccomp"]
    complement = next((c for c in children if c.dep_ == "ccomp" and c.i > verb.i), None) or next(
        (c for c in children if c.dep_ == "ccomp" and _reported_before(reader, c, verb)), None
    )
    if complement is not None and trigger.content != "phrase":
        complement = told_nouns.clause(verb, complement)  # "told Circuit Judge Ann Lee that X": X
        tokens = set(range(complement.left_edge.i, complement.right_edge.i + 1))
        # "that answers from X made up Y": "made up Y" too (the parser read "answers" as the verb)
        added, dropped = noun_verbs.run_on(verb, complement, reader.triggers.verbs)
        tokens = (tokens | added) - dropped
        tokens -= dated_clauses.before(verb, complement)  # "said in an interview Tuesday that X"
        tokens -= misparsed.reported_apart(reader, complement)  # "..., adding that Y": Y apart
        tokens -= glosses.trailing(complement)  # "..., sparking debate": the outlet's words
        tokens -= reporters_conjuncts.cut(verb, complement)  # "said she admires X and highlighted Y"
        tokens -= runons.apart(complement, reader.triggers.verbs)  # "said X must act, saying, “...”"
        tokens -= nested_reports.cut(reader, complement)  # "said X, and an aide told Y": the aide's
        # "said he believed, though ..., that X": X hung apart, the words run on to it
        tokens |= _split_complement(verb, complement, reader.triggers.verbs)
        if (first := addressee_clauses.opening(verb, complement)) is not None:  # "told jurors he had doubted"
            tokens |= set(range(first, complement.left_edge.i))
        dropped, fronted = clefts.split(verb, complement)  # "X is what Roe says Y forbid": X … Y forbid
        tokens -= dropped
        clause = [reader.range(range(min(tokens), max(tokens) + 1), segment)]
        clause = [reader.range(fronted, segment), *clause] if fronted else clause
        return "clause", placing.continued(reader, verb, segment, clause)
    if trigger.predicate and (shifted := descriptions.shifted(verb)):  # "describing as “reckless” X"
        return "phrase", [reader.range(shifted, segment)]
    if trigger.content != "phrase" and (clause := addressee_clauses.whole(verb)) is not None:
        return "clause", [reader.range(range(clause[0], clause[1] + 1), segment)]  # "told the court he hoped"
    if (
        trigger.content != "phrase"
        and (clause := syntax.misattached_complement(verb)) is not None
        and not _through_predicate(reader.doc[clause[0]].head, verb)
        and not false_relatives.of_manner(reader.doc[clause[0]].head)  # "in the same way that X did"
    ):
        return "clause", [reader.range(range(clause[0], clause[1] + 1), segment)]
    if trigger.content != "phrase" and (clause := false_relatives.complement(verb)) is not None:
        return "clause", [reader.range(range(clause[0], clause[1] + 1), segment)]
    if (
        trigger.content != "phrase"
        and (clause := false_relatives.relayed_complement(verb, reader.triggers.verbs)) is not None
    ):  # "in a memo that circulated Friday that X"
        return "clause", [reader.range(range(clause[0], clause[1] + 1), segment)]
    if trigger.content != "phrase" and (clause := dated_clauses.complement(verb)) is not None:
        return "clause", [reader.range(range(clause[0], clause[1] + 1), segment)]  # "conceded Tuesday that"
    if trigger.content != "phrase" and (
        clause := clauseless.complement(verb) or unmarked_clauses.complement(verb)
    ):  # "before he spoke that", "said after the hearing he would"
        return "clause", [reader.range(range(clause[0], clause[1] + 1), segment)]
    if (said := _answer(verb)) is not None:  # "46 percent said yes", "half said so"
        return "clause", [reader.range(said, segment)]
    if trigger.content == "phrase":
        return "phrase", [reader.range(syntax.phrase(verb), segment)]
    if trigger.kind_hint == "question" and (asked := _question(verb) or asked_topics.topic(verb)):
        # "asked Roe if ...", "asked at a briefing Monday about X" (asked_topics.py)
        return "clause", [reader.range(asked, segment)]
    if verb.dep_ in trigger.not_as and quoted_predicate(verb):  # "Roe, an ally, called Doe “a fraud”"
        quote = next(t.i for t in verb.doc[verb.i + 2 : verb.i + 7] if t.text in ("“", '"'))
        return "phrase", [reader.range(range(verb.i + 1, quote + 1), segment)]
    if trigger.infinitive and (promised := pledges.promised(verb)) is not None:
        return "phrase", [reader.range(range(promised[0], promised[1] + 1), segment)]  # "vowed Friday to X"
    if trigger.content != "phrase" and (clause := quoted_predicates.clause(verb)) is not None:
        return "clause", [reader.range(range(clause[0], clause[1] + 1), segment)]  # "insisted X “did Y”"
    if (not trigger.addressee and any(syntax.is_object(c) for c in children)) or syntax.has_dependent(
        verb, {r for r in trigger.requires if r[:4] != "prt:"} | trigger.about
    ):  # "urged Congress to act", "told voters to wait": what follows the verb (not "pointed out"'s "out")
        apart = nested_reports.cut(reader, verb) | _when(verb) | _agent(verb, subject)
        apart |= reporters_conjuncts.in_phrase(verb)  # "urged X to act and tried to ..."
        kept = [i for i in syntax.phrase(verb) if i > verb.i and i not in apart]
        if (after := set_off.object_after(verb)) is not None:  # "described, in sharp terms, X": X
            kept = [i for i in after if i not in apart]
        kept = [i for i in kept if i not in gloss_nouns.trailing(reader.doc, kept)]  # ", a subtle dig at Y"
        kept = [i for i in kept if i not in predicate_tails.trailing(verb, kept, reader.triggers.verbs)]
        if trigger.predicate and kept:  # "described her as likable": the "as" phrase hung apart
            kept += descriptions.predicate(verb, max(kept))
        phrase = [reader.range(kept, segment)]
        return "phrase", placing.continued(reader, verb, segment, phrase)  # ", adding a plug. “Z.”"
    if (
        trigger.passive_topic and (topic := syntax.passive_topic(verb)) is not None
    ):  # "The merger was first reported by X"
        return "phrase", [reader.range(range(topic[0], topic[1] + 1), segment)]
    if placing.as_clause(verb):  # "As the Times reported, Y": the outlet's sentence, leaning on it
        return "as", placing.as_reported(reader, verb, segment)
    told = any(syntax.is_object(c) and c.lower_ in trigger.told for c in verb.rights)  # "told a joke"
    addressee = trigger.addressee and not told
    return "around", placing.around(reader, verb, subject, segment, addressee=addressee) or inserted(
        reader, verb, subject, segment, addressee=addressee
    )  # "With each week, these donors concede, it becomes harder ...": an adverbial insertion


def _split_complement(verb: Token, complement: Token, saying: Collection[str]) -> set[int]:
    """ "Roe said he believed, though he could not be sure, that X": the parser hung "that X" on the
    verb of saying, or on the insertion, as a complement of its own, leaving the first a bare verb with
    nothing but a subject, an auxiliary, a negation or an adverb (the fifth trial set's v124, where "he believed" was all): the words run on to the
    end of X, when the clause hangs only on complements and insertions, none a verb of `saying`
    (", adding that X", "although he tweeted that X": a saying of its own)."""
    if any(c.dep_ not in BARE for c in complement.children):
        return set()
    for later in verb.subtree:
        if (
            later.dep_ == "ccomp"
            and later.i > complement.right_edge.i
            and any(
                m.dep_ == "mark" and m.lower_ == "that" and m.i > complement.right_edge.i
                for m in later.children
            )
            and all(
                h.dep_ in ("advcl", "ccomp") and h.lower_ not in saying for h in _heads_up_to(later, verb)[1:]
            )
        ):
            return set(range(complement.right_edge.i + 1, later.right_edge.i + 1))
    return set()


def _heads_up_to(token: Token, verb: Token) -> list[Token]:
    """`token` and its heads below `verb`."""
    chain = [token]
    while chain[-1].head != verb and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    return chain


def _agent(verb: Token, subject: Token | None) -> set[int]:
    """The "by" phrase after the verb that names its speaker ("was called “a gift” by Jane Roe, a
    professor": stray_agents.py) is who spoke, not what was said."""
    return stray_agents.cut(verb, subject)


def _reported_before(reader: Reader, clause: Token, verb: Token) -> bool:
    """A clause before the verb is its content only when a comma, not a colon or a semicolon,
    parts them ("X, she said"; not "There is less consensus: 47% say ..."), and the verb has no
    words of its own after it: an object with an infinitive, a predicate or "of" ("..., he urged
    voters to wait", "... call themselves moderate", "... accused Roe of lying"), or a gerund ("...,
    he reported earning $2 million"), or an object with its words set beside it ("..., she added the
    words, “Doe.”": an appositive); an object alone may be the person told ("..., Roe wrote Doe")."""
    between = reader.text[clause.right_edge.idx : verb.idx]
    return ":" not in between and ";" not in between and not _own_words(verb)


def _own_words(verb: Token) -> bool:
    rights = list(verb.rights)
    if any(c.dep_ == "xcomp" and c.lower_.endswith("ing") for c in rights):  # no tagger: the suffix
        return True
    objects = [c for c in rights if c.dep_ == "dobj"]
    if any(c.dep_ == "appos" and _quoted_after(o, c) for o in objects for c in o.rights):
        return True  # "added the words, “Doe.”"
    return bool(objects) and any(
        c.i > objects[0].i and (c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "of"))
        for c in rights
    )


def _quoted_after(noun: Token, appositive: Token) -> bool:
    """The appositive opens with a quotation mark after its noun ("the words, “Doe.”")."""
    return any(t.text in OPENING_TOKENS for t in noun.doc[noun.i + 1 : appositive.left_edge.i + 1])


ANSWERS = frozenset({"yes", "no", "so"})


def _answer(verb: Token) -> range | None:
    """A one-word answer after a verb of saying ("46 percent said yes", "half said so") or "the
    same": the parser makes it an interjection, an adverb or an object, never a clause."""
    for child in verb.rights:
        if child.lower_ in ANSWERS and child.dep_ in ("intj", "advmod", "dobj", "npadvmod", "ccomp"):
            return range(child.i, child.i + 1)
        if child.lower_ == "same" and child.i == verb.i + 2 and verb.doc[verb.i + 1].lower_ == "the":
            return range(verb.i + 1, child.i + 1)
    return None


def _question(verb: Token) -> range | None:
    """What was asked, after a verb of asking with no clause of its own: "asked if she would run" (the
    "if" clause hung as an adverbial), "asked workers if they ...", "asked about the deal", "for a photo"."""
    for child in verb.rights:
        if child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children
        ):
            return range(child.left_edge.i, child.right_edge.i + 1)
        if child.dep_ == "prep" and child.lower_ in ("about", "for"):
            return range(child.i, child.right_edge.i + 1)
    return None


def _through_predicate(clause: Token, verb: Token) -> bool:
    """A "that" clause hung below another predicate of the sentence is that predicate's, not the
    verb's: "warned of X, arguing that Y", "urged X to act and proposed that Y"."""
    return any(
        a.i != verb.i and a.dep_ in syntax.VERBAL_DEPS for a in clause.ancestors if verb in a.ancestors
    )


BARE = frozenset({"nsubj", "aux", "neg", "advmod", "punct"})  # "he believed", "she still thinks"


def _when(verb: Token) -> set[int]:
    """The verb's own time after its object ("stated his intention on Wednesday"): when it was said."""
    out = set()
    for c in verb.rights:
        if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
            out |= set(range(c.left_edge.i, c.right_edge.i + 1))
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children):
            out |= set(range(c.left_edge.i, c.right_edge.i + 1))
    return out
