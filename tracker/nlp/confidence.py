"""How much to trust a claim the machine found: a tier from the rule that made it.

Tiers: 3 verbatim words under a name the article gives; 2 a plain verb of saying under a name, or a
quote under a pronoun that resolves; 1 framing, a passed-on report, a rarer verb or a speaker only
described; 0 what is no claim to publish at all (a question, a no-comment, no speaker, an outlet's
reading of someone's testimony). The rules are data (patterns/confidence.jsonl), read in file order,
the first that matches decides; each names its id, which the claim keeps (`confidence_rule`) so a
curator can see why a claim waits. Publishing reads the tier: `TRACKER_PUBLISH_MIN_CONFIDENCE`.

A rule matches when every list it has contains the claim's value: `kinds` (the claim's kind),
`triggers` (the id of the trigger rule that found it), `attributions`, `resolutions` (how its speaker
was resolved: mention, compound, possessor, pronoun, anaphor, presiding ("the judge"), role ("the partner"),
issuer, survey, epithet ("the billionaire"), interviewee, unresolved, none;
"agent": the party a lawyer or spokesperson speaks for, "Acme's lawyers", "an Acme spokesman";
"pronoun-first": a pronoun given the first subject of the sentence before, which has no main-clause one;
"pronoun-owner": one given a name owning that sentence's subject, "Roe's lawyer said ...";
"pronoun-rival": one given that sentence's subject when its verb questions another person, "Roe asked Doe"),
`forms` (what its content is: quote, clause, phrase, around, noun, as; "relayed" when the sentence
names, after the content, another report the words came through: "“...,” Roe said, according to
CNN"). Then `in_context` rates a claim down where its sentence says it is second-hand, or that it is no
claim at all: the checks of CHECKS, in order, each a function here with its own docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, reduce

from tracker.nlp import answers, hearsay, negated_speakers
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.types import Claim

CONFIDENCE_FILE = PATTERNS_DIR / "confidence.jsonl"
RELAYED = re.compile(r"^[^.!?\n]{0,80}?\b(?:according to|reported|reports)\b", re.IGNORECASE)
# anywhere in the sentence outside quotation marks: "According to CNN, Roe said ...", "“...,” Roe said,
# according to CNN. “...”", "..., The Daily Post reported."
RELAYED_ANYWHERE = re.compile(
    r"(?i:\baccording to\b)|,\s*(?:the\s+)?[A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,4}\s+"
    r"(?:first\s+)?(?:reported|reports)\b"
)
WORDS = re.compile(r"[\w’']+|[^\w\s]")
# someone's attribution set off by a comma: ", the aide recalled,", "“...,” Doe added,", "..., Doe said."
ASIDE = re.compile(r"[,”\"]\s*(?P<who>[\w.’'&-]+(?:\s+[\w.’'&-]+){0,4}?)\s+(?P<verb>[a-z]+)\s*(?:[,.;]|$)")
POSSESSIVE = re.compile(r"['’]s?$")
TIERS = {0: "not a claim to publish", 1: "low", 2: "good", 3: "high"}


@dataclass(frozen=True)
class Rule:
    id: str
    tier: int
    kinds: frozenset[str] = frozenset()
    triggers: frozenset[str] = frozenset()
    attributions: frozenset[str] = frozenset()
    resolutions: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()

    def matches(self, *, kind: str, trigger: str, attribution: str, resolution: str, form: str) -> bool:
        return all(
            not wanted or value in wanted
            for wanted, value in (
                (self.kinds, kind),
                (self.triggers, trigger),
                (self.attributions, attribution),
                (self.resolutions, resolution),
                (self.forms, form),
            )
        )


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(
        Rule(
            id=row["id"],
            tier=int(row["tier"]),
            kinds=frozenset(row.get("kinds", ())),
            triggers=frozenset(row.get("triggers", ())),
            attributions=frozenset(row.get("attributions", ())),
            resolutions=frozenset(row.get("resolutions", ())),
            forms=frozenset(row.get("forms", ())),
        )
        for row in read_jsonl(CONFIDENCE_FILE)
    )


@cache
def rule_named(rule_id: str) -> Rule | None:
    return next((r for r in rules() if r.id == rule_id), None)


def rate(*, kind: str, trigger: str, attribution: str, resolution: str, form: str) -> tuple[int, str]:
    """(tier, rule id) of a claim; a claim no rule matches gets tier 0."""
    for rule in rules():
        if rule.matches(
            kind=kind, trigger=trigger, attribution=attribution, resolution=resolution, form=form
        ):
            return rule.tier, rule.id
    return 0, ""


def form_of(form: str, after: str) -> str:
    """The form a claim is rated by: "relayed" when the rest of its sentence (`after` the content)
    names another report the words came through ("“...,” Roe said, according to CNN.", "..., The
    Post reported."): the outlet passes on someone else's reporting (tier 1), else `form`."""
    return "relayed" if RELAYED.search(after) else form


def embedded(claim: Claim) -> Claim:
    """A claim rated above the embedded tier whose speaker follows a subordinating word of the
    "embedded" rule ("When Roe said ...", "an article that Roe said was written", "pointed out that
    Roe said ..."): the report is background to someone else's sentence, rated as embedded."""
    rule = rule_named("embedded")
    if rule is None or claim.confidence <= rule.tier or claim.speaker_start is None:
        return claim
    if claim.word_before_speaker() not in rule_words("embedded"):
        return claim
    return replace(claim, confidence=rule.tier, confidence_rule=rule.id)


@cache
def rule_words(rule_id: str, key: str = "words") -> frozenset[str]:
    """A rule's word list `key` of confidence.jsonl, lower-cased (the rules that read words of their own:
    "embedded", "aside", "paraphrase", "bare-answer", lone_antecedents' "audiences", questioned's
    "openers")."""
    return frozenset(
        w.lower() for row in read_jsonl(CONFIDENCE_FILE) if row["id"] == rule_id for w in row.get(key, ())
    )


def relayed(claim: Claim) -> Claim:
    """A claim rated above the relayed tier whose sentence, outside its quotation marks, names another
    report the words came through, before them or between the pieces of a quote ("According to CNN,
    Roe said ...", "“...,” Roe said, according to CNN. “...”"): rated as relayed. `form_of` sees only
    the words after the content; this sees the whole sentence."""
    rule = rule_named("relayed")
    if rule is None or claim.confidence <= rule.tier or claim.attribution == "according_to":
        return claim
    if not RELAYED_ANYWHERE.search("".join(_masked(claim))):  # “...,” the Times reported
        return claim
    return replace(claim, confidence=rule.tier, confidence_rule=rule.id)


def named_inside(claim: Claim) -> Claim:
    """A claim rated above the "named-inside" tier whose speaker is a pronoun resolved to a name that
    its own words name ("“Roe will win,” she said" with the "she" resolved to Roe): people seldom
    speak of themselves by name, so the resolution is more likely wrong than right: rated down. A
    possessive ("“Roe’s plan will win,” she said") names Roe as much as the bare name does."""
    rule = rule_named("named-inside")
    if rule is None or claim.confidence <= rule.tier or claim.resolution not in rule.resolutions:
        return claim
    surname = (claim.speaker_name or "").split()[-1:]
    if not surname or surname[0] not in {POSSESSIVE.sub("", w) for w in WORDS.findall(claim.text)}:
        return claim
    return replace(claim, confidence=rule.tier, confidence_rule=rule.id)


def named_before(claim: Claim) -> Claim:
    """A claim rated above the "named-before" tier whose speaker is a pronoun resolved to a name its
    own sentence gives before it, outside quotation marks ("Roe praised Doe's plan, and “...,” he
    said", "When Roe met Doe, she said ..."): with two people or a clause between, the name the
    rules pick there was wrong about a third of the time on PolNeAR train (read by hand), far more
    often than a name from the sentence before: rated down, it waits for a curator."""
    rule = rule_named("named-before")
    if rule is None or claim.confidence <= rule.tier or claim.resolution not in rule.resolutions:
        return claim
    surname = (claim.speaker_name or "").split()[-1:]
    if not surname or claim.speaker_start is None:
        return claim
    first = claim.sentence_start
    chars = list(claim.sentence[: max(claim.speaker_start - first, 0)])
    for quote in claim.quotes:
        for i in range(max(quote.start - 1, first), min(quote.end + 1, first + len(chars))):
            chars[i - first] = " "
    if surname[0] not in {POSSESSIVE.sub("", w) for w in WORDS.findall("".join(chars))}:
        return claim
    return replace(claim, confidence=rule.tier, confidence_rule=rule.id)


def aside(claim: Claim) -> Claim:
    """A claim rated above the "aside" tier whose sentence sets off someone else's attribution between
    its speaker and its words, or right after them ("Roe cannot say that “...,” Doe added, saying ...",
    "Roe said the levy “would fail,” the aide recalled, adding ..."): the words are passed on through
    the other one's account, or are theirs and the speaker a clause away: rated as the aside."""
    rule = rule_named("aside")
    if rule is None or claim.confidence <= rule.tier or claim.speaker_end is None:
        return claim
    first = claim.sentence_start
    own = {w.lower() for w in WORDS.findall(f"{claim.speaker} {claim.speaker_name or ''}")}
    for found in ASIDE.finditer("".join(_masked(claim)), claim.speaker_end - first):
        if found.start() > claim.end - first:
            break
        who = [w.lower() for w in WORDS.findall(found["who"])]
        if found["verb"] not in rule_words("aside") or who[0] in rule_words("aside", "not_first"):
            continue
        if not own.intersection(POSSESSIVE.sub("", w) for w in who):  # “...,” Roe said: Roe's own
            return replace(claim, confidence=rule.tier, confidence_rule=rule.id)
    return claim


def paraphrase(claim: Claim) -> Claim:
    """A claim with no quotation in its content, rated above the "paraphrase" tier, whose sentence
    opens with a marker of the outlet's rewording ("In other words, Roe is saying that ...") or puts
    such an adverb just before its verb of saying ("Roe effectively conceded that ..."): rated down."""
    rule = rule_named("paraphrase")
    if rule is None or claim.confidence <= rule.tier or claim.attribution == "direct" or not claim.cue:
        return claim
    before = claim.sentence[: max(claim.start - claim.sentence_start, 0)]
    openers = "|".join(re.escape(w) for w in rule_words("paraphrase", "openers"))
    adverbs = "|".join(re.escape(w) for w in rule_words("paraphrase", "adverbs"))
    opens = openers and re.match(rf"\W*(?:{openers})\b", before, re.IGNORECASE)
    marked = adverbs and re.search(rf"\b(?:{adverbs})\s+{re.escape(claim.cue)}\b", before, re.IGNORECASE)
    if not (opens or marked):
        return claim
    return replace(claim, confidence=rule.tier, confidence_rule=rule.id)


def no_comment(claim: Claim) -> Claim:
    """A claim whose words only say that its speaker will not comment ("Acme said it does not comment
    on pending litigation", "a spokeswoman said the company had no comment"): a no-comment put in a
    verb of saying, no answer to publish: rated as the no-comment rule and read as one (verb "decline
    to comment"). Only up to four words may come before the refusal, so words about someone's
    comments ("Roe said the judge's comments were unfair") stay a claim."""
    rule = rule_named("no-comment")
    if rule is None or not _refusal().match(claim.text):
        return claim
    return replace(
        claim, verb="decline to comment", confidence=min(claim.confidence, rule.tier), confidence_rule=rule.id
    )


def bare_answer(claim: Claim) -> Claim:
    """A claim rated above the "bare-answer" tier whose words are only a yes, a no or the like
    ("“No,” Roe said", "Roe said yes"), or such an answer with a short qualifier ("“Probably not at
    that scale,” Roe said": answers.py): it answers a question it does not carry: rated down."""
    rule = rule_named("bare-answer")
    if rule is None or claim.confidence <= rule.tier:
        return claim
    words = [w for w in WORDS.findall(claim.text.lower().replace("’", "'")) if w[0].isalnum()]
    if " ".join(words) not in rule_words("bare-answer") and not (
        answers.elliptical(words) or answers.told_only(words)
    ):
        return claim
    return replace(claim, confidence=rule.tier, confidence_rule=rule.id)


@cache
def _refusal() -> re.Pattern[str]:
    wordings = "|".join(
        w for row in read_jsonl(CONFIDENCE_FILE) if row["id"] == "no-comment" for w in row.get("contents", ())
    )
    # up to four words of subject, a quotation mark allowed before the refusal ('the company “does not ...')
    return re.compile(rf"^\W*(?:[\w’'.-]+\s+[“‘\"]?){{0,4}}?(?:{wordings or '(?!)'})", re.IGNORECASE)


def _masked(claim: Claim) -> list[str]:
    """The claim's sentence with its quotes blanked, the comma that closes a quote kept."""
    first = claim.sentence_start
    chars = list(claim.sentence)
    for quote in claim.quotes:
        for i in range(max(quote.start - 1, first), min(quote.end + 1, first + len(chars))):
            chars[i - first] = " "
        if quote.text.rstrip().endswith(",") and first <= quote.end < first + len(chars):
            chars[quote.end - first] = ","
    return chars


def not_said(claim: Claim) -> Claim:
    """Rated "not-said" where the speaker is no one ("Neither Roe nor Doe said ...": negated_speakers.py)."""
    rule = rule_named("not-said")
    return negated_speakers.rated(claim, rule.tier if rule else 0, rule.id if rule else "")


def passed_on(claim: Claim) -> Claim:
    """Rated "hearsay" where the outlet passes it on as hearsay ("Roe reportedly told ...": hearsay.py)."""
    rule = rule_named("hearsay")
    return hearsay.rated(claim, rule.tier if rule else None, "hearsay", rule_words("hearsay"))


CHECKS = (
    relayed,
    embedded,
    aside,
    named_inside,
    named_before,
    paraphrase,
    no_comment,
    bare_answer,
    not_said,
    passed_on,
)


def in_context(claims: Iterable[Claim], without: Iterable[Callable[[Claim], Claim]] = ()) -> list[Claim]:
    """The claims, each rated down by every check of CHECKS in turn but those `without` names (a
    promotion that narrows one check itself, as same_speaker does "named-before", leaves it out)."""
    checks = [check for check in CHECKS if check not in set(without)]
    return [reduce(lambda rated, check: check(rated), checks, claim) for claim in claims]
