"""A source given by "per", as "according to" gives one: "Per Roe, the board will not appeal."

Decides: whether a "per" names the source of its clause's words. Only "Per X," set off at its
sentence's start or after a comma, with X a person or an organisation the article names (a PERSON or
ORG mention) in at most MAX_WORDS words, closed by a comma. The claim is then built as for "according
to X" (framing.from_according) and carries its attribution ("according_to"), so it waits at tier 1
("reported-by" in patterns/confidence.jsonl) like every other report passed on.

Why: newsletters and live blogs write "Per Toberoff, Musk will not retake the stand" for "according
to Toberoff" (the fifth and sixth trial sets' v138, w140). "per" is mostly a preposition of rate or
manner ("$5 per share", "per the agreement", "per capita"): the set-off form and the named source keep
those out. PolNeAR train has no "Per X," at all, so the rule has no evidence to publish on: tier 1.

Caveats: not a document ("Per the complaint, ..."), not a description ("..., per two people who
heard the remark"), not "per" closing the sentence ("..., per Roe.").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker.nlp.speakers import SpeakerResolver

WORD = "per"
LABELS = frozenset({"PERSON", "ORG"})
MAX_WORDS = 4  # "Per Roe", "Per OpenAI spokesperson Jane Roe"; longer is a description


def names_source(per: Token, segment: Span, speakers: SpeakerResolver) -> bool:
    """`per` opens a "Per X," naming a person or organisation (module docstring)."""
    doc = per.doc
    source = next((c for c in per.children if c.dep_ == "pobj"), None)
    if per.lower_ != WORD or source is None or source.right_edge.i + 1 >= segment.end:
        return False
    opens = per.i == segment.start or doc[per.i - 1].text == ","
    closed = doc[source.right_edge.i + 1].text == ","
    if not opens or not closed or source.right_edge.i - per.i > MAX_WORDS:
        return False
    mention = speakers.mention_at(source)
    return mention is not None and mention.label in LABELS
