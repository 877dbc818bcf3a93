"""Verbs of saying in court coverage: in an article about a trial or a suit, "Roe told jurors that ...",
"Roe acknowledged that ...", "Roe's company argued in a filing that ..." report sworn testimony, a
filing or a lawyer's argument, as plainly as "said" does elsewhere.

An article is court coverage when its text has a word of the courtroom (patterns/confidence.jsonl,
rule "court-named", `markers`: a jury, a witness stand, testimony, a filing ...). There, a claim the
rules rated with the catch-all "other" rule that the "court-named" rule matches (a verb of its
`triggers` with a clause, under a name the article gives; "tell" only when it addresses the court,
`audiences`: "told jurors", not "told reporters") takes that rule's tier. A marker counts only outside
quotation marks: the words someone is quoted saying ("a “courtroom” of public opinion", a lawmaker's
"we will take this to a jury") do not make the article court coverage. Every rule that rates
a claim down for a reason of its own (a rarer verb, framing, a pronoun, an embedded or relayed report)
still decides first, and the sentence-level checks of confidence.in_context still apply after.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from tracker.nlp import confidence, syntax
from tracker.nlp.components import read_jsonl
from tracker.nlp.doc_texts import text_of
from tracker.nlp.quotes import find_quotes
from tracker.nlp.triggers import Draft

RULE = "court-named"


@cache
def _markers() -> re.Pattern[str] | None:
    words = [w for row in read_jsonl(confidence.CONFIDENCE_FILE) if row["id"] == RULE for w in row["markers"]]
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE) if words else None


@cache
def _audiences() -> frozenset[str]:
    return frozenset(
        w for row in read_jsonl(confidence.CONFIDENCE_FILE) if row["id"] == RULE for w in row["audiences"]
    )


def in_court(doc: Doc) -> bool:
    """The article is court coverage: a marker outside quotation marks (read once per document)."""
    if "court" not in doc.user_data:
        markers, text = _markers(), text_of(doc)
        doc.user_data["court"] = bool(markers and markers.search(_unquoted(text)))
    return doc.user_data["court"]


def _unquoted(text: str) -> str:
    """`text` with the words inside quotation marks blanked out."""
    parts, last = [], 0
    for quote in find_quotes(text):
        parts += [text[last : quote.start], " " * (quote.end - quote.start)]
        last = quote.end
    return "".join(parts) + text[last:]


def rate(draft: Draft, rated: tuple[int, str], *, resolution: str, form: str) -> tuple[int, str]:
    """(tier, rule id) of a claim rated `rated` by confidence.rate: the "court-named" rule's in court
    coverage when the claim fell to the catch-all "other" rule and its trigger, speaker's resolution
    and form match that rule, else `rated`."""
    rule = confidence.rule_named(RULE)
    if rated[1] != "other" or rule is None or draft.verb is None:
        return rated
    keys = {
        "kind": "",
        "attribution": "",
        "trigger": draft.trigger.id,
        "resolution": resolution,
        "form": form,
    }
    if not rule.matches(**keys) or not in_court(draft.verb.doc):
        return rated
    if draft.trigger.id == "tell" and not syntax.has_object(draft.verb, _audiences()):
        return rated  # "told reporters that ...": not testimony
    return rule.tier, rule.id
