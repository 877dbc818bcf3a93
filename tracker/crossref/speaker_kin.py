"""Speakers one story shows to be one person though its outlets name them differently (issue 16, item 4).

Claim linking matches a report only with claims of its speaker key (`words.speaker_key`): the same entity,
or the same words. One outlet writes "Jonah Castellanos said", another, which named him two sentences
before, "he said" (or "Halloran said", "the Quillfeather founder told the jury") where the extraction
could not say who: the two reports of one statement stay two claims, and the outlets' disagreement inside
the quotes is never shown.

A speaker written as a full name with a title or an apposition before it ("Vice Chancellor Agnes
Whitcombe", "Larkspur's Conrad Lisle"), or with where the person is from after it ("Maren Holloway of
Brightmoor College"), is that name's (`kin_names.titled`, `kin_names.placed`), and its reports are
compared with the name's as the same speaker's; not a phrase ending with a name after a function word
("An expert for Solvane Technologies" is not Solvane Technologies). The claim keeps the plain name.
Which names may be one person's by their names alone (a title, a surname) is one relation,
`kin_names.may_be_kin`, with the keys their claims are found under (`kin_names.kin_keys`, which
`kin_reads` reads by): a new rule goes there.

A report whose speaker the extraction left short (`stands_for`: a pronoun, a description, or the last word
of the full name) is *kin* of a claim of a speaker named in full when the story holds all three of:
- the short speaker's article names that person, as the claim's speaker is written (its own text, not
  a list of names);
- the two share quoted words: a run of RUN_WORDS consecutive words of a verbatim quote (two people rarely
  say the same words; reported speech, which the outlet words, is never enough), or a slot key (the same
  words around another figure or date, `claim_slots`), their contents alike (MIN_SIMILARITY) either way;
- no other person in full the article names has a claim of the story sharing such a run with it (two
  candidates: neither).
Words the extraction gave to a party through a representative it does not name ('"...," the Kestrel
lawyer told the jury': speaker "Kestrel", `speaker_via` the description) are sought kin as that
description's (`representative`), and their claim is written with it for the named reports after it
(`Index.shorts`). The test is the same whichever came first: a named report meets a short speaker's claim as a short
speaker's report meets a named claim, and the claim then takes the full name (`claim_linking`).
A surname alone and the full name its article names (the only person of that surname it names in full)
are one speaker's when the report quotes the claim, verbatim or restated (`claim_restating`), or says
what it says but a figure or a date (`claim_slots`; content words alike are not enough: a judge's two
rulings share them) (`_surnamed`). Entities never take
part: a speaker a curated entity resolved is its entity's alone, and two different
entities' claims never merge. Caveats: a person the story holds no claim of yet cannot make the pair
ambiguous (a pronoun's report that came before the second person credited with its words has joined the
first's), and a named report meeting a short speaker's claim sees only the claims `Index` finds for it
(names ending as its own) as the other candidates; the shared quote is what keeps that rare, and two
people named in full never share a claim.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tracker.crossref import claim_slots
from tracker.crossref.claim_events import named
from tracker.crossref.claim_restating import quoted as quotes_claim
from tracker.crossref.claim_restating import said_keys, verbatim
from tracker.crossref.kin_names import (
    in_full,
    kin_keys,
    may_be_kin,
    one_name,
    placed,
    stands_for,
    surname,
    titled,
)
from tracker.crossref.models import ClaimCandidate, Evidence
from tracker.crossref.words import (
    MIN_SIMILARITY,
    STOPWORDS,
    Key,
    content_words,
    normalise_speaker,
    speaker_key,
    word_runs,
)
from tracker.sources.models import Article

if TYPE_CHECKING:
    from tracker.crossref.claim_linking import _Known

RUN_WORDS = 4  # shorter runs ("we will appeal") are what two people of one side both say
STATEMENT_SHARE = 0.75  # of a report's content words in one quote: the quote is what the speaker said
Run = tuple[str, ...]
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")  # the words a name may end with, as an article writes them


@functools.lru_cache(maxsize=1 << 12)
def runs(quote: str) -> frozenset[Run]:
    """Every run of RUN_WORDS consecutive words of one quote (normalised or not): `words.word_runs`,
    kept per process."""
    return word_runs(quote, RUN_WORDS)


def runs_of(quotes: Iterable[str]) -> frozenset[Run]:
    return frozenset().union(*(runs(q) for q in quotes))


def names(text: str, name: str) -> bool:
    """The text names the person as written (whole words, case kept)."""
    return bool(text) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def kin(
    candidate: ClaimCandidate,
    text: str,
    known: list[_Known],
    key: Key,
    index: Index,
) -> list[_Known]:
    """The claims of `known` (another speaker key than the candidate's `key`) that are the candidate's
    speaker's by the rules above; `text` is the candidate's article's, `index` reads other articles'."""
    if candidate.speaker_entity_id:
        return []
    if via := representative(candidate):  # what its claim is written as, for the named reports after it
        index.via[(key, candidate.article_id)] = via
    speaker = candidate.named_speaker
    by_name = [k for k in known if k.key != key and _free(k) and may_be_kin(speaker, k.claim.speaker_text)]
    found = [k for k in by_name if one_name(speaker, k.claim.speaker_text)]  # no quote needed
    # a surname's kin: quoted, verbatim or restated, or the same words around a figure (`claim_restating`)
    said = said_keys(candidate.quotes, candidate.text)
    found += [
        k
        for k in by_name
        if k not in found and quotes_claim(said, k.quotes, False) and _surnamed(speaker, k, text, index)
    ]
    figures = claim_slots.among(said)  # the same words around another figure or date, quoted or not
    if not candidate.quotes and not figures:
        return found  # one name, titled or not: compared as the same speaker's
    words = content_words(candidate.text)
    quoted = statement_runs(candidate.text, [q.get("text", "") for q in candidate.quotes])
    other = [
        k
        for k in known
        if k.key != key and k not in found and _says(k, quoted, [words], k.claim.text, figures)
    ]
    if not other:
        return found
    if in_full(speaker):  # a named report meets the claims of short speakers whose articles name it
        for k in other:
            shorts = set() if k.claim.locked else index.shorts(k)
            if not any(stands_for(s, speaker) for s in shorts):
                continue
            written = list(index.texts(k.articles).values())
            if any(names(t, speaker) for t in written) and not _rivals(k, shorts, known, key, written):
                found.append(k)
                index.named_for[id(k.claim)] = speaker  # it takes the name (`take_full_name`)
        return found
    short = via or speaker
    full = [k for k in other if stands_for(short, k.claim.speaker_text) and names(text, k.claim.speaker_text)]
    return found + (full if len({k.key for k in full}) == 1 else [])


def _surnamed(speaker: str, k: _Known, text: str, index: Index) -> bool:
    """One of the report's speaker and the claim's is the other's surname alone ("Fenwycke", "Idris
    Fenwycke"), and every article the surname speaks in names one person of that surname in full: the other
    (the report's article for the report; each article of the claim's, else the report's, for the claim)."""
    claimed = k.claim.speaker_text
    if surname(speaker, claimed):
        return only_one(text, claimed)
    if surname(claimed, speaker) and not k.claim.locked:
        return all(only_one(t, speaker) for t in (index.texts(k.articles).values() if k.articles else [text]))
    return False


def only_one(text: str, full: str) -> bool:
    """The one person of the full name's surname the text names in full is that person (the capitalised
    words right before the surname, function words aside, are its first name alone)."""
    first, last = full.split()[-2:]
    before = re.findall(rf"(?<![\w'’-])([A-Z][\w'’-]*)\s+{re.escape(last)}(?!\w)", text or "")
    return {w for w in before if w.lower() not in STOPWORDS} == {first}


def representative(candidate: ClaimCandidate) -> str:
    """The representative the article wrote when the extraction gave the words to a party through one it
    does not name ("the Kestrel lawyer told the jury" is Kestrel's, `speaker_via`): the words are that
    person's, whom the article may name, and a short speaker's kin are sought for it."""
    via = candidate.speaker_via
    return via if via and not named(via) else ""


def take_full_name(entry: _Known, candidate: ClaimCandidate, alike: list[_Known], pool) -> None:
    """A short speaker's claim that a named report joined (or that took named claims by a merge) takes
    the full name: the claim reads "Jonah Castellanos", not "he". A curated claim keeps its speaker."""
    speaker = entry.claim.speaker_text
    if entry.claim.locked or entry.claim.speaker_id:
        return
    full = [candidate.named_speaker, *(k.claim.speaker_text for k in alike if not k.claim.speaker_id)]
    given = pool.kin.named_for.get(id(entry.claim))  # a party's claim a representative's words made
    name = next(
        (n for n in full if stands_for(speaker, n) or titled(speaker, n) or placed(speaker, n) or n == given),
        None,
    )
    if name is not None:
        old, entry.claim.speaker_text = entry.key, name
        entry.key = speaker_key(None, name)
        pool.rekey(entry.claim, old, entry.key)
        if entry.claim.pk is not None:
            entry.claim.save(update_fields=["speaker_text", "updated_at"])


def _rivals(weak: _Known, shorts: set[str], known: list[_Known], key, written: list[str]) -> bool:
    """Another speaker in full than the report's (`key`), named by the weak claim's articles, has a claim
    of `known` that shares a run of quoted words with the weak claim (written as `shorts`): the pair is
    not told apart."""
    quoted, figures = runs_of(verbatim(weak.quotes)), claim_slots.among(weak.quotes)
    return any(
        k.key != key
        and any(stands_for(s, k.claim.speaker_text) for s in shorts)
        and _says(k, quoted, weak.words, None, figures)
        and any(names(t, k.claim.speaker_text) for t in written)
        for k in known
    )


def _says(
    k: _Known,
    quoted: frozenset[Run],
    words: list[frozenset[str]],
    text: str | None = None,
    figures=frozenset(),
) -> bool:
    """A claim no entity speaks, credited with a run of `quoted` words, or with one of the slot keys
    `figures` (`claim_slots`: the same words around a figure or a date), and resembling one of `words` (a
    report whose sentence quotes someone else, "his lawyer asked him directly", does not); with `text`
    (the claim's), of a quote that is the claim's statement (`statement_runs`)."""
    said = runs_of(verbatim(k.quotes)) if text is None else statement_runs(text, verbatim(k.quotes))
    told = bool(quoted & said) or bool(figures & k.quotes)
    return _free(k) and told and any(k.score(w) >= MIN_SIMILARITY for w in words)


def statement_runs(text: str, quotes: Iterable[str]) -> frozenset[Run]:
    """The runs of the quotes that are the statement itself: of STATEMENT_SHARE of its content words or
    more. A phrase quoted inside another's words ("a message calling the founder 'a fraud with a good
    haircut'", put to a witness by a lawyer) is the quoted person's, not the speaker's."""
    words = content_words(text)
    return runs_of(
        q for q in quotes if words and len(content_words(q) & words) >= STATEMENT_SHARE * len(words)
    )


def _free(k: _Known) -> bool:
    """A claim whose speaker no entity holds (an entity's claims are that entity's alone)."""
    return k.key[0] == "text" and not k.claim.speaker_id


class Index:
    """A pool's text speaker keys by the last word of the name (`ending`), and the short speakers' by the
    runs of words of their claims' text (`said`), so that a report's kin are found among a few keys, not
    by walking the pool; and the texts of the articles read for `kin` (one query for those not read)."""

    def __init__(self) -> None:
        self.ending: dict[str, set[Key]] = {}
        self.said: dict[Run | str, set[Key]] = {}  # and by slot keys (`claim_slots`)
        self.written: dict[int, str] = {}
        self.via: dict[tuple[Key, int], str] = {}  # (speaker key, article) -> its unnamed representative
        self.stored_via: dict[int, set[str]] = {}  # a stored claim -> its evidence's unnamed representatives
        self.named_for: dict[int, str] = {}  # a party's claim (by object) -> the name a report gave it

    def add(self, key: Key, speaker: str, text: str) -> None:
        if key[0] == "text" and key[1]:
            for end in {key[1].split()[-1], *(k.split()[-1] for k in kin_keys(speaker) if k)}:
                self.ending.setdefault(end, set()).add(key)
            if not named(speaker) or len(key[1].split()) == 1:
                for run in (*runs(text), *claim_slots.keys(text)):
                    self.said.setdefault(run, set()).add(key)

    def keys(self, candidates: Iterable[ClaimCandidate], text: str) -> frozenset[Key]:
        """The keys the candidates' speakers may be kin of: names ending as theirs do (a title, a
        surname); for a short speaker, the names its article writes; for a name in full, the short
        speakers of claims whose words are its quotes' (kin's claims are their quotes)."""
        speakers = [c for c in candidates if not c.speaker_entity_id]
        ends = {w.split()[-1] for c in speakers for w in kin_keys(c.named_speaker) if w}
        if any(not in_full(c.named_speaker) for c in speakers):
            ends |= {normalise_speaker(w) for w in CAPITALISED.findall(text or "")}
        found = {key for end in ends for key in self.ending.get(end, ())}
        quoted = runs_of(q.get("text", "") for c in speakers if in_full(c.named_speaker) for q in c.quotes)
        figures = {f for c in speakers if in_full(c.named_speaker) for f in claim_slots.keys(c.text)}
        return frozenset(found.union(*(self.said.get(run, ()) for run in (*quoted, *figures))))

    def shorts(self, k: _Known) -> set[str]:
        """The short speakers a claim is written as: its speaker, and the unnamed representatives through
        whom its reports gave the words to its party (this run's; else, for a one-word name, its stored
        evidence's: one query per such claim, read once)."""
        found = {k.claim.speaker_text} | {v for a in k.articles if (v := self.via.get((k.key, a)))}
        speaker = k.claim.speaker_text
        if len(found) == 1 and named(speaker) and not in_full(speaker) and k.claim.pk is not None:
            if (stored := self.stored_via.get(k.claim.pk)) is None:
                vias = Evidence.objects.filter(claim_id=k.claim.pk).values_list("speaker_via", flat=True)
                stored = self.stored_via[k.claim.pk] = {v for v in vias if v and not named(v)}
            found |= stored
        return found

    def texts(self, articles: Iterable[int]) -> dict[int, str]:
        if missing := [a for a in articles if a not in self.written]:
            self.written.update(Article.objects.filter(pk__in=missing).values_list("pk", "text"))
        return {a: self.written.get(a, "") for a in articles}
