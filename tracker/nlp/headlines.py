"""Title-case headlines the parser gave no claim: "Roe Tells Voters Their Taxes Will Fall", "Acme Just
Announced Who It Will Hire", "Roe Calls Doe's Plan ‘A Disgrace.’".

The small model reads a line that capitalises every word poorly (claims.py's caveats): "Tells" or
"Calls" comes out a proper noun and the line yields nothing. Such a line, standing as a paragraph of its
own, still says who said what in a fixed order: a short subject, a capitalised reporting verb, what was
said. This module reads that order by position, for a headline line no other rule read:

- the verb: the first word of the line that is a form of a reporting verb (patterns/reporting_verbs.jsonl)
  read without conditions on its subject or object and whose content is not only a quote ("Post" in
  "Wash Post" is no report); capitalised, after the subject;
- the subject: the words before it, from the line's start or after a label ("Breaking: ", "Wow: ") or
  a comma ("After The Debate, Roe Said ..."); a few words (`MAX_SUBJECT_WORDS`), every one capitalised,
  cut at a relative ("Actor Who Backed Roe Just Called ...": the actor); adverbs and auxiliaries between
  it and the verb ("Just", "Now", "Is Now Calling") are skipped;
- what was said: the rest of the line up to a dash that opens a tease ("... – It May Surprise You"),
  at least `MIN_CONTENT_WORDS` words, or two with the second quoted ("Roe Calls Board ‘Reckless’": the
  thing and what it is called; issue 12 lists the shape among dev's misses, train has none); when
  little follows the verb, the words before the subject and a comma ("Guns Are ‘A Crisis,’ Roe Tells
  Convention": `_fronted`), not an opening phrase ("After The Vote, Roe Tells Council");
- a second capitalised reporting verb after a comma or semicolon: a second report of the same subject,
  the first one's words ending before it ("Roe Says X, Calls Y ‘Z’"); such a line is read even when the
  parse gave it one draft that ran over both reports (that draft is replaced by the two).

No claim for a negated verb ("May Not Have Suggested"), a passive ("Got Told ...", "Was Warned ...",
"Accused Of": the subject is not the speaker; "Is Now Calling" is no passive), a subject opened by "If",
"When" ... ("If Roe Says It, It's True"), a subject of stop words or numbers alone ("One Tweet Sums
Up ...": the verb is a noun), a word in "-ed" just before the verb ("Inquiry Helped Reveal"), a subject
with other punctuation ("(Reporting by ...)") or what was said opened by a preposition the
verb's rule does not read as content ("Roe Responds To Doe's Attack": what it answers; "Calls On Doe To
Quit" stays). Every claim is rated "headline" (gates.is_headline; confidence.jsonl: tier 1, it waits
for a curator).

Measured on PolNeAR train (issue 12): 16 claims on headlines no rule read, 13 matching an annotated
attribution with its speaker; the other 3 are reports the annotators left out ("Roe Denies ...") or a
stance ("Candidates Reject The Idea Of ..."). The fronted words and the second report (issue 12, later):
two more annotated attributions matched with their speaker, one claim that ran over two replaced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from tracker.nlp import gates
from tracker.nlp.framing import Reader
from tracker.nlp.speakers import Speaker
from tracker.nlp.triggers import Draft, Trigger

MAX_SUBJECT_WORDS = 4  # "Former Roe Campaign Adviser": a headline names its speaker in a few words
MAX_BEFORE_WORDS = 6  # words before the verb, skipped adverbs included (gates.MAX_HEADLINE_SPEAKER_WORDS)
MIN_CONTENT_WORDS = 3  # "Roe Tells Convention" says nothing said
PASSIVE = frozenset("got gets get is are was were been be being".split())
SKIPPED = PASSIVE | frozenset("just now finally also again reportedly has have had will would".split())
NEGATIONS = frozenset({"not", "never", "no"})
OPENERS = frozenset(
    "if when after before why how what as because while though although unless until since whether".split()
)
RELATIVES = frozenset({"who", "that", "which", "whose"})
LABEL_OR_BREAK = frozenset({":", ","})
COORDINATING = frozenset({",", ";"})  # "Roe Says X, Calls Y ‘Z’": a second report of the same subject
TEASE_DASHES = frozenset({"–", "—", "-", "--", "…"})
SENTENCE_ENDS = frozenset({".", "?", "!"})
PREPOSITIONS = frozenset("to about on upon for of with against over at in from by into".split())
QUOTE_MARKS = "\"'“”‘’`"
WORDLIKE = re.compile(r"[\w“”‘’\"'.&-]+")


def with_headlines(reader: Reader, drafts: Sequence[Draft]) -> list[Draft]:
    """`drafts` and the drafts of the title-case headline lines of the doc on which no draft lies (module
    docstring); a headline line whose one draft runs over a second report of its subject ("Roe Says X,
    Calls Y ‘Z’") gets the two reports instead."""
    kept, found = list(drafts), []
    start = 0
    for line in reader.text.split("\n"):
        end = start + len(line)
        on = [d for d in kept if d.segment.start_char < end and d.segment.end_char > start]
        span = reader.doc.char_span(start, end, alignment_mode="expand") if line.strip() else None
        read = _from_line(reader, span) if span is not None and len(span) and len(on) < 2 else []
        if not on:
            found += read
        elif len(read) == 2 and read[0].verb == on[0].verb:  # "Says X, Calls Y": two reports, not one
            kept.remove(on[0])
            found += read
        start = end + 1
    return kept + found


def _from_line(reader: Reader, line: Span) -> list[Draft]:
    if not gates.title_case(line.text):
        return []
    words = [t for t in line if not t.is_space]
    for k, token in enumerate(words):
        if k == 0 or not token.text[:1].isupper():
            continue
        trigger = _trigger(reader, token)
        if trigger is None:
            continue
        if not gates.is_headline(reader.text, line.start_char, line.end_char, token.text, token.idx):
            return []
        return _coordinated(reader, line, words, k, trigger)
    return []


def _coordinated(reader: Reader, line: Span, words: list[Token], k: int, trigger: Trigger) -> list[Draft]:
    """The verb's draft; a second capitalised reporting verb after a comma is the same subject's second
    report, and the first one's words end before it ("Roe Says X, Calls Y ‘Z’")."""
    j, second = next(
        (
            (i, found)
            for i in range(k + 2, len(words))
            if words[i - 1].text in COORDINATING
            and words[i].text[:1].isupper()
            and (found := _trigger(reader, words[i]))
        ),
        (None, None),
    )
    if j is None:
        return [d for d in [_draft(reader, line, words, k, trigger)] if d is not None]
    drafts = [
        _draft(reader, line, words[: j - 1], k, trigger),
        _draft(reader, line, words[:k] + words[j:], k, second),
    ]
    return [d for d in drafts if d is not None] if drafts[0] is not None else []


def _trigger(reader: Reader, token: Token) -> Trigger | None:
    """A plain verb of saying; not one that is one only with its particle ("Point Out"), which a
    headline's "Voters Have Point: ..." lacks ("Calls On" is "call" with other readings)."""
    for trigger in reader.triggers.verbs.get(token.lower_, ()):
        if (
            trigger.pos == "verb"
            and not (trigger.subjects or trigger.objects or trigger.negated)
            and not (trigger.requires and all(r.startswith("prt:") for r in trigger.requires))
            and trigger.content in ("complement", "phrase", "clause", "words")
        ):
            return trigger
    return None


def _draft(reader: Reader, line: Span, words: list[Token], k: int, trigger: Trigger) -> Draft | None:
    verb = words[k]
    first = max((i + 1 for i in range(k) if words[i].text in LABEL_OR_BREAK), default=0)
    before = words[first:k]
    if first and before and before[0].text in QUOTE_MARKS:  # "‘A Crisis,’ Roe Tells ...": the quote's close
        before = before[1:]
    skipped = []
    while before and (before[-1].lower_ in SKIPPED or before[-1].lower_.endswith("ly")):
        skipped.append(before.pop().lower_)  # "Just", "Is Now", "Resoundingly"
    if any(w.lower_ in NEGATIONS or "n't" in w.lower_ or "n’t" in w.lower_ for w in words[first : k + 1]):
        return None
    if PASSIVE & set(skipped) and not verb.lower_.endswith("ing"):  # "Got Told ...": not the speaker
        return None
    if not before or len(words[first:k]) > MAX_BEFORE_WORDS or before[0].lower_ in OPENERS:
        return None  # "If Roe Says It, It's True": no one's report
    if before[-1].lower_.endswith("ed"):  # "Inquiry Helped Reveal ...": a verb before the verb
        return None
    cut = next((i for i, w in enumerate(before) if w.lower_ in RELATIVES), len(before))
    subject = before[:cut]
    if not subject or len(subject) > MAX_SUBJECT_WORDS or not all(_capitalised(w) for w in subject):
        return None
    if all(w.lower_ in STOP_WORDS or w.like_num for w in subject):  # "One Tweet Sums Up ...": no one
        return None
    if _named_thing(reader, subject[-1], verb):  # "Obama Power Plant Rules Face ...": the rules face
        return None
    rest = words[k + 1 :]
    stop = next(
        (
            i
            for i, w in enumerate(rest)
            if w.text in TEASE_DASHES or (w.text in SENTENCE_ENDS and i < len(rest) - 1)
        ),
        len(rest),
    )
    content = rest[:stop]
    if _words(content) < MIN_CONTENT_WORDS and not _quoted_predicate(content):
        content = _fronted(words, first)  # "Guns Are ‘A Crisis,’ Roe Tells Convention": said before
        if _words(content) < MIN_CONTENT_WORDS or content[0].lower_ in OPENERS:
            return None
    if content[0].lower_ in PREPOSITIONS and not _asks_for(trigger, content[0].lower_):
        return None  # "Roe Responds To Doe's Attack": what it answers, not what was said
    piece = reader.range(range(content[0].i, content[-1].i + 1), line)
    if piece[1] <= piece[0]:
        return None
    if verb.i + 1 < len(reader.doc) and reader.doc[verb.i + 1].lower_ == "of":  # "Accused Of": passive
        return None
    said = {w.lower_ for w in words[k:]}
    return Draft(trigger, _speaker(reader, subject, said), [piece], line, verb=verb, form=gates.HEADLINE)


def _named_thing(reader: Reader, last: Token, verb: Token) -> bool:
    """The verb's word is also a thing that can speak (a proxy of speakers.jsonl: "Rules", "Reports")
    and the model read it as the last word of the subject's name, not a person's ("Obama Power Plant
    Rules", one ORG): the headline's subject ends there and no one reports. "CNN Reports ..." ("Reports"
    outside the name), "Judge Rules ..." ("Judge" no name) and "Jane Roe Tweets ..." (a person's name
    takes no such noun) stay."""
    return (
        verb.lower_ in reader.speakers.words.proxies
        and last.ent_type_ not in ("", "PERSON")
        and verb.ent_iob_ == "I"
        and last.i == verb.i - 1
    )


def _words(words: list[Token]) -> int:
    return sum(1 for w in words if w.text[:1].isalnum())


def _quoted_predicate(content: list[Token]) -> bool:
    """Two words, the second quoted ("Roe Calls Board ‘Reckless’"): a thing and what it is called."""
    return (
        _words(content) == 2 and content[0].text[:1].isalnum() and any(t.text in QUOTE_MARKS for t in content)
    )


def _fronted(words: list[Token], first: int) -> list[Token]:
    """What was said put before the subject and a comma, when little or nothing follows the verb ("Guns
    Are ‘A Crisis,’ Roe Tells Convention", "X Is Y, Roe Says"): the words before that comma."""
    return words[: first - 1] if first and words[first - 1].text == "," else []


def _asks_for(trigger: Trigger, preposition: str) -> bool:
    """The verb's rule reads a phrase of this preposition as what was said ("Calls On Doe To Quit")."""
    wanted = trigger.requires | trigger.about | trigger.asks
    return f"prep:{preposition}" in wanted or f"prt:{preposition}" in wanted


def _capitalised(word: Token) -> bool:
    text = word.text.strip(QUOTE_MARKS)
    return WORDLIKE.fullmatch(word.text) is not None and (not text or text[0].isupper() or text[0].isdigit())


def _speaker(reader: Reader, subject: list[Token], said: set[str]) -> Speaker:
    """The subject's last word resolved (a name the article gives), kept only when it lies in the
    subject and its name takes no word of the verb or of what was said (the model may read a whole
    headline as one name: "Roe Tells Guest Voters"); else the subject's words as written."""
    start, end = subject[0].idx, subject[-1].idx + len(subject[-1])
    resolved = reader.speakers.resolve(subject[-1])
    name = set((resolved.name or "").lower().split())
    if start <= resolved.start and resolved.end <= end and not name & said:
        return resolved
    return Speaker(reader.text[start:end], start, end)
