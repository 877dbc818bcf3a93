"""Who "the judge" is: the one judge the article has named before.

Decides the speaker of "the judge", "the presiding judge", "the federal judge" (a judge's word of
claim_kinds.jsonl "court", `judges`, with "the" or "this" and no possessor): the person the article
named before it as a judge: titled ("Judge Jane Roe", "U.S. District Judge Jane Roe", "federal judge
Jane Roe") or set beside the word ("Jane Roe, the presiding judge", "the judge, Jane Roe"). Only when
the article has named exactly one such person before the phrase, outside quotation marks when the
phrase is outside them: with two judges named (a trial judge and an appeals panel's) or none, "the
judge" stays as written, unresolved, as a reader could not tell either; a judge is never guessed from
anywhere but the article's own words (not from the case's curated judge). Resolved this way (resolution
"presiding") the speaker is rated as the name itself (patterns/confidence.jsonl: "speech-named",
"court-named"; a quote "quote-pronoun"): "the judge said that ..." publishes as "Roe said that ..."
does, since only one judge can be meant; before session 21 it was rated as an anaphor ("the company"),
under which a clause waited at tier 1.

A court paper ("the order", "this ruling": claim_kinds.jsonl "court", `papers`, with "the" or "this"
and no possessor) speaks for that judge too ("The order found ..." is the ruling of the judge who entered
it), as a document speaks for who issued it, unless the article names a higher court before it
(`higher_courts`: "appeals", "circuit", "justices"), whose order it may be; the paper stays the speaker
as written (PolNeAR's gold source), the judge its name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from tracker.nlp import referents
from tracker.nlp.components import PATTERNS_DIR, rule_row
from tracker.nlp.types import Mention

if TYPE_CHECKING:
    from tracker.nlp.speakers import SpeakerResolver

DETERMINERS = frozenset({"the", "this"})
VIA = "presiding"  # a resolution of its own: confidence.jsonl rates it as a name


@cache
def judges() -> frozenset[str]:
    return frozenset(rule_row(PATTERNS_DIR / "claim_kinds.jsonl", "court")["judges"])


@cache
def papers() -> frozenset[str]:
    return frozenset(rule_row(PATTERNS_DIR / "claim_kinds.jsonl", "court")["papers"])


@cache
def _higher_courts() -> re.Pattern[str]:
    words = rule_row(PATTERNS_DIR / "claim_kinds.jsonl", "court")["higher_courts"]
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


def judge_for(resolver: SpeakerResolver, token: Token) -> tuple[Mention | None, str | None]:
    """(the judge named before, "presiding") when `token` heads "the judge" or a court paper of that
    judge's (`_the_paper`) and the article has named one judge before it; else (None, None)."""
    if not _the_judge(token) and not _the_paper(resolver, token):
        return None, None
    judge = one_named(resolver, token, lambda mention: _titled(resolver, mention))
    return (judge, VIA) if judge is not None else (None, None)


def one_named(resolver: SpeakerResolver, token: Token, fits: Callable[[Mention], bool]) -> Mention | None:
    """The one person the article named before `token` that `fits` (one person under several
    mentions counts once), never inside quotation marks for a `token` outside them; None when it named
    none or more than one."""
    outside = token.i not in resolver.quoted
    named: dict[str, Mention] = {}
    for mention in resolver.mentions_in(0, token.idx):
        if mention.label != "PERSON" or mention.end > token.idx:
            continue
        if outside and mention in resolver.in_quotes:
            continue
        if fits(mention):
            named[mention.entity or referents.full_name(resolver.mentions, mention, resolver.genders)] = (
                mention
            )
    return next(iter(named.values())) if len(named) == 1 else None


def _the_judge(token: Token, words: frozenset[str] | None = None) -> bool:
    """ "the judge", "the presiding judge", "this federal judge": not "a judge", "Roe's judge", a
    judge's word inside another name ("the Justice Department") nor a plural."""
    if token.lower_ not in (words or judges()) or token.dep_ == "compound":
        return False
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ in DETERMINERS for c in children) and not any(
        c.dep_ == "poss" for c in children
    )


def _the_paper(resolver: SpeakerResolver, token: Token) -> bool:
    """ "the order", "this ruling" (`papers`, as `_the_judge` reads "the judge") in an article naming no
    higher court before it."""
    return _the_judge(token, papers()) and _higher_courts().search(resolver.text, 0, token.idx) is None


def _titled(resolver: SpeakerResolver, mention: Mention) -> bool:
    """The article names the person as a judge: a judge's word right before the name or opening it
    ("Judge Jane Roe", "federal judge Jane Roe"), or set beside it ("Jane Roe, the presiding judge";
    "the judge, Jane Roe")."""
    doc = resolver.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    words = judges()
    if span[0].lower_ in words or (span.start and doc[span.start - 1].lower_ in words):
        return True
    head = span.root
    beside = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        beside.append(head.head)
    return any(t.lower_ in words for t in beside)
