"""Run the extraction over stored articles, keep what it finds (Mention, DateMention and
ClaimCandidate rows), then cross-reference each article with what was stored before it.

One transaction per batch (per article when the database refuses the batch): the articles' machine rows
are replaced wholesale, so a re-run (or a task that died half-way and ran again) ends with the same rows. Curated entities and aliases come from the database
as plain data; when staff change them, the next batch gets a rebuilt pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Upper
from django.utils.text import slugify

from tracker.cases.models import Entity
from tracker.crossref import candidate_entities, linking, row_inserts
from tracker.crossref.models import ClaimCandidate, DateMention, Mention
from tracker.nlp import extraction
from tracker.nlp.types import Extraction, VocabularyEntry
from tracker.sources.models import Article

ANALYSABLE = (Article.Status.FETCHED, Article.Status.ANALYZED)
CANDIDATE_LABELS = {"PERSON", "ORG", "PRODUCT", "COURT", "LAW", "EVENT"}
CANDIDATE_MIN_ARTICLES = 2
ERROR_CHARS = 2000  # enough for the reason; spaCy's E088 message alone is ~600 characters


@dataclass
class AnalysisResult:
    analyzed: list[int] = field(default_factory=list)
    mentions: int = 0
    claims: int = 0
    new_candidates: list[str] = field(default_factory=list)


def curated_vocabulary() -> tuple[VocabularyEntry, ...]:
    """The curated entities and their aliases, as the plain data the pipeline takes."""
    entities = (
        Entity.objects.filter(status=Entity.Status.CURATED)
        .select_related("represented_by")
        .prefetch_related("aliases")
        .order_by("pk")
    )
    return tuple(
        VocabularyEntry(
            name=e.name,
            kind=e.kind,
            aliases=tuple((a.text, a.case_sensitive) for a in e.aliases.all()),
            entity_id=e.pk,
            represented_by=e.represented_by.name if e.represented_by else None,
        )
        for e in entities
    )


def vocabulary_or_none(warn: Callable[[str], object]) -> tuple[VocabularyEntry, ...]:
    """`curated_vocabulary`, or none (the default rules only) while the database is not ready, said
    through `warn` (the extraction commands': a database is optional to them)."""
    try:
        return curated_vocabulary()
    except DatabaseError as exc:
        warn(f"no curated vocabulary (database not ready: {exc}); using the default rules only")
        return ()


def pending_article_ids(limit: int | None = None) -> list[int]:
    """Articles whose text is stored but not yet analysed, oldest first."""
    ids = Article.objects.filter(status=Article.Status.FETCHED).order_by("first_seen_at", "pk")
    ids = ids.values_list("pk", flat=True)
    return list(ids[:limit] if limit else ids)


def analyze_articles(article_ids: Iterable[int]) -> AnalysisResult:
    """Extract and store entities, claims and dates for these articles (those with text).

    One article's failure is that article's: it is marked failed with the error and the rest of the
    batch goes on (a text spaCy refuses must not keep fifteen innocent articles from ever being read).
    """
    articles = list(Article.objects.filter(pk__in=list(article_ids), status__in=ANALYSABLE).order_by("pk"))
    result = AnalysisResult()
    if not articles:
        return result
    extracted_each = []
    for article, extracted in _extract_each(articles):
        if isinstance(extracted, Exception):
            _mark_failed(article, extracted)
        else:
            extracted_each.append((article, extracted))
    stored, found = [], []
    for article, extracted in store_extractions(extracted_each):
        stored.append(article)
        found.append(extracted)
        result.analyzed.append(article.pk)
        result.mentions += len(extracted.mentions)
        result.claims += len(extracted.claims)
    result.new_candidates = promote_candidates(
        {m.text for e in found for m in e.mentions if m.entity_id is None}
    )
    if stored:
        linking.link_articles(sorted(stored, key=lambda a: (a.first_seen_at, a.pk)))
    return result


def _extract_each(articles: Sequence[Article]) -> list[tuple[Article, Extraction | Exception]]:
    """Each article with its extraction, or with the error that stopped it: the batch in one pass,
    and only when that pass fails, each article alone, so the failing one is found and the others
    are still read."""
    vocabulary = curated_vocabulary()
    try:
        return list(zip(articles, _extract(articles, vocabulary), strict=True))
    except Exception:  # noqa: BLE001 - whatever the extraction raises, it is one article's to carry
        pass
    outcome: list[tuple[Article, Extraction | Exception]] = []
    for article in articles:
        try:
            outcome.append((article, _extract([article], vocabulary)[0]))
        except Exception as error:  # noqa: BLE001
            outcome.append((article, error))
    return outcome


def _extract(articles: Sequence[Article], vocabulary: Sequence[VocabularyEntry]) -> list[Extraction]:
    documents = [
        extraction.Document(text=a.text, published=a.published_at.date() if a.published_at else None)
        for a in articles
    ]
    return extraction.extract(
        documents,
        vocabulary=vocabulary,
        model=settings.SPACY_MODEL,
        numpy_ops=settings.TRACKER_SPACY_NUMPY_OPS,
    )


def _mark_failed(article: Article, error: Exception) -> None:
    message = f"analysis: {type(error).__name__}: {error}"[:ERROR_CHARS]
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FAILED, error=message)


def store_extractions(
    extracted_each: Sequence[tuple[Article, Extraction]],
) -> list[tuple[Article, Extraction]]:
    """Store a batch's extractions (`store_extraction`) in one transaction, a fixed number of queries
    however many articles; when the database refuses the batch, each article alone, and one it
    refuses then is marked failed. The articles stored, with their extractions, in the order given."""
    if not extracted_each:
        return []
    try:
        store_extraction(extracted_each)
        return list(extracted_each)
    except DatabaseError:
        pass
    stored = []
    for article, extracted in extracted_each:
        try:
            store_extraction([(article, extracted)])
        except DatabaseError as error:
            _mark_failed(article, error)
            continue
        stored.append((article, extracted))
    return stored


@transaction.atomic
def store_extraction(extracted_each: Sequence[tuple[Article, Extraction]]) -> None:
    """Replace these articles' machine rows with what their extractions found (rows in the order of
    the articles, as one article after another would store them)."""
    ids = [article.pk for article, _ in extracted_each]
    Mention.objects.filter(article_id__in=ids).delete()
    DateMention.objects.filter(article_id__in=ids).delete()
    ClaimCandidate.objects.filter(article_id__in=ids).delete()
    row_inserts.insert_all(
        Mention,
        ["article_id", "entity_id", "text", "label", "start", "end"],
        (
            (article.pk, m.entity_id, m.text[:300], m.label[:10], m.start, m.end)
            for article, extracted in extracted_each
            for m in _distinct_spans(extracted.mentions)
        ),
    )
    row_inserts.insert_all(
        DateMention,
        ["article_id", "text", "start", "end", "value", "precision", "tense"],
        (
            (article.pk, d.text[:100], d.start, d.end, d.value, d.precision, d.tense or "")
            for article, extracted in extracted_each
            for d in _distinct_spans(extracted.dates)
        ),
    )
    row_inserts.insert_all(
        ClaimCandidate,
        CANDIDATE_FIELDS,
        (_candidate(article.pk, c) for article, extracted in extracted_each for c in extracted.claims),
    )
    Article.objects.filter(pk__in=ids).update(status=Article.Status.ANALYZED, error="")


def _distinct_spans(mentions: Sequence) -> list:
    seen, kept = set(), []
    for mention in mentions:
        if mention.end > mention.start and (mention.start, mention.end) not in seen:
            seen.add((mention.start, mention.end))
            kept.append(mention)
    return kept


CANDIDATE_FIELDS = [
    "article_id", "speaker", "speaker_name", "speaker_entity_id", "speaker_via", "verb", "attribution", "kind", "text",
    "sentence", "start", "end", "sentence_start", "sentence_end", "quotes", "hedges", "confidence",
    "confidence_rule", "date", "date_precision", "date_text",
]  # fmt: skip


def _candidate(article_id: int, claim) -> tuple:
    """A claim's ClaimCandidate row, its values in the order of CANDIDATE_FIELDS; the speaker's name as
    the extraction resolved it (a one-word speaker already stands for its article's full name:
    tracker/nlp/article_names.py)."""
    date = claim.date
    name = claim.speaker_name
    quotes = [
        {"text": q.text, "start": q.start, "end": q.end, "prefix": q.prefix, "suffix": q.suffix}
        for q in claim.quotes
    ]
    return (
        article_id, claim.speaker[:300], (name or "")[:300], claim.speaker_entity_id,
        (claim.speaker_via or "")[:300], claim.verb[:50], claim.attribution, claim.kind, claim.text, claim.sentence, claim.start, claim.end,
        claim.sentence_start, claim.sentence_end, quotes, list(claim.hedges), claim.confidence,
        claim.confidence_rule[:40], date.value if date else None,
        date.precision if date and date.value else "", date.text[:100] if date else "",
    )  # fmt: skip


def promote_candidates(texts: set[str]) -> list[str]:
    """Names that match no curated entity but recur across articles become candidate entities for
    curators to review (never public until a curator promotes them); their mentions link to them.

    A name's entity is read with the recurring names, in the same query: the first of its kind whose
    name matches it ignoring case as `iexact` matches (UPPER on both sides; SQLite folds only ASCII,
    PostgreSQL every letter), by name. A name that differs only in case from one created earlier in the
    batch has that one's slug, and so its entity (`candidate_entities`)."""
    if not texts:
        return []
    known = (
        Entity.objects.annotate(upper=Upper("name"))
        .filter(upper=Upper(OuterRef("text")), kind=OuterRef("label"))
        .order_by("name", "pk")
    )
    recurring = (
        Mention.objects.filter(entity__isnull=True, text__in=texts, label__in=CANDIDATE_LABELS)
        .values("text", "label")
        .annotate(articles=Count("article", distinct=True), entity_id=Subquery(known.values("pk")[:1]))
        .filter(articles__gte=CANDIDATE_MIN_ARTICLES)
    )
    rows = list(recurring)
    unknown = [
        (_candidate_slug(r["text"], r["label"]), r["text"], r["label"])
        for r in rows
        if r["entity_id"] is None
    ]
    ids, created = candidate_entities.entity_ids(unknown) if unknown else ([], [])
    made = iter(ids)
    _link_mentions([(r["entity_id"] or next(made), r["text"], r["label"]) for r in rows])
    return created


def _link_mentions(links: list[tuple[int, str, str]]) -> None:
    """The unlinked mentions of each (entity id, text, label) linked to that entity: one executemany."""
    if not links:
        return
    name = connection.ops.quote_name
    table = name(Mention._meta.db_table)
    entity, text, label = (name(Mention._meta.get_field(f).column) for f in ("entity", "text", "label"))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {entity} = %s WHERE {entity} IS NULL AND {text} = %s AND {label} = %s", links
        )


def _candidate_slug(text: str, label: str) -> str:
    """A slug of the name's Latin letters; a name with none ("Пётр Ильин", "李明") is told apart by a digest
    of the name ignoring case, not collapsed into every other such name of its kind."""
    digest = hashlib.blake2s(text.casefold().encode(), digest_size=5).hexdigest()
    return (slugify(text)[:200] or f"entity-{digest}") + "-" + label.lower()
