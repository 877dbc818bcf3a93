"""Which way from publication a date named without its week or year lies, by the verb it dates.

Intent: "Thursday" or "March 3" names a day that recurs; dates.py picks one of its occurrences from the
publication day. Which one depends on the act the date hangs on: "testified Thursday" is the Thursday
before, "would question each juror on Thursday" and "is expected to begin Monday" the one ahead, and
"set a hearing for March 3" in a December article next year's, not the one nine months back.

Rules (word lists in patterns/date_tenses.jsonl):
- AHEAD: the verb the date hangs on (through prepositions and nouns: "a hearing on Thursday will decide")
  has a modal and no perfect "have" ("will", "would", "could"); or it is the complement of a governor in
  the present ("is expected to", "plans to", "is set to"); or the date follows "for" on a verb of setting a
  day or on its object ("set a hearing for Thursday", "is scheduled for March 3", "postponed to June 2"),
  whatever the tense.
- BEFORE: the verb's auxiliary is in the past ("was questioned", "has filed", "did not appear"). With no
  tagger in the pipeline a past with no auxiliary ("testified", "began") is left unread: "-ed" is no
  sign of it ("a hearing expected in late November", "scheduled a hearing on November 19").
- None otherwise (the present, a governor in the past, no verb, no parse): dates.py keeps its default.
Caveat: the parse decides what the date hangs on; "said Monday that she will testify" reads "Monday" with
"said" (before), as it should, only when the parser hangs it there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

TENSES_FILE = PATTERNS_DIR / "date_tenses.jsonl"
AHEAD, BEFORE = "ahead", "before"
FUTURE_WINDOW = timedelta(days=62)  # how far after publication a yearless date may land, tense unknown
AUXILIARIES = frozenset({"aux", "auxpass"})
CLAUSES = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"})
THINGS = frozenset({"nsubj", "nsubjpass", "poss"})  # a date on these dates a thing, not the verb's act
VERB_CHILDREN = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "csubj", "expl"})


@cache
def _words() -> dict[str, frozenset[str]]:
    rows = list(read_jsonl(TENSES_FILE))
    words = {row["id"]: frozenset(row["words"]) for row in rows}
    return words | {"prepositions": frozenset(p for row in rows for p in row.get("prepositions", ()))}


def tense_of(doc: Doc, start: int, end: int) -> str | None:
    """AHEAD, BEFORE or None for the date at [start, end) of `doc.text` (module docstring). The pipeline
    has no tagger: a verb is a token heading a clause or taking an auxiliary or a subject, and its tense
    is read from its auxiliaries. A date on a subject or a possessor ("Friday's verdict") is left unread."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words, token, via = _words(), span.root, None
    while not _verb(token) and token.head.i != token.i:
        if token.dep_ in THINGS:  # "Friday's verdict will be read Monday": the verdict's day, not the act's
            return None
        if via is None and token.dep_ == "prep":
            via = token.lower_
        token = token.head
        if via in words["prepositions"] and token.lower_ in words["scheduling-for"]:
            return AHEAD
    return _tense(token) if _verb(token) else None


def _verb(token: Token) -> bool:
    return token.dep_ in CLAUSES or any(c.dep_ in VERB_CHILDREN for c in token.children)


def _tense(verb: Token) -> str | None:
    words = _words()
    auxes = [c.lower_ for c in verb.children if c.dep_ in AUXILIARIES]
    if any(a in words["modal-ahead"] for a in auxes):
        return None if "have" in auxes else AHEAD
    governor = verb.head
    if verb.dep_ == "xcomp" and governor.lower_ in words["governor-ahead"]:
        return AHEAD if _present(governor) else None
    if any(a in words["past-auxiliary"] for a in auxes):
        return BEFORE
    return None


def _present(verb: Token) -> bool:
    """Whether a governor is in the present: "plans", "is expected", "are set", "is due" (or under a modal)."""
    words = _words()
    auxes = [c.lower_ for c in verb.children if c.dep_ in AUXILIARIES]
    if verb.dep_ == "acomp":  # "is due to"
        auxes.append(verb.head.lower_)
    if any(a in words["modal-ahead"] for a in auxes):
        return True
    if auxes:
        return any(a in words["present-be"] for a in auxes)
    return verb.lower_.endswith("s") and not verb.lower_.endswith("ss")


def weekday(published: date, target: int, tense: str | None) -> date:
    """The day of weekday `target` (0 Monday) a bare weekday names: on or after publication for an act
    AHEAD, else on or before it (news is told in the past tense)."""
    if tense == AHEAD:
        return published + timedelta(days=(target - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - target) % 7)


def yearless(
    published: date, make: Callable[[int], date], tense: str | None, *, month: bool = False
) -> date | None:
    """The reading of a day or month named without its year (`make` builds it for a year): for an act AHEAD
    the first not before publication (a month: not before its month), BEFORE the last not after it, else
    the latest that lands at most FUTURE_WINDOW after publication."""
    floor = published.replace(day=1) if month else published
    readings = []
    for year in range(published.year + 1, published.year - 5, -1):
        try:
            readings.append(make(year))
        except ValueError:  # 29 February in a common year
            continue
    if tense == AHEAD:
        return min((r for r in readings if r >= floor), default=None)
    ceiling = published if tense == BEFORE else published + FUTURE_WINDOW
    return max((r for r in readings if r <= ceiling), default=None)
