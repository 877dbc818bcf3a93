"""Wire datelines ("OAKLAND, Calif. (Reuters) -"): where a report was filed, not what it reports.

`features.clean_text` strips one from the start of a text before words are taken. `dateline_end` says
where a credited one ends, so that `features.profile` does not count the place and agency it names as
participants: they head every report the wire files from a case, and as participants they joined the
wire's reports of different events (hc5's one-case set: ARI 0.803 -> 0.842 dated, 0.616 -> 0.733 with
a third undated). A staff dateline ("ROME -") says where a reporter went, often the event's own place,
and is kept: dropping it too cost one PolNeAR train slice a wrong join (0.331 -> 0.326, a third undated).
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"^[A-Z][A-Z.,' \-]{1,40}(,\s*[A-Z][a-z]{2,4}\.?\s*\d{0,2})?\s*(\([A-Za-z .]+\))?\s*[\u2014\u2013-]+\s*"
)


def dateline_end(text: str) -> int:
    """Where a credited wire dateline opening the text ends (0: none, or a dateline with no credit)."""
    stripped = (text or "").lstrip()
    found = DATELINE.match(stripped)
    if not found or not found.group(2):  # group 2: the credit in parentheses
        return 0
    return len(text) - len(stripped) + found.end()
