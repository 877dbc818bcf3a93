"""The document a fronted "as" phrase names: "As stated in Roe's column, Y" is the column's Y.

"As noted in the report, ...", "as outlined in her memo, ...": a passive participle of saying marked
"as", with no subject and no "by" agent (placing.as_reported reads the clause it hangs on as the
content), names where the words were written with "in". PolNeAR takes the writing as the source when
it speaks ("another Pew study from 2011 noted", "according to the report"), and the resolver reads a
document's owner as it does for "Roe's column said" (speakers.py proxies). Only a document or record
of speakers.jsonl: "As noted in June", "as stated in court" name when and where, not who; with
nothing after the participle ("As noted above") the writer speaks, and the claim stays without one.
Train (PolNeAR) holds no such phrase with "in" (its six "As reported by X" take the agent already):
the rule answers the shape as the brief that asked for it invented it, and changes no train claim.
"""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.placing import as_clause
from tracker.nlp.speaker_words import speaker_words
from tracker.nlp.syntax import is_past_participle


def document(verb: Token) -> Token | None:
    """The document named by "in" on an agentless "as" participle `verb` ("As stated in the report"),
    when it is a document or record of speakers.jsonl; else None."""
    if not (as_clause(verb) and is_past_participle(verb)):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        return None
    words = speaker_words()
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lower_ in words.proxies.keys() | words.records:
                return noun
    return None
