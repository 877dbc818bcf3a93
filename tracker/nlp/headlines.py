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
  at least `MIN_CONTENT_WORDS` words.

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
stance ("Candidates Reject The Idea Of ...").
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
TEASE_DASHES = frozenset({"–", "—", "-", "--", "…"})
SENTENCE_ENDS = frozenset({".", "?", "!"})
PREPOSITIONS = frozenset("to about on upon for of with against over at in from by into".split())
QUOTE_MARKS = "\"'“”‘’`"
WORDLIKE = re.compile(r"[\w“”‘’\"'.&-]+")


def from_headlines(reader: Reader, drafts: Sequence[Draft]) -> list[Draft]:
    """Drafts of the title-case headline lines of the doc on which no draft lies (module docstring)."""
    taken = [(d.segment.start_char, d.segment.end_char) for d in drafts]
    found = []
    start = 0
    for line in reader.text.split("\n"):
        end = start + len(line)
        if line.strip() and not any(a < end and b > start for a, b in taken):
            span = reader.doc.char_span(start, end, alignment_mode="expand")
            draft = _from_line(reader, span) if span is not None and len(span) else None
            if draft is not None:
                found.append(draft)
        start = end + 1
    return found


def _from_line(reader: Reader, line: Span) -> Draft | None:
    if not gates.title_case(line.text):
        return None
    words = [t for t in line if not t.is_space]
    for k, token in enumerate(words):
        if k == 0 or not token.text[:1].isupper():
            continue
        trigger = _trigger(reader, token)
        if trigger is None:
            continue
        if not gates.is_headline(reader.text, line.start_char, line.end_char, token.text, token.idx):
            return None
        return _draft(reader, line, words, k, trigger)
    return None


def _trigger(reader: Reader, token: Token) -> Trigger | None:
    for trigger in reader.triggers.verbs.get(token.lower_, ()):
        if (
            trigger.pos == "verb"
            and not (trigger.subjects or trigger.objects or trigger.negated)
            and trigger.content in ("complement", "phrase", "clause", "words")
        ):
            return trigger
    return None


def _draft(reader: Reader, line: Span, words: list[Token], k: int, trigger: Trigger) -> Draft | None:
    verb = words[k]
    first = max((i + 1 for i in range(k) if words[i].text in LABEL_OR_BREAK), default=0)
    before = words[first:k]
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
    if sum(1 for w in content if w.text[:1].isalnum()) < MIN_CONTENT_WORDS:
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
