"""Copies: which stored article an article copies, exactly (the same text fingerprint), nearly
(syndicated or lightly rewritten: MinHash similarity through LSH bands, `mark_copy`) or by its page's
canonical link to another site (`follow_canonical`), always pointing at the first original (`root_of`).
Called by `articles` when an article's page or text arrives.
"""

from __future__ import annotations

from typing import NamedTuple

from django.db import connection

from tracker.sources import anchors, close_reading, dedupe, minhash
from tracker.sources.models import Article, ArticleFeed, ArticleSignature, SignatureBand

MIN_WORDS_FOR_NEAR_COPY = 50


def root_of(article: Article) -> Article:
    """The original an article copies, following copy links to the first one."""
    seen = {article.pk}
    while article.copy_of_id and article.copy_of_id not in seen:
        seen.add(article.copy_of_id)
        article = article.copy_of
    return article


def mark_copy(article: Article, *, new: bool = False, words: list[str] | None = None) -> None:
    """An exact copy has the same text fingerprint as an article seen earlier; a near copy (syndicated
    or lightly rewritten) has a MinHash similarity above the threshold, or (heavily spun, rewritten,
    translated) its names and figures in its original's order with some words shared
    (`anchors.is_near_copy`), found through the LSH bands of either signature; failing those, a
    candidate whose estimates come close is read: the article may be an excerpt or a translation of it
    (`close_reading`).
    `new`: the article was created in this transaction, so it has no bands to replace yet. `words`: its
    text's `dedupe.normalised_words` when known (its fingerprint read them), else they are read here."""
    if not article.text_hash:
        return
    long_enough = len(article.text.split()) >= MIN_WORDS_FOR_NEAR_COPY
    signature, named, keys, sequence = None, None, [], None
    if long_enough:
        words = dedupe.normalised_words(article.text) if words is None else words
        sequence = anchors.anchor_sequence(article.text)  # the signature's and the close reading's
        signature, named, keys = _signatures(article.text, words, sequence)
    compared = _compared(article, keys)
    if compared and compared[0].text_hash == article.text_hash:
        article.copy_of, article.copy_kind, article.copy_similarity = (
            root_of(compared[0].article()),
            Article.CopyKind.EXACT,
            1.0,
        )
        return
    if not long_enough:
        return
    _store_signature(article.pk, anchors.to_bytes(signature, named), replace=not new)
    _insert_bands(article.pk, keys)
    best, best_score, close = None, 0.0, {}
    # Those with a signature (bands without one: never stored so); none is an exact copy here.
    signed = [candidate for candidate in compared if candidate.minhash is not None]
    scored = anchors.similarities(signature, named, [candidate.minhash for candidate in signed])
    for candidate, (score, named_score) in zip(signed, scored, strict=True):
        if anchors.is_near_copy(score, named_score) and score > best_score:
            best, best_score = candidate, score
        elif close_reading.may_be_close(score, named_score):
            close[candidate.pk] = candidate, score
    if best is None and close:
        best, best_score = _read_closely(article, words, close, sequence)
    if best is not None:
        article.copy_of, article.copy_kind, article.copy_similarity = (
            root_of(best.article()),
            Article.CopyKind.NEAR,
            best_score,
        )


def refresh_signature(article: Article) -> bool:
    """Store the article's signatures and band rows again, as `mark_copy` computes them now, without
    looking for copies (its copy link stays): after the signatures' rules change (anchors read sentence
    by sentence since session 22), stored ones compare lower with new ones until refreshed. False when
    the article is too short to have any."""
    if not article.text_hash or len(article.text.split()) < MIN_WORDS_FOR_NEAR_COPY:
        return False
    signature, named, keys = _signatures(article.text, dedupe.normalised_words(article.text))
    _store_signature(article.pk, anchors.to_bytes(signature, named), replace=True)
    _insert_bands(article.pk, keys)
    return True


def _signatures(text: str, words: list[str], sequence: list[str] | None = None):
    """The text's word signature, its anchor signature (None with too few anchors) and their band keys;
    `sequence`: its `anchors.anchor_sequence` when known."""
    signature, named = minhash.signature_of(words), anchors.signature(text, sequence)
    return signature, named, minhash.band_keys(signature) + anchors.band_keys(named)


def _read_closely(article: Article, words: list[str], close: dict[int, tuple], sequence=None) -> tuple:
    """Of the candidates whose estimates come close to a copy's, the one the article is an excerpt or
    a translation of (`close_reading.closeness`, the closest): its (candidate, word similarity) in
    `close`, or (None, 0); their texts are read in one query (`_texts`). `sequence`: the article's
    anchor sequence if known."""
    best, best_closeness = (None, 0.0), 0.0
    reading = close_reading.reading_of(article.text, words, sequence)  # the article's side, computed once
    for pk, text in _texts(list(close)):
        found = reading.closeness(close_reading.reading_of(text))  # kept: read by the next articles too
        if found > best_closeness:
            best, best_closeness = close[pk], found
    return best


def _texts(ids: list[int]) -> list[tuple[int, str]]:
    """(id, text) of these articles, in the order of `Article.objects.filter(pk__in=ids)` (the model's
    ordering: latest first sighting first), by a cursor: the queryset cost several times its query."""
    quote = connection.ops.quote_name
    table = quote(Article._meta.db_table)
    sql = (
        f"SELECT {table}.{quote('id')}, {table}.{quote('text')} FROM {table}"
        f" WHERE {table}.{quote('id')} IN ({', '.join(['%s'] * len(ids))})"
        f" ORDER BY {table}.{quote('first_seen_at')} DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return cursor.fetchall()


# The copy search's read and write are SQL of their own: compiling them through the ORM was most of an
# article's copy search (exact and near reads 4.0 -> 0.5 ms, the 32 band rows 2.3 -> 0.35 ms, train).
CANDIDATES = 50  # near-copy candidates compared, those sharing the most band keys first
COMPARED_FIELDS = ["id", "text_hash", "copy_of_id"]  # what `_compared` reads of each: attnames, model order


class Candidate(NamedTuple):
    """A stored article `_compared` reads: its id, fingerprint, copy link and stored signature (None
    without one); the article itself (`article`) only for the one found a copy's original."""

    pk: int
    text_hash: str
    copy_of_id: int | None
    minhash: bytes | None

    def article(self) -> Article:
        """The stored article, its other fields deferred."""
        return Article.from_db(connection.alias, COMPARED_FIELDS, [self.pk, self.text_hash, self.copy_of_id])


def _compared(article: Article, keys: list[int]) -> list[Candidate]:
    """The articles seen before this one (first seen no later, not itself) with its text fingerprint or
    one of its band keys, in one query: those with the fingerprint first (the earliest of them is the
    exact copy's original), then those sharing the most band keys (word and anchor bands alike), then
    by first sighting; the first CANDIDATES. Ranked by shared keys because in one case's coverage,
    where every article names the same people, most articles share an anchor band or two with each
    other, and a copy's original, which shares many, would otherwise be crowded out by the earliest.
    Each a `Candidate`, read by a cursor (a raw queryset's set-up cost several times the query, which
    mostly finds nothing; a model instance for each, more than comparing it)."""
    quote = connection.ops.quote_name
    article_table, signature_table = quote(Article._meta.db_table), quote(ArticleSignature._meta.db_table)
    a = {
        name: f"{article_table}.{quote(name)}" for name in ("id", "first_seen_at", "copy_of_id", "text_hash")
    }
    found, hits, article_id = quote("found"), quote("hits"), quote("article_id")
    sharing = ""
    if keys:  # each article sharing a band key, with how many it shares
        sharing = (
            f" UNION ALL SELECT {article_id}, COUNT(*) FROM {quote(SignatureBand._meta.db_table)}"
            f" WHERE {quote('key')} IN ({', '.join(['%s'] * len(keys))}) GROUP BY {article_id}"
        )
    sql = (
        f"SELECT {', '.join(a[name] for name in COMPARED_FIELDS)},"
        f" {signature_table}.{quote('minhash')} AS {quote('minhash')}"
        f" FROM (SELECT {article_id}, MAX({hits}) AS {hits} FROM (SELECT {quote('id')} AS {article_id},"
        f" 0 AS {hits} FROM {article_table} WHERE {quote('text_hash')} = %s{sharing}) {quote('each')}"
        f" GROUP BY {article_id}) {found}"
        f" INNER JOIN {article_table} ON {a['id']} = {found}.{article_id}"
        f" LEFT OUTER JOIN {signature_table} ON {signature_table}.{article_id} = {a['id']}"
        f" WHERE {a['id']} <> %s AND {a['first_seen_at']} <= %s"
        f" ORDER BY CASE WHEN {a['text_hash']} = %s THEN 0 ELSE 1 END, {found}.{hits} DESC,"
        f" {a['first_seen_at']}, {a['id']}"
        f" LIMIT {CANDIDATES}"
    )
    stamp = connection.ops.adapt_datetimefield_value(article.first_seen_at)
    params = [article.text_hash, *keys, article.pk, stamp, article.text_hash]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [Candidate(*row) for row in rows]


def _store_signature(article_id: int, signature: bytes, *, replace: bool) -> None:
    """The article's signature upserted in one statement (update_or_create took five) and, when it may
    have some (`replace`), its old band rows deleted: plain SQL, as the ORM's bulk_create upsert and
    delete cost several times their statements."""
    quote = connection.ops.quote_name
    table, column = quote(ArticleSignature._meta.db_table), quote("minhash")
    value = ArticleSignature._meta.get_field("minhash").get_db_prep_save(signature, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({quote('article_id')}, {column}) VALUES (%s, %s)"
            f" ON CONFLICT ({quote('article_id')}) DO UPDATE SET {column} = excluded.{column}",
            [article_id, value],
        )
        if replace:
            bands = quote(SignatureBand._meta.db_table)
            cursor.execute(f"DELETE FROM {bands} WHERE {quote('article_id')} = %s", [article_id])


def _insert_bands(article_id: int, keys: list[int]) -> None:
    """The article's band rows in one statement; a row stored meanwhile is kept (`ignore_conflicts`)."""
    if not keys:
        return
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(SignatureBand._meta.db_table)} ({quote('article_id')}, {quote('key')})"
        f" VALUES {', '.join(['(%s, %s)'] * len(keys))} ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for key in keys for value in (article_id, key)])


def mark_naming_copies(article: Article) -> None:
    """The stored articles whose page named this one as its original on another site (`original_url`)
    and are no copy yet become its canonical copies (of its first original): one UPDATE in plain SQL
    (the ORM's filter, exclude and update cost several times the statement)."""
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(Article._meta.db_table)} SET {quote('copy_of_id')} = %s, {quote('copy_kind')} = %s"
        f" WHERE {naming_copies()}"
    )
    params = [root_of(article).pk, Article.CopyKind.CANONICAL.value, article.canonical_url, article.pk]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def naming_copies() -> str:
    """The condition of the articles that name an original (its URL and id the two parameters) and are
    no copy yet: read through the `original_url` index (test_copy_links_indexed)."""
    quote = connection.ops.quote_name
    return f"{quote('original_url')} = %s AND {quote('copy_of_id')} IS NULL AND {quote('id')} <> %s"


def follow_canonical(article: Article, canonical: str) -> Article:
    """The article a page's canonical link points at: another site's marks this one a copy of it (when
    stored), the same site's renames this one, or replaces it when stored under that URL already."""
    if not canonical:
        return article
    target = dedupe.canonical_url(canonical)
    if target == article.canonical_url:
        return article
    same_site = dedupe.registrable_domain(target) == dedupe.registrable_domain(article.canonical_url)
    if not same_site:
        article.original_url = target
        original = Article.objects.filter(canonical_url=target).first()
        if original is not None:
            article.copy_of, article.copy_kind = root_of(original), Article.CopyKind.CANONICAL
        return article
    existing = Article.objects.filter(canonical_url=target).exclude(pk=article.pk).first()
    if existing is None:
        article.canonical_url = target
        return article
    # The same article under two URLs: keep the stored one, move this one's feed links to it.
    ArticleFeed.objects.filter(article=article).update(article=existing)
    article.delete()
    return existing
