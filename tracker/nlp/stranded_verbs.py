"""A speaker's reporting verb the parser left inside the insertion set off after the speaker: "Jan Roe,
who served as Doe's strategist during the 2012 campaign, called the remarks “childish.”", "Jan Roe -
who previously said he would cut taxes - said on Monday that ...", "Jan Roe, director of a group
that has endorsed Doe, said Doe has ...". The small model makes the name the root of a sentence with
no verb and hangs the verb on a word of the insertion ("campaign", "cut", "endorsed"), as a clause of
its own or a modifier; the verb then has no subject and the report is lost (misparsed.set_off_subject
reads the same sentences when the parser did make the verb the root).

The shape is read only where it is plain: the sentence's root is a speaking name (a PERSON or ORG
mention's last word) with no subject of its own, set off by a comma or a dash right after it; the
verb, a form of a reporting verb that is not an "-ing" participle, lowercase and with no subject,
comes after it right behind a comma or a dash, and the words between hold no unclosed quotation.
Then the parse is put back as the sentence reads before any rule runs (`rehang`): the verb becomes
the root with the name as its subject, and every word after the verb that the parser hung on a word
before it hangs on the verb (what the insertion's words had taken: "that ...", "at a rally"), as does
an opening phrase the parser hung on the name ("In an email dated ..., Jan Roe, ..., informed");
words of the insertion the parser hung on the verb go back to the word the verb hung on.
Caveat: a verb the parser gave a subject from the insertion ("..., which has endorsed Doe - said Doe
has ...": "Doe said") is left as parsed.

Measured on PolNeAR train (issue 12): five sentences re-hung, five claims added and one that ran over
two reports split in two; all speakers right, one claim ("Biden, echoing Erdogan, called on Kurds not
to cross ...") correct but not annotated.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from tracker.nlp.types import Mention

SPEAKING = frozenset({"PERSON", "ORG"})
MARKS = frozenset({",", "-", "--", "—", "–"})  # what sets off an insertion
QUOTES = ('"', "“", "”")
NAME_DEPS = frozenset(
    {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod"}
)  # the name's own


def rehang(doc: Doc, mentions: Sequence[Mention], verbs: Collection[str]) -> int:
    """Re-hang every verb of the shape above on its name; returns how many it re-hung. Changes `doc`'s
    parse in place."""
    names = {m.end for m in mentions if m.label in SPEAKING}
    repaired = 0
    for verb in doc:
        name = verb.sent.root
        if _stranded(verb, name, verbs) and name.idx + len(name) in names and _set_off(name, verb):
            _rehang(verb, name)
            repaired += 1
    return repaired


def _stranded(verb: Token, name: Token, verbs: Collection[str]) -> bool:
    """A reporting verb after a mark, with no subject, under a root noun before it that has none."""
    return (
        verb.lower_ in verbs
        and verb.text[0].islower()
        and not verb.lower_.endswith("ing")
        and name.i < verb.i - 2
        and verb.head != name
        and verb.doc[verb.i - 1].text in MARKS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in (*verb.children, *name.children))
    )


def _set_off(name: Token, verb: Token) -> bool:
    """The name is followed at once by a mark, and the insertion up to the verb closes its quotes."""
    doc = name.doc
    inserted = doc[name.i + 1 : verb.i].text
    return doc[name.i + 1].text in MARKS and sum(inserted.count(q) for q in QUOTES) % 2 == 0


def _rehang(verb: Token, name: Token) -> None:
    doc, host = verb.doc, verb.head
    for token in [c for c in verb.lefts if c.i < verb.i - 1]:  # the insertion's words the verb had taken
        token.head = host
    verb.head, verb.dep_ = verb, "ROOT"
    name.head, name.dep_ = verb, "nsubj"
    for token in [c for c in name.lefts if c.dep_ not in NAME_DEPS]:  # "In an email dated ..., Roe"
        token.head = verb
    for token in doc[verb.i + 1 : verb.sent.end]:
        if token.head.i < verb.i:  # "said at a rally that ...", hung on a word of the insertion
            token.head = verb
