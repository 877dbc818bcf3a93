"""Elliptical answers: words that only answer yes or no, with at most a short qualifying phrase.

Decides whether a claim's words are an answer that leaves out what it answers ("Probably not at that
scale", "No, not in those words", "Not to my knowledge", "Yes, at the time"): under a speaker's name
they say nothing a reader can check, since the question that carries their content ("Asked whether
Acme would have paid that much, ...") is not in the claim. Such a claim is rated like a bare yes or
no (confidence rule "bare-answer", whose word list already covers "Absolutely not" and "Never").

The shape, read on words only (the parse has no tagger to say where a verb is): one or more answer
words that include a yes or a no ("not", "never", "no", "yes" ...), hedged or not ("probably",
"certainly"), made stronger or not ("Never, ever", "No, not ever": an answer of adverbs only, however
firm, is still an answer), then nothing, or a preposition and at most three words ("at that scale", "to my
knowledge"), or one adverb in -ly ("Not closely"), or "that I" or "that we" and at most three words
("Not that I recall"). A verb after the answer ("No, we never agreed to it") or a longer phrase makes a
sentence of its own, which keeps its tier; so does an answer with a word of its own before it
("Partly, yes, for the early tests").

An answer may also be a pronoun and an auxiliary or two, negated or not ("Roe's lawyers say he did",
"Doe said she would not", "they can't", "Roe confirmed she had been"): the verb it stands for is in
the question before, so the words
alone say nothing ("he did" what?), nor after a yes or a no ("Yes, I did"). A pronoun and an auxiliary with anything after them ("it was
over") are a sentence of their own, except a pronoun, a verb and "it" or "so", with at most a short
qualifying phrase, not an infinitive ("I meant it at the time", "I said so"; not "he expected it to
change"): the verb echoes the question's ("And you meant it?") and "it" is what the question asked
about, so the words alone say nothing either.

So is a verb of telling with only the one told (`told_only`): "We told the people who needed to know",
"I told them at the time", "I told him so": what was told is the question's ("And you did not tell the
public?"), and the words alone do not say it. The one told must be an object pronoun or a noun phrase
with a "who" clause (a person), so "I told the truth" keeps its tier, and anything after it but a short
qualifying phrase, or "so" or "that", is what was told ("I told him what I believed at the time", "we
told the board the deal was off"): a sentence of its own. "You tell me" turns the question back on the
one who asked, no telling reported: it keeps its tier (PolNeAR train, a candidate's deflection, 2).
"""

from __future__ import annotations

POLAR = frozenset({"yes", "yeah", "yep", "no", "nope", "not", "never"})
HEDGED = frozenset(
    {"absolutely", "certainly", "definitely", "probably", "likely", "possibly", "surely", "perhaps", "maybe"}
)
INTENSIFIERS = frozenset({"ever", "really"})  # "Never, ever", "No, not ever", "No, really": adverbs only
PREPOSITIONS = frozenset("at in on for to from with without by under before after until of".split())
MAX_QUALIFIER = 3  # words after the preposition
PRONOUNS = frozenset("i you he she it we they".split())
ECHOED = frozenset(
    {"it", "so"}
)  # the thing the question asked about: "I meant it" ("that" may open a clause)
PERFECT = frozenset({"been", "be", "have"})  # a second auxiliary: "she had been", "he would have"
AUXILIARIES = frozenset(
    "do does did is are am was were will would can could shall should may might must has have had".split()
) | {"won't", "can't", "cannot"}


def elliptical(words: list[str]) -> bool:
    """Whether `words` (lowercased, punctuation dropped) are an elliptical answer (module docstring)."""
    if len(words) in (2, 3, 4) and words[0] in PRONOUNS:
        first, _, second = " ".join(words[1:]).removesuffix(" not").partition(" ")  # "she had been"
        auxiliary = first in AUXILIARIES or first.removesuffix("n't") in AUXILIARIES  # "can't", "wouldn't"
        if auxiliary and (not second or second in PERFECT):
            return True
        if len(words) < 4:
            return False
    if len(words) >= 3 and words[0] in PRONOUNS and words[2] in ECHOED:
        rest = words[3:]  # "I meant it at the time": the question's verb and its thing, echoed
        return not rest or (rest[0] in PREPOSITIONS - {"to"} and 1 <= len(rest) - 1 <= MAX_QUALIFIER)
    answer = 0
    while answer < len(words) and (words[answer] in POLAR | HEDGED | INTENSIFIERS):
        answer += 1
    if not any(w in POLAR for w in words[:answer]):
        return False
    rest = words[answer:]
    if len(rest) == 1 and rest[0].endswith("ly") and len(rest[0]) > 3:
        return True  # "Not closely", "Never publicly"
    if rest[:1] == ["that"] and rest[1:2] in (["i"], ["we"]) and len(rest) - 2 <= MAX_QUALIFIER:
        return True  # "Not that I recall", "Not that we were told"
    if len(rest) in (2, 3) and rest[0] in PRONOUNS and elliptical(rest):
        return True  # "Yes, I did", "No, we didn't": the answer and a pronoun and an auxiliary
    return not rest or (rest[0] in PREPOSITIONS and 1 <= len(rest) - 1 <= MAX_QUALIFIER)


TELLING = frozenset("tell tells told inform informs informed notify notifies notified".split())
TOLD = frozenset("me us you him her them everyone everybody anyone anybody".split())
TELLERS = PRONOUNS - {"you", "it"}  # "You tell me": the question turned back, no telling reported
BEFORE_VERB = AUXILIARIES | {"not", "never", "already", "only", "always", "didn't", "hadn't", "haven't"}
DETERMINERS = frozenset("the our my his her their your its those these".split())
RELATIVE = frozenset({"who", "whom"})  # a person's: "the people who needed to know"
MAX_RELATIVE = 4  # words of such a clause


def told_only(words: list[str]) -> bool:
    """Whether `words` (lowercased, punctuation dropped) are a pronoun telling someone, with nothing
    told (module docstring): "we told the people who needed to know", "i told him at the time"."""
    if len(words) < 3 or words[0] not in TELLERS:
        return False
    verb = 1
    while verb < min(len(words), 3) and words[verb] in BEFORE_VERB:
        verb += 1
    if verb >= len(words) - 1 or words[verb] not in TELLING:
        return False
    told = words[verb + 1 :]
    if told[0] in TOLD:
        return _qualifies(told[1:], relative=False)
    if told[0] not in DETERMINERS:
        return False
    return any(told[n : n + 1] and told[n] in RELATIVE and _qualifies(told[n:]) for n in (2, 3))


def _qualifies(rest: list[str], *, relative: bool = True) -> bool:
    """Nothing, "so" or "that", a short prepositional phrase, or (when `relative`) a short "who" clause."""
    if not rest or rest in (["so"], ["that"]):
        return True
    if relative and rest[0] in RELATIVE:
        return 1 <= len(rest) - 1 <= MAX_RELATIVE
    return rest[0] in PREPOSITIONS - {"to", "of"} and 1 <= len(rest) - 1 <= MAX_QUALIFIER
