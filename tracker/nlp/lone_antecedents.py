"""A pronoun speaker a reader can sign: "Roe testified for four hours. He told jurors that ...".

Decides: a claim the catch-all "other" rule left at tier 1 whose speaker is "he" or "she" resolved to
a name (resolution "pronoun"), with a plain verb of saying and a clause (patterns/confidence.jsonl,
rule "lone-antecedent": its `triggers`; "tell" only to the court, `audiences`: "told jurors",
"told the court", not "told reporters"), takes that rule's tier when the name is the only person the
sentence before names who may be of the pronoun's gender, and its own sentence names no one before
the pronoun. Then no reader can take the "he" for anyone else, and the clause is as plainly said as
under the name itself.

Why: a quote under a resolved pronoun publishes (rule "quote-pronoun"), but a clause under one waited
for a curator, so "He told jurors that ..." after a sentence about the witness, the commonest way
trial coverage goes on about a witness, never showed. PolNeAR's scorer does not judge a pronoun
speaker, so the rule was judged by reading a sample of the claims it promotes on train (session 20).
A clause set off around its speaker ("The plan, she said, has failed") is one clause too: on train
it published 14 more claims, all 14 right, read by hand (session 22). So is a name two sentences back
when the sentence before names no one of the pronoun's gender and has the same pronoun as its subject
("Roe joined Acme. She ran its audit team. She said ..."; the resolver's chain, chained_pronouns.py):
6 more on train, all right. Not a pronoun whose verb describes a noun ("the tone he said he would
set": the words lack that noun), the one wrong claim that reading found.

Caveats: a person is counted as a rival unless their first name is one most often given to the other
gender (genders.first_names); a description ("the senator") is no rival, since the resolver gives the
pronoun the sentence before's main-clause subject. A claim that a sentence-level check of
confidence.in_context (embedded, relayed, aside ...) would rate down again is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from tracker.nlp import confidence, promotions, syntax
from tracker.nlp.genders import first_names, labelled
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.types import Claim, Mention

RULE = "lone-antecedent"
PERSON = frozenset({"PERSON"})
CAUGHT_BY = "other"  # only claims the catch-all rated are promoted
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
POSSESSIVE = re.compile(r"['’]s?$")


def promote(claims: Sequence[Claim], doc: Doc, mentions: Sequence[Mention]) -> list[Claim]:
    """The claims, each one the "lone-antecedent" rule matches rated at its tier (module docstring)."""
    people = [m for m in mentions if labelled(m, PERSON, None)]  # "Jane Roe" tagged ORG too
    return promotions.promoted(claims, RULE, lambda claim, rule: _signed(claim, rule, doc, people))


def pronoun_gender(claim: Claim, rule: confidence.Rule, doc: Doc) -> str | None:
    """The gender of the he/she a clause claim was resolved from, when the catch-all rated it and `rule`
    (its trigger and resolution) admits it; else None: not a claim these promotions look at."""
    gender = speaker_words().genders.get(claim.speaker.lower())
    if (
        claim.confidence_rule != CAUGHT_BY
        or gender is None
        or claim.speaker_start is None
        or not claim.speaker_name
        or not rule.matches(kind="", trigger=claim.rule, attribution="", resolution=claim.resolution, form="")
        or not clause_content(claim, doc)
    ):
        return None
    return gender


def _signed(claim: Claim, rule: confidence.Rule, doc: Doc, people: Sequence[Mention]) -> bool:
    if (gender := pronoun_gender(claim, rule, doc)) is None:
        return False
    pronoun = doc.char_span(claim.speaker_start, claim.speaker_end, alignment_mode="expand")
    if pronoun is None:
        return False
    sentence = pronoun[0].sent
    if any(sentence.start_char <= m.start and m.end <= claim.speaker_start for m in people):
        return False  # a name in its own sentence before it: another reading (confidence "named-before")
    if sentence.start == 0 or pronoun[0].head.dep_ == "relcl":
        return False  # "the tone he said he would set": the words lack the noun they describe
    before = doc[sentence.start - 1].sent
    if not lone(claim.speaker_name, before, people, gender) and not _goes_on(before, people, gender):
        return False
    if claim.rule == "tell":
        verb = _verb(claim, sentence, pronoun[0])
        return verb is not None and syntax.has_object(verb, confidence.rule_words(RULE, "audiences"))
    return True


def waiting_speaker(
    claim: Claim, rule: confidence.Rule, doc: Doc, *, content: Callable[[Claim, Doc], bool] | None = None
) -> Span | None:
    """The speaker of a claim the catch-all rule left waiting whose verb and resolution `rule` matches and
    whose content is a clause (`clause_content`, or what `content` accepts besides); None for any other
    claim. What the promotions by a verb under a speaker (argued.py, counsel.py) start from."""
    if (
        claim.confidence_rule != CAUGHT_BY
        or claim.speaker_start is None
        or not rule.matches(kind="", trigger=claim.rule, attribution="", resolution=claim.resolution, form="")
        or not (clause_content(claim, doc) or (content is not None and content(claim, doc)))
    ):
        return None
    speaker = doc.char_span(claim.speaker_start, claim.speaker_end or 0, alignment_mode="expand")
    return speaker if speaker is not None and len(speaker) else None


def clause_content(claim: Claim, doc: Doc) -> bool:
    """The content is a clause of its own, not in quotation marks, in one piece or in two around its
    speaker ("The plan, she said, has failed"): a verb with a subject heads it ("that the board
    approved it"), not a noun phrase ("said nothing", "denied the charges")."""
    if claim.attribution != "indirect" or not _around_speaker(claim):
        return False
    content = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if content is None:
        return False
    return any(c.dep_ in SUBJECTS for c in content.root.children)


def _around_speaker(claim: Claim) -> bool:
    """The content is one piece, or two with the speaker's phrase between them (set off: "The plan,
    she said, has failed")."""
    if not claim.pieces:
        return True
    (_, first_end), (second_start, _) = claim.pieces[0], claim.pieces[-1]
    speaker = claim.speaker_start
    return len(claim.pieces) == 2 and speaker is not None and first_end <= speaker < second_start


def lone(name: str, before: Span, people: Sequence[Mention], gender: str) -> bool:
    """`name` is the one person of `before` who may be of `gender`, named there at least once."""
    surname = POSSESSIVE.sub("", name.split()[-1])
    named = [m for m in people if before.start_char <= m.start and m.end <= before.end_char]
    others = {
        POSSESSIVE.sub("", m.text.split()[-1])
        for m in named
        if POSSESSIVE.sub("", m.text.split()[-1]) != surname and may_be(m, gender)
    }
    return not others and any(POSSESSIVE.sub("", m.text.split()[-1]) == surname for m in named)


def _goes_on(before: Span, people: Sequence[Mention], gender: str) -> bool:
    """`before` names no one who may be of `gender` and has the same pronoun as its main clause's
    subject ("Roe joined Acme. She ran its audit team. She said ..."): the name came through that
    pronoun (chained_pronouns.py, which refuses a chain past anyone else)."""
    named = [m for m in people if before.start_char <= m.start and m.end <= before.end_char]
    if any(may_be(m, gender) for m in named):
        return False
    root = before.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and speaker_words().genders.get(subject.lower_) == gender


def may_be(mention: Mention, gender: str) -> bool:
    """The person may be of `gender`: no first name of the other gender."""
    first = mention.text.split()[0]
    known = first_names().get(first)
    return known is None or known == gender or len(mention.text.split()) == 1


def _verb(claim: Claim, sentence: Span, pronoun: Token) -> Token | None:
    """The claim's verb: the token of its cue nearest after the pronoun (or before it)."""
    cues = [t for t in sentence if t.text == claim.cue]
    return min(cues, key=lambda t: (t.i < pronoun.i, abs(t.i - pronoun.i)), default=None)
