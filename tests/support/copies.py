"""Copies of real articles, made at test time: what syndication and content farms do to a text.

PolNeAR (../shared/attribution/polnear) holds real 2016 political news from seven publishers, but few
copies across them, so the copy-detection measure generates its copies from those texts here; nothing
generated is committed. Four kinds, each what real coverage shows:

- `new_headline`: the same lede under another headline (a wire story retitled by each paper that runs
  it), with the end of the story trimmed, as papers do for space;
- `spun`: common words swapped for synonyms from a small table (the "article spinner" of content farms);
- `shortened`: the opening paragraphs only (an excerpt, a brief);
- `wire_credit`: the text with a wire dateline and a credit line ("(AP) —", "This article was provided
  by ..."), as a paper that runs wire copy prints it.

Everything is a pure function of the text and a seed, so a run can be repeated.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

KINDS = ("new_headline", "spun", "shortened", "wire_credit")

# Common words of news prose and a synonym a spinner would put in their place. General English only:
# nothing here is taken from, or aimed at, any article of the corpus.
SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "asked": "questioned",
    "big": "large",
    "large": "big",
    "small": "little",
    "new": "fresh",
    "important": "significant",
    "major": "key",
    "people": "individuals",
    "help": "assist",
    "helped": "assisted",
    "show": "demonstrate",
    "shows": "demonstrates",
    "showed": "demonstrated",
    "think": "believe",
    "thinks": "believes",
    "but": "however",
    "also": "additionally",
    "about": "regarding",
    "many": "numerous",
    "often": "frequently",
    "begin": "start",
    "began": "started",
    "try": "attempt",
    "tried": "attempted",
    "get": "obtain",
    "got": "obtained",
    "use": "utilize",
    "used": "utilized",
    "want": "wish",
    "wants": "wishes",
    "need": "require",
    "needs": "requires",
    "quickly": "rapidly",
    "very": "extremely",
    "recent": "latest",
    "country": "nation",
    "campaign": "bid",
    "week": "seven days",
    "before": "prior to",
    "after": "following",
    "because": "since",
    "while": "whereas",
    "however": "nevertheless",
    "announced": "declared",
    "called": "labeled",
    "criticized": "slammed",
    "support": "backing",
    "supporters": "backers",
    "voters": "electors",
    "officials": "authorities",
    "leaders": "chiefs",
    "likely": "probable",
    "percent": "per cent",
    "nearly": "almost",
    "almost": "nearly",
    "enough": "sufficient",
    "whether": "if",
    "expected": "anticipated",
    "increase": "rise",
    "decision": "ruling",
}

WIRES = (
    ("WASHINGTON (AP) — ", "This article was provided by The Associated Press."),
    ("NEW YORK (Reuters) - ", "(Reporting by staff; Editing by the desk) Copyright Reuters."),
    ("WASHINGTON, (UPI) — ", "Copyright United Press International. Distributed by UPI."),
    ("(AFP) - ", "AFP contributed to this report."),
)


@dataclass(frozen=True)
class Copy:
    kind: str
    title: str
    text: str


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def body_of(title: str, text: str) -> list[str]:
    """The paragraphs after the headline line PolNeAR texts open with."""
    found = paragraphs(text)
    head = title.strip().rstrip(".").lower()
    if found and found[0].rstrip(".").lower() == head:
        found = found[1:]
    return found


def _spin_word(match: re.Match) -> str:
    word = match.group(0)
    swapped = SYNONYMS.get(word.lower())
    if swapped is None:
        return word
    if word.isupper() and len(word) > 1:
        return swapped.upper()
    return swapped.capitalize() if word[0].isupper() else swapped


def spin(text: str, rng: random.Random, share: float = 0.8) -> str:
    """Swap most of the table's words (a spinner leaves some alone; which ones depends on the seed)."""
    return re.sub(r"[A-Za-z]+", lambda m: _spin_word(m) if rng.random() < share else m.group(0), text)


def retitle(body: list[str], rng: random.Random) -> str:
    """A headline a desk would write from the story itself: the opening words of a later sentence."""
    sentences = [s for p in body[1:6] for s in re.split(r"(?<=[.!?])\s+", p) if len(s.split()) >= 6]
    source = rng.choice(sentences) if sentences else (body[0] if body else "Update")
    words = re.sub(r"[\"“”‘’']", "", source).split()[: rng.randint(7, 11)]
    return " ".join(words).rstrip(",;:.") or "Update"


def make_copy(kind: str, title: str, text: str, *, seed: int) -> Copy:
    rng = random.Random(f"{seed}:{kind}:{title}")
    body = body_of(title, text)
    if kind == "new_headline":
        headline = retitle(body, rng)
        kept = body[: max(4, int(len(body) * 0.7))]
        return Copy(kind, headline, "\n\n".join([headline + ".", *kept]))
    if kind == "spun":
        headline = spin(title, rng)
        return Copy(kind, headline, "\n\n".join([headline + ".", *(spin(p, rng) for p in body)]))
    if kind == "shortened":
        kept = body[: max(3, min(6, len(body) // 3))]
        return Copy(kind, title, "\n\n".join([title.rstrip(".") + ".", *kept]))
    if kind == "wire_credit":
        dateline, credit = rng.choice(WIRES)
        lead = re.sub(r"^[A-Z][A-Z .,]+(\([A-Za-z]+\))?\s*[—-]+\s*", "", body[0]) if body else ""
        return Copy(kind, title, "\n\n".join([title.rstrip(".") + ".", dateline + lead, *body[1:], credit]))
    raise ValueError(f"unknown kind of copy: {kind!r}")


def make_copies(title: str, text: str, *, seed: int = 0, kinds=KINDS) -> list[Copy]:
    return [make_copy(kind, title, text, seed=seed) for kind in kinds]
