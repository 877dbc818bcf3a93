"""Trigger rules: what marks an attribution (patterns/reporting_verbs.jsonl) and which kind a claim is
(patterns/claim_kinds.jsonl).

A trigger line: {"id", "lemma" (the base form a claim records), "pos" (verb, noun, adverb, phrase),
"forms" (lower-case surface forms), "kind_hint", "attribution"} and optionally "subjects" (only with
these subject head words: a policy "prohibits"), "objects" (only with this object: "provide a
comment"), "requires" (one of these dependents must be there: "oprd", "prep:for"), "not_as" (roles
in which the word reports nothing: "a firm called Acme"; only for the forms in "not_as_forms" when it
is given: "a petition calling for a vote" reports, and never with a dependent of "asks": "a group of
pastors called for a boycott", which the parser may read as "a group called Acme"), "addressee" (the object is the person told,
not the content: "told reporters"), "told" (objects that are what is told, not who: "told a joke",
with nothing before it as the content), "strict" (the speaker must resolve, or be described and report a
clause or a quote: "Exit polls suggested that ..." is a claim, "These moves suggest ..." is not),
"content" ("complement", "phrase": the verb phrase, "clause": the clause with its subject, "quote":
only words quoted after it or introduced by it, or a "that" clause after it: "she posted: “...”",
"posted that ...", not "posted a photo"; "attached": only a quote attributed with the verb standing
alone, with no object or clause of its own: "“...,” he continued", "Roe continued: “...”", not "would
continue to investigate"; such a verb is read only there, never as a verb of saying by the rules that
look for one around other claims (Triggers.attached); "words":
a quote, a clause or the words around it, never its object: "maintained that ...", not "maintained a
lead"),
"negated" (the line is read instead of the others for its forms when the verb is negated: "would not
say whether ...", "has never said that ..."; without one, a negated verb reports nothing) and
"passive_topic" (in the passive with an agent, what the agent reported is the passive subject: "The
merger was first reported by the Ledger"; not for verbs of making: "a book written by Roe") and
"about" (dependents, as in "requires", that hold the content without being required: "warned against
cuts"), "infinitive" (what is promised is an infinitive, after any day or place: "vowed Friday to
appeal", pledges.py), "participle_object" (after a preposition, its participle reports its object,
not only a clause or a quote: "after announcing her run", "by promising to cut taxes"; not "by
admitting students"), "predicate" (what the object is said to be, in an "as" phrase the parser hangs
apart, is content too: "described the dinner as Washington celebrating itself", descriptions.py),
"transitive" (only with an object or a "by" agent: "dismissed the report as fake", not "a class
dismissed as myopic").

Kind, first rule that applies: a verb's, adverb's or phrase's hint; the speaker's hint (proxy or role,
speakers.py); cues in the sentence, in file order; cues of "paragraph" scope in the paragraph; a
characterising noun's hint; "statement". Cues are looked for around the claim's content, never in it:
they describe the setting ("on the stand, Smith said ..."), not the topic ("Smith said the trial ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from tracker.nlp import attributives, descriptions, idle_senses, requested, syntax, word_parts
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.speakers import Speaker

VERBS_FILE = PATTERNS_DIR / "reporting_verbs.jsonl"
KINDS_FILE = PATTERNS_DIR / "claim_kinds.jsonl"


@dataclass(frozen=True)
class Trigger:
    id: str
    lemma: str
    pos: str  # verb, noun, adverb, phrase
    kind_hint: str | None = None
    attribution: str = "indirect"
    subjects: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    strict: bool = False  # the speaker must resolve (a name, a pronoun, a possessed proxy)
    content: str = (
        "complement"  # complement, phrase (the verb phrase), clause (with its subject), quote, words
    )
    # the verb needs one of these dependents ("oprd", "ccomp", "prep:for"): "called him a liar" and
    # "called for a ban" report words, "called him" (on the phone) does not
    requires: frozenset[str] = frozenset()
    not_as: frozenset[str] = frozenset()  # roles in which the word is no report ("a firm called Acme": acl)
    not_as_forms: frozenset[str] = frozenset()  # the forms `not_as` is for (all when empty): "called"
    asks: frozenset[str] = frozenset()  # dependents that make it a report in any role: "called for"
    # its object is the person told ("told reporters"), never the content
    addressee: bool = False
    told: frozenset[str] = frozenset()  # objects that are what is told, not who: "told a joke", "the story"
    negated: bool = False  # read only when the verb is negated ("did not say whether ...")
    passive_topic: bool = False  # "The merger was first reported by the Ledger": the subject is the content
    # more dependents whose words are the content ("prep:against": "warned against cuts")
    about: frozenset[str] = frozenset()
    participle_object: bool = False  # "after announcing her run": the participle's object was said
    infinitive: bool = False  # "promised Sunday in Reno to end X": the content is "to end X" (pledges.py)
    predicate: bool = False  # "described X as Y": the "as" phrase is content too (descriptions.py)
    evidence: bool = False  # what a poll shows or a study found: the evidence's account, no one's words
    transitive: bool = False  # "dismissed X as Y": without an object or an agent, the thing named, no speaker

    @property
    def unconditional(self) -> bool:
        """A verb of saying whatever its subject and dependents: none it needs, not read only negated."""
        return not (self.subjects or self.objects or self.requires or self.negated)


@dataclass(frozen=True)
class Triggers:
    verbs: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)
    nouns: dict[str, Trigger] = field(default_factory=dict)
    adverbs: dict[str, Trigger] = field(default_factory=dict)
    phrases: dict[str, Trigger] = field(default_factory=dict)
    negated: dict[str, Trigger] = field(default_factory=dict)  # verbs read when negated ("did not say")
    # verbs read only with a quote attributed with them ("“...,” he continued"), kept out of `verbs`,
    # which the rules that cut contents and find other reports read
    attached: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)


def build_triggers(rules: Iterable[Mapping]) -> Triggers:
    """Index trigger rules (lines of reporting_verbs.jsonl) by their lower-case forms."""
    triggers = Triggers()
    for rule in rules:
        trigger = Trigger(
            id=rule["id"],
            lemma=rule["lemma"],
            pos=rule.get("pos", "verb"),
            kind_hint=rule.get("kind_hint"),
            attribution=rule.get("attribution") or "indirect",
            subjects=frozenset(s.lower() for s in rule.get("subjects", ())),
            objects=frozenset(s.lower() for s in rule.get("objects", ())),
            strict=bool(rule.get("strict", False)),
            content=rule.get("content", "complement"),
            requires=frozenset(rule.get("requires", ())),
            not_as=frozenset(rule.get("not_as", ())),
            not_as_forms=frozenset(s.lower() for s in rule.get("not_as_forms", ())),
            asks=frozenset(rule.get("asks", ())),
            addressee=bool(rule.get("addressee", False)),
            told=frozenset(s.lower() for s in rule.get("told", ())),
            negated=bool(rule.get("negated", False)),
            passive_topic=bool(rule.get("passive_topic", False)),
            about=frozenset(rule.get("about", ())),
            participle_object=bool(rule.get("participle_object", False)),
            infinitive=bool(rule.get("infinitive", False)),
            evidence=bool(rule.get("evidence", False)),
            predicate=bool(rule.get("predicate", False)),
            transitive=bool(rule.get("transitive", False)),
        )
        for form in (f.lower() for f in rule["forms"]):
            if trigger.negated:
                triggers.negated[form] = trigger
            elif trigger.content == "attached":
                triggers.attached[form] = (*triggers.attached.get(form, ()), trigger)
            elif trigger.pos == "verb":
                triggers.verbs[form] = (*triggers.verbs.get(form, ()), trigger)
            else:
                getattr(triggers, trigger.pos + "s")[form] = trigger
    return triggers


def speaks(triggers: Triggers, word: str) -> bool:
    """`word` is a verb of saying, not only one of evidence ("the poll showed", "a study found"): what
    evidence shows is no one's words, so the verb neither cuts a speaker's report ("says Roe is
    acting unlawfully and showing disregard") nor heads one ("said the memo showed that X, and
    accused Y": accused is the speaker's)."""
    found = triggers.verbs.get(word, ())
    return bool(found) and not all(t.evidence for t in found)


def speaks_on(triggers: Triggers, participle: Token) -> bool:
    """ "going on to say", "pausing to add": a participle whose infinitive says more, set off after a report."""
    said = (c for c in participle.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children))
    return participle.lower_.endswith("ing") and any(speaks(triggers, c.lower_) for c in said)


@cache
def default_triggers() -> Triggers:
    return build_triggers(read_jsonl(VERBS_FILE))


@cache
def kind_cues() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(kind, scope, pattern) of each line of claim_kinds.jsonl, in file order (= priority)."""
    cues = []
    for rule in read_jsonl(KINDS_FILE):
        if "kind" not in rule:
            continue  # the "frame" line (claim_kinds.py)
        words = "|".join(
            re.escape(c).replace(r"\ ", r"\s+") for c in sorted(rule["cues"], key=len, reverse=True)
        )
        cues.append(
            (rule["kind"], rule.get("scope", "sentence"), re.compile(rf"\b(?:{words})\b", re.IGNORECASE))
        )
    return tuple(cues)


@dataclass
class Draft:
    """A trigger found with its speaker (None: no speaker) and content ranges, before assembly."""

    trigger: Trigger
    speaker: Speaker | None
    pieces: list[tuple[int, int]]
    segment: Span
    verb: Token | None = None
    form: str = "clause"  # what the content is: quote, clause, phrase (a verb's object), around, noun, as


def classify(
    trigger: Trigger,
    speaker_hint: str | None,
    sentence: str,
    paragraph: str,
    skip: frozenset[str] = frozenset(),
) -> str:
    """The kind of a claim (see the module docstring for the order); cues of the kinds in `skip` are
    not read (a lawyer's words are no testimony, court_kinds.py)."""
    if trigger.pos != "noun" and trigger.kind_hint:
        return trigger.kind_hint
    if speaker_hint:
        return speaker_hint
    for kind, _scope, pattern in kind_cues():
        if kind not in skip and pattern.search(sentence):
            return kind
    for kind, scope, pattern in kind_cues():
        if kind not in skip and scope == "paragraph" and pattern.search(paragraph):
            return kind
    return trigger.kind_hint or "statement"


def idle_role(verb: Token, trigger: Trigger) -> bool:
    """The verb stands in a role in which it reports nothing ("a firm called Acme"), unless its form is
    not one the role is for ("a petition calling on Roe to quit") or it asks for something ("a group
    of pastors called for a boycott", which the parser reads like "a firm called Acme"); nor does a
    participle that describes its noun ("271 pledged delegates", "the target it pledged to reach":
    attributives.py), nor an infinitive someone was asked for ("was asked to comment", requested.py), nor a verb that must name its object
    with none ("the class, dismissed as myopic", "was dismissed as manager": the one named, no speaker),
    nor the end of another word ("de-emphasized", word_parts.py), nor a sense that reports nothing
    ("admit refugees", "write off", idle_senses.py)."""
    return (
        attributives.no_report(verb)
        or word_parts.ends_other_word(verb)
        or requested.requested(verb)
        or idle_senses.idle(verb, trigger.lemma)
        or (trigger.transitive and not any(c.dep_ in ("dobj", "agent") for c in verb.children))
        and not descriptions.shifted(verb)  # "dismissed as “nonsense” the report": its object after
        or (
            verb.dep_ in trigger.not_as
            and (not trigger.not_as_forms or verb.lower_ in trigger.not_as_forms)
            and not (trigger.asks and syntax.has_dependent(verb, trigger.asks))
            and not quoted_predicate(verb)
        )
    )


ARTICLES = frozenset({"the", "a", "an"})


def quoted_predicate(verb: Token) -> bool:
    """ "Roe's campaign called the report a “rush to judgment”", "one lawmaker called Doe “the orange
    prince”": the parser reads a "called" after a noun as naming it ("a firm called Acme"); a word that is
    no article nor quotation mark right after it, then a quotation within five words with no other
    punctuation before it, is something said of what it names ("a group called the “X Fund”" is a name)."""
    doc, first = verb.doc, verb.i + 1
    if first >= len(doc) or doc[first].lower_ in ARTICLES or doc[first].is_punct:
        return False
    for token in doc[first + 1 : first + 6]:
        if token.text in ("“", '"'):
            return True
        if token.is_punct:
            return False
    return False


SPEAKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
OBJECTS = frozenset({"dobj", "pobj", "dative", "attr", "oprd"})


def mute(verb: Token, noun: Token, speaker: Speaker) -> bool:
    """A participle hung on a noun ("a petition calling on Roe to quit", "protesters calling for a
    recount") reports only when the noun can speak: a name, a resolved speaker, a document or
    spokesperson (a proxy), an anaphor or role, a word of a group, or a noun of people
    (speakers.jsonl "people"); not "softer language calling for calm" nor a misparse that hangs it on
    "an election". A past participle so hung ("people accused of fraud", "a man described as ...") is
    done to the noun: the noun never speaks it."""
    if verb.dep_ == "acl" and noun.i == verb.head.i and noun.dep_ in OBJECTS and _past_participle(verb):
        return True  # an object: a subject or a root so hung is mostly a finite verb misparsed
    if (
        verb.dep_ not in ("acl", "amod")
        or noun.i != verb.head.i
        or speaker.via is not None
        or not speaker.start <= noun.idx < speaker.end  # another speaks: "emailed donors saying"
    ):
        return False
    return not can_speak(noun)


def _past_participle(verb: Token) -> bool:
    """ "accused", "told": the form of a past participle (there are no tags), not "to allow" hung on it."""
    form = verb.lower_ in syntax.IRREGULAR_PARTICIPLES or verb.lower_.endswith("ed")
    return form and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)


def can_speak(noun: Token) -> bool:
    """A name, or a word of speakers.jsonl: a document or spokesperson (a proxy), an anaphor or role, a
    pronoun, a noun of people or a group, a share ("50 percent saying")."""
    lower = noun.lower_  # "petitions", "majorities"
    words, forms = speaker_words(), {lower, lower.removesuffix("s"), re.sub(r"ies$", "y", lower)}
    known = (words.proxies, words.anaphors, words.roles, words.pronouns, words.people, words.groups)
    known += (words.shares, words.partitives)
    return noun.ent_type_ in SPEAKING_LABELS or any(form in wordlist for form in forms for wordlist in known)
