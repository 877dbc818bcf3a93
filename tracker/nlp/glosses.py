"""The writer's gloss at the end of reported content: what the report led to or what it means, in the
outlet's words, attached to the reported clause by a comma.

- a participle of consequence or reaction: "Musk testified that xAI trained Grok on OpenAI's models,
  sparking debate over distillation" (the debate is the outlet's, not Musk's testimony);
  "..., raising questions about ..." (only with such an object: "raising taxes" may be reported);
  "..., contradicting the police's earlier account" (what the outlet sets the report against);
- a sentential "which" clause that reads the report: "noting it has a few hundred employees, which
  further contextualizes its strategy", or that says who disputes it: "..., which the company denies";
- a noun that sums up the report, set after it by a comma and described by a clause of its own:
  "Roe said the deal was void, a claim the company denies", "..., an answer that drew laughter";
- the outlet's time for the report, outside any quotation: "Roe said the firm is in talks with Doe, two
  weeks after a jury ordered it to pay ...", "..., a day before the hearing" (a span of time, then
  "after" or "before": the units and the words are the "time" rule's).

Such a clause is cut from the claim's content (the comma with it) when it ends the content. Cutting a
clause the speaker did say loses words; keeping the outlet's gloss puts words in the speaker's mouth,
so the cut errs on the safe side. The verbs and objects are data (patterns/glosses.jsonl).

Caveat: only clause content (a verb's complement) is read; a quotation is never cut.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tracker.nlp.components import PATTERNS_DIR, read_jsonl

GLOSSES_FILE = PATTERNS_DIR / "glosses.jsonl"
CLOSING = frozenset({"”", '"', "’", "'", "''"})
QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})
TIME_REACH = 4  # words before the unit: "just two weeks", "only a day"
DETERMINERS = frozenset({"a", "an", "the", "that", "this", "his", "her", "its", "their", "one"})
MODIFIERS = frozenset({"det", "amod", "compound", "advmod", "poss", "nummod"})


@cache
def _forms() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(form, the verb's inflected forms, objects) of each rule. The pipeline has no lemmatizer (it
    is disabled for speed), so a rule's lemmas are inflected here: "raise" -> raises, raised, raising."""
    rules = []
    for rule in read_jsonl(GLOSSES_FILE):
        words = set()
        for lemma in rule["lemmas"]:
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            words |= {lemma, f"{lemma}s", f"{lemma}d", f"{stem}ed", f"{stem}ing"}
        if rule["form"] == "participle":
            words = {w for w in words if w.endswith("ing")}
            words |= {f"{lemma[:-1]}ies", f"{lemma[:-1]}ied"} if lemma.endswith("y") else set()
        if rule["form"] == "noun":  # nouns as written: "claim", "answer"
            words = set(rule["lemmas"])
        rules.append((rule["form"], frozenset(words), frozenset(rule.get("objects", ()))))
    return tuple(rules)


def _is_gloss(verb: Token) -> bool:
    doc = verb.doc
    first = verb.left_edge.i
    if first > 1 and doc[first - 1].text in CLOSING and doc[first - 2].text == ",":
        return _sums_up(verb)  # '“shocked,” a description Doe mocked'
    if first == 0 or doc[first - 1].text != ",":
        return False
    objects = {c.lower_ for c in verb.children if c.dep_ in ("dobj", "obj")}
    for form, words, wanted in _forms():
        if verb.lower_ not in words:
            continue
        opens = all(doc[i].dep_ == "advmod" for i in range(first, verb.i))  # ", further sparking"
        if form == "participle" and verb.dep_ == "advcl" and opens and (not wanted or objects & wanted):
            return True
        if form == "which" and verb.dep_ == "relcl" and doc[first].lower_ == "which":
            return True
    return _sums_up(verb) or _timed(verb)


def _timed(token: Token) -> bool:
    """A span of time and "after"/"before" opening the words set off by the comma ("two weeks after
    a jury ruled", "a day before the hearing"), none of them quoted and no quotation left open before
    them (a time inside the speaker's quoted words is theirs)."""
    doc = token.doc
    first, last = token.left_edge.i, token.right_edge.i
    if any(doc[i].text in QUOTE_MARKS for i in range(first, last + 1)) or _open_quote(
        doc[token.sent.start : first].text
    ):
        return False
    for form, words, units in _forms():
        if form != "time":
            continue
        unit = next((i for i in range(first, min(first + TIME_REACH, last)) if doc[i].lower_ in units), None)
        if (
            unit is not None
            and doc[unit + 1].lower_ in words
            and all(doc[i].dep_ in MODIFIERS | {"quantmod"} for i in range(first, unit))
        ):
            return True
    return False


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _sums_up(noun: Token) -> bool:
    """A noun of the "noun" rules opening with a determiner and described by a clause after it: "a
    claim the company denies", "an answer that drew laughter"; a bare noun phrase (", a dig") is
    left to the other readings."""
    doc = noun.doc
    first = noun.left_edge.i
    return (
        any(form == "noun" and noun.lower_ in words for form, words, _ in _forms())
        and doc[first].lower_ in DETERMINERS
        and all(doc[i].dep_ in MODIFIERS for i in range(first, noun.i))
        and any(c.dep_ in ("relcl", "acl") and c.i > noun.i for c in noun.children)
    )


def trailing(complement: Token) -> set[int]:
    """Token indices of a gloss that ends `complement`'s subtree, with the comma before it."""
    last = complement.right_edge.i
    while last > complement.i and (complement.doc[last].is_punct or complement.doc[last].is_space):
        last -= 1
    for token in complement.subtree:
        if token.i > complement.i and token.right_edge.i >= last and _is_gloss(token):
            return set(range(token.left_edge.i - 1, complement.right_edge.i + 1))
    return set()
