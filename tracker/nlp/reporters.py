"""Who may report for a verb that needs a speaker who resolves ("suggest", "indicate", "reveal",
"confirm": triggers.py "strict") when its subject is only described: "Legal experts suggest that ...",
"Exit polls suggested that ..." report; "A close look at the figures suggests that ...", "The trip
suggests that ..." do not: a look or a trip is no one who speaks and no evidence that shows, and what
it "suggests" is the writer's inference.

A subject may report when it can speak (triggers.can_speak: a name, a document or spokesperson, a noun
of people or a group), is evidence (a subject of a verb of evidence, reporting_verbs.jsonl "evidence":
a poll, records, a study) or a record (speakers.jsonl "record": a message, a cable, a law), or names a
doer by its ending (speakers.jsonl "agent-suffix": a speechwriter, the authors, a banker; not an
appointment: "act-suffix"); a capitalised word is taken for a name the model did not label, and a
relative pronoun for what it stands for. A subject with an owner stays ("His appointment suggests
...", "a gaffe by Roe suggested ...": the phrase names who, and PolNeAR's annotators give the owner or
the phrase as the source). Taking the owner alone for the speaker was tried and dropped: "Roe's
potential VP then revealed ..." gave Roe.

Caveat: the word lists are not a lexicon; a noun of people that none of them holds and whose ending
says nothing ("the VP", lower-case) reports nothing here."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.speakers import UNRESOLVED, Speaker, SpeakerResolver
from tracker.nlp.triggers import Triggers, can_speak

DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
REPORTED = frozenset({"clause", "quote", "around"})  # what a described subject may report


def described(subject: Token, readings: Collection[str] = ()) -> bool:
    """A speaker given by a description that resolves to no name may still report for a verb that
    needs a speaker who resolves ("Legal experts suggest that ...", "Exit polls suggested that ...",
    claims.py: when what it reports is a clause or a quote), or a person's pronoun the article does
    not resolve ("He has suggested that ..."); never "it" or "they" left unresolved, a
    demonstrative ("These moves suggest ...": the writer's own inference) nor one of `readings`,
    the nouns that characterise what someone said ("The admission suggests ...": the outlet's
    reading of it, framing.py)."""
    return not (
        subject.lower_ in readings
        or "PERSON" not in speaker_words().pronouns.get(subject.lower_, ("PERSON",))
        or subject.lower_ in UNRESOLVED
        or any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in subject.children)
    )


def _evidence(triggers: Triggers) -> frozenset[str]:
    """The subjects of the verbs of evidence ("the poll showed"): what shows, without speaking."""
    return frozenset(s for found in triggers.verbs.values() for t in found if t.evidence for s in t.subjects)


def can_report(noun: Token, triggers: Triggers) -> bool:
    """`noun` can speak, is evidence or a record, or names a doer by its ending; a capitalised word is
    a name the model did not label; "who" is someone, "that" and "which" are what they stand for."""
    if noun.lower_ in ("who", "whom"):
        return True
    if noun.lower_ in ("that", "which") and noun.head.dep_ == "relcl":
        return can_report(noun.head.head, triggers)
    words, lower, stem = speaker_words(), noun.lower_, noun.lower_.removesuffix("s")
    if (
        can_speak(noun)
        or {lower, stem} & (_evidence(triggers) | words.records)
        or noun.is_title
        or noun.is_upper
    ):
        return True
    return stem.endswith(tuple(words.agent_suffixes)) and not stem.endswith(tuple(words.act_suffixes))


def reporter(speakers: SpeakerResolver, subject: Token, triggers: Triggers, form: str) -> Speaker | None:
    """The speaker of a strict verb whose subject did not resolve: the subject when it is described
    (`described`), the verb reports a clause, a quote or the words around it set off by commas ("The
    word, the court found, is ..."), and the subject can report or has an owner ("Roe's speech
    suggests ...", "a gaffe by Roe suggested ...": the phrase names who); else None."""
    if form not in REPORTED or not described(subject, triggers.nouns):
        return None
    if can_report(subject, triggers) or any(_owner(c, triggers) for c in subject.children):
        return speakers.resolve(subject)
    return None


def _owner(child: Token, triggers: Triggers) -> bool:
    """A possessor ("Roe's speech") or a "by" phrase of someone who can report ("a gaffe by Roe")."""
    if child.dep_ == "poss":
        return True
    agents = (g for g in child.children if g.dep_ == "pobj") if child.lower_ == "by" else ()
    return child.dep_ == "prep" and any(can_report(g, triggers) for g in agents)
