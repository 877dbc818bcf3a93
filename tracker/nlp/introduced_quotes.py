"""Quotations a sentence about a person introduces with a colon, with no verb of saying: "Toberoff's
closing line was blunt: “...”", "Musk, visibly irritated, turns to the jury: “...”", "Toberoff took to
X after the session: “...”", "Toberoff, walking out, to reporters: “...”" (the third, fourth and fifth
trial sets' t069, f130, v139, f112).

Decides: a sentence that opens with a person's name (one to four capitalised words a PERSON mention
covers whole, not after a title or an initial: "Mr. Roe" stands mid-sentence), or that name's possessive, goes on without quotation marks or a colon for at most
MAX_LEAD characters, then ends in a colon and a quotation of at least MIN_WORDS words that ends a
statement. The quotation is the named person's: a claim with the name as printed for its speaker,
rated at the "introduced-quote" rule's tier (patterns/confidence.jsonl: 1, it waits for a curator).

The same holds for a quotation standing as a sentence of its own that the next sentence points back to
with the name: "“...” That was the assessment of Laura Chen, a professor ...", "“...” That was Roe,
asked about ..." (the fourth and fifth trial sets' f018, v009): rule "pointed-quote", tier 1 too.

Why: live blogs and trial write-ups set a quote after a sentence that only shows the speaker acting
("turns to the jury", "took to X") or names the words ("his closing line was blunt"); no reporting verb
holds the quote, so no rule of claims.py found it, and labelled_quotes.py reads only a bare name or a
name and a phrase of occasion before the colon.

Caveats: the lead may name what someone else wrote ("Roe shared a post: “...”") or a slogan, so the
speaker is a guess and the claim waits; a quotation in the next paragraph ("... a long windup:" then
the quote) is not read; claims of the rules, and of the other layout readers, that hold the same words
win (transcripts.merge), and a name the rules already give a claim in that sentence takes none ("Roe
said yes and went on: “...”": on PolNeAR train the gold joins both under the one verb).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tracker.nlp import confidence
from tracker.nlp.quotes import find_quotes
from tracker.nlp.triggers import Trigger
from tracker.nlp.types import Claim, DateMention, Mention
from tracker.nlp.verbatim import gated, named_quote

RULE = "introduced-quote"
MIN_WORDS = 4  # "Sustained." says little on its own
MAX_LEAD = 120  # characters between the name and the colon
_INTRODUCED = Trigger(id=RULE, lemma="say", pos="verb", attribution="direct")
_NAME_WORD = r"[A-Z](?:[\w.-]|['’](?!s\b))*"  # "O'Donnell", not "Doe's"
# a title or an initial just before the name: "Mr. Roe", "Sen. Roe", "J. Roe" stand mid-sentence
_TITLED = re.compile(r"(?:^|\s)[A-Z][a-z]{0,2}\.[ \t]$")
_INTRODUCED_QUOTE = re.compile(
    r"(?:(?<![^\n])|(?<=[.!?…][ \t])|(?<=[.!?…][”\"][ \t])|(?<=[—–][ \t]))"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})(?:['’]s?)?[ \t,][^\n:“”\"]{{1,{MAX_LEAD}}}"
    r":[ \t]*[“\"](?P<words>[^\n“”\"]*[.!…])[”\"]",
)

# “...” That was [the assessment of] Roe
_POINTED_QUOTE = re.compile(
    r"(?:(?<![^\n])|(?<=[.!?…][ \t])|(?<=[.!?…][”\"][ \t])|(?<=[—–][ \t]))"
    r"[“\"](?P<words>[^\n“”\"]*[.!…])[”\"][ \t]+That(?:[ \t]+(?P<cue>was|is)|(?P<clitic>['’]s))[ \t]+"
    rf"(?:(?:the|an?)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+(?:of|from)[ \t]+)?(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
)
_POINTED = Trigger(id="pointed-quote", lemma="say", pos="verb", attribution="direct")


def introduced_claims(
    text: str,
    mentions: Sequence[Mention] = (),
    dates: Sequence[DateMention] = (),
    *,
    claimed: Sequence[Claim] = (),
) -> list[Claim]:
    """One claim per quotation a sentence about a named person introduces with a colon (module
    docstring); none when the rule is missing from patterns/confidence.jsonl, nor where a claim of
    `claimed` (the rules') already has that name, at that place, for speaker: its verb of saying holds
    the sentence ("Roe said yes and added: “...”")."""
    people = [m for m in mentions if m.label == "PERSON"]
    rule = confidence.rule_named(RULE)
    if not people or rule is None:
        return []
    quotes = find_quotes(text)
    speaking = {c.speaker_start for c in claimed}
    claims = _pointed(text, people, quotes, dates)
    for person in people:  # anchored at each name: a lead opening with another word must not hide it
        match = _INTRODUCED_QUOTE.match(text, person.start)
        if (
            match is None
            or person.start in speaking
            or match.end("name") > person.end
            or _TITLED.search(text, max(person.start - 8, 0), person.start)
        ):
            continue
        claim = _rated(text, _INTRODUCED, match, person, rule, cue=":", quotes=quotes, dates=dates)
        claims += [claim] if claim else []
    return gated(text, claims)


def _pointed(text: str, people: Sequence[Mention], quotes: list, dates: Sequence[DateMention]) -> list[Claim]:
    """The claims of quotations the next sentence points back to with a person's name (module
    docstring), rated at the "pointed-quote" rule's tier; none without the rule."""
    rule = confidence.rule_named(_POINTED.id)
    claims = []
    for match in _POINTED_QUOTE.finditer(text) if rule else ():
        person = next(
            (m for m in people if m.start == match.start("name") and m.end >= match.end("name")), None
        )
        cue = match.group("cue") or match.group("clitic")
        claim = _rated(text, _POINTED, match, person, rule, cue=cue, quotes=quotes, dates=dates)
        claims += [claim] if claim else []
    return claims


def _rated(
    text: str,
    trigger: Trigger,
    match: re.Match,
    person: Mention,
    rule: confidence.Rule,
    *,
    cue: str,
    quotes: list,
    dates: Sequence[DateMention],
) -> Claim | None:
    """The claim of the quotation `match` found, for `person`, rated no higher than `rule`'s tier."""
    claim = named_quote(
        text,
        trigger,
        match,
        person,
        min_words=MIN_WORDS,
        cue=cue,
        quotes=quotes,
        dates=dates,
        line_start=match.start(),
    )
    return (
        replace(claim, confidence=min(claim.confidence, rule.tier), confidence_rule=rule.id)
        if claim
        else None
    )
