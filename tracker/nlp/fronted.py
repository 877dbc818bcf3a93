"""Words fronted before a speaker that say when, where or how the words were said, not what.

"In his memoir, published in 2015, Roe described how ...", "In federal court in Alexandria, Doe, in
a grey suit, said little", "Before dropping out, Roe responded with vitriol": with nothing after the
verb that the parser took for its content, placing.around read the words before the speaker as
what was said ("A girl was hurt, police said."), and published the setting as the speaker's words.
Words before the speaker that are all the reporting verb's own prepositional phrases or adverbial
clauses (opening with a subordinating word, or a participle), with no subject among them, are the
setting of the report: no content. A clause before the speaker (it has a subject: "In Ohio, turnout
was the highest in years, officials said"), an imperative ("Get serious about energy, voters say")
and words the parser hung elsewhere keep their reading; so do bare fragments ("Absolutely not, he
said")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

ADJUNCTS = frozenset({"prep", "advcl", "punct"})  # punct: a title the parser hung on a comma
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PARTICIPLE_ENDINGS = ("ing", "ed")


def only_setting(verb: Token, before: Sequence[int]) -> bool:
    """The tokens `before` the speaker (punctuation left out) all belong to the verb's own fronted
    prepositional phrases and adverbial clauses (or to words hung on its commas), and none is a
    subject."""
    if not before:
        return False
    doc = verb.doc
    fronted: set[int] = set()
    for child in verb.lefts:
        if child.dep_ in ADJUNCTS and (child.dep_ != "advcl" or _adverbial(child)):
            fronted |= set(range(child.left_edge.i, child.right_edge.i + 1))
    return all(i in fronted and doc[i].dep_ not in SUBJECTS for i in before)


def _adverbial(clause: Token) -> bool:
    """A clause that opens with a subordinating word ("As has been the case ...") or is a participle
    ("Pointing to ...", "Asked about ..."); not an imperative ("Get serious about X, voters say"),
    which is what was said."""
    return clause.lower_.endswith(PARTICIPLE_ENDINGS) or any(c.dep_ == "mark" for c in clause.children)
