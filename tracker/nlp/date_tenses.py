"""Which way from publication a date named without its week or year lies, by the verb it dates.

Intent: "Thursday" or "March 3" names a day that recurs; dates.py picks one of its occurrences from the
publication day. Which one depends on the act the date hangs on: "testified Thursday" is the Thursday
before, "would question each juror on Thursday" and "is expected to begin Monday" the one ahead, and
"set a hearing for March 3" in a December article next year's, not the one nine months back.

Rules (word lists in patterns/date_tenses.jsonl):
- AHEAD: the verb the date hangs on (through prepositions and nouns: "a hearing on Thursday will decide")
  has a modal and no perfect "have" ("will", "would", "could"); or it is the complement of a governor in
  the present ("is expected to", "plans to", "is set to", "is likely to"; with no auxiliary, on a noun, a
  reduced relative: "The talks, set to end on Tuesday"); or the date follows "for" on a verb of setting a
  day or on its object ("set a hearing for Thursday", "is scheduled for March 3", "postponed to June 2"),
  whatever the tense.
- AFTER, a day after an act that may itself lie back: the date follows "on" on a verb of setting a day
  after its object ("set a hearing on November 9": the day of the thing set), or "until" on a verb of
  giving or having a deadline ("has until Oct. 29", "gave the parties until October 22"), or it dates the
  act a verb of instructing asks of its object ("told jurors to return on Tuesday", "ordered the bank to
  produce the records by Friday"). The day follows the setting, which news tells when it happens: a bare
  weekday is read as the one ahead; a yearless date keeps the default (within FUTURE_WINDOW ahead), since
  such a day may have passed ("gave the parties until October 22", told in November) and the one ahead
  would be a year off. Either way it is not the day an article reports (undated placement skips it).
- AHEAD too, a proceeding's next step told in the present ("The trial resumes Monday", "Jurors return on
  Tuesday", "Closings are Wednesday", "is resuming its case on Friday", "The expert is expected on Monday"):
  a verb of `present-scheduled` with its subject and no auxiliary, or an "-ing" form or a governor after a
  present auxiliary, the date on the verb itself (not on a noun: "says in a filing Monday") or on what an
  existential "there is" says is ("if there is a close vote on Thursday"). Only in a
  sentence: in a line with no sentence end (a headline, "Musk testifies Tuesday", maybe written after the
  fact in the historical present) such a present is UNSURE, and dates.py gives the weekday no value unless
  it is the publication day (then both readings agree).
- STANDING: "every Friday", "each Monday" name no one day; dates.py gives them no value.
- BEFORE: the verb's auxiliary is in the past ("was questioned", "has filed", "did not appear"). With no
  tagger in the pipeline a past with no auxiliary ("testified", "began") is left unread: "-ed" is no
  sign of it ("a hearing expected in late November", "scheduled a hearing on November 19").
- BEFORE too, a day right after an outcome named with "the" or a possessor ("a boost from the win
  Tuesday", "her victory on Thursday"): a known outcome, whatever verb the parse hangs the day on. A day
  premodifying a noun with a possessor ("despite her March comment") is a known thing's, not read ahead.
- None otherwise (the present, a governor in the past, no verb, no parse): dates.py keeps its default.
Caveat: the parse decides what the date hangs on; "said Monday that she will testify" reads "Monday" with
"said" (before), as it should, only when the parser hangs it there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.doc_texts import text_of

TENSES_FILE = PATTERNS_DIR / "date_tenses.jsonl"
AHEAD, AFTER, BEFORE, UNSURE, STANDING = "ahead", "after", "before", "unsure", "standing"
_PRESENT = "present"  # `_tense`'s reading of a present: AHEAD in a sentence, UNSURE in a headline
FUTURE_WINDOW = timedelta(days=62)  # how far after publication a yearless date may land, tense unknown
AUXILIARIES = frozenset({"aux", "auxpass"})
CLAUSES = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"})
THINGS = frozenset({"nsubj", "nsubjpass", "poss"})  # a date on these dates a thing, not the verb's act
VERB_CHILDREN = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "csubj", "expl"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")  # a line that ends a sentence, not a headline


@cache
def _words() -> dict[str, frozenset[str]]:
    rows = list(read_jsonl(TENSES_FILE))
    words = {row["id"]: frozenset(row["words"]) for row in rows}
    words |= {
        f"{row['id']} {key}": frozenset(row[key]) for row in rows for key in ("via", "definite") if key in row
    }
    return words | {"prepositions": frozenset(p for row in rows for p in row.get("prepositions", ()))}


def tense_of(doc: Doc, start: int, end: int) -> str | None:
    """AHEAD, AFTER, BEFORE, UNSURE, STANDING or None for the date at [start, end) of `doc.text` (module
    docstring). The pipeline has no tagger: a verb is a token heading a clause or taking an auxiliary or a
    subject, and its tense is read from its auxiliaries and, for a present, its form. A date on a subject
    or a possessor ("Friday's verdict") is left unread."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words, token, via = _words(), span.root, None
    if any(c.dep_ == "det" and c.lower_ in words["every"] for c in token.children):
        return STANDING
    if _outcome_named(span):  # "a boost from the win Tuesday": the win's day, whatever the parse hangs it on
        return BEFORE
    # "despite her March comment": the comment's day, a known thing's, not read ahead by the verb's modal
    possessed = token.dep_ == "compound" and any(c.dep_ == "poss" for c in token.head.children)
    while not _verb(token) and token.head.i != token.i:
        if token.dep_ in THINGS:  # "Friday's verdict will be read Monday": the verdict's day, not the act's
            return None
        if via is None and token.dep_ == "prep":
            via = token.lower_
        token = token.head
        if via in words["prepositions"] and token.lower_ in words["scheduling-for"]:
            return AHEAD
        if via in words["deadline-until via"] and token.lower_ in words["deadline-until"]:
            return AFTER  # "has until Oct. 29", "gave the parties until October 22"
        setting = via in words["scheduling-on via"] and token.lower_ in words["scheduling-on"]
        if setting and any(c.dep_ == "dobj" and c.i < span.start for c in token.children):
            return AFTER  # "set a hearing on November 9" (not "the hearing was set on Monday")
    tense = _tense(token) if _verb(token) else None
    if possessed and tense != BEFORE:
        return None
    return _present_day(span, token, via, end) if tense == _PRESENT else tense


def _present_day(span: Span, verb: Token, via: str | None, end: int) -> str | None:
    """A present `verb`'s reading of the date `span` (ending at `end`): AHEAD in a sentence, UNSURE in a
    line with no sentence end (a headline), when the date is on the verb itself, on its "on" or on an
    adverb of it, or on what an existential "there is" says is ("if there is a close vote on Thursday")
    (else none: "resumes with a recording of the call on Monday", "After Thursday, the story is ...");
    of two verbs joined ("is off Monday and resumes Tuesday"), the one it is on."""
    on, words = span.root.head, _words()
    if on.dep_ == "conj" and on.head.i == verb.i:
        if on.lower_ not in words["present-scheduled"]:
            return None
        verb = on
    thing = on.head if on.dep_ == "prep" else on
    there = any(c.dep_ == "expl" and c.lower_ in words["existential"] for c in verb.children)
    existing = there and thing.dep_ == "attr" and thing.head.i == verb.i
    on_verb = verb.i in (on.i, on.head.i if on.dep_ in ("prep", "advmod") else on.i)
    if via not in (None, "on") or not (on_verb or existing):
        return None
    line = text_of(span.doc)[end:].partition("\n")[0].rstrip()
    return AHEAD if SENTENCE_END.search(line) else UNSURE


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
    instructed = verb.dep_ == "xcomp" and governor.lower_ in words["instructing"]
    if instructed and any(c.dep_ == "dobj" for c in governor.children):  # "told jurors to return on Tuesday"
        return AFTER
    if any(a in words["past-auxiliary"] for a in auxes):
        return BEFORE
    if auxes and all(a in words["present-auxiliary"] for a in auxes):
        if verb.lower_ in words["governor-ahead"]:  # "The expert is expected on Monday"
            return AHEAD
        present = verb.lower_.endswith("ing") or verb.lower_ in words["present-scheduled"]
        return _PRESENT if present else None  # "is resuming its case Friday", "does not sit Monday"
    subject = any(c.dep_ in SUBJECTS for c in verb.children)
    return _PRESENT if not auxes and subject and verb.lower_ in words["present-scheduled"] else None


def _present(verb: Token) -> bool:
    """Whether a governor is in the present: "plans", "is expected", "are set", "is due" (or under a modal)."""
    words = _words()
    auxes = [c.lower_ for c in verb.children if c.dep_ in AUXILIARIES]
    if verb.dep_ == "acomp":  # "is due to"
        auxes.append(verb.head.lower_)
    if verb.dep_ == "acl" and not auxes:  # "The talks, set to end on Tuesday, ...": a reduced relative
        return True
    if any(a in words["modal-ahead"] for a in auxes):
        return True
    if auxes:
        return any(a in words["present-be"] for a in auxes)
    return verb.lower_.endswith("s") and not verb.lower_.endswith("ss")


def _outcome_named(span: Span) -> bool:
    """Whether the date `span` follows, alone or after "on", an outcome named with "the" or a possessor
    ("a boost from the win Tuesday", "her victory on Thursday"): the outcome's day, and an outcome so
    named is known, so BEFORE (not "with a win on Thursday", one to come)."""
    words, at = _words(), span.start - 1
    if at > 0 and span.doc[at].lower_ == "on":
        at -= 1
    noun = span.doc[at] if at >= 0 else None
    if noun is None or noun.lower_ not in words["outcome"]:
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in words["outcome definite"]) for c in noun.children
    )


def weekday(published: date, target: int, tense: str | None) -> date | None:
    """The day of weekday `target` (0 Monday) a bare weekday names: on or after publication for an act
    AHEAD or AFTER, else on or before it (news is told in the past tense); none for a STANDING day, nor for an
    UNSURE one unless it is the publication day (both readings agree)."""
    if tense == STANDING or (tense == UNSURE and target != published.weekday()):
        return None
    if tense in (AHEAD, AFTER):
        return published + timedelta(days=(target - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - target) % 7)


def yearless(
    published: date, make: Callable[[int], date], tense: str | None, *, month: bool = False
) -> date | None:
    """The reading of a day or month named without its year (`make` builds it for a year): for an act AHEAD
    the first not before publication (a month: not before its month), BEFORE the last not after it, else
    the latest that lands at most FUTURE_WINDOW after publication; none for a STANDING one ("every May")."""
    if tense == STANDING:
        return None
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
