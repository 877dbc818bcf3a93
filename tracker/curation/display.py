"""How curation screens show what outlets wrote."""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from tracker.crossref.models import Evidence


def highlighted_sentence(evidence: Evidence) -> SafeString:
    """The evidence's sentence, escaped, with each verbatim quote it carries wrapped in <mark>."""
    sentence = evidence.sentence
    spans = []
    for quote in evidence.quotes or []:
        text = (quote.get("text") or "") if isinstance(quote, dict) else ""
        at = sentence.find(text) if text else -1
        if at >= 0 and not any(at < end and at + len(text) > start for start, end in spans):
            spans.append((at, at + len(text)))
    parts, cursor = [], 0
    for start, end in sorted(spans):
        parts.append(escape(sentence[cursor:start]))
        parts.append(format_html("<mark>{}</mark>", sentence[start:end]))
        cursor = end
    parts.append(escape(sentence[cursor:]))
    return mark_safe("".join(str(p) for p in parts))  # every piece above is escaped
