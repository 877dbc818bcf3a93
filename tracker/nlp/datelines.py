"""Datelines: the place (and agency) a wire story's paragraph opens with before a dash ("RENO, Nev.
(AP) —", "WASHINGTON —"). A place in a dateline is never a speaker nor anyone's antecedent; the
sentencer may split one off ("WILMINGTON" a sentence of its own, ", Del. (Reuters) - She said ..."
the next), so a token anywhere in it finds the whole."""

from __future__ import annotations

from spacy.tokens import Doc, Span

DASHES = frozenset({"—", "–", "-", "--"})
DATELINE_REACH = 12  # tokens: "ORLANDO, Fla., Dec. 29 (Reuters) -"


def dateline_end(doc: Doc, first: int) -> int | None:
    """The dash that ends a dateline opening a paragraph and holding token `first` ("RENO, Nev. (AP)
    —", "WASHINGTON —", "Dec 29 (Reuters) -"): a place in capitals or an agency in brackets, then a
    dash set off by spaces. A dateline is never part of a speaker: "CLEVELAND (UPI) — Jane Roe told
    ..." is Roe's, and ", Nev." split off by the sentencer is still RENO's dateline."""
    back = range(first, max(first - DATELINE_REACH, 0) - 1, -1)
    start = next((i for i in back if i == 0 or "\n" in doc[i - 1].text), None)
    if start is None or (start > 0 and not doc[start - 1].is_space):
        return None
    for j in range(start + 1, min(start + DATELINE_REACH, len(doc))):
        token = doc[j]
        if token.text in DASHES and doc[j - 1].whitespace_ and token.whitespace_:
            capitals = doc[start].text.isupper() and len(doc[start].text) > 1
            return j if j >= first and (capitals or any(t.text == "(" for t in doc[start:j])) else None
        if "\n" in token.text:
            return None
    return None


def is_dateline(segment: Span) -> bool:
    """The sentence is only (part of) a dateline, split off from the words after its dash."""
    words = [t for t in segment if not (t.is_punct or t.is_space)]
    end = dateline_end(segment.doc, words[0].i) if words else None
    return end is not None and words[-1].i < end
