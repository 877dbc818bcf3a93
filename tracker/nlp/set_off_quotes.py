"""A quotation set off by dashes or brackets straight after a person's name: "Several senators have said
the same, including the former governor Jane Roe -- “No nominee should hide his accounts” -- and Paul
Doe", "Senators such as Jane Roe (“No nominee should hide his accounts”) agree".

Decides: the sentence's own report, if it has one, belongs to a group ("Several senators ... said the
same"); the words set off right after one named member are that member's, printed as an aside with no
verb of saying for the rules of claims.py to find, so they were no one's claim. They are the named
person's: a claim with the name as printed for its speaker (verb "say", attribution "direct"), rated
tier 1 by the "set-off-quote" rule of confidence.jsonl: no verb says the person said those words, so a
curator checks them before they are published.

What counts: a PERSON mention ending right before an opening dash (--, —, –, or a hyphen after a space)
or an opening bracket, then a quotation (“...”, "..." or ''...'') of at least MIN_WORDS words that
holds a clause of its own (a subject inside it: a nickname or a title given to the person, "Rubio
(“Little Marco”)", has none), then the closing dash or bracket. The name, or the head it is in
apposition to, or the first of its conjuncts, stands where a speaker stands: a subject, a sentence of
its own, or an example of a group ("including", "such as", "among"). A name that is a verb's object
("Roe attacked Doe -- “He is a weak candidate” --") is the words' target, not their speaker; so is an
example of a group when the clause's subject is a person ("Roe attacked her rivals, including Doe --
“...” --"). Like signed quotes, the claims pass the precision gates and join the rules' claims only
where no claim of the rules holds their words (transcripts.merge).

Caveats: PolNeAR train has no such quotation after a name in a subject's or an example's place (session
30: the words set off by dashes there follow a clause, "Roe finally wrapped up -- “...” --", or a
thing, "the phrase -- “we assess” --"); its two quotations in brackets straight after a name are
nicknames another person gave them, objects and too short to count. The rule is written for the
form, from an invented sentence, and waits for a curator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tracker.nlp.doc_texts import text_of
from tracker.nlp.quotes import find_quotes
from tracker.nlp.triggers import Trigger
from tracker.nlp.types import Claim, DateMention, Mention
from tracker.nlp.verbatim import gated, kind_before, verbatim_claim

MIN_WORDS = 4  # "Little Marco", "So terrible": a label, or too little to sign
EXAMPLES = {"including", "among"}  # prepositions that name a group's members; "such as" below
SPEAKER_PLACES = {"nsubj", "nsubjpass", "ROOT"}
PERSONAL = {"i", "we", "you", "he", "she", "they"}
_SET_OFF_QUOTE = Trigger(id="set-off-quote", lemma="say", pos="verb", attribution="direct")
_SET_OFF = re.compile(
    r"[ \t]*(?:(?P<dash>--|—|–|(?<=[ \t])-)|(?P<bracket>\())[ \t]*"
    r"(?:[“\"]|'')(?P<words>[^\n“”\"]+?)(?:[”\"]|'')[ \t]*"
    r"(?(dash)(?:--|—|–|-)|\))"
)


def set_off_claims(
    doc: Doc, mentions: Sequence[Mention] = (), dates: Sequence[DateMention] = ()
) -> list[Claim]:
    """One claim per quotation set off straight after a person's name in a speaker's place (module
    docstring)."""
    text = text_of(doc)
    claims, quotes = [], None
    for person in (m for m in mentions if m.label == "PERSON"):
        match = _SET_OFF.match(text, person.end)
        if match is None or not _in_speakers_place(doc, person):
            continue
        words = match.group("words").strip().rstrip(",")
        if len(words.split()) < MIN_WORDS:
            continue
        start = match.start("words") + match.group("words").index(words[0])
        end = start + len(words)
        if not _has_subject(doc, start, end):
            continue
        sentence = doc.char_span(person.start, person.end, alignment_mode="expand").sent
        first, last = sentence.start_char, max(sentence.end_char, match.end())
        line = text.rfind("\n", 0, start) + 1
        quotes = find_quotes(text) if quotes is None else quotes  # the text's, once, for the few found
        claims.append(
            verbatim_claim(
                text,
                _SET_OFF_QUOTE,
                span=(start, end),
                sentence=(first, last),
                speaker=(person.text, person.start, person.end),
                kind=kind_before(_SET_OFF_QUOTE, text, line),
                resolution="mention",
                cue=match.group("dash") or match.group("bracket"),
                quotes=quotes,
                dates=dates,
                date_span=(first, end),
                speaker_name=person.entity or person.text,
                speaker_entity=(person.entity, person.entity_id),
            )
        )
    return gated(text, claims)


def _in_speakers_place(doc: Doc, person: Mention) -> bool:
    """Whether the name is a subject, a sentence of its own or a group's example, itself or through
    the head it is in apposition to or the first of its conjuncts."""
    token: Token = doc.char_span(person.start, person.end, alignment_mode="expand").root
    while token.dep_ in ("appos", "conj", "compound") and token.head is not token:
        token = token.head
    if token.dep_ in SPEAKER_PLACES:
        return True
    if token.dep_ != "pobj":
        return False
    head = token.head
    such_as = head.lower_ == "as" and any(c.lower_ == "such" for c in head.children)
    return (head.lower_ in EXAMPLES or such_as) and not _said_by_someone(head)


def _said_by_someone(phrase: Token) -> bool:
    """Whether the clause that `phrase` hangs on has a person for its subject, a name or a personal
    pronoun ("Roe attacked her rivals, including Doe -- “...” --"): the words set off after one of the
    examples are then more likely that person's, about them, than the example's own."""
    for token in phrase.ancestors:
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.ent_type_ == "PERSON" or subject.lower_ in PERSONAL
    return False


def _has_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether the words at [start, end) hold a clause: a subject inside them."""
    words = doc.char_span(start, end, alignment_mode="expand")
    return words is not None and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in words)
