"""The kind of a docket entry (order, motion, minutes, ...) from its bracketed type, by the patterns
of kinds.json: data, not code. The first pattern that matches wins (case-insensitive, searched in the
entry type, else in the first 200 characters of the description); nothing matches: "other"."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from tracker.dockets.models import DocketEntry

TABLE = Path(__file__).with_name("kinds.json")
PROCEDURAL = DocketEntry.PROCEDURAL


@cache
def patterns() -> tuple[tuple[str, re.Pattern], ...]:
    rows = json.loads(TABLE.read_text(encoding="utf-8"))
    valid = set(DocketEntry.Kind.values)
    table = []
    for row in rows:
        if row["kind"] not in valid:
            raise ValueError(f"{TABLE.name}: unknown kind {row['kind']!r}")
        table.append((row["kind"], re.compile(row["pattern"], re.I)))
    return tuple(table)


def classify(entry_type: str, description: str = "") -> str:
    text = (entry_type or description[:200]).strip()
    for kind, pattern in patterns():
        if pattern.search(text):
            return kind
    return DocketEntry.Kind.OTHER
