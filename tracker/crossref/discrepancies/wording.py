"""Quotes worded differently: by outlets quoting one statement, and by an outlet editing its own article.

Quote wording: outlets quote a speaker's one answer as "general practice", "standard practice" and
"standard industry procedure". Quotes of one speaker in one story are the same statement when they are
equal or one holds the other (a sub-quote), when they share at least half the content words of the
shorter, or when they are the only multi-word quote of their article on the same claim; chains count
("general practice" - "standard practice" - "standard industry procedure"), so the merged claims of
different wordings still meet. Quotes sharing a single content word pair only when worded alike but in
one place (quote_versions.py: "the whole point" / "the entire point", not "what the folder was for" /
"what was in the folder"). A statement quoted with two wordings (sub-quotes aside) by different
outlets is a discrepancy, on the claim of the quote of the first article stored (one row however many
stories see it). One-word quotes ("Partly", "yes") are too common to pair. Caveat: a quote held inside
another pairs ("a charity" / "looting a charity").

Silent edits: a quote in an earlier version of an article (ArticleVersion) that the current text no
longer has, paired with the current quote at the same place (same words before or after it) when there
is one; a removed quote is reported with an empty current wording.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from tracker.crossref.discrepancies import quote_groups
from tracker.crossref.discrepancies.quote_versions import one_place
from tracker.crossref.discrepancies.scope import PER_PROCESS, Found, Scope, digest, speaker_of, variant
from tracker.crossref.kept import Kept
from tracker.crossref.models import Claim, Discrepancy
from tracker.crossref.words import content_words, normalise_quote
from tracker.nlp.quotes import find_quotes
from tracker.sources.models import Article, ArticleVersion

MIN_WORDS = 2
OPENED_AFTER = (".", "!", "?", ":", '"', "”", "’")  # the text before a quote that opens a sentence ends so
CLOSING = "’'\"”"  # a nested quote's closing marks, inside the quote's own
ATTRIBUTION_ENDS = re.compile(r"[^\"“”.!?]*[.!?]")  # after a quote's comma: the sentence ends, no quote opens
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
SHARED = 0.5  # of the shorter quote's content words


@dataclass
class _Quote:
    claim: Claim
    article: Article
    quote: dict
    norm: str
    words: frozenset[str]


def quote_wording(scope: Scope) -> list[Found]:
    by_speaker: dict[str, list[_Quote]] = defaultdict(list)
    seen: set[tuple[str, int, str]] = set()
    speakers = [speaker_of(claim) for claim in scope.claims]
    # the speakers with a claim of the story's own and (`Scope.changed`) one changed: the others' quotes
    # are not gathered, as they would be skipped below
    owned = {s for s, claim in zip(speakers, scope.claims, strict=True) if s and scope.owns(claim)}
    if scope.changed is not None:
        owned &= {s for s, claim in zip(speakers, scope.claims, strict=True) if claim.pk in scope.changed}
    for claim, speaker in zip(scope.claims, speakers, strict=True):
        for article, quote, norm, words in _claim_quotes(scope, claim) if speaker in owned else ():
            if (speaker, article.pk, norm) not in seen:
                seen.add((speaker, article.pk, norm))
                by_speaker[speaker].append(_Quote(claim, article, quote, norm, words))
    found = []
    at, last = scope.positions().get, len(scope.articles)  # `scope.order`, read once
    for speaker, quotes in by_speaker.items():
        if not any(scope.owns(q.claim) for q in quotes):  # no row keyed by a claim of its own to find
            continue
        if not scope.touches(q.claim for q in quotes):  # none of them changed (`Scope.changed`)
            continue
        quotes.sort(key=lambda q: (at(q.article.id, last), q.quote.get("start", 0)))
        for component in _statements(quotes, kept=(scope.story.pk, speaker)):
            found.extend(_compare(scope, component))
    return found


def _claim_quotes(scope: Scope, claim: Claim) -> tuple[tuple[Article, dict, str, frozenset[str]], ...]:
    """The claim's quotes of two words or more, in evidence order: article, quote, wording, content
    words, read once a linking batch (`BatchReads.facts`: a claim's evidence stays as read)."""
    facts = scope.reads.batch.facts
    if (found := facts.get(("quotes", claim.pk))) is None:
        found = facts["quotes", claim.pk] = tuple(
            (evidence.article, quote, norm, _quote_words(quote["text"]))
            for evidence in claim.evidence.all()
            for quote in evidence.quotes
            if len((norm := _quote_norm(quote.get("text", ""))).split()) >= MIN_WORDS
        )
    return found


# a quote's wording and content words, per process (every quote of the story is read at each batch)
_quote_norm = lru_cache(maxsize=1 << 16)(normalise_quote)
_quote_words = lru_cache(maxsize=1 << 16)(content_words)


# the statements last found for a story's speaker: each quote's (article, wording) with what pairs it
# (claim when alone, content words), and its component's first quote
KEPT = Kept(PER_PROCESS)


def _statements(quotes: list[_Quote], kept: tuple | None = None) -> list[list[_Quote]]:
    """The quotes grouped into statements (connected components of `_same`), each in the quotes' order,
    in the order of their first quote. Every pair of quotes of different articles not yet in one
    component is compared (the pairs grow with the square of a story's quotes), so the loop reads plain
    lists: each quote's component label (`label`, a component's quotes relabelled when it joins a
    larger one), article, claim, wording and content words.

    Incremental (`kept`: the story and speaker, whose statements are kept per process in `KEPT`): whether
    two quotes pair depends on those two quotes alone (article, claim when alone, wording, words), so
    when every quote of the last run is still there with the same values, its components stand and
    only the pairs with a quote new since are compared; otherwise (a quote gone or changed) all are."""
    alone = Counter((q.claim.id, q.article.id) for q in quotes)
    articles = [q.article.id for q in quotes]
    claims = [q.claim.id if alone[(q.claim.id, q.article.id)] == 1 else None for q in quotes]
    norms, words = [q.norm for q in quotes], [q.words for q in quotes]
    nodes = list(zip(articles, norms, strict=True))
    values = {node: (claim, own) for node, claim, own in zip(nodes, claims, words, strict=True)}
    label = list(range(len(quotes)))
    members = [[i] for i in range(len(quotes))]
    last = KEPT.get(kept) if kept is not None else None
    if last is not None and all(values.get(node) == value for node, value in last[0].items()):
        index = {node: i for i, node in enumerate(nodes)}
        for i, node in enumerate(nodes):  # the last run's components, labelled by their first quote
            if (j := index.get(last[1].get(node))) is not None and j != i:
                label[i] = j
                members[j].append(i)
                members[i] = []
        pairs = ((i, range(len(quotes))) for i, node in enumerate(nodes) if node not in last[0])
    elif (grouped := quote_groups.components(articles, claims, norms, words, _same)) is not None:
        label, pairs = grouped, iter(())
    else:
        pairs = ((i, range(i + 1, len(quotes))) for i in range(len(quotes)))
    for i, others in pairs:
        article, claim, norm, own = articles[i], claims[i], norms[i], words[i]
        for j in others:  # a pair already joined through others is not compared
            if articles[j] == article or label[j] == label[i]:
                continue
            if _same(norm, norms[j], own, words[j]) or (claim is not None and claim == claims[j]):
                big, small = sorted((label[i], label[j]), key=lambda c: -len(members[c]))
                for k in members[small]:
                    label[k] = big
                members[big].extend(members[small])
                members[small] = []
    if kept is not None:
        first_of = {}
        for i, node in enumerate(nodes):
            first_of.setdefault(label[i], node)
        KEPT.put(kept, (values, {node: first_of[label[i]] for i, node in enumerate(nodes)}))
    components: dict[int, list[_Quote]] = defaultdict(list)
    for i, q in enumerate(quotes):
        components[label[i]].append(q)
    return [c for c in components.values() if len(c) > 1]


def _same(a: str, b: str, a_words: frozenset[str], b_words: frozenset[str]) -> bool:
    """Two quotes' wordings (`normalise_quote`) and content words: one holds the other, or they share at
    least half the content words of the shorter, and when that is one word, they are worded alike but in
    one place (`quote_versions.one_place`: not two remarks sharing a word). (Or, checked by the caller:
    they are the only quote of their article on the same claim.)"""
    if a in b or b in a:
        return True
    shared = len(a_words & b_words)
    if not shared or shared < SHARED * min(len(a_words), len(b_words)):
        return False
    return shared > 1 or one_place(a, b)


def _compare(scope: Scope, quotes: list[_Quote]) -> list[Found]:
    # the row's identity: the quote of the first article stored (then the first in it), the same in
    # every story that sees the claim's quotes (a story orders them by its own positions) and kept as
    # later articles join, so one statement is one row, not one row per story or order
    first = min(quotes, key=lambda q: (q.article.pk, q.quote.get("start", 0)))
    if not scope.owns(first.claim):  # keyed by another story's claim: that story's row (`Scope.mine`)
        return []
    norms = {q.norm for q in quotes}
    whole = {n for n in norms if all(_whole(q.quote) for q in quotes if q.norm == n)}
    parts = {n: set().union(*(_sentence_runs(q.quote["text"]) for q in quotes if q.norm == n)) for n in norms}
    # a sub-quote agrees, but for a sentence quoted whole that the longer quote goes on with
    wording = {n: max((m for m in norms if n in m and _agrees(n, m, whole, parts)), key=len) for n in norms}
    outlets: dict[str, set[int]] = defaultdict(set)
    for q in quotes:
        outlets[wording[q.norm]].add(q.article.outlet_id)
    if len(outlets) < 2 or len(set().union(*outlets.values())) < 2:
        return []
    variants = [
        variant(q.article, q.quote["text"], q.quote.get("start", 0), q.quote.get("end", 0), claim=q.claim.pk)
        for q in quotes
    ]
    key = f"quote_wording:claim:{first.claim.pk}:{digest(first.norm)}"
    return [
        Found(Discrepancy.Kind.QUOTE_WORDING, key, scope.sort(variants), claim=first.claim, claim_keyed=True)
    ]


def _agrees(short: str, long: str, whole: set[str], parts: dict[str, set[str]]) -> bool:
    """A quote inside another agrees with it: an outlet quoted a part of the statement. Not when the
    outlet quoted the speaker's sentence whole (`_whole`) and the other's goes on inside that sentence
    ("You heard it from Nadia Farouk," against "... from Nadia Farouk herself,"): the two give the one
    sentence two wordings. A whole sentence that is some of the longer quote's sentences agrees."""
    return short == long or short not in whole or short in parts[long]


def _whole(quote: dict) -> bool:
    """The outlet quotes whole sentences of the speaker and ends them where the speaker did: the quote
    opens with a capital where a sentence opens (at a paragraph's start, after a sentence's end or a
    colon), and closes with a sentence's mark, or with the comma before an attribution that ends the
    sentence ('...Farouk," Ashby said.'; not '...," she said, "and ...'). Rows stored without the text
    either side of the quote are not whole (a sub-quote agrees, as before)."""
    text, before, after = quote.get("text", "").strip(), quote.get("prefix"), quote.get("suffix")
    if not text[:1].isupper() or before is None or after is None:
        return False
    if before.rstrip() and not before.rstrip().endswith(OPENED_AFTER):
        return False
    last = text.rstrip(CLOSING)[-1:]
    return last in ".!?" or (last == "," and ATTRIBUTION_ENDS.match(after) is not None)


def _sentence_runs(text: str) -> set[str]:
    """The wordings of each run of consecutive sentences of a quote."""
    sentences = SENTENCE_BREAK.split(text.strip())
    n = len(sentences)
    return {normalise_quote(" ".join(sentences[i:j])) for i in range(n) for j in range(i + 1, n + 1)}


def silent_edits(scope: Scope) -> list[Found]:
    found: dict[str, Found] = {}
    if scope.reads is not None:  # read for the batch's stories at once, when a batch read them
        versions = scope.reads.earlier()
    else:
        versions = ArticleVersion.objects.filter(article_id__in=list(scope.articles)).order_by(
            "seen_at", "pk"
        )
    for version in versions:
        article = scope.articles[version.article_id]
        current = find_quotes(article.text)
        now = {normalise_quote(q.text) for q in current}
        for old in find_quotes(version.text):
            norm = normalise_quote(old.text)
            if not norm or any(norm in n for n in now):
                continue
            key = f"silent_edit:article:{article.pk}:{digest(norm)}"
            if key in found:
                continue
            new = next((q for q in current if _same_place(old, q)), None)
            before = variant(
                article,
                old.text,
                old.start,
                old.end,
                field="version",
                version=version.pk,
                seen_at=version.seen_at.isoformat(),
            )
            after = variant(
                article, new.text if new else "", new.start if new else 0, new.end if new else 0, field="text"
            )
            claim = _claim_quoting(scope, article, {norm} | ({normalise_quote(new.text)} if new else set()))
            found[key] = Found(Discrepancy.Kind.SILENT_EDIT, key, [before, after], claim=claim)
    return list(found.values())


def _same_place(old, new) -> bool:
    prefix, suffix = old.prefix.strip()[-20:], old.suffix.strip()[:20]
    return bool(prefix and new.prefix.strip().endswith(prefix)) or bool(
        suffix and new.suffix.strip().startswith(suffix)
    )


def _claim_quoting(scope: Scope, article: Article, norms: set[str]) -> Claim | None:
    for claim in scope.claims:
        for evidence in claim.evidence.all():
            if evidence.article_id == article.pk and norms & {
                normalise_quote(q.get("text", "")) for q in evidence.quotes
            }:
                return claim
    return None
