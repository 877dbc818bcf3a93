"""What was asked when a phrase stands between "asked" and the question: a claim of kind "question"
(tier 0), as "When asked about X, ..." is; who asked is the verb's subject, or no one named.

- "When asked at the business conference about the merger, she ...", "Asked at a briefing Monday in
  Washington about the plan, Roe said ...": the parser hangs "about" on the noun of the setting
  ("conference", "briefing"), so "asked" has no topic of its own. Where and when it was asked is set
  between them; what was asked is the "about" phrase (or the "if"/"whether" clause) at the end of it.
- "Roe used the same words when asked in May if he would back Doe": the parser hangs the "if" clause
  on the verb "asked" hangs from, right where the setting ends; it is what was asked.
Caveat: only "about" phrases and "if"/"whether" clauses are read at the end of a setting; "asked at
the hearing why ..." is left as it was."""

from __future__ import annotations

from spacy.tokens import Token

SETTINGS = frozenset({"at", "in", "on", "during", "before", "after", "by", "from"})  # where, when
TOPICS = frozenset({"about"})
QUESTION_MARKS = frozenset({"if", "whether"})


def topic(verb: Token) -> range | None:
    """Token indices of what was asked after a setting phrase between the verb and it; None when the
    verb has no setting phrase, or nothing asked ends it."""
    for setting in verb.rights:
        if setting.dep_ != "prep" or setting.lower_ not in SETTINGS:
            continue
        for word in setting.subtree:
            if word.lower_ in TOPICS and word.dep_ == "prep" and word.head.dep_ in ("pobj", "npadvmod"):
                return range(word.i, word.right_edge.i + 1)
            if word.dep_ in ("advcl", "ccomp", "acl") and _marked(word):
                return range(word.left_edge.i, word.right_edge.i + 1)
    return _hung_beside(verb)


def _hung_beside(verb: Token) -> range | None:
    """An "if"/"whether" clause of the verb's own head starting right after the verb's phrase, when the
    verb is an adverbial participle with a setting and nothing asked of its own."""
    if verb.dep_ not in ("advcl", "relcl") or not any(c.dep_ == "prep" for c in verb.rights):
        return None
    after = verb.right_edge.i + 1
    for clause in verb.head.rights:
        if clause.dep_ == "advcl" and clause.left_edge.i == after and _marked(clause):
            return range(clause.left_edge.i, clause.right_edge.i + 1)
    return None


def _marked(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children)
