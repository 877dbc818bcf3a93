"""A speaker's question set off before the verb: "Jane Roe, asked Tuesday about the plan, said it was
“simply false”". The parser may make "asked" the sentence's verb, with the name its subject and "said"
hanging from it with no subject of its own; the insertion is then read as a clause of the name's, and
the claim had no speaker (no claim at all).

Decides whether the first word after the name's comma opens such an insertion: a past participle of a
verb of questioning (speakers.jsonl "question": asked, pressed, questioned, quizzed ...), which is no
clause of its own whatever the parser made of it. misparsed.lost_subject then gives the verb the name.
"""

from __future__ import annotations

from spacy.tokens import Token

from tracker.nlp.speaker_words import speaker_words


def opens(word: Token) -> bool:
    """`word` is a participle of questioning set off after a comma ("Roe, asked about X, said")."""
    return (
        word.lower_ in speaker_words().questioning
        and word.lower_.endswith("ed")
        and word.i > 0
        and word.doc[word.i - 1].text == ","
        and not any(c.dep_ in ("aux", "auxpass") for c in word.children)
    )
