"""Who may testify and who rules: the roles of a courtroom in a claim's kind (the "court" line of
patterns/claim_kinds.jsonl).

Intent: "Judge Roe [ruling]" must be an order or a decision, and "[testimony]" a witness's words.
- A judge (a speaker phrase with a judge's word, or a name the article titles "Judge") rules only in an
  act of deciding: a decision word in the claim's frame ("denied the motion, saying ...", "wrote in an
  order", "Ruling from the bench, ..."); her other words are remarks ("told the jury to disregard ...",
  "said she expected closings on Thursday"), never testimony nor a party's defense. A court, panel or
  jury (no person) speaks only by deciding: its claims stay rulings.
- A lawyer (a speaker phrase with a lawyer's word, or a name the article introduces as one: "Doe's
  lawyer Jo Roe", "Jo Roe, Doe's attorney") argues for a party and is never a witness, whatever the
  setting ("told jurors", "in court").
- An organisation (a speaker resolved to a mention of a label in `no_witness_labels`) cannot take the
  stand: its words are testimony only when its curated representative, named in the article, speaks for
  it (SpeakerResolver.represented: representatives.py credits the claim to that person); otherwise
  its lawyers argue ("Acme urged the jury ..., arguing that ...", "Acme disclosed in court that ..."): a
  statement. Written from trial passages f123 (fourth set), f008 (first), t105 (third), u023 (unseen)
  and one PolNeAR train claim, all testimony before; no other claim of the four sets or of train changed.
- A speaker questioned by a lawyer or the judge ("Pressed by Doe's attorney, Roe conceded ...", "Asked
  by the judge ...", "a question from the judge") is a witness: testimony.
Caveat: a surname is matched by its last word, as claim_kinds matches witnesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from tracker.nlp.components import rule_row
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.speakers import Speaker, SpeakerResolver
from tracker.nlp.triggers import KINDS_FILE, Trigger

EXAMINED_BY = frozenset({"agent", "prep"})  # "pressed by Doe's attorney", "a question from the judge"
EXAMINING = frozenset({"by", "from"})


@cache
def court_rules() -> dict:
    rule = rule_row(KINDS_FILE, "court")
    words = "|".join(
        re.escape(c).replace(r"\ ", r"\s+") for c in sorted(rule["decisions"], key=len, reverse=True)
    )
    return {
        "judges": frozenset(rule["judges"]),
        "decisions": re.compile(rf"\b(?:{words})\b", re.IGNORECASE),
        "advocates": frozenset(rule["advocates"]),
        "examiners": frozenset(rule["examiners"]),
        "no_witness": frozenset(rule["no_witness_labels"]),
    }


def judge_kind(trigger: Trigger, frame: str) -> str:
    """A judge's claim: a ruling in an act of deciding, a question when she asks, else a remark."""
    if trigger.kind_hint == "question":
        return "question"
    return "ruling" if court_rules()["decisions"].search(frame) else "statement"


def is_judge(speaker: Speaker, speakers: SpeakerResolver) -> bool:
    return _holds(speaker, speakers, court_rules()["judges"], _titled(speakers), person=True)


def no_witness(speaker: Speaker, speakers: SpeakerResolver) -> bool:
    """An organisation no person named in the article testifies for: its claim is never testimony."""
    return speaker.label in court_rules()["no_witness"] and speaker.entity not in speakers.represented


def misread_court(speaker: Speaker, speakers: SpeakerResolver) -> bool:
    """The speaker's "ruling" hint comes only from a court's word in the name of something else ("the
    Justice Department's spokeswoman", "the Brennan Center for Justice"): no court speaks."""
    if speaker.kind_hint != "ruling" or speaker.label == "COURT":
        return False
    roles = [t for t in _span(speaker, speakers) if t.lower_ in speaker_words().roles]
    return bool(roles) and not any(_of_person(t) for t in roles)


def is_advocate(speaker: Speaker, speakers: SpeakerResolver) -> bool:
    return _holds(speaker, speakers, court_rules()["advocates"], _introduced(speakers))


def examined(frame: Iterable[Token]) -> bool:
    """The frame has the speaker questioned by a lawyer or the judge: a verb or noun of questioning
    (speakers.jsonl "question") whose "by" or "from" names one."""
    rules, asking = court_rules(), speaker_words().questioning | {"question", "questions"}
    for token in frame:
        if token.lower_ not in asking:
            continue
        for prep in (c for c in token.children if c.dep_ in EXAMINED_BY and c.lower_ in EXAMINING):
            if any(o.dep_ == "pobj" and o.lower_ in rules["examiners"] for o in prep.children):
                return True
    return False


def _holds(
    speaker: Speaker,
    speakers: SpeakerResolver,
    words: frozenset[str],
    surnames: set[str],
    person: bool = False,
) -> bool:
    """A word of the role in the speaker's phrase (naming a person when `person`: not "the Justice
    Department"), or the speaker's name among those the article gives the role."""
    if any(t.lower_ in words and (not person or _of_person(t)) for t in _span(speaker, speakers)):
        return True
    name = (speaker.name or speaker.text).split()
    return bool(name) and name[-1].lower() in surnames


def _span(speaker: Speaker, speakers: SpeakerResolver) -> list[Token]:
    span = speakers.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _of_person(token: Token) -> bool:
    """The word names a person or titles one, not part of another name ("Justice Department")."""
    if token.ent_type_ not in ("", "PERSON"):
        return False
    return not (token.dep_ == "compound" and token.head.ent_type_ != "PERSON")


def _titled(speakers: SpeakerResolver) -> set[str]:
    """Last words of the names the article titles with a judge's word ("Judge Jo Roe")."""
    return _cached(
        speakers, "_judges", lambda doc: _names_with(speakers, court_rules()["judges"], titles=True)
    )


def _introduced(speakers: SpeakerResolver) -> set[str]:
    """Last words of the names the article gives a lawyer's word in apposition or as a title."""
    return _cached(speakers, "_advocates", lambda doc: _names_with(speakers, court_rules()["advocates"]))


def _cached(speakers: SpeakerResolver, attribute: str, build) -> set[str]:
    found = getattr(speakers, attribute, None)
    if found is None:
        found = build(speakers.doc)
        setattr(speakers, attribute, found)
    return found


def _names_with(speakers: SpeakerResolver, words: frozenset[str], *, titles: bool = False) -> set[str]:
    doc: Doc = speakers.doc
    names = set()
    for mention in speakers.mentions:
        if mention.label != "PERSON":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span[-1]
        if titles:
            before = doc[span.start - 1] if span.start else None
            has = span[0].lower_ in words or (
                before is not None and before.lower_ in words and before.is_title
            )
        else:
            near = [*head.children, head.head] if head.dep_ == "appos" else [*head.children]
            before = doc[span.start - 1] if span.start else None
            has = any(t.lower_ in words for t in near) or (before is not None and before.lower_ in words)
        if has:
            names.add(head.lower_)
    return names
