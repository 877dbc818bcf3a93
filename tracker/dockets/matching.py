"""Docket numbers: split off the judge's initials, normalise, and match against tracked cases.

`4:24-cv-04722-YGR`, `4:24-cv-4722` and `4:24-CV-04722` are the same case; so is `24-cv-04722` (no
office) when the rest agrees. Bankruptcy (`16-10992-smb`) and appellate (`22-3054`) numbers have no
case type. Caveat: without office numbers, two offices' cases with the same year, type and number
would match each other; tracked cases are few, and the feed is a court's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOCKET = re.compile(
    r"^(?:(?P<office>\d{1,2}):)?(?P<year>\d{2}|\d{4})-(?:(?P<type>[a-z]{1,4})-)?(?P<number>\d{1,10})"
    r"(?P<rest>(?:-[a-z0-9]{1,5})*)$",
    re.I,
)


@dataclass(frozen=True)
class DocketKey:
    office: str | None
    year: str
    type: str | None
    number: int

    def matches(self, other: DocketKey) -> bool:
        same_office = self.office is None or other.office is None or self.office == other.office
        return same_office and (self.year, self.type, self.number) == (other.year, other.type, other.number)


def split_docket_number(text: str) -> tuple[str, str] | None:
    """`4:24-cv-04722-YGR` -> (`4:24-cv-04722`, `YGR`); None when it is not a docket number."""
    match = _DOCKET.match(text.strip())
    if match is None:
        return None
    rest = match.group("rest").lstrip("-")
    return text.strip()[: match.start("rest")], rest


def docket_key(text: str) -> DocketKey | None:
    match = _DOCKET.match((text or "").strip())
    if match is None:
        return None
    office = str(int(match.group("office"))) if match.group("office") else None
    kind = match.group("type").lower() if match.group("type") else None
    return DocketKey(office, match.group("year")[-2:], kind, int(match.group("number")))


def normalise(text: str) -> str:
    """A canonical spelling: `4:24-cv-04722`; "" when it is not a docket number."""
    key = docket_key(text)
    if key is None:
        return ""
    office = f"{key.office}:" if key.office else ""
    if key.type:  # district numbers are written with five digits
        return f"{office}{key.year}-{key.type}-{key.number:05d}"
    return f"{office}{key.year}-{key.number}"


def match_case(docket_number: str, cases) -> object | None:
    """The tracked case (from `cases`, any iterable of objects with `docket_number`) this number
    belongs to, or None."""
    key = docket_key(docket_number)
    if key is None:
        return None
    for case in cases:
        theirs = docket_key(case.docket_number)
        if theirs is not None and key.matches(theirs):
            return case
    return None
